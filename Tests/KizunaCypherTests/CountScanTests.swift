import KizunaStore
import Testing

@testable import KizunaCypher

/// The relationship count scan against the generic plan: the same counts on
/// graphs with missing properties, NaN, mixed integer and float columns,
/// labels on some nodes, self-loops, deleted and newly added relationships.
@Suite struct CountScanTests {
  /// 60 nodes; labels A (all), B (every third), C (four nodes); `x` integer
  /// (missing on every seventh), `y` float (missing on every fifth, NaN on
  /// node 11), `m` integers and floats mixed, `s` strings. T and U
  /// relationships with an integer `w` (missing where it was 3) and a float `f`.
  static let build = """
    UNWIND range(0, 59) AS i
    CREATE (:A {i: i, x: CASE WHEN i % 7 = 0 THEN null ELSE i % 13 END,
      y: CASE WHEN i % 5 = 0 THEN null ELSE i * 0.5 END,
      m: CASE WHEN i % 2 = 0 THEN i % 9 ELSE (i % 9) + 0.5 END, s: 'n' + toString(i % 10)});
    MATCH (n {i: 11}) SET n.y = 0.0 / 0.0;
    MATCH (n:A) WHERE n.i % 3 = 0 SET n:B;
    MATCH (n:A) WHERE n.i % 17 = 0 SET n:C;
    UNWIND range(0, 299) AS k
    MATCH (a {i: (k * 7) % 60}), (b {i: (k * 13 + 5) % 60})
    CREATE (a)-[:T {w: k % 10, f: k * 0.25}]->(b);
    UNWIND range(0, 39) AS k
    MATCH (a {i: (k * 11) % 60}), (b {i: (k * 3 + 1) % 60})
    CREATE (a)-[:U {w: k % 4}]->(b);
    MATCH (a {i: 3}), (b {i: 34}) CREATE (a)-[:T {w: 1}]->(a), (b)-[:T {w: 7}]->(b);
    MATCH ()-[r:T]->() WHERE r.w = 3 REMOVE r.w
    """

  /// Changes after the optional checkpoint: deleted relationships and a
  /// deleted node stay in a compacted block until the next rebuild; new
  /// relationships land in the per-node lists.
  static let change = """
    MATCH (a)-[r:T]->() WHERE r.w = 5 DELETE r;
    MATCH (n {i: 22}) DETACH DELETE n;
    UNWIND range(0, 19) AS k
    MATCH (a {i: (k * 5) % 60}), (b {i: (k * 9 + 2) % 60})
    CREATE (a)-[:T {w: k % 6}]->(b);
    MATCH (a {i: 4}) CREATE (a)-[:T {w: 2}]->(a);
    MATCH (n {i: 9}) SET n.x = 4.5
    """

  static func database(compacted: Bool) throws -> Database {
    let db = Database()
    _ = try CypherEngine(database: db).run(build)
    if compacted { try db.checkpoint() }
    _ = try CypherEngine(database: db).run(change)
    return db
  }

  static func run(_ db: Database, _ query: String, fast: Bool) throws -> QueryResult {
    let engine = CypherEngine(database: db)
    engine.fastPaths = fast
    return try engine.run(query, parameters: ["p": .int(4), "q": .float(2.5)])[0]
  }

  static func plan(_ db: Database, _ query: String) throws -> String {
    try run(db, "EXPLAIN " + query, fast: true).plan ?? ""
  }

  static let scanned = [
    "MATCH (a:A)-[:T]->(b:A) WHERE b.x > a.x RETURN count(*)",
    "MATCH (a)-[:T]-(b) WHERE a.x < b.x RETURN count(*)",
    "MATCH (a)<-[:T]-(b:B) WHERE a.y >= b.x RETURN count(*)",
    "MATCH (a)-[r]->(b) WHERE r.w > a.x RETURN count(r)",
    "MATCH (a:B)-[:T|U]->(b) WHERE a.m <> b.m RETURN count(*)",
    "MATCH (a)-[:T]->(b) WHERE a.y = b.y RETURN count(*)",
    "MATCH (a)-[:T]->(b) WHERE a.y <> b.y RETURN count(*)",
    "MATCH (a)-[:T]->(b) WHERE a.y > b.y RETURN count(*)",
    "MATCH (a)-[:T]->(b) WHERE 2 < a.x <= 9 AND b:B RETURN count(*)",
    "MATCH (a)-[:T]->(b) WHERE a.x IS NULL AND b.y IS NOT NULL RETURN count(*)",
    "MATCH (a)-[r:T]-(b) WHERE r.w IS NULL RETURN count(*), count(a) AS n",
    "MATCH (a)-[:T]->(b) WHERE a.x = $p RETURN count(*) * 2 AS twice",
    "MATCH (a)-[:T]->(b) WHERE b.x > -3.5 AND a.y < $q RETURN count(*)",
    "MATCH (a)-[r:T]->(b) WHERE r.f >= b.m AND r.w <> a.x RETURN count(*)",
    "MATCH (a)-[:Missing]->(b) RETURN count(*)",
    "MATCH (a:Nope)-[:T]->(b) RETURN count(*)",
    "MATCH (a)-[:T]->(b) WHERE a.nokey > 1 RETURN count(*)",
    "MATCH (a)-[:T|T]->(b) RETURN count(*)",
    "MATCH (a)-[:T]->(b) WITH count(*) AS n WHERE n > 0 RETURN n",
    "MATCH (a)-[:T]->(b) WHERE a.x > a.m RETURN count(*)",
    "MATCH (a:C)-[:T]-(b) WHERE b.x > a.x RETURN count(*)",
    "MATCH (a)-[:T]->(b:C) WHERE a.y < b.x RETURN count(*)",
    "MATCH (a:C)<-[r]-(b) WHERE r.w > 1 RETURN count(*)",
    "MATCH ()-[:T]->() RETURN count(*)",
    "MATCH (a)--(b) RETURN count(*)",
  ]

  @Test(arguments: scanned)
  func scanAgreesWithGenericPlan(query: String) throws {
    for compacted in [false, true] {
      let db = try Self.database(compacted: compacted)
      #expect(try Self.plan(db, query).contains("RelationshipCountScan"), "\(query)")
      let fast = try Self.run(db, query, fast: true)
      let generic = try Self.run(db, query, fast: false)
      #expect(fast.columns == generic.columns)
      #expect(fast.rows == generic.rows, "\(query) compacted: \(compacted)")
    }
  }

  /// Shapes the scan does not cover keep the generic plan (same answers by construction).
  static let generic = [
    "MATCH (a)-[:T]->(b) WHERE a.s < b.s RETURN count(*)",
    "MATCH (a)-[:T]->(b) WHERE a.x > b.x OR a.y > 1 RETURN count(*)",
    "MATCH (a)-[:T]->(b) RETURN count(DISTINCT b)",
    "MATCH (a)-[:T]->(b) RETURN a.i % 2 AS k, count(*)",
    "MATCH (a)-[:T*1..2]->(b) RETURN count(*)",
    "MATCH (a)-[:T]->(b)-[:T]->(c) RETURN count(*)",
    "MATCH (a {i: 3})-[:T]->(b) RETURN count(*)",
    "OPTIONAL MATCH (a)-[:T]->(b) RETURN count(*)",
    "MATCH (a)-[:T]->(a) RETURN count(*)",
    "MATCH (a)-[:T]->(b) RETURN sum(b.x)",
  ]

  @Test(arguments: generic)
  func otherShapesKeepTheGenericPlan(query: String) throws {
    let db = try Self.database(compacted: true)
    #expect(!(try Self.plan(db, query).contains("RelationshipCountScan")), "\(query)")
  }

  /// Counts worked out by hand, so the scan is checked against the answer
  /// and not only against the generic plan.
  @Test func knownCounts() throws {
    let db = Database()
    _ = try CypherEngine(database: db).run(
      """
      CREATE (a:P {born: 1970}), (b:P {born: 1980}), (c:P {born: 1990}), (d:P), (e:Q {born: 2.5e3}),
        (a)-[:K]->(b), (b)-[:K]->(c), (c)-[:K]->(a), (a)-[:K]->(d), (d)-[:K]->(c), (b)-[:K]->(e), (c)-[:K]->(c)
      """)
    for compacted in [false, true] {
      if compacted { try db.checkpoint() }
      func count(_ q: String) throws -> Value? { try Self.run(db, q, fast: true).rows.first?.first }
      #expect(try count("MATCH (a:P)-[:K]->(b:P) WHERE b.born > a.born RETURN count(*)") == .int(2))
      #expect(try count("MATCH (a)-[:K]->(b) WHERE b.born > a.born RETURN count(*)") == .int(3))
      #expect(try count("MATCH (a)-[:K]-(b) WHERE b.born >= a.born RETURN count(*)") == .int(5))
      #expect(try count("MATCH (a)-[:K]-(b) RETURN count(*)") == .int(13))
      #expect(try count("MATCH (a)<-[:K]-(b) WHERE b.born IS NULL RETURN count(*)") == .int(1))
    }
  }

  /// A node the generic planner finds by an index seek stays with that plan.
  @Test func indexSeekKeepsTheGenericPlan() throws {
    let db = try Self.database(compacted: true)
    _ = try CypherEngine(database: db).run("CREATE INDEX FOR (n:A) ON (n.x)")
    let plan = try Self.plan(db, "MATCH (a:A)-[:T]->(b) WHERE a.x = 4 RETURN count(*)")
    #expect(plan.contains("NodeIndexSeek") && !plan.contains("RelationshipCountScan"))
    let q = "MATCH (a:A)-[:T]->(b) WHERE a.x > b.x RETURN count(*)"
    #expect(try Self.plan(db, q).contains("RelationshipCountScan"))
    #expect(try Self.run(db, q, fast: true).rows == Self.run(db, q, fast: false).rows)
  }
}
