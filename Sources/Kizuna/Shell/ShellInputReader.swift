import Foundation

/// One thing for the shell to run: a Cypher statement, or a shell command
/// with the line it was on.
public enum ShellInput: Equatable, Sendable {
  case statement(ShellStatement)
  case directive(String, line: Int)
}

/// Cuts a stream of lines (a piped script, or an entry typed at the
/// prompt) into statements and shell commands. A line starting with `:`
/// is a command when no statement is half-written; statements end at `;`,
/// and the last one may go without.
///
/// ```swift
/// var reader = ShellInputReader()
/// reader.add(line: "MATCH (p:Person)")           // []
/// reader.add(line: "RETURN p.name; :timing off") // [.statement(MATCH ... RETURN p.name)]
/// ```
public struct ShellInputReader: Sendable {
  private var pending = ""
  private var pendingLine = 1
  private var pendingColumn = 1
  private var nextLine = 1
  private var pendingHasContent = false
  private var pendingInLiteral = false

  public init() {}

  /// Whether a statement has started and not yet ended.
  public var isInsideStatement: Bool { pendingHasContent || pendingInLiteral }

  public mutating func add(line: String) -> [ShellInput] {
    let number = nextLine
    nextLine += 1
    if !isInsideStatement && ShellDirective.isDirective(line) {
      pending = ""
      pendingLine = nextLine
      pendingColumn = 1
      return [.directive(line, line: number)]
    }
    pending += line + "\n"
    // No statement can end on a line without ';', and one already started stays started:
    // skip scanning the (perhaps long) statement again.
    if pendingHasContent && !line.contains(";") { return [] }
    let split = StatementSplitter.split(pending, line: pendingLine, column: pendingColumn)
    pending = split.remainder
    pendingLine = split.remainderLine
    pendingColumn = split.remainderColumn
    pendingHasContent = split.remainderHasContent
    pendingInLiteral = split.endsInsideLiteral
    return split.statements.map { .statement($0) }
  }

  /// The end of the input: a last statement without `;` still runs.
  public mutating func finish() -> [ShellInput] {
    defer {
      pending = ""
      pendingHasContent = false
      pendingInLiteral = false
    }
    let split = StatementSplitter.split(pending, line: pendingLine, column: pendingColumn)
    guard split.remainderHasContent else { return [] }
    let text = split.remainder.trimmingCharacters(in: .whitespacesAndNewlines)
    // Where the text starts: skip the leading white space of the remainder.
    var line = split.remainderLine, column = split.remainderColumn
    for scalar in split.remainder.unicodeScalars {
      if !scalar.properties.isWhitespace { break }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return [.statement(ShellStatement(text: text, line: line, column: column))]
  }

  /// Splits a whole entry (or script) at once.
  public static func inputs(in text: String) -> [ShellInput] {
    var reader = ShellInputReader()
    var out: [ShellInput] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      out += reader.add(line: String(line))
    }
    return out + reader.finish()
  }
}
