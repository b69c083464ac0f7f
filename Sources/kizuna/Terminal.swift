import ArgumentParser
import Foundation
import KizunaStore

/// A failure already explained to the user: print the message, exit 1.
struct CLIFailure: Error, CustomStringConvertible {
  let message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

var isTerminal: (stdout: Bool, stderr: Bool) { (isatty(1) != 0, isatty(2) != 0) }

/// A progress bar with rate and ETA on a terminal; silent otherwise.
///
/// The bar and the ETA cover the whole import (bytes of every file), the
/// rate the file being read (rows per second since it started), so neither
/// is skewed by the files before it.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let started = Date()
  private let enabled: Bool
  /// The size of each file, in the order the import reads them.
  private let fileSizes: [Int]
  private let totalBytes: Int
  private var currentFile = -1
  private var fileStarted = Date()
  private var lastDrawn = Date.distantPast
  private var drawn = false

  init(fileSizes: [Int], enabled: Bool = isatty(2) != 0) {
    self.fileSizes = fileSizes
    totalBytes = fileSizes.reduce(0, +)
    self.enabled = enabled
  }

  func update(_ p: BulkImport.Progress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    if p.stage == .finishing {
      draw("finishing: building adjacency and indexes, writing the snapshot...")
      return
    }
    if p.fileIndex != currentFile {
      currentFile = p.fileIndex
      fileStarted = now
    }
    // At most ten redraws a second, but always the end of a file.
    guard p.bytesDone >= p.bytesTotal || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
    lastDrawn = now
    let before = fileSizes.prefix(max(0, min(p.fileIndex, fileSizes.count))).reduce(0, +)
    let done = before + min(p.bytesDone, p.bytesTotal)
    let fraction = totalBytes > 0 ? min(1, Double(done) / Double(totalBytes)) : 1
    let elapsed = now.timeIntervalSince(started)
    let fileElapsed = now.timeIntervalSince(fileStarted)
    let rate = fileElapsed > 0 ? Double(p.rows) / fileElapsed : 0
    let eta = fraction > 0 ? elapsed / fraction - elapsed : nil
    let counter = fileSizes.count > 1 ? " (\(p.fileIndex + 1)/\(fileSizes.count))" : ""
    let text = String(
      format: "%3.0f%%  %@%@  %@ rows  %@ rows/s  ETA %@", fraction * 100, p.file, counter,
      Self.human(Double(p.rows)), Self.human(rate), eta.map(Self.duration) ?? "?")
    draw(text, fraction: fraction)
  }

  /// Draws `text` over the previous line, after a bar when `fraction` is
  /// given and the terminal is wide enough.
  private func draw(_ text: String, fraction: Double? = nil) {
    let columns = Terminal.columns(of: 2)
    var line = text
    if let fraction {
      let width = columns >= 100 ? 30 : 20
      if width + 1 + text.count < columns {
        let filled = Int(fraction * Double(width))
        line =
          String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " " + text
      }
    }
    if line.count > columns - 1 { line = String(line.prefix(max(0, columns - 1))) }
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    drawn = true
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }

  static func human(_ v: Double) -> String {
    if v >= 1e6 { return String(format: "%.1fM", v / 1e6) }
    if v >= 1e3 { return String(format: "%.1fk", v / 1e3) }
    return String(format: "%.0f", v)
  }

  /// `42s`, `3m05s`, `2h07m`.
  static func duration(_ seconds: Double) -> String {
    let s = Int(max(0, seconds.rounded()))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
    return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
  }
}

/// What the CLI asks of the terminal it runs in.
enum Terminal {
  /// The width of the terminal standard output goes to; nil when it goes
  /// to a file or a pipe, where tables keep every cell in full.
  static var outputWidth: Int? { isatty(1) != 0 ? columns(of: 1) : nil }

  /// The columns of the terminal on `descriptor`, or of $COLUMNS, or 80.
  static func columns(of descriptor: Int32) -> Int {
    var size = winsize()
    let status = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCGWINSZ), $0) }
    if status == 0 && size.ws_col > 0 { return Int(size.ws_col) }
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
      return columns
    }
    return 80
  }
}
