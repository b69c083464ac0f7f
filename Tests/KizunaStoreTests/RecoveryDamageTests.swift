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
    try FileBytes.flip(wal(dir), at: offsets[1] + 12)  // inside the second record's payload
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.kind == .storage)
    #expect(error?.message.contains("wal.log") == true)
    #expect(error?.message.contains("offset \(offsets[1])") == true)
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
  /// to run past the end of the file, which recovery takes for a torn tail:
  /// it silently truncates the log and loses the later commits.
  @Test(
    .disabled(
      "bug: WriteAheadLog.init treats a damaged length field as a torn tail and drops committed records"))
  func flippedLengthOfAMiddleRecordIsAnError() throws {
    let dir = try TemporaryDirectory()
    _ = try threeCommits(dir)
    let offsets = try FileBytes.walRecordOffsets(wal(dir))
    try FileBytes.flip(wal(dir), at: offsets[1] + 3)
    let error = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(error?.message.contains("wal.log") == true)
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
    #expect(short?.message.contains("snapshot.kz") == true)
  }

  @Test func garbageFilesAreErrorsNotCrashes() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir.database, withIntermediateDirectories: true)
    var rng = SplitMix64(seed: 7)
    for size in [1, 7, 8, 100, 5000] {
      let junk = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      try FileBytes.write(dir.database + "/wal.log", junk)
      let walError = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
      #expect(walError?.message.contains("wal.log") == true)
      try FileManager.default.removeItem(atPath: dir.database + "/wal.log")
      try FileBytes.write(dir.database + "/snapshot.kz", junk)
      let snapshotError = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
      #expect(snapshotError?.message.contains("snapshot.kz") == true)
      try FileManager.default.removeItem(atPath: dir.database + "/snapshot.kz")
    }
    // A log record that passes its checksum but holds nonsense.
    var record = ByteWriter()
    record.u64(1)
    record.varint(1)
    record.u8(99)
    var frame = ByteWriter()
    frame.u32(UInt32(record.bytes.count))
    frame.u32(CRC32C.checksum(record.bytes, 0..<record.bytes.count))
    try FileBytes.write(dir.database + "/wal.log", WriteAheadLog.magic + frame.bytes + record.bytes + [0])
    let decode = #expect(throws: StoreError.self) { try Database.open(path: dir.database) }
    #expect(decode?.message.contains("wal.log: record at offset 8") == true)
  }

  @Test func logRecordThatCannotBeReplayedIsAnError() throws {
    let dir = try TemporaryDirectory()
    try FileManager.default.createDirectory(atPath: dir.database, withIntermediateDirectories: true)
    var record = ByteWriter()
    record.u64(1)
    record.varint(1)
    record.change(.deleteNode(42))
    var frame = ByteWriter()
    frame.u32(UInt32(record.bytes.count))
    frame.u32(CRC32C.checksum(record.bytes, 0..<record.bytes.count))
    try FileBytes.write(dir.database + "/wal.log", WriteAheadLog.magic + frame.bytes + record.bytes)
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
