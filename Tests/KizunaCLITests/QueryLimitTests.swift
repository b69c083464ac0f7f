import Foundation
import Testing

/// Runaway statements are stopped by `kizuna query`'s limits, with the
/// openCypher-style error and nothing written.
@Suite struct QueryLimitTests {
  @Test func memoryLimitStopsARunawayStatement() throws {
    // 100 million rows would need many GB; the limit stops it early.
    let r = try CLI.run([
      "query", "--db", ":memory:", "--format", "json", "--max-memory", "120", "-e",
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b UNWIND range(1, 100) AS c RETURN a, b, c",
    ])
    #expect(r.status == 1)
    #expect(r.stdout.contains("\"detail\":\"MemoryLimitExceeded\""))
    #expect(r.stdout.contains("\"phase\":\"runtime\""))
  }

  @Test func timeoutStopsALongStatementAndKeepsNothing() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("kizuna-limit-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run([
      "query", "--db", dir, "--format", "json", "--timeout", "0.5", "-e",
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b UNWIND range(1, 1000) AS c CREATE (:N {a: a})",
    ])
    #expect(r.status == 1)
    #expect(r.stdout.contains("\"detail\":\"TransactionTimedOut\""))
    let count = try CLI.run([
      "query", "--db", dir, "--format", "json", "-e", "MATCH (n) RETURN count(n) AS n",
    ])
    #expect(count.stdout.contains("\"rows\":[[0]]"))
  }
}
