/// Splits Cypher text into tokens, working directly on its UTF-8 bytes.
///
/// Comments and whitespace are skipped. Literal values are not decoded here
/// (the parser does that from the token's byte range) but their shape is
/// checked, so malformed numbers and escapes are reported with their position.
struct Lexer {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var line = 1
  private var lineStart = 0
  /// UTF-8 continuation bytes seen on the current line before `index`, so
  /// columns count characters rather than bytes.
  private var continuationBytes = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Lexes the whole input; the last token is always `.endOfInput`.
  static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) throws(CypherError) -> [Token] {
    var lexer = Lexer(bytes: bytes)
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 3 + 2)
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .endOfInput { return tokens }
    }
  }

  private var column: Int { index - lineStart - continuationBytes + 1 }

  private func peek(_ ahead: Int = 0) -> UInt8 {
    let position = index + ahead
    return position < bytes.count ? bytes[position] : 0
  }

  /// Advances over one byte, keeping line and column bookkeeping right.
  private mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == 0x0A {
      line += 1
      lineStart = index
      continuationBytes = 0
    } else if byte & 0xC0 == 0x80 {
      continuationBytes += 1
    }
  }

  private func error(_ detail: String, _ message: String, line: Int, column: Int) -> CypherError {
    CypherError.syntax(detail, message, line: line, column: column)
  }

  private mutating func skipTrivia() throws(CypherError) {
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B {
        advance()
      } else if byte == 0x2F && peek(1) == 0x2F {
        while index < bytes.count && bytes[index] != 0x0A { advance() }
      } else if byte == 0x2F && peek(1) == 0x2A {
        let startLine = line
        let startColumn = column
        advance()
        advance()
        while true {
          guard index < bytes.count else {
            throw error(
              "UnexpectedSyntax", "Unterminated comment: '/*' is never closed with '*/'",
              line: startLine, column: startColumn)
          }
          if bytes[index] == 0x2A && peek(1) == 0x2F {
            advance()
            advance()
            break
          }
          advance()
        }
      } else if byte == 0xC2 && peek(1) == 0xA0 {
        advance()  // no-break space
        advance()
      } else {
        return
      }
    }
  }

  mutating func next() throws(CypherError) -> Token {
    try skipTrivia()
    let start = index
    let startLine = line
    let startColumn = column
    func make(_ kind: TokenKind, _ keyword: Keyword = .plain) -> Token {
      Token(kind: kind, keyword: keyword, start: start, end: index, line: startLine, column: startColumn)
    }
    guard index < bytes.count else { return make(.endOfInput) }
    let byte = bytes[index]
    if byte >= 0x80, let ascii = Lexer.lookalikes[Lexer.characterAt(bytes, index)] {
      throw error(
        "InvalidUnicodeCharacter",
        "Invalid input '\(Lexer.characterAt(bytes, index))': a typographic character; did you mean '\(ascii)'?",
        line: startLine, column: startColumn)
    }
    if Lexer.isIdentifierStart(byte) {
      scanIdentifierBody()
      return make(.identifier, Keyword.lookup(bytes, from: start, to: index))
    }
    if Lexer.isDigit(byte) || (byte == 0x2E && Lexer.isDigit(peek(1))) {
      try scanNumber(line: startLine, column: startColumn)
      let isFloat =
        bytes[start..<index].contains { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
        && !(index - start > 1 && bytes[start] == 0x30 && (bytes[start + 1] | 0x20) == 0x78)
      return make(isFloat ? .float : .integer)
    }
    advance()
    switch byte {
    case 0x28: return make(.leftParen)
    case 0x29: return make(.rightParen)
    case 0x5B: return make(.leftBracket)
    case 0x5D: return make(.rightBracket)
    case 0x7B: return make(.leftBrace)
    case 0x7D: return make(.rightBrace)
    case 0x2C: return make(.comma)
    case 0x3A: return make(.colon)
    case 0x3B: return make(.semicolon)
    case 0x7C: return make(.pipe)
    case 0x2D: return make(.minus)
    case 0x2A: return make(.star)
    case 0x2F: return make(.slash)
    case 0x25: return make(.percent)
    case 0x5E: return make(.caret)
    case 0x2E:
      if peek() == 0x2E {
        advance()
        return make(.dotDot)
      }
      return make(.dot)
    case 0x2B:
      if peek() == 0x3D {
        advance()
        return make(.plusEqual)
      }
      return make(.plus)
    case 0x3D:
      if peek() == 0x7E {
        advance()
        return make(.regexMatch)
      }
      return make(.equal)
    case 0x3C:
      if peek() == 0x3E {
        advance()
        return make(.notEqual)
      }
      if peek() == 0x3D {
        advance()
        return make(.lessEqual)
      }
      return make(.less)
    case 0x3E:
      if peek() == 0x3D {
        advance()
        return make(.greaterEqual)
      }
      return make(.greater)
    case 0x21 where peek() == 0x3D:
      throw error(
        "UnexpectedSyntax", "Invalid input '!=': Cypher writes 'not equal' as '<>'",
        line: startLine, column: startColumn)
    case 0x27, 0x22:
      try scanString(quote: byte, line: startLine, column: startColumn)
      return make(.string)
    case 0x60:
      try scanEscapedIdentifier(line: startLine, column: startColumn)
      return make(.escapedIdentifier)
    case 0x24:
      if index < bytes.count && (Lexer.isIdentifierStart(bytes[index]) || Lexer.isDigit(bytes[index])) {
        scanIdentifierBody()
      } else if peek() == 0x60 {
        advance()
        try scanEscapedIdentifier(line: startLine, column: startColumn)
      } else {
        throw error(
          "UnexpectedSyntax", "Invalid input '$': expected a parameter name after '$'",
          line: startLine, column: startColumn)
      }
      return make(.parameter)
    default:
      index = start
      let character = Lexer.characterAt(bytes, start)
      throw error(
        "UnexpectedSyntax", "Invalid input '\(character)': this character cannot start a token",
        line: startLine, column: startColumn)
    }
  }

  // MARK: - Scanners

  private mutating func scanIdentifierBody() {
    while index < bytes.count && Lexer.isIdentifierPart(bytes[index]) { advance() }
  }

  private mutating func scanEscapedIdentifier(line: Int, column: Int) throws(CypherError) {
    while true {
      guard index < bytes.count else {
        throw error(
          "UnexpectedSyntax", "Unterminated escaped identifier: a '`' is never closed",
          line: line, column: column)
      }
      if bytes[index] == 0x60 {
        advance()
        if peek() == 0x60 {
          advance()  // a doubled backtick stands for one backtick
          continue
        }
        return
      }
      advance()
    }
  }

  private mutating func scanString(quote: UInt8, line: Int, column: Int) throws(CypherError) {
    while true {
      guard index < bytes.count else {
        throw error(
          "UnexpectedSyntax", "Unterminated string literal: add the closing \(quote == 0x27 ? "'" : "\"")",
          line: line, column: column)
      }
      let byte = bytes[index]
      if byte == quote {
        advance()
        return
      }
      if byte == 0x5C {
        let escapeLine = self.line
        let escapeColumn = self.column
        advance()
        guard index < bytes.count else { continue }
        let escaped = bytes[index]
        switch escaped {
        case 0x5C, 0x27, 0x22, 0x62, 0x66, 0x6E, 0x72, 0x74, 0x42, 0x46, 0x4E, 0x52, 0x54:
          advance()
        case 0x75, 0x55:
          advance()
          let digits = escaped == 0x75 ? 4 : 8
          for _ in 0..<digits {
            guard index < bytes.count, Lexer.isHexDigit(bytes[index]) else {
              throw error(
                "InvalidUnicodeLiteral",
                "Invalid unicode escape: '\\\(escaped == 0x75 ? "u" : "U")' needs \(digits) hex digits",
                line: escapeLine, column: escapeColumn)
            }
            advance()
          }
        default:
          throw error(
            "InvalidEscapeSequence",
            "Invalid escape sequence '\\\(Lexer.characterAt(bytes, index))' in a string literal",
            line: escapeLine, column: escapeColumn)
        }
        continue
      }
      advance()
    }
  }

  /// Scans decimal, hexadecimal (`0x`), octal (`0o`, legacy `017`) integers and
  /// floats. A `.` followed by another `.` ends the number so `1..3` is a range.
  private mutating func scanNumber(line: Int, column: Int) throws(CypherError) {
    let start = index
    if bytes[index] == 0x30 && (peek(1) | 0x20) == 0x78 {
      advance()
      advance()
      let digitsStart = index
      while index < bytes.count && Lexer.isHexDigit(bytes[index]) { advance() }
      try checkNumberEnd(start: start, empty: index == digitsStart, line: line, column: column)
      return
    }
    if bytes[index] == 0x30 && (peek(1) | 0x20) == 0x6F {
      advance()
      advance()
      let digitsStart = index
      while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x37 { advance() }
      try checkNumberEnd(start: start, empty: index == digitsStart, line: line, column: column)
      return
    }
    while index < bytes.count && Lexer.isDigit(bytes[index]) { advance() }
    if peek() == 0x2E && Lexer.isDigit(peek(1)) {
      advance()
      while index < bytes.count && Lexer.isDigit(bytes[index]) { advance() }
    }
    if (peek() | 0x20) == 0x65 {
      let afterE = peek(1)
      if Lexer.isDigit(afterE) || ((afterE == 0x2D || afterE == 0x2B) && Lexer.isDigit(peek(2))) {
        advance()
        advance()
        while index < bytes.count && Lexer.isDigit(bytes[index]) { advance() }
      }
    }
    try checkNumberEnd(start: start, empty: false, line: line, column: column)
  }

  /// A number running straight into letters (`12abc`, `0x`) is one bad literal, not two tokens.
  private mutating func checkNumberEnd(start: Int, empty: Bool, line: Int, column: Int) throws(CypherError) {
    guard empty || (index < bytes.count && Lexer.isIdentifierPart(bytes[index])) else { return }
    scanIdentifierBody()
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    throw error("InvalidNumberLiteral", "Invalid number literal '\(text)'", line: line, column: column)
  }

  // MARK: - Character classes

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
  }

  /// ASCII letters and `_`, or any non-ASCII byte: identifiers may use Unicode letters.
  static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
  }

  static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

  /// The whole character starting at `offset`, for error messages.
  /// Typographic dashes and quotes that word processors put in place of
  /// Cypher's ASCII ones, with the character that was meant.
  static let lookalikes: [String: String] = [
    "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-",
    "\u{2212}": "-", "\u{FE63}": "-", "\u{FF0D}": "-",
    "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
  ]

  static func characterAt(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> String {
    guard offset < bytes.count else { return "" }
    var end = offset + 1
    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(decoding: bytes[offset..<end], as: UTF8.self)
  }
}
