import KizunaStore
import Testing

@testable import KizunaCypher

@Suite struct EngineClauseTests {
  @Test func queryEndingInUpdateReturnsNoRows() throws {
    let result = try engineRun("CREATE (), ()")
    #expect(result.columns.isEmpty)
    #expect(result.rows.isEmpty)
    #expect(result.statistics.nodesCreated == 2)
  }

  @Test func typeOfDeletedRelationshipIsReadable() throws {
    #expect(
      try engineRows("CREATE ()-[:T]->(); MATCH ()-[r]->() DELETE r RETURN type(r)") == [[.string("T")]])
  }

  @Test func propertyOfDeletedNodeFails() {
    let error = engineError("CREATE ({num: 0}); MATCH (n) DELETE n RETURN n.num")
    #expect(error?.detail == "DeletedEntityAccess")
    #expect(error?.phase == .runtime)
  }

  @Test(arguments: ["true", "123", "'foo'", "[10]", "{x: 1}"])
  func matchingAValueAsANodeIsATypeConflict(value: String) {
    #expect(engineError("WITH \(value) AS n MATCH (n) RETURN n")?.detail == "VariableTypeConflict")
  }

  @Test func parameterMapInMatchIsRejected() {
    let error = engineError("MATCH (n $param) RETURN n")
    #expect(error?.detail == "InvalidParameterUse")
    #expect(error?.phase == .compile)
  }

  @Test func propertyOfPathIsATypeError() {
    #expect(
      engineError("MATCH r = (n)-[*]->() WHERE r.name = 'apa' RETURN r")?.detail == "InvalidArgumentType")
  }
}

@Suite struct EngineSliceTests {
  @Test func skipMayBeAVariableFreeExpression() throws {
    let rows = try engineRows(
      "UNWIND range(1, 10) AS i WITH i SKIP toInteger(rand() * 9) RETURN count(*) > 0")
    #expect(rows == [[.bool(true)]])
  }

  @Test func negativeSkipParameterFailsAtRuntime() {
    let engine = CypherEngine(database: Database())
    do {
      _ = try engine.run("UNWIND [1, 2] AS x RETURN x SKIP $s", parameters: ["s": .int(-1)])
      Issue.record("expected an error")
    } catch {
      #expect(error.detail == "NegativeIntegerArgument")
      #expect(error.phase == .runtime)
    }
  }

  @Test func floatLimitLiteralFailsAtCompileTime() {
    let error = engineError("UNWIND [1, 2] AS x RETURN x LIMIT 1.5")
    #expect(error?.detail == "InvalidArgumentType")
    #expect(error?.phase == .compile)
  }

  @Test func deletingALabelIsAnInvalidDelete() {
    #expect(engineError("MATCH (n) DELETE n:Person")?.detail == "InvalidDelete")
  }
}

@Suite struct EnginePathTests {
  @Test func zeroLengthVariableLengthPathHasOneNode() throws {
    let rows = try engineRows(
      "CREATE (); MATCH p = ()-[*0..]->() RETURN size(nodes(p)), size(relationships(p))")
    #expect(rows == [[.int(1), .int(0)]])
  }

  @Test func zeroLengthHopsInsideALongerPath() throws {
    let rows = try engineBag(
      "CREATE (:A {name: 'A'})-[:KNOWS]->(:B {name: 'B'})-[:FRIEND]->(:C {name: 'C'}); "
        + "MATCH p = (a {name: 'A'})-[:KNOWS*0..1]->(b)-[:FRIEND*0..1]->(c) RETURN length(p), size(nodes(p))")
    #expect(rows == [[.int(0), .int(1)], [.int(1), .int(2)], [.int(2), .int(3)]])
  }
}

@Suite struct EngineDeletedEntityTests {
  @Test func deletedRelationshipIsReturnedWithItsTypeAndEnds() throws {
    let result = try engineRun("CREATE (:A)-[:T {x: 1}]->(:B); MATCH ()-[r]->() DELETE r RETURN r")
    guard case .relationship(let id)? = result.rows.first?.first else {
      Issue.record("expected a relationship")
      return
    }
    let snapshot = result.relationshipSnapshot(id)
    #expect(snapshot?.type == "T")
    #expect(snapshot?.properties.isEmpty == true)
  }
}

@Suite struct EnginePlanningTests {
  @Test func inlinePropertyFromAnEarlierVariableUsesTheIndex() throws {
    let engine = CypherEngine(database: Database())
    _ = try engine.run("UNWIND range(0, 99) AS i CREATE (:P {id: i}); CREATE INDEX FOR (p:P) ON (p.id)")
    let results = try engine.run(
      "PROFILE UNWIND [3, 5] AS i MATCH (p:P {id: i * 2}) RETURN p.id ORDER BY p.id")
    let result = try #require(results.last)
    #expect(result.rows == [[.int(6)], [.int(10)]])
    #expect(result.plan?.contains("NodeIndexSeek") == true)
  }

  @Test func shortestPathIsAValueInAProjection() throws {
    let rows = try engineRows(
      "CREATE (a:A)-[:T]->(:M)-[:T]->(b:B); MATCH (a:A), (b:B) RETURN length(shortestPath((a)-[:T*]->(b)))")
    #expect(rows == [[.int(2)]])
  }
}
