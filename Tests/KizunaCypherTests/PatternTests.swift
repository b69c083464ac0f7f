import Testing

@testable import KizunaCypher

@Suite struct PatternTests {
  private func firstPart(_ text: String) throws -> PatternPart {
    guard case .match(let match) = try clauses("MATCH \(text) RETURN 1")[0] else {
      throw CypherError.runtime(.syntaxError, "Test", "not a match")
    }
    return match.pattern.parts[0]
  }

  @Test func nodePattern() throws {
    let node = try firstPart("(v:A:B {k: 1, m: 'x'})").element.start
    #expect(node.variable == "v")
    #expect(node.labels == ["A", "B"])
    #expect(render(try #require(node.properties)) == "{k: 1, m: 'x'}")
  }

  @Test func nodeWithParameterProperties() throws {
    let node = try firstPart("(v $props)").element.start
    #expect(node.properties?.kind == .parameter("props"))
  }

  @Test func anonymousNode() throws {
    let node = try firstPart("()").element.start
    #expect(node.variable == nil && node.labels.isEmpty && node.properties == nil)
  }

  @Test(arguments: [
    ("(a)-->(b)", RelationshipDirection.outgoing), ("(a)<--(b)", .incoming), ("(a)--(b)", .both),
    ("(a)-[r]->(b)", .outgoing), ("(a)<-[r]-(b)", .incoming), ("(a)-[r]-(b)", .both),
    ("(a)<-[r]->(b)", .both), ("(a)<-->(b)", .both),
  ])
  func directions(text: String, direction: RelationshipDirection) throws {
    #expect(try firstPart(text).element.chain[0].relationship.direction == direction)
  }

  @Test func relationshipDetail() throws {
    let relationship = try firstPart("(a)-[r:T|U|:V *1..3 {k: 2}]->(b)").element.chain[0].relationship
    #expect(relationship.variable == "r")
    #expect(relationship.types == ["T", "U", "V"])
    #expect(relationship.length == VariableLength(minimum: 1, maximum: 3))
    #expect(relationship.properties != nil)
  }

  @Test(arguments: [
    ("*", VariableLength(minimum: nil, maximum: nil)), ("*2", VariableLength(minimum: 2, maximum: 2)),
    ("*1..3", VariableLength(minimum: 1, maximum: 3)), ("*..5", VariableLength(minimum: nil, maximum: 5)),
    ("*3..", VariableLength(minimum: 3, maximum: nil)), ("* 1 .. 3", VariableLength(minimum: 1, maximum: 3)),
  ])
  func variableLengths(text: String, length: VariableLength) throws {
    #expect(try firstPart("(a)-[\(text)]->(b)").element.chain[0].relationship.length == length)
  }

  @Test func singleHopHasNoLength() throws {
    #expect(try firstPart("(a)-[:T]->(b)").element.chain[0].relationship.length == nil)
  }

  @Test func namedPathAndChain() throws {
    let part = try firstPart("p = (a)-[:X]->(b)<-[:Y]-(c)")
    #expect(part.variable == "p")
    #expect(part.element.nodes.map(\.variable) == ["a", "b", "c"])
  }

  @Test func shortestPaths() throws {
    let shortest = try firstPart("p = shortestPath((a)-[*]-(b))")
    #expect(shortest.kind == .shortestPath && shortest.variable == "p")
    #expect(try firstPart("allShortestPaths((a)-[*]-(b))").kind == .allShortestPaths)
  }

  @Test func parenthesisedElement() throws {
    #expect(try firstPart("((a)-->(b))").element.chain.count == 1)
  }

  @Test func keywordsAsLabelsAndVariablesInPatterns() throws {
    let part = try firstPart("(end:Match)-[order:CREATE]->(b)")
    #expect(part.element.start.variable == "end")
    #expect(part.element.start.labels == ["Match"])
    #expect(part.element.chain[0].relationship.types == ["CREATE"])
  }

  @Test func patternPositions() throws {
    let part = try firstPart("(a)\n  -[r]->(b)")
    #expect(part.element.chain[0].relationship.position == SourcePosition(offset: 12, line: 2, column: 3))
    #expect(part.element.chain[0].node.position.column == 9)
  }
}
