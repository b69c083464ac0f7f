import Foundation
import Testing

@testable import KizunaStore

/// What is committed survives closing and reopening the database, through
/// the log alone, through a snapshot, and through both.
@Suite struct DurabilityTests {
  /// Changes of every kind after `seedPeople`, so replay exercises every change tag.
  private func mutate(_ db: Database, _ ids: [NodeID]) throws {
    try db.write { tx in
      try tx.setNodeProperty(ids[0], tx.keyID("tags"), .list([.string("a"), .string("b")]))
      try tx.setNodeProperty(ids[1], tx.keyID("born"), .null)
      try tx.addLabel(ids[3], tx.labelID("Listed"))
      try tx.removeLabel(ids[2], tx.labelID("Person"))
      try tx.setRelationshipProperty(0, tx.keyID("since"), .float(2001.5))
      try tx.deleteRelationship(1)
      let d = try tx.createNode(
        labels: (0..<70).map { tx.labelID("L\($0)") },  // ids past 64 live outside the bit set
        properties: [
          (tx.keyID("when"), .date(CypherDate(epochDay: 20000))),
          (tx.keyID("span"), .duration(CypherDuration(months: 1, days: 2, seconds: 3, nanoseconds: 4))),
        ])
      try tx.createRelationship(
        type: tx.typeID("OWNS"), start: d, end: ids[3], properties: [(tx.keyID("w"), .int(-7))])
      try tx.createIndex(name: "listed", label: "Listed", key: "name", ifNotExists: false)
      try tx.dropConstraint(name: "person_name", ifExists: false)
      try tx.createUniqueConstraint(name: "company_name", label: "Company", key: "name", ifNotExists: false)
    }
    try db.write { tx in
      try tx.dropIndex(name: "listed", ifExists: false)
      try tx.deleteNode(ids[0], detach: true)
    }
  }

  @Test func committedGraphSurvivesReopenThroughTheLog() throws {
    let dir = try TemporaryDirectory()
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      #expect(db.recovery.replayedTransactions == 0)
      try mutate(db, try seedPeople(db))
      expected = db.dump()
    }
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
    #expect(reopened.recovery.replayedTransactions == 3)
    #expect(reopened.recovery.droppedTailBytes == 0)
  }

  @Test func checkpointThenMoreCommitsThenReopen() throws {
    let dir = try TemporaryDirectory()
    var expected: GraphDump
    var afterCheckpoint: GraphDump
    var nextID: NodeID
    do {
      let db = try Database.open(path: dir.database)
      let ids = try seedPeople(db)
      try db.checkpoint()
      afterCheckpoint = db.dump()
      try mutate(db, ids)
      expected = db.dump()
      nextID = db.store.nodeIDLimit
    }
    do {
      let reopened = try Database.open(path: dir.database)
      #expect(reopened.dump() == expected)
      #expect(reopened.recovery.replayedTransactions == 2)
      // Ids handed out before the reopen stay used.
      let fresh = try reopened.write { tx in try tx.createNode(labels: [], properties: []) }
      #expect(fresh >= nextID)
      try reopened.checkpoint()
      expected = reopened.dump()
    }
    let again = try Database.open(path: dir.database)
    #expect(again.recovery.replayedTransactions == 0)
    #expect(again.dump() == expected)
    #expect(again.dump() != afterCheckpoint)
  }

  @Test func automaticCheckpointsKeepEverything() throws {
    let dir = try TemporaryDirectory()
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      db.checkpointThreshold = 256
      for i in 0..<60 {
        try db.write { tx in
          let n = try tx.createNode(
            labels: [tx.labelID("N\(i % 5)")], properties: [(tx.keyID("k\(i % 7)"), .int(Int64(i)))])
          if n > 0 {
            try tx.createRelationship(type: tx.typeID("T\(i % 3)"), start: n, end: n - 1, properties: [])
          }
        }
      }
      expected = db.dump()
      #expect(try FileBytes.read(dir.database + "/wal.log").count < 1024)
    }
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
    #expect(reopened.recovery.replayedTransactions < 60)
  }

  /// A commit is durable once logged: a snapshot that cannot be written
  /// afterwards neither fails the commit nor costs any data.
  @Test func failedAutomaticCheckpointKeepsTheLogAndIsReported() throws {
    let dir = try TemporaryDirectory()
    let blocker = dir.database + "/snapshot.kz.tmp"
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      db.checkpointThreshold = 64
      try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
      for i in 0..<5 {
        _ = try db.write { tx in try tx.createNode(labels: [], properties: [(tx.keyID("i"), .int(Int64(i)))])
        }
      }
      #expect(db.checkpointFailure?.message.contains("snapshot.kz.tmp") == true)
      #expect(!FileManager.default.fileExists(atPath: dir.database + "/snapshot.kz"))
      try FileManager.default.removeItem(atPath: blocker)
      // A later commit retries once the log has grown by the threshold.
      for i in 5..<10 {
        _ = try db.write { tx in try tx.createNode(labels: [], properties: [(tx.keyID("i"), .int(Int64(i)))])
        }
      }
      #expect(db.checkpointFailure == nil)
      #expect(FileManager.default.fileExists(atPath: dir.database + "/snapshot.kz"))
      expected = db.dump()
    }
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
    #expect(reopened.dump().nodeCount == 10)
  }

  @Test func namesInternedByRolledBackTransactionsAreLoggedWhenUsed() throws {
    let dir = try TemporaryDirectory()
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      #expect(throws: Abort.self) {
        try db.write { tx in
          try tx.createNode(labels: [tx.labelID("Ghost")], properties: [(tx.keyID("g"), .int(1))])
          throw Abort()
        }
      }
      _ = try db.write { tx in
        try tx.createNode(
          labels: [tx.labelID("Real"), tx.labelID("Ghost")], properties: [(tx.keyID("g"), .int(2))])
      }
      expected = db.dump()
    }
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
  }

  @Test func inMemoryDatabaseCheckpointIsHarmless() throws {
    let db = Database()
    try seedPeople(db)
    let before = db.dump()
    try db.checkpoint()
    #expect(db.dump() == before)
    #expect(db.directory == nil)
  }
}
