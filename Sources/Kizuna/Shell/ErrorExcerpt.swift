/// The line of a statement an error points at, with a caret under the
/// column, as the shell prints it:
///
/// ```
///   2 | RETURN x
///     |        ^
/// ```
public enum ErrorExcerpt {
  /// Empty when the position is not in `source`. `column` counts Unicode
  /// scalars (as the engine does); the caret is placed by display width.
  public static func lines(source: String, line: Int, column: Int) -> [String] {
    let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= sourceLines.count, column >= 1 else { return [] }
    let text = String(sourceLines[line - 1]).replacingOccurrences(of: "\r", with: "")
    let shown = String(text.map { $0 == "\t" ? " " : $0 })
    var prefix = String.UnicodeScalarView()
    prefix.append(contentsOf: shown.unicodeScalars.prefix(column - 1))
    guard column - 1 <= shown.unicodeScalars.count else { return [] }
    let number = String(line)
    let gutter = String(repeating: " ", count: number.count)
    return [
      "  \(number) | \(shown)",
      "  \(gutter) | " + String(repeating: " ", count: DisplayWidth.of(String(prefix))) + "^",
    ]
  }
}
