import Testing

@testable import KizunaCypher

@Suite struct LiteralTests {
  static let cases: [(String, Literal)] = [
    ("null", .null), ("NULL", .null), ("true", .bool(true)), ("FALSE", .bool(false)),
    ("42", .integer(42)), ("0", .integer(0)), ("0x1F", .integer(31)), ("0X1f", .integer(31)),
    ("0o17", .integer(15)), ("017", .integer(15)), ("9223372036854775807", .integer(Int64.max)),
    ("-9223372036854775808", .integer(Int64.min)), ("-0x10", .integer(-16)),
    ("1.5", .float(1.5)), (".5", .float(0.5)), ("1e10", .float(1e10)), ("1.5E-3", .float(1.5e-3)),
    ("2E+2", .float(200)),
    ("'hello'", .string("hello")), ("\"double\"", .string("double")),
    ("'it\\'s'", .string("it's")), ("\"say \\\"hi\\\"\"", .string("say \"hi\"")),
    ("'a\\\\b'", .string("a\\b")), ("'\\b\\f\\n\\r\\t'", .string("\u{8}\u{C}\n\r\t")),
    ("'\\u00e9'", .string("é")), ("'\\U0001F600'", .string("😀")), ("'日本'", .string("日本")),
    ("'mixed \"quotes\"'", .string("mixed \"quotes\"")),
  ]

  @Test(arguments: cases)
  func literalValue(text: String, expected: Literal) throws {
    #expect(try Parser.parseExpression(text).kind == .literal(expected))
  }

  @Test func parameters() throws {
    #expect(try Parser.parseExpression("$name").kind == .parameter("name"))
    #expect(try Parser.parseExpression("$0").kind == .parameter("0"))
    #expect(try Parser.parseExpression("$`odd name`").kind == .parameter("odd name"))
  }

  @Test func escapedIdentifiers() throws {
    #expect(try Parser.parseExpression("`a b`").kind == .variable("a b"))
    #expect(try Parser.parseExpression("`a``b`").kind == .variable("a`b"))
    #expect(try Parser.parseExpression("`MATCH`").kind == .variable("MATCH"))
  }

  @Test func unicodeIdentifier() throws {
    #expect(try Parser.parseExpression("été").kind == .variable("été"))
  }

  @Test func listsAndMaps() throws {
    #expect(render(try Parser.parseExpression("[1, 'a', [], {}]")) == "[1, 'a', [], {}]")
    #expect(render(try Parser.parseExpression("{a: 1, `b c`: [2]}")) == "{a: 1, b c: [2]}")
  }

  @Test func commentsAreSkipped() throws {
    let expression = try Parser.parseExpression("1 /* two\n lines */ + // end\n 2")
    #expect(render(expression) == "(1 + 2)")
  }

  @Test func rangeDotsDoNotMakeFloats() throws {
    let clause = try clauses("MATCH (a)-[*1..3]->(b) RETURN a")[0]
    guard case .match(let match) = clause else { return #expect(Bool(false)) }
    let length = match.pattern.parts[0].element.chain[0].relationship.length
    #expect(length == VariableLength(minimum: 1, maximum: 3))
  }

  @Test func sliceDotsDoNotMakeFloats() throws {
    #expect(render(try Parser.parseExpression("x[1..2]")) == "x[1..2]")
  }
}
