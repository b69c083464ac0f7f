import Kizuna
import KizunaCypher
import KizunaRender
import KizunaStore
import Testing

@Suite struct GraphSchemaTests {
  @Test func labelsAndTypesMatchCypher() throws {
    let schema = GraphSchema.describe(Bundled.database)
    let engine = Bundled.engine
    for label in schema.labels {
      let name = CypherText.identifier(label.name)
      #expect(label.count == (try count(engine, "MATCH (n:\(name)) RETURN count(n)")))
      let keys = try rows(engine, "MATCH (n:\(name)) UNWIND keys(n) AS k RETURN DISTINCT k ORDER BY k")
      #expect(label.keys.map { Value.string($0) } == keys.map { $0[0] })
    }
    for type in schema.types {
      let name = CypherText.identifier(type.name)
      #expect(type.count == (try count(engine, "MATCH ()-[r:\(name)]->() RETURN count(r)")))
      let keys = try rows(engine, "MATCH ()-[r:\(name)]->() UNWIND keys(r) AS k RETURN DISTINCT k ORDER BY k")
      #expect(type.keys.map { Value.string($0) } == keys.map { $0[0] })
    }
    #expect(schema.labels.first { $0.name == "Person" }?.keys == ["aliases", "name", "sources"])
    #expect(schema.types.first { $0.name == "MET" }?.keys.contains("occasion") == true)
  }

  @Test func connectionsMatchCypher() throws {
    let schema = GraphSchema.describe(Bundled.database)
    let expected = try rows(
      Bundled.engine,
      """
      MATCH (a)-[r]->(b) UNWIND labels(a) AS la UNWIND labels(b) AS lb
      RETURN la, type(r), lb, count(*) AS n ORDER BY n DESC, la, type(r), lb
      """)
    #expect(
      schema.connections.map {
        [Value.string($0.startLabel), .string($0.type), .string($0.endLabel), .int(Int64($0.count))]
      } == expected)
    let holds = schema.connections.first { $0.pattern == "(:Person)-[:HOLDS]->(:Office)" }
    #expect(holds?.count == 22)
  }

  @Test func multipleLabelsCountUnderEach() throws {
    let (database, _) = try graph(
      """
      CREATE (a:A:B {x: 1})-[:R {w: 2}]->(c:C), (a)-[:R]->(n {y: 3}), (:A {z: 4}), (:`Odd Label`)
      """)
    let schema = GraphSchema.describe(database)
    #expect(schema.labels.map(\.name) == ["A", GraphStatistics.noLabel, "B", "C", "Odd Label"])
    #expect(schema.labels.map(\.count) == [2, 1, 1, 1, 1])
    #expect(schema.labels.first?.keys == ["x", "z"])
    #expect(schema.types.map(\.keys) == [["w"]])
    #expect(
      Set(schema.connections.map(\.pattern)) == [
        "(:A)-[:R]->(:C)", "(:B)-[:R]->(:C)", "(:A)-[:R]->()", "(:B)-[:R]->()",
      ])
  }

  @Test func theMetaGraphHasANodePerLabelAndAnEdgePerPattern() throws {
    let schema = GraphSchema.describe(Bundled.database)
    let extract = schema.extract
    #expect(extract.nodes.count == schema.labels.count)
    #expect(extract.relationships.count == schema.connections.count)
    let person = try #require(extract.nodes.first { $0.labels == ["Person"] })
    #expect(person.properties["caption"] == .string("Person\n18"))
    let holds = try #require(extract.relationships.first { $0.type == "HOLDS" })
    #expect(extract.nodes.first { $0.id == holds.end }?.labels == ["Office"])
    let dot = GraphRenderer.dotText(
      extract, options: RenderOptions(format: .plainDOT, style: schema.drawingStyle))
    #expect(dot.contains("HOLDS 22"))
  }
}
