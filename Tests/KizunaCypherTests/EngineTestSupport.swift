import KizunaStore
import Testing

@testable import KizunaCypher

/// Runs `statements` (separated by `;`) on a fresh in-memory database and
/// returns the result of the last one.
func engineRun(_ statements: String, parameters: [String: Value] = [:]) throws -> QueryResult {
  let engine = CypherEngine(database: Database())
  let results = try engine.run(statements, parameters: parameters)
  guard let last = results.last else {
    throw CypherError(type: .semanticError, detail: "NoStatement", phase: .compile, message: "no statement")
  }
  return last
}

/// The rows of the last statement, in the order the engine produced them.
func engineRows(_ statements: String, parameters: [String: Value] = [:]) throws -> [[Value]] {
  try engineRun(statements, parameters: parameters).rows
}

/// The rows of the last statement, sorted, for comparing results whose order is unspecified.
func engineBag(_ statements: String) throws -> [[Value]] {
  try engineRows(statements).sorted { a, b in
    for (x, y) in zip(a, b) where x != y { return x.orderCompare(y) < 0 }
    return a.count < b.count
  }
}

/// The error that running `statements` raises, or nil when they succeed.
func engineError(_ statements: String) -> CypherError? {
  do {
    _ = try engineRun(statements)
    return nil
  } catch let error as CypherError {
    return error
  } catch {
    return CypherError(type: .semanticError, detail: "Unexpected", phase: .runtime, message: "\(error)")
  }
}
