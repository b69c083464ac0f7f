/// The kinds of lexemes the Cypher lexer produces. Arrows are not single
/// tokens: the parser assembles `<-`, `->` and `--` from `<`, `-` and `>`, so
/// that `a<-1` in an expression and `(a)<-(b)` in a pattern lex the same way.
enum TokenKind: UInt8, Sendable {
  case endOfInput
  case identifier
  case escapedIdentifier
  case string
  case integer
  case float
  case parameter
  case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
  case comma, dot, dotDot, colon, semicolon, pipe
  case plus, plusEqual, minus, star, slash, percent, caret
  case equal, notEqual, less, greater, lessEqual, greaterEqual, regexMatch
}

/// One lexeme: its kind, its byte range in the source and where it starts.
/// Trivially copyable on purpose; literal values are decoded by the parser
/// from the source bytes when it needs them.
struct Token: Sendable {
  var kind: TokenKind
  /// The keyword this identifier spells (case-insensitively), or `.plain`.
  var keyword: Keyword
  var start: Int
  var end: Int
  var line: Int
  var column: Int

  var position: SourcePosition { SourcePosition(offset: start, line: line, column: column) }
}
