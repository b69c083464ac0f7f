import Foundation
import Testing

@testable import KizunaStore

/// Opening a database whose files were cut short or damaged: a torn log
/// tail is dropped quietly, anything else is a clear error naming the file.
@Suite struct RecoveryDamageTests {
  /// A database with one seed transaction and two more small ones, closed;
  /// returns the graph after each of the three commits.
  private func threeCommits(_ dir: TemporaryDirectory) throws -> [GraphDump] {
    let db = try Database.open(path: dir.database)
    var states: [GraphDump] = []
    try seedPeople(db)
    states.append(db.dump())
    for i in 1...2 {
      _ = try db.write { tx in
        try tx.createNode(labels: [tx.labelID("Late")], properties: [(tx.keyID("i"), .int(Int64(i)))])
      }
      states.append(db.dump())
    }
    return states
  }

  private var wal: (TemporaryDirectory) -> String { { $0.database + "/wal.log" } }

  @Test(arguments: [1, 3, 9])
  func tornTailDropsOnlyTheLastTransaction(cut: Int) throws {
    let dir = try TemporaryDirectory()
    let states = try threeCommits(dir)
    try FileBytes.truncate(wal(dir), by: cut)
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      #expect(db.dump() == states[1])
      #expect(db.recovery.droppedTailBytes > 0)
      #expect(db.recovery.replayedTransactions == 2)
      // The cut is repaired: new commits follow the intact records.
      _ = try db.write { tx in try tx.createNode(labels: [tx.labelID("After")], properties: []) }
      expected = db.dump()
    }
    let size = try FileBytes.read(wal(dir)).count
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
    #expect(reopened.recovery.droppedTailBytes == 0)
    #expect(try FileBytes.read(wal(dir)).count == size)
  }

  @Test func garbageAfterTheLastRecordIsATornTail() throws {
    let dir = try TemporaryDirectory()
    let states = try threeCommits(dir)
    try FileBytes.write(wal(dir), try FileBytes.read(wal(dir)) + [0x05, 0, 0, 0, 1, 2])
    let db = try Database.open(path: dir.database)
    #expect(db.dump() == states[2])
    #expect(db.recovery.droppedTailBytes == 6)
  }

  @Test func flippedByteInAMiddleRecordIsAnError() throws {
    let dir = try TemporaryDirectory()
    _ = try threeCommits(dir)
    let offsets = try FileBytes.walRecordOffsets(wal(dir))
    #expect(offsets.count == 3)
    // Inside the second record's payload.
    try FileBytes.flip(wal(dir), at: offsets[1] + WriteAheadLog.recordHeaderSize + 1)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.kind == .storage)
    #expect(error?.message.contains("wal.log") == true)
    #expect(error?.message.contains("offset \(offsets[1]) (checksum mismatch)") == true)
  }

  @Test func flippedSequenceOfAMiddleRecordIsAnError() throws {
    let dir = try TemporaryDirectory()
    _ = try threeCommits(dir)
    let offsets = try FileBytes.walRecordOffsets(wal(dir))
    try FileBytes.flip(wal(dir), at: offsets[1] + 12)  // the sequence, in the record header
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.message.contains("offset \(offsets[1]) (header checksum mismatch") == true)
    #expect(error?.message.contains("an intact record follows at offset \(offsets[2])") == true)
  }

  @Test func flippedChecksumOfAMiddleRecordIsAnError() throws {
    let dir = try TemporaryDirectory()
    _ = try threeCommits(dir)
    let offsets = try FileBytes.walRecordOffsets(wal(dir))
    try FileBytes.flip(wal(dir), at: offsets[0] + 5)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.message.contains("offset \(offsets[0])") == true)
  }

  /// A flipped high byte in a middle record's length makes the record seem
  /// to run past the end of the file, like a torn tail; the header checksum
  /// and the intact record after it show it is damage, and nothing is cut.
  @Test func flippedLengthOfAMiddleRecordIsAnError() throws {
    let dir = try TemporaryDirectory()
    _ = try threeCommits(dir)
    let before = try FileBytes.read(wal(dir))
    let offsets = try FileBytes.walRecordOffsets(wal(dir))
    try FileBytes.flip(wal(dir), at: offsets[1] + 3)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.kind == .storage)
    #expect(error?.message.contains("wal.log: damaged record at offset \(offsets[1])") == true)
    // The failed open left the log as it found it.
    #expect(try FileBytes.read(wal(dir)).count == before.count)
  }

  /// A damaged header with nothing intact after it is what an append cut
  /// short leaves: the last transaction goes, the others stay.
  @Test func damagedHeaderOfTheLastRecordIsATornTail() throws {
    let dir = try TemporaryDirectory()
    let states = try threeCommits(dir)
    let offsets = try FileBytes.walRecordOffsets(wal(dir))
    let size = try FileBytes.read(wal(dir)).count
    try FileBytes.flip(wal(dir), at: offsets[2] + 3)
    let db = try Database.open(path: dir.database)
    #expect(db.dump() == states[1])
    #expect(db.recovery.droppedTailBytes == size - offsets[2])
  }

  @Test func logOfAnOlderFormatIsRefusedUnlessEmpty() throws {
    let dir = try TemporaryDirectory()
    _ = try threeCommits(dir)
    var bytes = try FileBytes.read(wal(dir))
    bytes[7] = 1
    try FileBytes.write(wal(dir), bytes)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.message.contains("wal.log: unsupported log format version 1") == true)
    // A version 1 log with no records has nothing to convert.
    try FileBytes.write(wal(dir), Array(bytes[0..<8]))
    _ = try Database.open(path: dir.database)
    #expect(try FileBytes.read(wal(dir)) == WriteAheadLog.magic)
  }

  /// A crash while the header of a new or just-emptied log is written.
  @Test func logHoldingPartOfItsHeaderOpensEmpty() throws {
    let dir = try TemporaryDirectory()
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      try db.checkpoint()
    }
    let expected = try Database.open(path: dir.database).dump()
    try FileBytes.write(wal(dir), Array(WriteAheadLog.magic.prefix(5)))
    let db = try Database.open(path: dir.database)
    #expect(db.dump() == expected)
    #expect(try FileBytes.read(wal(dir)) == WriteAheadLog.magic)
  }

  @Test func damagedSnapshotIsAnErrorNamingIt() throws {
    let dir = try TemporaryDirectory()
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      try db.checkpoint()
    }
    let snapshot = dir.database + "/snapshot.kz"
    let size = try FileBytes.read(snapshot).count
    for offset in [10, size / 2, size - 1] {
      let original = try FileBytes.read(snapshot)
      try FileBytes.flip(snapshot, at: offset)
      let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
      #expect(error?.kind == .storage)
      #expect(error?.message.contains("snapshot.kz") == true)
      #expect(error?.message.contains("damaged") == true)
      try FileBytes.write(snapshot, original)
    }
    try FileBytes.flip(snapshot, at: 0)
    let header = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(header?.message.contains("snapshot.kz: not a Kizuna snapshot") == true)
    try FileBytes.write(snapshot, Array("KZSNAP".utf8) + [0, 1, 1, 2])
    let short = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(
      short?.message.contains("snapshot.kz: truncated snapshot (10 bytes") == true, "\(short?.message ?? "")")
  }

  /// Damage that the checksum cannot see (the CRC is fixed up after the
  /// change) is still reported against the file, wherever it lands.
  @Test func inconsistentSnapshotErrorsNameTheFile() throws {
    let dir = try TemporaryDirectory()
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      try db.checkpoint()
    }
    let snapshot = dir.database + "/snapshot.kz"
    let original = try FileBytes.read(snapshot)
    let bodyEnd = original.count - 4
    var errors = 0
    for offset in stride(from: 8, to: bodyEnd, by: 3) {
      var bytes = original
      bytes[offset] ^= 0xFF
      let crc = CRC32C.checksum(bytes, 8..<bodyEnd)
      for i in 0..<4 { bytes[bodyEnd + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i))) }
      try FileBytes.write(snapshot, bytes)
      do {
        _ = try Database.open(path: dir.database)
      } catch let e as StoreError {
        errors += 1
        #expect(e.message.hasPrefix(snapshot + ": "), "\(e.message)")
      }
    }
    #expect(errors > 10)
  }

  /// A snapshot body changed behind the checksum's back (the CRC fixed up),
  /// at every byte and in several ways, either fails the open naming the
  /// file or opens into a graph that can be read, written and checkpointed:
  /// never an out-of-range label, type or key id that traps later.
  @Test func snapshotThatPassesItsChecksumNeverTrapsLater() throws {
    let dir = try TemporaryDirectory()
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      // Label ids above 63 live outside the per-node bit words.
      _ = try db.write { tx in
        try tx.createNode(labels: (0..<70).map { tx.labelID("L\($0)") }, properties: [])
      }
      try db.checkpoint()
    }
    let snapshot = dir.database + "/snapshot.kz"
    let original = try FileBytes.read(snapshot)
    let bodyEnd = original.count - 4
    var errors = 0, opened = 0
    for offset in 8..<bodyEnd {
      for change in [{ (b: UInt8) in b ^ 0xFF }, { $0 &+ 1 }, { $0 &- 1 }] {
        var bytes = original
        bytes[offset] = change(bytes[offset])
        let crc = CRC32C.checksum(bytes, 8..<bodyEnd)
        for i in 0..<4 { bytes[bodyEnd + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i))) }
        try FileBytes.write(snapshot, bytes)
        try? FileManager.default.removeItem(atPath: dir.database + "/wal.log")
        do {
          let db = try Database.open(path: dir.database)
          opened += 1
          _ = db.dump()
          try db.write { tx in
            let store = tx.store
            for n in 0..<store.nodeIDLimit where store.nodeExists(n) { try tx.deleteNode(n, detach: true) }
          }
          try db.checkpoint()
        } catch let e as StoreError {
          errors += 1
          #expect(e.message.hasPrefix(snapshot + ": "), "offset \(offset): \(e.message)")
        }
      }
    }
    #expect(errors > 100)
    #expect(opened > 100, "changes to names and values open fine")
  }

  /// The log must continue the snapshot: a deleted snapshot, or a record cut
  /// out of the log, is reported rather than silently losing transactions.
  @Test func missingTransactionsAreAnError() throws {
    let dir = try TemporaryDirectory()
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      try db.checkpoint()
      for i in 1...3 {
        _ = try db.write { tx in
          try tx.createNode(labels: [], properties: [(tx.keyID("i"), .int(Int64(i)))])
        }
      }
    }
    let log = wal(dir), snapshot = dir.database + "/snapshot.kz"
    let (logBytes, snapshotBytes) = (try FileBytes.read(log), try FileBytes.read(snapshot))
    try FileManager.default.removeItem(atPath: snapshot)
    let noSnapshot = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(
      noSnapshot?.message.contains(
        "wal.log: record at offset 8 holds transaction 2, which cannot follow an empty database") == true,
      "\(noSnapshot?.message ?? "")")
    try FileBytes.write(snapshot, snapshotBytes)
    let offsets = try FileBytes.walRecordOffsets(log)
    try #require(offsets.count == 3)
    try FileBytes.write(log, Array(logBytes[..<offsets[1]] + logBytes[offsets[2]...]))
    let cut = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(
      cut?.message.contains(
        "wal.log: record at offset \(offsets[1]) holds transaction 4, which cannot follow transaction 2: transaction 3 is missing"
      ) == true, "\(cut?.message ?? "")")
    try FileBytes.write(log, logBytes)
    #expect(try Database.open(path: dir.database).dump().nodeCount == 7)
  }

  @Test func garbageFilesAreErrorsNotCrashes() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir.database, withIntermediateDirectories: true)
    var rng = SplitMix64(seed: 7)
    for size in [1, 7, 8, 100, 5000] {
      let junk = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      try FileBytes.write(dir.database + "/wal.log", junk)
      let walError = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
      #expect(walError?.message.contains("wal.log: not a Kizuna log") == true)
      try FileManager.default.removeItem(atPath: dir.database + "/wal.log")
      try FileBytes.write(dir.database + "/snapshot.kz", junk)
      let snapshotError = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
      #expect(snapshotError?.message.contains("snapshot.kz") == true)
      try FileManager.default.removeItem(atPath: dir.database + "/snapshot.kz")
    }
    // A log record that passes its checksum but holds nonsense.
    var record = ByteWriter()
    record.varint(1)
    record.u8(99)
    let frame = WriteAheadLog.frame(sequence: 1, payload: record.bytes)
    try FileBytes.write(dir.database + "/wal.log", WriteAheadLog.magic + frame + [0])
    let decode = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(decode?.message.contains("wal.log: record at offset 8") == true)
  }

  @Test func logRecordThatCannotBeReplayedIsAnError() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir.database, withIntermediateDirectories: true)
    let frame = WriteAheadLog.frame(sequence: 1, payload: WriteAheadLog.payload([.deleteNode(42)]))
    try FileBytes.write(dir.database + "/wal.log", WriteAheadLog.magic + frame)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.message.contains("wal.log: transaction 1 cannot be replayed") == true)
  }

  @Test func logConstraintOnUndefinedNamesIsAnError() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir.database, withIntermediateDirectories: true)
    let change = GraphChange.createConstraint(name: "c", label: 5, key: 9, indexName: "c")
    let frame = WriteAheadLog.frame(sequence: 1, payload: WriteAheadLog.payload([change]))
    try FileBytes.write(dir.database + "/wal.log", WriteAheadLog.magic + frame)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.message.contains("wal.log: transaction 1 cannot be replayed") == true)
  }

  @Test func aPlainFileIsNotADatabase() throws {
    let dir = try TemporaryDirectory()
    let file = try dir.write("plain.txt", "hello")
    let error = #expect(throws: StoreError.self) { try Database.open(path: file) }
    #expect(error?.message.contains("is not a database directory") == true)
  }

  @Test func secondOpenInTheSameProcessIsRefused() throws {
    let dir = try TemporaryDirectory()
    let first = try Database.open(path: dir.database)
    try seedPeople(first)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.kind == .storage)
    #expect(error?.message.contains("is locked by process \(getpid())") == true)
    // The refused open did not disturb the owner.
    _ = try first.write { tx in try tx.createNode(labels: [], properties: []) }
    #expect(first.dump().nodeCount == 5)
  }

  @Test func lockIsReleasedWhenTheDatabaseIsDropped() throws {
    let dir = try TemporaryDirectory()
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      expected = db.dump()
    }
    let again = try Database.open(path: dir.database)
    #expect(again.dump() == expected)
  }
}

/// A small deterministic generator for reproducible junk.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
