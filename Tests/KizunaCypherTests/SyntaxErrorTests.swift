import Testing

@testable import KizunaCypher

@Suite struct SyntaxErrorTests {
  /// (text, detail, line, column)
  static let cases: [(String, String, Int, Int)] = [
    ("RETRUN 1", "UnexpectedSyntax", 1, 1),
    ("MATCH (n)\nRETURN n +", "UnexpectedSyntax", 2, 11),
    ("RETURN 9223372036854775808", "IntegerOverflow", 1, 8),
    ("RETURN -9223372036854775809", "IntegerOverflow", 1, 9),
    ("RETURN 0x", "InvalidNumberLiteral", 1, 8),
    ("RETURN 12abc", "InvalidNumberLiteral", 1, 8),
    ("RETURN 09", "InvalidNumberLiteral", 1, 8),
    ("RETURN 1e999", "FloatingPointOverflow", 1, 8),
    ("RETURN 'a\\qb'", "InvalidEscapeSequence", 1, 10),
    ("RETURN '\\u12'", "InvalidUnicodeLiteral", 1, 9),
    ("RETURN '\\UFFFFFFFF'", "InvalidUnicodeLiteral", 1, 9),
    ("RETURN 'open", "UnexpectedSyntax", 1, 8),
    ("RETURN `open", "UnexpectedSyntax", 1, 8),
    ("RETURN 1 /* never closed", "UnexpectedSyntax", 1, 10),
    ("MATCH (n RETURN n", "UnexpectedSyntax", 1, 10),
    ("MATCH (a)-[r->(b) RETURN a", "UnexpectedSyntax", 1, 13),
    ("RETURN a != b", "UnexpectedSyntax", 1, 10),
    ("RETURN #", "UnexpectedSyntax", 1, 8),
    ("RETURN 42 \u{2014} 41", "InvalidUnicodeCharacter", 1, 11),
    ("RETURN \u{201C}a\u{201D}", "InvalidUnicodeCharacter", 1, 8),
    ("MATCH (n) RETURN n LIMIT", "UnexpectedSyntax", 1, 25),
    ("RETURN 1 RETURN 2 garbage", "UnexpectedSyntax", 1, 19),
    ("MATCH (n) SET n.x", "UnexpectedSyntax", 1, 18),
    ("MATCH (n) SET 1 = 2", "UnexpectedSyntax", 1, 15),
    ("RETURN CASE END", "UnexpectedSyntax", 1, 13),
    ("MERGE (n) ON DELETE SET n.x = 1", "UnexpectedSyntax", 1, 14),
    ("  \n\n   é MATCH", "UnexpectedSyntax", 3, 4),
    ("MATCH (a)-[:LIKES..]->(c) RETURN c", "InvalidRelationshipPattern", 1, 18),
    ("MATCH (a:A)\nMATCH (a)-[:LIKES*-2]->(c)\nRETURN c.name", "InvalidRelationshipPattern", 2, 19),
    ("MATCH (a)-[*..-1]->(b) RETURN b", "InvalidRelationshipPattern", 1, 15),
    ("MATCH (a)-[r 2]->(b) RETURN b", "InvalidRelationshipPattern", 1, 14),
  ]

  @Test(arguments: cases)
  func errorDetailAndPosition(text: String, detail: String, line: Int, column: Int) throws {
    let error = try #require(parseError(text))
    #expect(error.type == .syntaxError)
    #expect(error.phase == .compile)
    #expect(error.detail == detail)
    #expect(error.line == line)
    #expect(error.column == column)
  }

  @Test func messageForMisspelledClause() throws {
    let error = try #require(parseError("RETRUN n"))
    #expect(error.message.hasPrefix("Invalid input 'RETRUN': expected a clause such as MATCH"))
    #expect(error.message.hasSuffix("(line 1, column 1)"))
    #expect(error.description.hasPrefix("SyntaxError.UnexpectedSyntax: Invalid input 'RETRUN'"))
  }

  @Test func messageAtEndOfInput() throws {
    let error = try #require(parseError("MATCH (n) WHERE"))
    #expect(error.message.hasPrefix("Unexpected end of input: expected an expression"))
  }

  @Test func variableLengthMessages() throws {
    let missingStar = try #require(parseError("MATCH (a)-[:LIKES..]->(c) RETURN c"))
    #expect(missingStar.message.hasPrefix("Invalid input '..': a variable-length relationship needs '*'"))
    #expect(missingStar.message.hasSuffix("(line 1, column 18)"))
    let negative = try #require(parseError("MATCH (a)-[:LIKES*-2]->(c) RETURN c"))
    #expect(negative.description.hasPrefix("SyntaxError.InvalidRelationshipPattern: Invalid input '-'"))
    #expect(negative.message.contains("non-negative"))
    #expect(parseError("MATCH (a)-[:LIKES*0..2]->(c) RETURN c") == nil)
  }

  @Test func notEqualHint() throws {
    #expect(try #require(parseError("RETURN 1 != 2")).message.contains("'<>'"))
  }

  @Test func parseStatementRejectsTwoStatements() throws {
    #expect(throws: CypherError.self) { try Parser.parseStatement("RETURN 1; RETURN 2") }
    #expect(throws: CypherError.self) { try Parser.parseStatement(" ; ") }
  }
}

@Suite struct NestingLimitTests {
  @Test func deepNestingIsAnErrorNotACrash() throws {
    let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
    let error = try #require(parseError("RETURN " + deep))
    #expect(error.message.contains("nested too deeply"))
    let negations = "RETURN " + String(repeating: "NOT ", count: 5000) + "true"
    #expect(parseError(negations)?.message.contains("nested too deeply") == true)
    let minus = "RETURN " + String(repeating: "- ", count: 5000) + "1"
    #expect(parseError(minus)?.message.contains("nested too deeply") == true)
    let lists = "RETURN " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    #expect(parseError(lists)?.message.contains("nested too deeply") == true)
  }

  @Test func reasonableNestingIsFine() throws {
    let nested = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
    #expect(try Parser.parseExpression(nested).kind == .literal(.integer(1)))
  }
}
