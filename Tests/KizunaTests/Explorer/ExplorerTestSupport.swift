import Kizuna
import KizunaCypher
import KizunaStore
import Testing

/// The bundled graph, loaded once and only read by the explorer tests.
enum Bundled {
  static let database: Database = {
    do { return try BundledGraph.load() } catch {
      preconditionFailure("the bundled graph does not load: \(error)")
    }
  }()
  static let engine = CypherEngine(database: database)

  static func entity(_ name: String) throws -> Entity { try EntityFinder.resolve(name, in: database) }
}

/// A fresh in-memory graph built from a Cypher script.
func graph(_ script: String) throws -> (Database, CypherEngine) {
  let database = Database()
  let engine = CypherEngine(database: database)
  _ = try engine.run(script)
  return (database, engine)
}

/// The rows of one query, for cross-checks.
func rows(_ engine: CypherEngine, _ query: String, _ parameters: [String: Value] = [:]) throws -> [[Value]] {
  try engine.run(query, parameters: parameters).last?.rows ?? []
}

/// A single integer a query returns.
func count(_ engine: CypherEngine, _ query: String, _ parameters: [String: Value] = [:]) throws -> Int {
  guard case .int(let n)? = try rows(engine, query, parameters).first?.first else {
    Issue.record("\(query) returned no integer")
    return -1
  }
  return Int(n)
}

/// Runs `body` and returns the explorer error it throws (nil, recorded, if none).
func explorerError<T>(_ body: () throws -> T) -> ExplorerError? {
  do {
    _ = try body()
    Issue.record("expected an ExplorerError")
    return nil
  } catch let error as ExplorerError {
    return error
  } catch {
    Issue.record("expected an ExplorerError, got \(error)")
    return nil
  }
}
