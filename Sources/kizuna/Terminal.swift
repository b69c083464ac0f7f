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
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let started = Date()
  private let enabled = isatty(2) != 0
  private var drawn = false

  func update(_ p: BulkImport.Progress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let fraction = p.bytesTotal > 0 ? min(1, Double(p.bytesDone) / Double(p.bytesTotal)) : 0
    let elapsed = Date().timeIntervalSince(started)
    let width = 30
    let filled = Int(fraction * Double(width))
    let rate = elapsed > 0 ? Double(p.rows) / elapsed : 0
    let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let line = String(
      format: "\r%@ %@ %3.0f%%  %@ rows  %@ rows/s  ETA %.0fs ", p.file, bar, fraction * 100,
      Self.human(Double(p.rows)), Self.human(rate), eta)
    FileHandle.standardError.write(Data(line.utf8))
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
