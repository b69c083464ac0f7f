import BenchmarkSupport
import KizunaStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// kizuna-bench --data DIR [--runs N] [--keep] [--db DIR]
// Imports DIR/persons.csv (Person) and DIR/knows.csv (KNOWS) with integer
// ids into a temporary database, reopens it, and times point lookups and the
// store's 1-hop scan. Prints one JSON object.

struct Options {
  var data = "/tmp/g1m"
  var runs = 5
  var keep = false
  /// An existing database: skip the import, measure reopening it.
  var database: String?

  init(_ arguments: [String]) throws {
    var i = 1
    while i < arguments.count {
      switch arguments[i] {
      case "--data" where i + 1 < arguments.count:
        data = arguments[i + 1]
        i += 1
      case "--runs" where i + 1 < arguments.count:
        runs = Int(arguments[i + 1]) ?? runs
        i += 1
      case "--db" where i + 1 < arguments.count:
        database = arguments[i + 1]
        i += 1
      case "--keep": keep = true
      default:
        throw Scan.Failure(description: "usage: kizuna-bench --data DIR [--runs N] [--keep] [--db DIR]")
      }
      i += 1
    }
  }
}

func run() throws {
  let options = try Options(CommandLine.arguments)
  let parent = options.database == nil ? try temporaryDirectory() : ""
  let directory = options.database ?? parent + "/db"
  defer { if !options.keep && options.database == nil { _ = system("rm -rf '\(parent)'") } }

  // Import, in process: RSS before and after, and the peak while loading.
  let rssBefore = Measure.residentMiB()
  Measure.resetPeak()
  var importSeconds = 0.0
  var rssAfterImport = 0.0
  var peak = 0.0
  var nodes = 0
  if options.database == nil {
    let database = try Database.open(path: directory)
    let started = Measure.seconds()
    nodes = try importGraph(from: options.data, into: database)
    importSeconds = Measure.seconds() - started
    rssAfterImport = Measure.residentMiB()
    peak = Measure.peakMiB()
  }

  // Reopen and answer one point lookup (the `id` index). The imported
  // database is gone by now, so the resident growth is the reopened graph.
  let rssBeforeReopen = Measure.residentMiB()
  let started = Measure.seconds()
  let database = try Database.open(path: directory)
  let opened = Measure.seconds() - started
  let rssAfterReopen = Measure.residentMiB()
  if options.database != nil { nodes = database.store.liveNodeCount }
  let (firstLookup, lookups, matches) = try database.read { store -> (Double, [Double], Int) in
    guard let person = store.labels.id(of: "Person"), let idKey = store.keys.id(of: "id"),
      let index = store.schema.index(label: person, key: idKey)
    else { throw Scan.Failure(description: "no index on :Person(id) after import") }
    let t0 = Measure.seconds()
    guard index.lookup(.int(Int64(nodes / 2))).count == 1 else {
      throw Scan.Failure(description: "point lookup found nothing")
    }
    let first = Measure.seconds() - t0
    var times: [Double] = []
    var state: UInt64 = 88_172_645_463_325_252
    for _ in 0..<1000 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      let id = Int64(state % UInt64(Swift.max(nodes, 1)))
      let t = Measure.seconds()
      let found = index.lookup(.int(id))
      times.append(Measure.seconds() - t)
      if found.isEmpty { throw Scan.Failure(description: "id \(id) not found") }
    }
    guard let knows = store.types.id(of: "KNOWS"), let born = store.keys.id(of: "born") else {
      throw Scan.Failure(description: "no KNOWS type or born key")
    }
    var best = Double.infinity
    var count = 0
    for _ in 0..<options.runs {
      let t = Measure.seconds()
      count = try Scan.count(store, type: knows, born: born)
      best = Swift.min(best, Measure.seconds() - t)
    }
    let rate = Double(store.relationshipIDLimit) / best / 1e6
    return (first, [rate, Double(store.relationshipIDLimit)] + times, count)
  }
  let scanRate = lookups[0]
  let relationships = Int(lookups[1])
  let lookupTimes = Array(lookups.dropFirst(2))
  let fields: [(String, String)] = [
    ("nodes", String(nodes)),
    ("relationships", String(relationships)),
    ("import_s", format(importSeconds, 3)),
    ("import_rss_delta_mb", format(rssAfterImport - rssBefore, 1)),
    ("import_peak_rss_mb", format(peak, 1)),
    ("reopen_s", format(opened, 3)),
    ("reopen_rss_delta_mb", format(rssAfterReopen - rssBeforeReopen, 1)),
    ("reopen_plus_lookup_s", format(opened + firstLookup, 3)),
    ("lookup_ms_median", format(Measure.median(lookupTimes) * 1000, 4)),
    ("scan_mrels_s", format(scanRate, 1)),
    ("scan_matches", String(matches)),
  ]
  printJSON(fields)
}

do {
  try run()
} catch {
  fail("kizuna-bench", error)
}
