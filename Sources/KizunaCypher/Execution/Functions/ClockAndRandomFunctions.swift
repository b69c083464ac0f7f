import Foundation
import KizunaStore

// Functions that read the statement clock or a random source.

extension FunctionTable {
  static let clockAndRandomFunctions: [ScalarFunction] = [
    // Milliseconds since the epoch at the statement's start: constant within a statement.
    function("timestamp", 0...0) { (_, context) throws(CypherError) -> Value in
      let clock = context.clock
      let (seconds, overflow) = clock.epochSecond.multipliedReportingOverflow(by: 1000)
      guard !overflow else { throw CypherError.numberOutOfRange("timestamp() does not fit an INTEGER") }
      return .int(seconds + clock.nano / 1_000_000)
    },
    function("randomUUID", 0...0) { (_, _) throws(CypherError) -> Value in
      .string(UUID().uuidString.lowercased())
    },
  ]
}
