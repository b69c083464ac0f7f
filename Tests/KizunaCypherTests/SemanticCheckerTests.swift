import Testing

@testable import KizunaCypher

@Suite struct SemanticCheckerTests {
  static let functions: Set<String> = [
    "toLower", "toUpper", "count", "collect", "sum", "max", "min", "avg", "size", "length", "nodes",
    "labels", "date.truncate", "range", "type", "id",
  ]

  private func failure(_ text: String) throws -> CypherError? {
    let statement = try Parser.parseStatement(text)
    do {
      try SemanticChecker.check(statement, knownFunctions: Self.functions)
      return nil
    } catch {
      return error
    }
  }

  /// (query, detail, line, column) for queries the checker must reject.
  static let rejected: [(String, String, Int, Int)] = [
    ("MATCH (a) RETURN b", "UndefinedVariable", 1, 18),
    ("MATCH (a) WITH a AS x RETURN a", "UndefinedVariable", 1, 30),
    ("MATCH (a)\nWHERE a.x = c.y RETURN a", "UndefinedVariable", 2, 13),
    ("UNWIND [1] AS x RETURN [y IN [1] | x + z]", "UndefinedVariable", 1, 40),
    ("RETURN [x IN [1] | x] AS l, x", "UndefinedVariable", 1, 29),
    ("MATCH (a) WHERE (a)-->(b) RETURN a", "UndefinedVariable", 1, 23),
    ("MATCH (a) SET b.x = 1", "UndefinedVariable", 1, 15),
    ("MATCH (a) SET b:L", "UndefinedVariable", 1, 15),
    ("MATCH (a) CREATE (a)-[:T]->(b {name: missing})", "UndefinedVariable", 1, 38),
    ("CREATE (a)-[r:T]->(b) CREATE (a)-[r:T]->(b)", "VariableAlreadyBound", 1, 33),
    ("MATCH (a) CREATE (a:L)", "VariableAlreadyBound", 1, 18),
    ("MATCH (a) CREATE (a {x: 1})-[:T]->(b)", "VariableAlreadyBound", 1, 18),
    ("MATCH (a) CREATE (a)", "VariableAlreadyBound", 1, 18),
    ("MATCH (a) MERGE (a:L)", "VariableAlreadyBound", 1, 17),
    ("MATCH (a)-[r]->(b)-[r]->(c) RETURN r", "RelationshipUniquenessViolation", 1, 19),
    ("UNWIND [1] AS x UNWIND [2] AS x RETURN x", "VariableAlreadyBound", 1, 17),
    ("MATCH p = (a) MATCH p = (b) RETURN p", "VariableAlreadyBound", 1, 21),
    ("MATCH (a)-[a]->() RETURN a", "VariableTypeConflict", 1, 10),
    ("MATCH ()-[r]->() MATCH (r) RETURN r", "VariableTypeConflict", 1, 24),
    ("MATCH (n) WHERE count(n) > 1 RETURN n", "InvalidAggregation", 1, 17),
    ("MATCH (n) WHERE count(*) > 1 RETURN n", "InvalidAggregation", 1, 17),
    ("MATCH (n) SET n.c = count(*)", "InvalidAggregation", 1, 21),
    ("MATCH (n) RETURN count(count(n))", "NestedAggregation", 1, 24),
    ("MATCH (n) RETURN sum(max(n.x))", "NestedAggregation", 1, 22),
    ("CREATE (a)-[:A|B]->(b)", "NoSingleRelationshipType", 1, 11),
    ("CREATE (a)-->(b)", "NoSingleRelationshipType", 1, 11),
    ("MERGE (a)-[r]->(b)", "NoSingleRelationshipType", 1, 10),
    ("CREATE (a)-[:T]-(b)", "RequiresDirectedRelationship", 1, 11),
    ("CREATE (a)-[:T*2]->(b)", "CreatingVarLength", 1, 11),
    ("MERGE (a)-[:T*]->(b)", "CreatingVarLength", 1, 10),
    ("RETURN 1 AS a, 2 AS a", "ColumnNameConflict", 1, 16),
    ("MATCH (n) RETURN n, n", "ColumnNameConflict", 1, 21),
    ("RETURN 1 AS a UNION RETURN 2 AS b", "DifferentColumnsInUnion", 1, 15),
    ("RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a", "InvalidClauseComposition", 1, 35),
    ("RETURN *", "NoVariablesInScope", 1, 1),
    ("RETURN *", "NoVariablesInScope", 1, 1),
    ("RETURN 123 AND true", "InvalidArgumentType", 1, 8),
    ("RETURN 1 IN 'foo'", "InvalidArgumentType", 1, 13),
    ("WITH 1 AS x RETURN NOT x", "InvalidArgumentType", 1, 24),
    ("MATCH p = (a) RETURN labels(p)", "InvalidArgumentType", 1, 29),
    ("MATCH (n) RETURN type(n)", "InvalidArgumentType", 1, 23),
    ("MATCH (n) WITH [n] AS l MATCH (l)-->(m) RETURN m", "VariableTypeConflict", 1, 31),
    ("RETURN [x IN [1, 2] | count(*)]", "InvalidAggregation", 1, 23),
    ("RETURN none(x IN ['a', 'b'] WHERE x % 2 = 0)", "InvalidArgumentType", 1, 35),
    ("RETURN true + 1", "InvalidArgumentType", 1, 8),
    ("MATCH (n) RETURN n LIMIT n.x", "NonConstantExpression", 1, 26),
    ("MATCH (n) RETURN n SKIP size([x IN [1] | x])", "NonConstantExpression", 1, 25),
    ("RETURN 1 AS x LIMIT -1", "NegativeIntegerArgument", 1, 21),
    ("RETURN 1 AS x SKIP -3", "NegativeIntegerArgument", 1, 20),
    ("RETURN 1 AS x LIMIT 1.5", "InvalidArgumentType", 1, 21),
    ("RETURN 1 AS x SKIP 'a'", "InvalidArgumentType", 1, 20),
    ("MATCH (n) DELETE 1 + 1", "InvalidArgumentType", 1, 18),
    ("MATCH (n) DELETE [n]", "InvalidArgumentType", 1, 18),
    ("RETURN tolowr('A')", "UnknownFunction", 1, 8),
    ("MATCH (n) WITH n.x RETURN 1 AS one", "NoExpressionAlias", 1, 16),
    ("MATCH (n)", "InvalidClauseComposition", 1, 1),
    ("MATCH (n) WITH n", "InvalidClauseComposition", 1, 11),
    ("RETURN 1 AS x RETURN 2 AS y", "InvalidClauseComposition", 1, 1),
  ]

  @Test(arguments: rejected)
  func rejectsWithDetailAndPosition(text: String, detail: String, line: Int, column: Int) throws {
    let error = try #require(try failure(text))
    #expect(error.detail == detail)
    #expect(error.type == .syntaxError)
    #expect(error.phase == .compile)
    #expect(error.line == line)
    #expect(error.column == column)
  }

  static let accepted: [String] = [
    "MATCH (a) RETURN a",
    "MATCH (a)-[r]->(b) WITH a, r AS rel RETURN a, rel",
    "MATCH (a) CREATE (a)-[:T]->(b:L {x: a.x}) RETURN b",
    "CREATE (a:A), (b:B), (a)-[:T]->(b)",
    "MATCH (a), (b) MERGE (a)-[r:KNOWS]-(b) ON CREATE SET r.new = true RETURN r",
    "MATCH (a) MATCH (a)-->(b) RETURN b",
    "MATCH ()-[r]->() MATCH ()-[r]->() RETURN r",
    "UNWIND [1, 2] AS x RETURN x, count(*) AS c ORDER BY c DESC",
    "MATCH (n) RETURN n.name, count(*) ORDER BY n.name SKIP $s LIMIT 10",
    "RETURN [x IN range(1, 3) WHERE x > 1 | x * 2] AS l",
    "RETURN reduce(acc = 0, x IN [1, 2] | acc + x) AS total",
    "MATCH (a) WHERE any(x IN labels(a) WHERE x = 'L') AND (a)-->() RETURN a",
    "MATCH (a) RETURN [(a)-[r]->(b) WHERE b.x > 0 | type(r)] AS types",
    "MATCH (a) RETURN a {.name, .*, degree: size([(a)--() | 1])}",
    "MATCH (n) WITH n, count(*) AS c WHERE c > 1 RETURN *",
    "RETURN 1 AS a UNION RETURN 2 AS a UNION RETURN 3 AS a",
    "RETURN 1 AS a UNION ALL RETURN 2 AS a",
    "MATCH (n) DETACH DELETE n",
    "MATCH p = (a)-->(b) DELETE p",
    "MATCH (n) SET n += {a: 1}, n:L REMOVE n.b RETURN n",
    "CALL db.labels()",
    "CALL db.labels() YIELD label WHERE label <> 'x' RETURN label",
    "MATCH p = (a)-->() FOREACH (n IN nodes(p) | SET n.seen = true)",
    "RETURN toLower('A') AS a, TOLOWER('B') AS b, date.truncate('month', null) AS d",
    "MATCH (a)-[rs*1..2]->(b) RETURN rs",
    "MATCH (a) OPTIONAL MATCH (a)-->(b) RETURN a, b",
    "CREATE INDEX FOR (n:L) ON (n.p)",
    "WITH 1 AS x WITH x, x + 1 AS y RETURN y",
    "MATCH (n) RETURN count(DISTINCT n.x) AS c",
  ]

  @Test(arguments: accepted)
  func accepts(text: String) throws {
    #expect(try failure(text) == nil)
  }

  @Test func unknownFunctionSuggestsNearName() throws {
    let error = try #require(try failure("RETURN tolowr('A')"))
    #expect(error.message.hasPrefix("Unknown function 'tolowr'; did you mean 'toLower'?"))
  }

  @Test func unknownFunctionWithoutCloseName() throws {
    let error = try #require(try failure("RETURN frobnicate(1)"))
    #expect(error.message.hasPrefix("Unknown function 'frobnicate' (line 1"))
  }

  @Test func functionCheckIsOptional() throws {
    let statement = try Parser.parseStatement("RETURN frobnicate(1)")
    try SemanticChecker(knownFunctions: nil).check(statement)
  }

  @Test func undefinedVariableMessage() throws {
    let error = try #require(try failure("MATCH (a) RETURN b"))
    #expect(error.message == "Variable `b` not defined (line 1, column 18)")
  }

  @Test func editDistance() {
    #expect(FunctionNames.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
    #expect(FunctionNames.editDistance([], Array("abc".unicodeScalars)) == 3)
  }
}

@Suite struct AggregateDetectionTests {
  @Test(arguments: [
    ("count(*)", true), ("1 + sum(n.x)", true), ("COLLECT(n)[0]", true), ("size(collect(n))", true),
    ("n.x", false), ("toLower(n.name)", false), ("date.max(a)", false),
    ("CASE WHEN true THEN max(x) END", true), ("n {k: avg(n.x)}", true),
  ])
  func detectsAggregates(text: String, expected: Bool) throws {
    #expect(try Parser.parseExpression(text).containsAggregate == expected)
  }
}
