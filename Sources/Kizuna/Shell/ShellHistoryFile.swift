import Foundation

/// The shell's history on disk: one entry per line, a multi-line entry
/// written with `\n` for its line breaks (and `\\` for a backslash), so
/// each entry comes back whole. Entries are appended as they are run, so
/// several shells can share the file and a crash loses nothing.
public struct ShellHistoryFile: Sendable {
  public let path: String
  /// How many entries are kept; the file is trimmed when it grows past twice this.
  public var limit: Int

  public init(path: String, limit: Int = 1000) {
    self.path = path
    self.limit = limit
  }

  /// `$KIZUNA_HISTORY`, or `~/.kizuna_history`.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    if let path = environment["KIZUNA_HISTORY"], !path.isEmpty { return path }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.kizuna_history"
  }

  /// The saved entries, oldest first (the newest `limit`, repeats in a row folded).
  public func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    var entries: [String] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
    {
      let entry = Self.decode(line)
      if entries.last != entry { entries.append(entry) }
    }
    return Array(entries.suffix(limit))
  }

  /// Adds an entry at the end of the file (created, readable only by its
  /// owner, if missing).
  public func append(_ entry: String) throws {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard descriptor >= 0 else { throw HistoryError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    let line = Array((Self.encode(entry) + "\n").utf8)
    let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == line.count else {
      throw HistoryError(path: path, reason: String(cString: strerror(errno)))
    }
    try trimIfLong()
  }

  /// Rewrites the file with the newest `limit` entries once it holds twice that.
  private func trimIfLong() throws {
    guard let data = FileManager.default.contents(atPath: path) else { return }
    let lines = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    guard lines > 2 * limit else { return }
    let kept = load().map(Self.encode).joined(separator: "\n") + "\n"
    let temporary = path + ".tmp-\(getpid())"
    guard
      FileManager.default.createFile(
        atPath: temporary, contents: Data(kept.utf8), attributes: [.posixPermissions: 0o600])
    else { throw HistoryError(path: temporary, reason: "cannot be written") }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw HistoryError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  static func encode(_ entry: String) -> String {
    var out = ""
    for character in entry {
      switch character {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\r\n": out += "\\r\\n"
      default: out.append(character)
      }
    }
    return out
  }

  static func decode(_ line: Substring) -> String {
    var out = ""
    var escaped = false
    for character in line {
      if escaped {
        switch character {
        case "n": out += "\n"
        case "r": out += "\r"
        default: out.append(character)
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        out.append(character)
      }
    }
    return out
  }
}

public struct HistoryError: Error, CustomStringConvertible, Sendable {
  public let path: String
  public let reason: String
  public var description: String { "cannot save the history in \(path): \(reason)" }
}
