/// A hand-written recursive-descent parser for openCypher 9, with
/// precedence climbing for expressions. Every error is a compile-time
/// `CypherError` of type `SyntaxError` carrying the offending token's line
/// and column.
public struct Parser {
  let source: [UInt8]
  var tokens: [Token]
  var index = 0
  /// Current nesting of expressions and patterns; bounded so that hostile input
  /// cannot exhaust the stack.
  var depth = 0
  static let maximumDepth = 200

  init(source: [UInt8]) throws(CypherError) {
    self.source = source
    var lexed: Result<[Token], CypherError> = .success([])
    source.withUnsafeBufferPointer { buffer in
      do throws(CypherError) {
        lexed = .success(try Lexer.tokenize(buffer))
      } catch {
        lexed = .failure(error)
      }
    }
    self.tokens = try lexed.get()
  }

  // MARK: - Entry points

  /// Parses a script: statements separated by `;`. A trailing `;` and empty
  /// statements are allowed and skipped.
  public static func parseScript(_ text: String) throws(CypherError) -> [Statement] {
    var parser = try Parser(source: Array(text.utf8))
    var statements: [Statement] = []
    while true {
      while parser.at(.semicolon) { parser.index += 1 }
      if parser.at(.endOfInput) { return statements }
      statements.append(try parser.parseStatement())
      if !parser.at(.semicolon) && !parser.at(.endOfInput) {
        throw parser.unexpected("';' or the end of the statement")
      }
    }
  }

  /// Parses exactly one statement (a trailing `;` is allowed).
  public static func parseStatement(_ text: String) throws(CypherError) -> Statement {
    let statements = try parseScript(text)
    guard let statement = statements.first else {
      throw CypherError.syntax(
        "UnexpectedSyntax", "Unexpected end of input: expected a statement", line: 1, column: 1)
    }
    guard statements.count == 1 else {
      let second = statements[1].position
      throw CypherError.syntax(
        "UnexpectedSyntax", "Expected a single statement but found more than one",
        line: second.line, column: second.column)
    }
    return statement
  }

  /// Parses a single expression, such as `n.age + 1`; useful for tools and tests.
  public static func parseExpression(_ text: String) throws(CypherError) -> Expression {
    var parser = try Parser(source: Array(text.utf8))
    let expression = try parser.parseExpression()
    guard parser.at(.endOfInput) else { throw parser.unexpected("the end of the expression") }
    return expression
  }

  // MARK: - Token helpers

  var current: Token { tokens[index] }

  func peek(_ ahead: Int) -> Token {
    let position = index + ahead
    return position < tokens.count ? tokens[position] : tokens[tokens.count - 1]
  }

  func at(_ kind: TokenKind) -> Bool { tokens[index].kind == kind }

  func at(_ keyword: Keyword) -> Bool {
    tokens[index].kind == .identifier && tokens[index].keyword == keyword
  }

  func peekIs(_ ahead: Int, _ keyword: Keyword) -> Bool {
    let token = peek(ahead)
    return token.kind == .identifier && token.keyword == keyword
  }

  mutating func advance() -> Token {
    let token = tokens[index]
    if token.kind != .endOfInput { index += 1 }
    return token
  }

  mutating func accept(_ kind: TokenKind) -> Bool {
    guard at(kind) else { return false }
    index += 1
    return true
  }

  mutating func accept(_ keyword: Keyword) -> Bool {
    guard at(keyword) else { return false }
    index += 1
    return true
  }

  @discardableResult
  mutating func expect(_ kind: TokenKind, _ what: String) throws(CypherError) -> Token {
    guard at(kind) else { throw unexpected(what) }
    return advance()
  }

  mutating func expect(_ keyword: Keyword) throws(CypherError) {
    guard accept(keyword) else { throw unexpected(keyword.spelling) }
  }

  /// End offset of the last consumed token.
  var previousEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

  func text(_ token: Token) -> String {
    String(decoding: source[token.start..<token.end], as: UTF8.self)
  }

  func text(from start: Int, to end: Int) -> String {
    String(decoding: source[start..<max(start, end)], as: UTF8.self)
  }

  /// "Invalid input 'X': expected Y (line, column)" at the current token.
  func unexpected(_ expected: String) -> CypherError {
    let token = current
    if token.kind == .endOfInput {
      return CypherError.syntax(
        "UnexpectedSyntax", "Unexpected end of input: expected \(expected)",
        line: token.line, column: token.column)
    }
    return CypherError.syntax(
      "UnexpectedSyntax", "Invalid input '\(text(token))': expected \(expected)",
      line: token.line, column: token.column)
  }

  /// Enters one level of nesting; pair with `depth -= 1` (usually in a `defer`).
  mutating func enterNesting() throws(CypherError) {
    depth += 1
    guard depth <= Parser.maximumDepth else {
      throw CypherError.syntax(
        "UnexpectedSyntax",
        "The statement is nested too deeply (more than \(Parser.maximumDepth) levels)",
        line: current.line, column: current.column)
    }
  }

  // MARK: - Names

  /// True when the current token can be a name (any identifier, including keywords, or an escaped one).
  var atName: Bool { at(.identifier) || at(.escapedIdentifier) }

  /// A label, type, property key or namespace: any identifier, keywords included.
  mutating func parseName(_ what: String) throws(CypherError) -> String {
    let token = current
    switch token.kind {
    case .identifier:
      index += 1
      return text(token)
    case .escapedIdentifier:
      index += 1
      return unescapeIdentifier(token)
    default:
      throw unexpected(what)
    }
  }

  /// True when the current token can be a variable in an expression.
  var atVariable: Bool {
    (at(.identifier) && !current.keyword.isReserved) || at(.escapedIdentifier)
  }

  /// A variable name: reserved words must be escaped with backticks.
  mutating func parseVariable() throws(CypherError) -> String {
    guard atVariable else { throw unexpected("a variable name") }
    return try parseName("a variable name")
  }

  func unescapeIdentifier(_ token: Token) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(token.end - token.start - 2)
    var position = token.start + 1
    while position < token.end - 1 {
      let byte = source[position]
      bytes.append(byte)
      position += byte == 0x60 ? 2 : 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
