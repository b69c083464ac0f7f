import BenchmarkSupport
import KizunaCypher
import KizunaStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// kizuna-query-bench (--db DIR | --data DIR) [--runs N] [--generic] [--keep]
// Times the engine's five speed targets in process, through
// `CypherEngine.run` (parse, check, plan, execute): an indexed point lookup,
// the 1-hop count scan, distinct friends-of-friends, an undirected shortest
// path and parsing plus planning a ten-line query. Prints one JSON object.

struct Options {
  var data: String?
  var database: String?
  var runs = 3
  var keep = false
  /// Turn the planner's specialized operators off, to compare.
  var generic = false

  static let usage = "usage: kizuna-query-bench (--db DIR | --data DIR) [--runs N] [--generic] [--keep]"

  init(_ arguments: [String]) throws {
    var i = 1
    while i < arguments.count {
      switch arguments[i] {
      case "--data" where i + 1 < arguments.count:
        data = arguments[i + 1]
        i += 1
      case "--db" where i + 1 < arguments.count:
        database = arguments[i + 1]
        i += 1
      case "--runs" where i + 1 < arguments.count:
        runs = Swift.max(1, Int(arguments[i + 1]) ?? runs)
        i += 1
      case "--generic": generic = true
      case "--keep": keep = true
      default: throw BenchmarkFailure(Self.usage)
      }
      i += 1
    }
    guard (data == nil) != (database == nil) else { throw BenchmarkFailure(Self.usage) }
  }
}

let scanQuery = "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE b.born > a.born RETURN count(*)"

/// Ten lines touching most of the planner: an index seek, expansions,
/// OPTIONAL MATCH, grouping, a list slice, filtering, sorting and a limit.
let tenLines = """
  MATCH (p:Person {id: 42})-[:KNOWS]->(f:Person)
  WHERE f.born > 1980 AND f.name STARTS WITH 'Person'
  WITH p, f
  OPTIONAL MATCH (f)-[:KNOWS]->(ff:Person)
  WHERE ff.born < p.born
  WITH p, f, count(ff) AS n, collect(ff.name)[0..3] AS some
  WHERE n >= 0
  RETURN p.name AS name, f.name AS friend, n, some
  ORDER BY n DESC, friend
  LIMIT 10
  """

/// Deterministic picks in `0..<n` (xorshift).
struct Picks {
  var state: UInt64
  mutating func next(_ n: Int) -> Int {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return Int(state % UInt64(Swift.max(n, 1)))
  }
}

/// Milliseconds per statement, one wall-clock reading around each run.
func times(_ engine: CypherEngine, _ statements: [String]) throws -> (ms: [Double], results: [QueryResult]) {
  var ms: [Double] = []
  var results: [QueryResult] = []
  for s in statements {
    let t = Measure.seconds()
    let r = try engine.run(s)
    ms.append((Measure.seconds() - t) * 1000)
    results += r
  }
  return (ms, results)
}

func run() throws {
  let options = try Options(CommandLine.arguments)
  var parent: String?
  let directory: String
  if let data = options.data {
    let made = try temporaryDirectory()
    parent = made
    directory = made + "/db"
    _ = try importGraph(from: data, into: try Database.open(path: directory))
  } else {
    directory = options.database ?? ""
  }
  defer {
    if let parent, !options.keep { _ = system("rm -rf '\(parent)'") }
  }
  let database = try Database.open(path: directory)
  let engine = CypherEngine(database: database)
  engine.fastPaths = !options.generic
  let (nodes, relationships) = database.read { ($0.liveNodeCount, $0.liveRelationshipCount) }
  guard nodes > 0 else { throw BenchmarkFailure("\(directory) holds no nodes") }

  var picks = Picks(state: 88_172_645_463_325_252)
  let ids = (0..<1000).map { _ in picks.next(nodes) }
  let pairs = (0..<100).map { _ in (picks.next(nodes), picks.next(nodes)) }

  let lookups = try times(engine, ids.map { "MATCH (p:Person {id: \($0)}) RETURN p.name" })
  guard lookups.results.allSatisfy({ $0.rows.count == 1 }) else {
    throw BenchmarkFailure("a point lookup did not find exactly one Person; is this the gen.py graph?")
  }
  let scans = try times(engine, Array(repeating: scanQuery, count: options.runs))
  let scanMs = Measure.median(scans.ms)
  guard case .int(let scanCount)? = scans.results.first?.rows.first?.first else {
    throw BenchmarkFailure("the scan returned no count")
  }
  let fof = try times(
    engine,
    ids.prefix(100).map {
      "MATCH (a:Person {id: \($0)})-[:KNOWS]->(:Person)-[:KNOWS]->(c:Person) RETURN count(DISTINCT c)"
    })
  let paths = try times(
    engine,
    pairs.map {
      "MATCH p = shortestPath((a:Person {id: \($0.0)})-[:KNOWS*..30]-(b:Person {id: \($0.1)})) RETURN length(p)"
    })
  let planned = try times(engine, Array(repeating: "EXPLAIN " + tenLines, count: 1000))

  printJSON([
    ("nodes", String(nodes)),
    ("relationships", String(relationships)),
    ("fast_paths", String(!options.generic)),
    ("lookup_ms", format(Measure.median(lookups.ms), 4)),
    ("scan_ms", format(scanMs, 2)),
    ("scan_mrels_s", format(Double(relationships) / (scanMs / 1000) / 1e6, 1)),
    ("scan_count", String(scanCount)),
    ("fof2_ms", format(Measure.median(fof.ms), 4)),
    ("sp_ms", format(Measure.median(paths.ms), 4)),
    ("parse_plan_ms", format(Measure.median(planned.ms), 4)),
  ])
}

do {
  try run()
} catch {
  fail("kizuna-query-bench", error)
}
