import CGraphviz
import Synchronization

/// Collects what Graphviz reports through `agerr`, so messages become Swift
/// errors instead of text on standard error.
///
/// Graphviz calls a plain C function pointer, which cannot capture context,
/// so the messages go to one process-wide buffer. Every Graphviz call runs
/// under `GraphvizSession`'s lock, so one call's messages never mix with
/// another's; the buffer has its own lock because Swift requires it.
enum GraphvizDiagnostics {
  static let buffer = Mutex<String>("")

  /// Routes Graphviz's error output to the buffer; errors only, since
  /// warnings (font substitutions, size hints) are not failures.
  static func install() {
    _ = agseterrf { message in
      guard let message else { return 0 }
      let text = String(cString: message)
      GraphvizDiagnostics.buffer.withLock { $0 += text }
      return 0
    }
    _ = agseterr(AGERR)
  }

  /// Empties the buffer before a Graphviz call.
  static func reset() {
    _ = agreseterrors()
    buffer.withLock { $0 = "" }
  }

  /// The messages since the last reset, trimmed, with Graphviz's
  /// `Error: ` prefixes removed.
  static func take() -> String {
    let text = buffer.withLock { text in
      defer { text = "" }
      return text
    }
    return
      text
      .split(separator: "\n")
      .map { $0.hasPrefix("Error: ") ? $0.dropFirst(7) : $0 }
      .map { $0.trimmingCharacters() }
      .filter { !$0.isEmpty }
      .joined(separator: "; ")
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> String {
    var slice = self[...]
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
  }
}
