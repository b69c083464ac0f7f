import Testing

@testable import KizunaStore

/// The byte-level encodings documented in docs/storage-format.md.
@Suite struct DurabilityEncodingTests {
  @Test func crc32cMatchesTheStandardCheckValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8), 0..<9) == 0xE306_9283)
    #expect(CRC32C.checksum([], 0..<0) == 0)
    // The sliced path (8 bytes at a time) agrees with the byte-at-a-time tail.
    let bytes = (0..<100).map { UInt8($0 * 7 & 0xFF) }
    let whole = CRC32C.checksum(bytes, 0..<100)
    let split = bytes.withUnsafeBytes { raw in
      CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[3..<100]), seed: CRC32C.checksum(bytes, 0..<3))
    }
    #expect(whole == split)
  }

  @Test func logHeaderAndRecordFraming() throws {
    let dir = try TemporaryDirectory()
    do {
      let db = try Database.open(path: dir.database)
      _ = try db.write { tx in try tx.createNode(labels: [tx.labelID("A")], properties: []) }
    }
    let bytes = try FileBytes.read(dir.database + "/wal.log")
    #expect(Array(bytes[0..<8]) == Array("KZWAL".utf8) + [0, 0, 2])
    func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
    let length = Int(u32(8))
    #expect(bytes.count == 28 + length)
    #expect(CRC32C.checksum(bytes, 28..<bytes.count) == u32(12))
    // Sequence 1, then the CRC of the header's first 16 bytes.
    #expect(Array(bytes[16..<24]) == [1, 0, 0, 0, 0, 0, 0, 0])
    #expect(CRC32C.checksum(bytes, 8..<24) == u32(24))
    // Two changes: define label 0 "A", then create node 0 with it.
    let expected: [UInt8] = [2, 0, 0, 0, 1, 65, 1, 0, 1, 0, 0]
    #expect(Array(bytes[28...]) == expected)
  }

  @Test func valuesRoundTripThroughTheCodec() throws {
    let values: [Value] = [
      .null, .bool(false), .bool(true), .int(0), .int(-1), .int(.max), .int(.min), .float(-0.0),
      .float(.infinity), .string(""), .string("日本 Việt"), .list([.int(1), .list([.string("x")])]),
      .map(["b": .int(2), "a": .null]), .date(CypherDate(epochDay: -719_162)),
      .localTime(CypherLocalTime(nanoOfDay: 1)), .time(CypherTime(nanoOfDay: 5, offsetSeconds: -3600)),
      .duration(CypherDuration(months: -1, days: 2, seconds: -3, nanoseconds: 4)),
    ]
    var writer = ByteWriter()
    for v in values { writer.value(v) }
    var reader = ByteReader(writer.bytes)
    for v in values { #expect(try reader.value() == v) }
    #expect(reader.isAtEnd)
    #expect(writer.bytes[0] == 0 && writer.bytes[1] == 1 && writer.bytes[2] == 2 && writer.bytes[3] == 3)
  }

  @Test func snapshotHeaderAndTrailingChecksum() throws {
    let dir = try TemporaryDirectory()
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      try db.checkpoint()
      #expect(try FileBytes.read(dir.database + "/wal.log").count == 8)
    }
    let bytes = try FileBytes.read(dir.database + "/snapshot.kz")
    #expect(Array(bytes[0..<8]) == Array("KZSNAP".utf8) + [0, 2])
    let n = bytes.count
    let crc =
      UInt32(bytes[n - 4]) | UInt32(bytes[n - 3]) << 8 | UInt32(bytes[n - 2]) << 16 | UInt32(bytes[n - 1])
      << 24
    #expect(CRC32C.checksum(bytes, 8..<(n - 4)) == crc)
    #expect(Array(bytes[8..<16]) == [1, 0, 0, 0, 0, 0, 0, 0])  // sequence 1
  }
}

@Suite struct FileIOPathTests {
  @Test(arguments: [
    ("db/wal.log", "db"), ("wal.log", "."), ("/wal.log", "/"), ("/a/b/", "/a"), ("a//wal.log", "a/"),
    ("people.kzdb/", "."),
  ])
  func parentDirectory(path: String, parent: String) {
    #expect(FileIO.parent(of: path) == parent)
  }
}
