import KizunaStore
import Testing

@testable import KizunaCypher

/// A(prop 1) has three outgoing R relationships (to B, C and D), B(prop 1)
/// one (to D); C(prop 2) and D(prop 3) none.
private let graph = """
  CREATE (a:A {prop: 1})-[:R]->(b:B {prop: 1}), (a)-[:R]->(:C {prop: 2}), (a)-[:R]->(d:D {prop: 3}),
         (b)-[:R]->(d);
  """

/// The label of each node the query returns under `l`, as a sorted list of strings.
private func labels(_ query: String) throws -> [String] {
  try engineRows(graph + query).compactMap { row -> String? in
    if case .string(let s) = row.first { return s }
    return nil
  }.sorted()
}

@Suite struct EngineExistsSubqueryTests {
  @Test func simpleFormWithoutWhere() throws {
    #expect(try labels("MATCH (n) WHERE EXISTS { (n)-->() } RETURN labels(n)[0] AS l") == ["A", "B"])
  }

  @Test func simpleFormWithWhereReadsOuterAndInnerVariables() throws {
    let query = "MATCH (n) WHERE exists { (n)-->(m) WHERE n.prop = m.prop } RETURN labels(n)[0] AS l"
    #expect(try labels(query) == ["A"])
  }

  @Test func simpleFormWithSeveralParts() throws {
    #expect(try labels("MATCH (n) WHERE EXISTS { (n)-->(m), (m)-->() } RETURN labels(n)[0] AS l") == ["A"])
  }

  @Test func simpleFormWithNoMatch() throws {
    #expect(try labels("MATCH (n) WHERE EXISTS { (n)-[:NA]->() } RETURN labels(n)[0] AS l").isEmpty)
  }

  @Test func fullFormWithReturn() throws {
    let query = "MATCH (n) WHERE EXISTS { MATCH (n)-->() RETURN true } RETURN labels(n)[0] AS l"
    #expect(try labels(query) == ["A", "B"])
  }

  @Test func fullFormWithoutReturn() throws {
    let query = "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WHERE m.prop = 2 } RETURN labels(n)[0] AS l"
    #expect(try labels(query) == ["A"])
  }

  @Test func fullFormWithAggregation() throws {
    let query = """
      MATCH (n) WHERE EXISTS {
        MATCH (n)-->(m)
        WITH n, count(*) AS c
        WHERE c = 3
        RETURN true
      }
      RETURN labels(n)[0] AS l
      """
    #expect(try labels(query) == ["A"])
  }

  @Test func outerVariablesFromWithInInnerWhere() throws {
    let query = """
      MATCH (n) WITH n, n.prop + 1 AS wanted
      WHERE EXISTS { MATCH (n)-->(m) WHERE m.prop = wanted }
      RETURN labels(n)[0] AS l
      """
    #expect(try labels(query) == ["A"])
  }

  @Test func outerVariablesStayVisibleAfterInnerAggregation() throws {
    // C has no outgoing relationship: the aggregation still yields one row,
    // and `n` there is still C.
    let query = """
      MATCH (n) WHERE EXISTS {
        MATCH (n)-->(m) WITH count(*) AS k WHERE k = 0 AND n.prop = 2 RETURN k
      }
      RETURN labels(n)[0] AS l
      """
    #expect(try labels(query) == ["C"])
  }

  @Test func nestedSimpleSubquery() throws {
    let query = """
      MATCH (n) WHERE exists {
        MATCH (m) WHERE exists { (n)-[]->(m) WHERE n.prop = m.prop }
        RETURN true
      }
      RETURN labels(n)[0] AS l
      """
    #expect(try labels(query) == ["A"])
  }

  @Test func nestedFullSubqueriesSeeAllEnclosingScopes() throws {
    let query = """
      MATCH (n) WHERE exists {
        MATCH (m) WHERE exists {
          MATCH (l)<-[:R]-(n)-[:R]->(m) WHERE l <> m RETURN true
        }
        RETURN true
      }
      RETURN labels(n)[0] AS l
      """
    #expect(try labels(query) == ["A"])
  }

  @Test func negatedSubquery() throws {
    #expect(try labels("MATCH (n) WHERE NOT EXISTS { (n)-->() } RETURN labels(n)[0] AS l") == ["C", "D"])
  }

  @Test func subqueryAsAValue() throws {
    let rows = try engineRows(
      graph + "MATCH (n) RETURN labels(n)[0] AS l, EXISTS { (n)<--() } AS e ORDER BY l")
    #expect(rows.map { $0[1] } == [.bool(false), .bool(true), .bool(true), .bool(true)])
  }

  @Test func subqueryWithoutOuterVariables() throws {
    #expect(try engineRows("RETURN EXISTS { MATCH (n) } AS e") == [[.bool(false)]])
    #expect(try engineRows(graph + "RETURN EXISTS { MATCH (n:C) } AS e") == [[.bool(true)]])
    #expect(try engineRows("RETURN EXISTS { UNWIND [1, 2] AS x RETURN x } AS e") == [[.bool(true)]])
  }

  /// The count scan counts the whole graph; inside a subquery the pattern is bound to outer rows.
  @Test func countScanIsNotUsedInsideSubqueries() throws {
    let query = """
      MATCH (n) WHERE EXISTS { MATCH (n)-[:R]->() WITH count(*) AS k WHERE k = 3 RETURN k }
      RETURN labels(n)[0] AS l
      """
    #expect(try labels(query) == ["A"])
  }

  @Test func explainListsTheSubquery() throws {
    let result = try engineRun("EXPLAIN MATCH (n) WHERE EXISTS { MATCH (n)-->(m) RETURN m } RETURN n")
    let plan = result.plan ?? ""
    #expect(plan.contains("EXISTS subquery (line 1, column 25):"))
    #expect(plan.contains("  +CountRows"))
  }

  @Test func profileCountsSubqueryRows() throws {
    let result = try engineRun(graph + "PROFILE MATCH (n) WHERE EXISTS { (n)-->() } RETURN n")
    #expect(result.plan?.contains("  +CountRows  (rows: 2)") == true)
  }
}

@Suite struct EngineCountSubqueryTests {
  @Test func countsMatchesPerRowIncludingZero() throws {
    let rows = try engineRows(
      graph + "MATCH (n) RETURN labels(n)[0] AS l, COUNT { (n)-->() } AS c ORDER BY l")
    #expect(rows.map { $0[1] } == [.int(3), .int(1), .int(0), .int(0)])
  }

  @Test func countsReturnedRows() throws {
    let query = "MATCH (n:A) RETURN COUNT { MATCH (n)-->(m) WHERE m.prop > 1 RETURN m.prop } AS c"
    #expect(try engineRows(graph + query) == [[.int(2)]])
  }

  @Test func countOfAnAggregationIsOneRow() throws {
    let query = "MATCH (n:C) RETURN COUNT { MATCH (n)-->(m) RETURN count(m) AS k } AS c"
    #expect(try engineRows(graph + query) == [[.int(1)]])
  }

  @Test func countInAComparison() throws {
    #expect(try labels("MATCH (n) WHERE COUNT { (n)-->() } > 1 RETURN labels(n)[0] AS l") == ["A"])
  }

  @Test func countNextToAnAggregate() throws {
    let rows = try engineRows(
      graph + "MATCH (n) RETURN COUNT { (n)-->() } AS c, count(*) AS k ORDER BY c")
    #expect(rows == [[.int(0), .int(2)], [.int(1), .int(1)], [.int(3), .int(1)]])
  }
}

/// A subquery's pipeline runs once per outer row: operators that keep state
/// (SKIP/LIMIT counters, sort buffers, aggregation groups, DISTINCT sets)
/// must start afresh each time.
@Suite struct EngineSubqueryStateTests {
  private func counts(_ subquery: String) throws -> [Value] {
    try engineRows(graph + "MATCH (n) RETURN labels(n)[0] AS l, \(subquery) AS c ORDER BY l").map { $0[1] }
  }

  @Test func orderByAndLimit() throws {
    #expect(
      try counts("COUNT { MATCH (n)-->(m) RETURN m ORDER BY m.prop DESC LIMIT 2 }")
        == [.int(2), .int(1), .int(0), .int(0)])
  }

  @Test func skip() throws {
    #expect(try counts("COUNT { MATCH (n)-->(m) RETURN m SKIP 1 }") == [.int(2), .int(0), .int(0), .int(0)])
  }

  @Test func distinct() throws {
    // D is reached from A and from B; each run counts it once.
    #expect(
      try counts("COUNT { MATCH (n)-->(m) RETURN DISTINCT m }") == [.int(3), .int(1), .int(0), .int(0)])
  }

  @Test func aggregationWithoutKeys() throws {
    #expect(
      try counts("COUNT { MATCH (n)-->(m) WITH count(*) AS k WHERE k > 0 RETURN k }")
        == [.int(1), .int(1), .int(0), .int(0)])
  }

  @Test func aggregationWithKeys() throws {
    #expect(
      try counts("COUNT { MATCH (n)-->(m) WITH m.prop AS p, count(*) AS k RETURN p }")
        == [.int(3), .int(1), .int(0), .int(0)])
  }

  @Test func existsWithOrderByAndLimit() throws {
    let rows = try counts("EXISTS { MATCH (n)-->(m) WITH m ORDER BY m.prop LIMIT 1 WHERE m.prop = 3 }")
    #expect(rows == [.bool(false), .bool(true), .bool(false), .bool(false)])
  }
}

@Suite struct EngineSubqueryErrorTests {
  @Test(arguments: [
    "SET m.prop = 'fail'", "CREATE (x)", "DELETE m", "DETACH DELETE m", "MERGE (x:X)", "REMOVE m.prop",
    "FOREACH (x IN [1] | CREATE ())",
  ])
  func updatingClauseIsRejected(clause: String) throws {
    let engine = CypherEngine(database: Database())
    _ = try engine.run(graph)
    for kind in ["EXISTS", "COUNT"] {
      do {
        _ = try engine.run("MATCH (n) WHERE \(kind) { MATCH (n)-->(m) \(clause) } RETURN n")
        Issue.record("expected an error for \(kind) with \(clause)")
      } catch {
        #expect(error.type == .syntaxError)
        #expect(error.detail == "InvalidClauseComposition")
        #expect(error.phase == .compile)
      }
    }
    // Nothing changed.
    let rows = try engine.run("MATCH (n) RETURN count(n), sum(n.prop); MATCH ()-[r]->() RETURN count(r)")
    #expect(rows[0].rows == [[.int(4), .int(7)]])
    #expect(rows[1].rows == [[.int(4)]])
  }

  @Test func undefinedVariableInside() {
    let error = engineError(
      """
      MATCH (n)
      WHERE EXISTS { (n)-->(m) WHERE m.prop = x.prop }
      RETURN n
      """)
    #expect(error?.type == .syntaxError)
    #expect(error?.detail == "UndefinedVariable")
    #expect(error?.line == 2)
    #expect(error?.column == 41)
  }

  @Test func innerVariablesAreLocal() {
    let error = engineError("MATCH (n) WHERE EXISTS { (n)-->(m) } RETURN m")
    #expect(error?.detail == "UndefinedVariable")
    #expect(error?.column == 45)
  }

  @Test func returnMustComeLast() {
    let error = engineError("RETURN EXISTS { MATCH (n) RETURN n MATCH (m) } AS e")
    #expect(error?.detail == "InvalidClauseComposition")
  }

  @Test func aggregateInInnerWhereIsRejected() {
    #expect(
      engineError("MATCH (n) WHERE EXISTS { (n)-->(m) WHERE count(m) > 1 } RETURN n")?.detail
        == "InvalidAggregation")
  }

  @Test func unclosedSubquery() {
    let error = engineError("MATCH (n) WHERE EXISTS { (n)-->() RETURN n")
    #expect(error?.detail == "UnexpectedSyntax")
  }
}

/// `exists(...)` and `count(...)` with parentheses are the functions they always were.
@Suite struct EngineSubqueryCompatibilityTests {
  @Test func existsFunctionForms() throws {
    #expect(try labels("MATCH (n) WHERE exists((n)-->()) RETURN labels(n)[0] AS l") == ["A", "B"])
    #expect(
      try labels("MATCH (n) WHERE exists(n.prop) AND n.prop > 1 RETURN labels(n)[0] AS l") == ["C", "D"])
  }

  @Test func countFunctionForms() throws {
    #expect(try engineRows(graph + "MATCH (n) RETURN count(*), count(n.prop)") == [[.int(4), .int(4)]])
  }

  @Test func mapProjectionsOfVariablesNamedCountOrExists() throws {
    #expect(try engineRows("WITH {a: 1} AS count RETURN count {.a} AS m") == [[.map(["a": .int(1)])]])
    #expect(try engineRows("WITH {a: 1} AS exists RETURN exists {b: 2} AS m") == [[.map(["b": .int(2)])]])
  }

  @Test func subqueriesBindLikeAtoms() throws {
    let expression = try Parser.parseExpression(
      "NOT exists { (a)-->() } AND COUNT { MATCH (n) WITH n RETURN n } > count(*) + size(x)")
    #expect(render(expression) == "((NOT EXISTS{1}) AND (COUNT{3} > (count(*) + size(x))))")
  }

  @Test func parsesTheSimpleFormAsAMatch() throws {
    let expression = try Parser.parseExpression("COUNT { (a)-->(b) WHERE b.x = 1 }")
    guard case .subquery(let subquery) = expression.kind else {
      Issue.record("expected a subquery, got \(expression.kind)")
      return
    }
    #expect(subquery.kind == .count)
    guard case .match(let match)? = subquery.query.clauses.first else {
      Issue.record("expected a MATCH")
      return
    }
    #expect(subquery.query.clauses.count == 1)
    #expect(!match.optional)
    #expect(match.predicate != nil)
  }
}
