import Testing

@testable import KizunaCypher

@Test func integerLiteral() throws {
  #expect(try Parser.parseExpression("42").kind == .literal(.integer(42)))
}
