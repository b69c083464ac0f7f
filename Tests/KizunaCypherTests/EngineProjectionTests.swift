import KizunaStore
import Testing

@testable import KizunaCypher

@Suite struct EngineProjectionTests {
  @Test func groupingKeyPropertyMayWrapAnAggregate() throws {
    let rows = try engineRows(
      "CREATE (:P {age: 3})-[:K]->(:P {age: 4}); "
        + "MATCH (me:P)-->(you:P) WITH me.age AS age, me.age + count(you.age) AS agg RETURN age, agg")
    #expect(rows == [[.int(3), .int(4)]])
  }

  @Test func nonGroupingVariableAroundAnAggregateIsAmbiguous() {
    let error = engineError("MATCH (me)--(you) WITH me.age + count(you.age) AS agg RETURN *")
    #expect(error?.detail == "AmbiguousAggregationExpression")
  }

  @Test func complexGroupingKeyAroundAnAggregateIsAmbiguous() {
    let error = engineError(
      "MATCH (me)--(you) WITH me.age + you.age AS grp, me.age + you.age + count(*) AS agg RETURN *")
    #expect(error?.detail == "AmbiguousAggregationExpression")
  }

  @Test func relationshipBoundByWithIsMatchedAsBound() throws {
    let rows = try engineBag(
      "CREATE ()-[:T1]->(:X), ()-[:T2]->(:X), ()-[:T3]->(); "
        + "MATCH ()-[r1]->(:X) WITH r1 AS r2, count(*) AS c MATCH ()-[r2]->() RETURN type(r2)")
    #expect(rows == [[.string("T1")], [.string("T2")]])
  }
}

@Suite struct EngineMergeTests {
  @Test func mergeWithNullPropertyFails() {
    let error = engineError("MERGE ({num: null})")
    #expect(error?.type == .semanticError)
    #expect(error?.detail == "MergeReadOwnWrites")
    #expect(error?.phase == .runtime)
  }

  @Test func parameterMapInMergeIsRejected() {
    #expect(engineError("MERGE (n $param) RETURN n")?.detail == "InvalidParameterUse")
  }
}

@Suite struct EngineOrderByTests {
  @Test func orderByAfterDistinctCannotSeeDroppedVariables() {
    let error = engineError("MATCH (a) RETURN DISTINCT a.name ORDER BY a.age")
    #expect(error?.detail == "UndefinedVariable")
  }

  @Test func orderByAfterDistinctMayRepeatAProjectedExpression() throws {
    let rows = try engineRows(
      "UNWIND [3, 1, 2, 1] AS x WITH {v: x} AS m RETURN DISTINCT m.v ORDER BY m.v DESC")
    #expect(rows == [[.int(3)], [.int(2)], [.int(1)]])
  }

  @Test func orderByRepeatsAProjectedAggregate() throws {
    let rows = try engineRows(
      "UNWIND [['A', 22], ['B', 33], ['B', 44], ['C', 5]] AS p "
        + "RETURN p[0] AS d, max(p[1]) ORDER BY max(p[1])")
    #expect(rows == [[.string("C"), .int(5)], [.string("A"), .int(22)], [.string("B"), .int(44)]])
  }
}

@Suite struct EnginePatternPredicateTests {
  @Test(arguments: [
    "MATCH (n) RETURN (n)-[]->()",
    "MATCH (n) WITH (n)-[]->() AS x RETURN x",
    "MATCH (n) SET n.prop = head(nodes(head((n)-[:REL]->()))).foo",
  ])
  func patternOutsideAPredicateIsRejected(query: String) {
    #expect(engineError(query)?.detail == "UnexpectedSyntax")
  }

  @Test func patternUnderNotInAProjectionIsAPredicate() throws {
    let rows = try engineBag(
      "CREATE (:A)-[:T]->(:B); MATCH (n) RETURN labels(n)[0] AS l, NOT (n)-->() AS leaf ORDER BY l")
    #expect(rows == [[.string("A"), .bool(false)], [.string("B"), .bool(true)]])
  }

  @Test func nodeVariableAloneIsNotAPredicate() {
    #expect(engineError("MATCH (n) WHERE (n) RETURN n")?.detail == "InvalidArgumentType")
  }

  @Test func randInsideAnAggregateIsRejected() {
    #expect(engineError("RETURN count(rand())")?.detail == "NonConstantExpression")
  }
}

@Suite struct EngineAggregatingOrderByTests {
  // After aggregation only the projected columns exist: an aggregate in ORDER
  // BY must be one the projection computes (openCypher TCK WithOrderBy4 [13], [14]).
  @Test func orderByAnAggregateThatIsNotProjectedIsRejected() throws {
    #expect(
      engineError(
        "UNWIND [['a', 5], ['b', 1], ['b', 2], ['c', 9]] AS r RETURN r[0] AS k, count(*) AS c ORDER BY sum(r[1]) DESC"
      )?.detail == "UndefinedVariable")
  }

  @Test func orderByAProjectedAggregate() throws {
    let rows = try engineRows(
      "UNWIND [['a', 5], ['b', 1], ['b', 2], ['c', 9]] AS r RETURN r[0] AS k, sum(r[1]) AS s ORDER BY sum(r[1]) DESC"
    )
    #expect(rows == [[.string("c"), .int(9)], [.string("a"), .int(5)], [.string("b"), .int(3)]])
  }

  @Test func orderByAnExpressionOverAGroupingKey() throws {
    let rows = try engineRows(
      "UNWIND ['b', 'a', 'b'] AS x WITH x AS k, count(*) AS c ORDER BY x + 'z' DESC RETURN k, c")
    #expect(rows == [[.string("b"), .int(2)], [.string("a"), .int(1)]])
  }

  @Test func orderByMayCombineAProjectedAliasWithAnAggregate() throws {
    let rows = try engineRows(
      "UNWIND [1, 2, 2] AS x RETURN x AS v, count(*) AS c ORDER BY v * 10 - count(*) DESC")
    #expect(rows == [[.int(2), .int(2)], [.int(1), .int(1)]])
  }

  @Test func orderByAggregateCannotUseADroppedVariable() {
    let error = engineError("MATCH (me)--(you) RETURN count(you.age) AS agg ORDER BY me.age + count(you.age)")
    #expect(error?.detail == "UndefinedVariable")
  }

  @Test func orderByAggregateAroundAComplexKeyIsAmbiguous() {
    let error = engineError(
      "MATCH (me)--(you) RETURN me.age + you.age, count(*) AS cnt ORDER BY me.age + you.age + count(*)")
    #expect(error?.detail == "AmbiguousAggregationExpression")
  }

  @Test func listOfRelationshipsBoundByWithMatchesVariableLength() throws {
    let rows = try engineRows(
      "CREATE (:A)-[:Y]->(:B)-[:Y]->(:C); MATCH ()-[r1]->()-[r2]->() WITH [r1, r2] AS rs LIMIT 1 "
        + "MATCH (first)-[rs*]->(second) RETURN labels(first)[0], labels(second)[0]")
    #expect(rows == [[.string("A"), .string("C")]])
  }
}
