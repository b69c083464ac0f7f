// Decoding literal tokens into values. The lexer already checked their shape,
// so what is left is range checking and escape decoding.

extension Parser {
  /// The value of an integer token; `negated` lets `-9223372036854775808` parse.
  func integerValue(_ token: Token, negated: Bool = false) throws(CypherError) -> Int64 {
    var position = token.start
    var radix: UInt64 = 10
    if token.end - token.start > 1 && source[position] == 0x30 {
      let marker = source[position + 1] | 0x20
      if marker == 0x78 {
        radix = 16
        position += 2
      } else if marker == 0x6F {
        radix = 8
        position += 2
      } else {
        radix = 8  // legacy octal: 017
        position += 1
      }
    }
    var magnitude: UInt64 = 0
    while position < token.end {
      let byte = source[position]
      let digit: UInt64
      if Lexer.isDigit(byte) {
        digit = UInt64(byte - 0x30)
      } else {
        digit = UInt64((byte | 0x20) - 0x61 + 10)
      }
      guard digit < radix else {
        throw CypherError.syntax(
          "InvalidNumberLiteral", "Invalid number literal '\(text(token))': '0' starts an octal number",
          line: token.line, column: token.column)
      }
      let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: radix)
      let (sum, overflowB) = shifted.addingReportingOverflow(digit)
      guard !overflowA && !overflowB else { throw integerOverflow(token) }
      magnitude = sum
      position += 1
    }
    let limit = UInt64(Int64.max) + (negated ? 1 : 0)
    guard magnitude <= limit else { throw integerOverflow(token) }
    if negated {
      return magnitude == limit ? Int64.min : -Int64(magnitude)
    }
    return Int64(magnitude)
  }

  private func integerOverflow(_ token: Token) -> CypherError {
    CypherError.syntax(
      "IntegerOverflow", "Integer literal '\(text(token))' is too large for a 64-bit integer",
      line: token.line, column: token.column)
  }

  func floatValue(_ token: Token) throws(CypherError) -> Double {
    guard let value = Double(text(token)) else {
      throw CypherError.syntax(
        "InvalidNumberLiteral", "Invalid number literal '\(text(token))'",
        line: token.line, column: token.column)
    }
    guard value.isFinite else {
      throw CypherError.syntax(
        "FloatingPointOverflow", "Float literal '\(text(token))' is too large",
        line: token.line, column: token.column)
    }
    return value
  }

  /// Decodes a quoted string token's escapes.
  func stringValue(_ token: Token) throws(CypherError) -> String {
    var position = token.start + 1
    let end = token.end - 1
    var output: [UInt8] = []
    output.reserveCapacity(end - position)
    while position < end {
      let byte = source[position]
      guard byte == 0x5C, position + 1 < end else {
        output.append(byte)
        position += 1
        continue
      }
      let escaped = source[position + 1]
      position += 2
      switch escaped {
      case 0x62, 0x42: output.append(0x08)
      case 0x66, 0x46: output.append(0x0C)
      case 0x6E, 0x4E: output.append(0x0A)
      case 0x72, 0x52: output.append(0x0D)
      case 0x74, 0x54: output.append(0x09)
      case 0x75, 0x55:
        let digits = escaped == 0x75 ? 4 : 8
        var scalarValue: UInt32 = 0
        for offset in 0..<digits {
          let digit = source[position + offset]
          let value = Lexer.isDigit(digit) ? digit - 0x30 : (digit | 0x20) - 0x61 + 10
          scalarValue = scalarValue &* 16 &+ UInt32(value)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
          let column = token.column + (position - 2 - token.start)
          throw CypherError.syntax(
            "InvalidUnicodeLiteral",
            "Invalid unicode escape: U+\(String(scalarValue, radix: 16, uppercase: true)) is not a character",
            line: token.line, column: column)
        }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
        position += digits
      default:
        output.append(escaped)  // \\ \' \"
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
