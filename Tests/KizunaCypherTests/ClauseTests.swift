import Testing

@testable import KizunaCypher

@Suite struct ClauseTests {
  @Test func matchWhereReturn() throws {
    let parsed = try clauses("MATCH (n:Person) WHERE n.age > 30 RETURN n.name, count(*) AS total")
    guard case .match(let match) = parsed[0], case .return(let ret) = parsed[1] else {
      return #expect(Bool(false))
    }
    #expect(!match.optional)
    #expect(render(try #require(match.predicate)) == "(n.age > 30)")
    #expect(ret.projection.items.map(\.name) == ["n.name", "total"])
    #expect(ret.projection.items.map(\.text) == ["n.name", "count(*)"])
  }

  @Test func projectionTextKeepsSpellingAndComments() throws {
    let parsed = try clauses("RETURN  toUpper( 'a' ) , 1+2 // trailing\n")
    guard case .return(let ret) = parsed[0] else { return #expect(Bool(false)) }
    #expect(ret.projection.items.map(\.name) == ["toUpper( 'a' )", "1+2"])
  }

  @Test func optionalMatch() throws {
    guard case .match(let match) = try clauses("OPTIONAL MATCH (a)-->(b) WHERE a.x RETURN b")[0] else {
      return #expect(Bool(false))
    }
    #expect(match.optional)
    #expect(match.predicate != nil)
  }

  @Test func unwind() throws {
    guard case .unwind(let unwind) = try clauses("UNWIND [1, 2] AS x RETURN x")[0] else {
      return #expect(Bool(false))
    }
    #expect(unwind.variable == "x")
    #expect(render(unwind.expression) == "[1, 2]")
  }

  @Test func withFull() throws {
    let text =
      "MATCH (n) WITH DISTINCT n, n.age AS age ORDER BY age DESC, n.name SKIP 1 LIMIT 10 WHERE age > 1 RETURN *"
    let parsed = try clauses(text)
    guard case .with(let with) = parsed[1], case .return(let ret) = parsed[2] else {
      return #expect(Bool(false))
    }
    #expect(with.projection.distinct)
    #expect(with.projection.items.map(\.name) == ["n", "age"])
    #expect(with.projection.orderBy.map(\.ascending) == [false, true])
    #expect(with.projection.skip?.kind == .literal(.integer(1)))
    #expect(with.projection.limit?.kind == .literal(.integer(10)))
    #expect(with.predicate != nil)
    #expect(ret.projection.includesAll)
    #expect(ret.projection.items.isEmpty)
  }

  @Test(arguments: [("ASC", true), ("ASCENDING", true), ("DESC", false), ("DESCENDING", false), ("", true)])
  func sortDirections(keyword: String, ascending: Bool) throws {
    guard case .return(let ret) = try clauses("RETURN 1 AS x ORDER BY x \(keyword)")[0] else {
      return #expect(Bool(false))
    }
    #expect(ret.projection.orderBy.first?.ascending == ascending)
  }

  @Test func returnStarWithExtraItems() throws {
    guard case .return(let ret) = try clauses("MATCH (a) RETURN *, 1 AS one")[1] else {
      return #expect(Bool(false))
    }
    #expect(ret.projection.includesAll)
    #expect(ret.projection.items.map(\.name) == ["one"])
  }

  @Test func create() throws {
    guard case .create(let create) = try clauses("CREATE (a:A {x: 1})-[:T]->(b), (c)")[0] else {
      return #expect(Bool(false))
    }
    #expect(create.pattern.parts.count == 2)
  }

  @Test func mergeActionsInAnyOrder() throws {
    let text =
      "MERGE (n:P {id: 1}) ON MATCH SET n.seen = true ON CREATE SET n.new = true, n.c = 0 ON MATCH SET n:X"
    guard case .merge(let merge) = try clauses(text)[0] else { return #expect(Bool(false)) }
    #expect(merge.actions.map(\.trigger) == [.onMatch, .onCreate, .onMatch])
    #expect(merge.actions[1].items.count == 2)
  }

  @Test func setItems() throws {
    guard case .set(let set) = try clauses("MATCH (n) SET n.p = 1, n = {a: 1}, n += $m, n:L:M")[1] else {
      return #expect(Bool(false))
    }
    #expect(set.items.count == 4)
    guard case .property(let entity, let key, _) = set.items[0].kind else { return #expect(Bool(false)) }
    #expect(entity.kind == .variable("n"))
    #expect(key == "p")
    guard case .replaceProperties(let variable, _) = set.items[1].kind else { return #expect(Bool(false)) }
    #expect(variable == "n")
    guard case .mergeProperties(_, let value) = set.items[2].kind else { return #expect(Bool(false)) }
    #expect(value.kind == .parameter("m"))
    #expect(set.items[3].kind == .labels(variable: "n", labels: ["L", "M"]))
  }

  @Test func remove() throws {
    guard case .remove(let remove) = try clauses("MATCH (n) REMOVE n.p, n:L")[1] else {
      return #expect(Bool(false))
    }
    #expect(remove.items[1].kind == .labels(variable: "n", labels: ["L"]))
    guard case .property(_, let key) = remove.items[0].kind else { return #expect(Bool(false)) }
    #expect(key == "p")
  }

  @Test func deleteAndDetachDelete() throws {
    guard case .delete(let plain) = try clauses("MATCH (n)-[r]->() DELETE r, n")[1],
      case .delete(let detach) = try clauses("MATCH (n) DETACH DELETE n")[1]
    else { return #expect(Bool(false)) }
    #expect(!plain.detach && plain.expressions.count == 2)
    #expect(detach.detach)
  }

  @Test func callWithYieldAndWhere() throws {
    let text = "CALL db.labels() YIELD label AS name WHERE name <> 'x' RETURN name"
    guard case .call(let call) = try clauses(text)[0] else { return #expect(Bool(false)) }
    #expect(call.qualifiedName == "db.labels")
    #expect(call.arguments == [])
    #expect(call.yieldItems?.map(\.variable) == ["name"])
    #expect(call.yieldItems?.first?.field == "label")
    #expect(call.predicate != nil)
  }

  @Test func standaloneCallWithoutParentheses() throws {
    guard case .call(let call) = try clauses("CALL db.labels")[0] else { return #expect(Bool(false)) }
    #expect(call.arguments == nil)
    #expect(call.yieldItems == nil)
  }

  @Test func foreach() throws {
    let text = "MATCH p = (a)-->(b) FOREACH (n IN nodes(p) | SET n.marked = true CREATE (n)-[:X]->())"
    guard case .foreach(let foreach) = try clauses(text)[1] else { return #expect(Bool(false)) }
    #expect(foreach.variable == "n")
    #expect(foreach.clauses.count == 2)
  }

  @Test func unionAndUnionAll() throws {
    let statement = try Parser.parseStatement("RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x")
    guard case .query(let query) = statement.kind else { return #expect(Bool(false)) }
    #expect(query.unions.map(\.all) == [false, true])
  }

  @Test func explainAndProfile() throws {
    #expect(try Parser.parseStatement("EXPLAIN MATCH (n) RETURN n").mode == .explain)
    #expect(try Parser.parseStatement("profile RETURN 1").mode == .profile)
    #expect(try Parser.parseStatement("RETURN 1").mode == .execute)
  }

  @Test func keywordsAreCaseInsensitive() throws {
    let parsed = try clauses("match (n) where n.x is not null return distinct n order by n.x desc limit 1")
    #expect(parsed.count == 2)
  }

  @Test func scriptSplitsStatements() throws {
    let statements = try Parser.parseScript(";; CREATE (a) ;\n MATCH (n) RETURN n ; ;")
    #expect(statements.count == 2)
    #expect(statements.map(\.text) == ["CREATE (a)", "MATCH (n) RETURN n"])
    #expect(statements[1].position.line == 2)
    #expect(try Parser.parseScript("  // nothing\n").isEmpty)
  }

  @Test func clausePositions() throws {
    let parsed = try clauses("MATCH (n)\nRETURN n")
    #expect(parsed[1].position == SourcePosition(offset: 10, line: 2, column: 1))
  }
}
