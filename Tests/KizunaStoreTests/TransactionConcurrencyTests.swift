import Foundation
import Synchronization
import Testing

@testable import KizunaStore

/// Readers running alongside a writer never see a transaction half applied.
@Suite struct TransactionConcurrencyTests {
  /// What the reader threads found; shared across threads behind a mutex.
  final class Observations: Sendable {
    let done = Atomic<Bool>(false)
    let reads = Atomic<Int>(0)
    let problems = Mutex<[String]>([])

    func report(_ problem: String) { problems.withLock { if $0.count < 10 { $0.append(problem) } } }
  }

  /// Each transaction creates two `:Pair {n}` nodes joined by a relationship
  /// (or does so and then throws); readers check that counts stay even and
  /// every `n` they see comes with both halves and the relationship.
  @Test func readersNeverSeeHalfAppliedTransactions() throws {
    let dir = try TemporaryDirectory()
    let db = try Database.open(path: dir.database)
    db.checkpointThreshold = 4096  // so some commits also checkpoint under the readers
    let seen = Observations()
    let readers = 3
    let finished = DispatchGroup()
    for _ in 0..<readers {
      finished.enter()
      Thread {
        defer { finished.leave() }
        while !seen.done.load(ordering: .acquiring) {
          if let problem = Self.check(db) { seen.report(problem) }
          seen.reads.add(1, ordering: .relaxed)
          // A short pause lets the writer in: see `writerIsNotStarvedByReaders`.
          usleep(50)
        }
      }.start()
    }
    for i in 1...200 {
      do {
        try db.write { tx in
          let pair = tx.labelID("Pair"), n = tx.keyID("n")
          let a = try tx.createNode(labels: [pair], properties: [(n, .int(Int64(i)))])
          let b = try tx.createNode(labels: [pair], properties: [(n, .int(Int64(i)))])
          try tx.createRelationship(type: tx.typeID("HALF"), start: a, end: b, properties: [])
          if i % 7 == 0 { throw Abort() }
        }
      } catch is Abort {}
    }
    seen.done.store(true, ordering: .releasing)
    finished.wait()
    let problems = seen.problems.withLock { $0 }
    #expect(problems.isEmpty, "\(problems)")
    #expect(seen.reads.load(ordering: .relaxed) > 0)
    #expect(Self.check(db) == nil)
    #expect(db.read { $0.liveNodeCount } == 2 * (200 - 200 / 7))
  }

  /// Readers that re-take the shared lock back to back must not lock the
  /// writer out for good (glibc's default rwlock prefers readers; the
  /// database asks for writer preference).
  @Test func writerIsNotStarvedByReaders() throws {
    let db = Database()
    let stop = Observations()
    let finished = DispatchGroup()
    let deadline = Date().addingTimeInterval(5)
    for _ in 0..<3 {
      finished.enter()
      Thread {
        defer { finished.leave() }
        while !stop.done.load(ordering: .acquiring) && Date() < deadline {
          // Each read holds the lock a while and the next starts at once, so
          // the three overlap and the lock is never free of readers.
          db.read { _ in
            stop.reads.add(1, ordering: .relaxed)
            usleep(1000)
          }
        }
      }.start()
    }
    while stop.reads.load(ordering: .relaxed) < 30 && Date() < deadline { usleep(1000) }
    let started = Date()
    for _ in 0..<20 { _ = try db.write { tx in try tx.createNode(labels: [], properties: []) } }
    let took = Date().timeIntervalSince(started)
    stop.done.store(true, ordering: .releasing)
    finished.wait()
    #expect(took < 2, "20 small commits took \(took) s beside busy readers")
    #expect(db.read { $0.liveNodeCount } == 20)
  }

  /// Nil when the graph is consistent, else what is wrong.
  private static func check(_ db: Database) -> String? {
    db.read { s in
      guard let pair = s.labels.id(of: "Pair"), let n = s.keys.id(of: "n") else {
        return s.liveNodeCount == 0 ? nil : "nodes without the Pair label"
      }
      let members = s.nodes(withLabel: pair)
      guard members.count % 2 == 0, s.liveNodeCount == members.count else {
        return "odd count: \(members.count) labelled, \(s.liveNodeCount) live"
      }
      guard s.liveRelationshipCount * 2 == members.count else {
        return "\(s.liveRelationshipCount) relationships for \(members.count) nodes"
      }
      var halves: [Value: Int] = [:]
      for m in members {
        guard let v = s.nodeProperty(Int(m), n) else { return "node \(m) has no n" }
        halves[v, default: 0] += 1
        if s.degree(of: Int(m), direction: .both) != 1 { return "node \(m) is not joined to its half" }
      }
      if let bad = halves.first(where: { $0.value != 2 }) { return "n = \(bad.key) has \(bad.value) halves" }
      return nil
    }
  }
}
