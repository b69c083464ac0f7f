/// One statement cut from shell input (without its `;`), with the line and
/// column (1-based, in Unicode scalars like the engine's) where it starts.
public struct ShellStatement: Equatable, Sendable {
  public var text: String
  public var line: Int
  public var column: Int

  public init(text: String, line: Int = 1, column: Int = 1) {
    self.text = text
    self.line = line
    self.column = column
  }

  /// The text preceded by blank lines and spaces up to where it started, so
  /// the line and column of an error are those of the whole input, not of
  /// the statement on its own.
  public var positionedText: String {
    String(repeating: "\n", count: max(0, line - 1)) + String(repeating: " ", count: max(0, column - 1))
      + text
  }
}

/// Finds where statements end: at a `;` outside string literals, backtick
/// names and comments. The shell uses it to know when an entry is complete
/// and to run several statements typed on one line in order.
///
/// ```swift
/// let split = StatementSplitter.split("RETURN ';' AS s; MATCH (n)")
/// // split.statements == [RETURN ';' AS s], split.remainder == " MATCH (n)"
/// ```
public enum StatementSplitter {
  public struct Split: Equatable, Sendable {
    /// The statements ended by a `;`, in order; empty ones (`;;`, only a comment) are left out.
    public var statements: [ShellStatement]
    /// What follows the last `;`: the start of a statement still being typed.
    public var remainder: String
    public var remainderLine: Int
    public var remainderColumn: Int
    /// Whether the remainder holds anything besides white space and comments.
    public var remainderHasContent: Bool
    /// Whether the text ends inside a string, a backtick name or a block comment.
    public var endsInsideLiteral: Bool

    /// The remainder as a statement of its own (for input that ends without a `;`).
    public var remainderStatement: ShellStatement? {
      guard remainderHasContent else { return nil }
      return StatementSplitter.split(remainder + ";", line: remainderLine, column: remainderColumn)
        .statements.first
    }
  }

  private enum State { case code, singleQuoted, doubleQuoted, backticked, lineComment, blockComment }

  /// Splits `text`, which starts at `line` and `column` of a longer input.
  public static func split(_ text: String, line: Int = 1, column: Int = 1) -> Split {
    let scalars = Array(text.unicodeScalars)
    var statements: [ShellStatement] = []
    var state = State.code
    var line = line, column = column
    // Where the current statement's first significant character is, if seen yet.
    var start: (index: Int, line: Int, column: Int)?
    var lastSignificant = -1
    var pieceStart = (index: 0, line: line, column: column)
    var index = 0

    func advance() {
      if scalars[index] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
    func next() -> Unicode.Scalar? { index + 1 < scalars.count ? scalars[index + 1] : nil }
    func markSignificant() {
      if start == nil { start = (index, line, column) }
    }

    while index < scalars.count {
      let scalar = scalars[index]
      switch state {
      case .code:
        if scalar == ";" {
          if let s = start {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[s.index...lastSignificant])
            statements.append(ShellStatement(text: String(piece), line: s.line, column: s.column))
          }
          start = nil
          advance()
          pieceStart = (index, line, column)
          continue
        }
        if scalar == "/" && next() == "/" {
          state = .lineComment
          advance()
        } else if scalar == "/" && next() == "*" {
          state = .blockComment
          advance()
        } else if scalar.properties.isWhitespace {
          // Trivia: neither starts nor ends a statement.
        } else {
          markSignificant()
          switch scalar {
          case "'": state = .singleQuoted
          case "\"": state = .doubleQuoted
          case "`": state = .backticked
          default: break
          }
          lastSignificant = index
        }
      case .singleQuoted, .doubleQuoted:
        lastSignificant = index
        if scalar == "\\" && index + 1 < scalars.count {
          advance()
          lastSignificant = index
        } else if scalar == (state == .singleQuoted ? "'" : "\"") {
          state = .code
        }
      case .backticked:
        lastSignificant = index
        if scalar == "`" { state = .code }
      case .lineComment:
        if scalar == "\n" { state = .code }
      // A comment inside a statement belongs to it; one after the last token does not.
      case .blockComment:
        if scalar == "*" && next() == "/" {
          advance()
          state = .code
        }
      }
      advance()
    }

    var remainder = String.UnicodeScalarView()
    remainder.append(contentsOf: scalars[pieceStart.index...])
    return Split(
      statements: statements, remainder: String(remainder), remainderLine: pieceStart.line,
      remainderColumn: pieceStart.column, remainderHasContent: start != nil,
      endsInsideLiteral: state != .code && state != .lineComment)
  }

  /// Whether a shell entry is ready to run: a shell command (a line starting
  /// with `:`), nothing at all, or statements that all end with `;`.
  public static func isComplete(_ entry: String) -> Bool {
    if ShellDirective.isDirective(entry) { return true }
    let split = split(entry)
    return !split.remainderHasContent && !split.endsInsideLiteral
  }
}
