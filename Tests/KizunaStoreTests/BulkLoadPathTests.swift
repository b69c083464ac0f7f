import Foundation
import Testing

@testable import KizunaStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fast paths behind `kizuna import` and reopening: the two-thread
/// relationship parse, the compact id index, mapped snapshot reading.
@Suite struct BulkLoadPathTests {
  /// A fresh directory under /tmp, removed by the caller.
  static func scratch() -> String {
    var template = Array("/tmp/kizuna-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap { mkdtemp($0) } }
    if let made { return String(cString: made) }
    // Never "/tmp" itself: callers remove what this returns.
    let fallback = "/tmp/kizuna-test-\(getpid())-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: fallback, withIntermediateDirectories: true)
    return fallback
  }

  static func write(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var text = text
    text.withUTF8 { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
  }

  /// Node ids 0..<n; relationship i goes from (i * 7) % n to (i * 13 + 1) % n,
  /// since = i; large enough (about 5 MB) that the relationship file is
  /// parsed in two halves.
  static func graph(nodes n: Int, relationships m: Int, badLine: Int? = nil) -> (String, String) {
    var persons = "id:ID,name,born:int\n"
    for i in 0..<n { persons += "\(i),P\(i),\(1900 + i % 100)\n" }
    var knows = ":START_ID,:END_ID,since:int\n"
    knows.reserveCapacity(m * 24)
    for i in 0..<m {
      if i + 2 == badLine {
        knows += "\(i * 7 % n),\(n + 5),\(i)\n"
      } else {
        knows += "\(i * 7 % n),\((i * 13 + 1) % n),\(i % 5 == 0 ? "" : String(i))\n"
      }
    }
    return (persons, knows)
  }

  func importGraph(_ dir: String, nodes: Int, relationships: Int, badLine: Int? = nil) throws -> Database {
    let (persons, knows) = Self.graph(nodes: nodes, relationships: relationships, badLine: badLine)
    Self.write(persons, to: dir + "/persons.csv")
    Self.write(knows, to: dir + "/knows.csv")
    let database = try Database.open(path: dir + "/db")
    var job = BulkImport()
    job.idType = .integer
    job.nodeFiles = [.init(tag: "Person", path: dir + "/persons.csv")]
    job.relationshipFiles = [.init(tag: "KNOWS", path: dir + "/knows.csv")]
    _ = try job.run(into: database)
    return database
  }

  /// Every relationship as (start, end, since or -1), sorted: what the
  /// store holds, independent of how it numbered the relationships.
  static func triples(_ store: GraphStore) -> [[Int]] {
    let since = store.keys.id(of: "since") ?? -1
    return (0..<store.relationshipIDLimit).filter(store.relationshipExists).map { r -> [Int] in
      let value: Int
      if case .int(let v) = store.relationshipProperty(r, since) { value = Int(v) } else { value = -1 }
      return [store.startNode(of: r), store.endNode(of: r), value]
    }.sorted { $0.lexicographicallyPrecedes($1) }
  }

  static func expectedTriples(nodes n: Int, relationships m: Int) -> [[Int]] {
    (0..<m).map { i in [i * 7 % n, (i * 13 + 1) % n, i % 5 == 0 ? -1 : i] }
      .sorted { $0.lexicographicallyPrecedes($1) }
  }

  @Test func splitParseKeepsEveryRowAndItsProperties() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let n = 1000, m = 300_000
    let database = try importGraph(dir, nodes: n, relationships: m)
    let store = database.store
    #expect(store.relationshipIDLimit == m)
    #expect(Self.triples(store) == Self.expectedTriples(nodes: n, relationships: m))
    let knows = try #require(store.types.id(of: "KNOWS"))
    #expect(store.outgoing[Int(knows)].blockEntryCount == m)
    #expect(store.degree(of: 0, direction: .outgoing) == m / n)
  }

  /// Relationships are numbered by start node, file order among equals, so
  /// the outgoing block needs no relationship ids.
  @Test func importNumbersRelationshipsByStartNode() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let n = 1000, m = 300_000
    let store = try importGraph(dir, nodes: n, relationships: m).store
    let since = try #require(store.keys.id(of: "since"))
    var previous = (start: -1, row: -1)
    for r in 0..<m {
      let start = store.startNode(of: r)
      #expect(start >= previous.start)
      if start != previous.start { previous = (start, -1) }
      // Rows with a since value show their file order: since = row number.
      if case .int(let row) = store.relationshipProperty(r, since) {
        #expect(Int(row) > previous.row)
        previous.row = Int(row)
      }
    }
    let knows = try #require(store.types.id(of: "KNOWS"))
    #expect(store.outgoing[Int(knows)].hasImplicitRelationships)
    #expect(!store.incoming[Int(knows)].hasImplicitRelationships)
    // Traversal reports the right relationship for each neighbour.
    for node in [0, 7, 999] {
      store.forEachRelationship(of: node, type: knows, direction: .both) { other, r in
        let ends = [store.startNode(of: r), store.endNode(of: r)]
        #expect(ends.contains(node) && ends.contains(other))
      }
    }
  }

  @Test func errorInSecondHalfNamesTheFileLine() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect {
      _ = try importGraph(dir, nodes: 1000, relationships: 300_000, badLine: 280_000)
    } throws: { error in
      "\(error)".contains("line 280000") && "\(error)".contains("unknown node id 1005")
    }
  }

  @Test func reopenedSnapshotMatchesAndIndexFindsIDs() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let imported = try importGraph(dir, nodes: 5000, relationships: 20_000).dump()
    let database = try Database.open(path: dir + "/db")
    let store = database.store
    #expect(database.dump() == imported)
    #expect(store.relationshipIDLimit == 20_000)
    #expect(Self.triples(store) == Self.expectedTriples(nodes: 5000, relationships: 20_000))
    let person = try #require(store.labels.id(of: "Person"))
    let id = try #require(store.keys.id(of: "id"))
    let index = try #require(store.schema.index(label: person, key: id))
    #expect(index.lookup(.int(4321)) == [4321])
    #expect(index.lookup(.float(4321)) == [4321])
    #expect(index.lookup(.int(5000)).isEmpty)
    #expect(index.entryCount == 5000)
  }

  @Test func damagedSnapshotIsRejected() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    do { _ = try importGraph(dir, nodes: 100, relationships: 500) }
    let path = dir + "/db/snapshot.kz"
    let fd = open(path, O_RDWR)
    var byte: UInt8 = 0
    _ = pread(fd, &byte, 1, 40)
    byte ^= 0x10
    _ = pwrite(fd, &byte, 1, 40)
    close(fd)
    #expect(throws: StoreError.self) { _ = try Database.open(path: dir + "/db") }
  }

  @Test func checksumHalvesCombineToTheWhole() {
    var state: UInt32 = 12345
    let bytes = (0..<10_001).map { _ -> UInt8 in
      state = state &* 1_103_515_245 &+ 12345
      return UInt8(truncatingIfNeeded: state >> 16)
    }
    let whole = CRC32C.checksum(bytes, 0..<bytes.count)
    for cut in [0, 1, 7, 5000, 9999, 10_001] {
      let a = CRC32C.checksum(bytes, 0..<cut), b = CRC32C.checksum(bytes, cut..<bytes.count)
      #expect(CRC32C.combine(a, b, secondLength: bytes.count - cut) == whole)
    }
    // The standard check value of CRC-32C.
    #expect(CRC32C.checksum(Array("123456789".utf8), 0..<9) == 0xE306_9283)
  }

  @Test func intKeyTableSurvivesRemovalInsideProbeRuns() {
    var table = IntKeyTable()
    var inserted = 0
    for k in 0..<5000 where table.insert(Int64(k) * 1024, UInt32(k)) { inserted += 1 }
    #expect(inserted == 5000)
    let again = table.insert(0, 9)
    #expect(!again)
    for k in stride(from: 0, to: 5000, by: 3) { table.remove(Int64(k) * 1024) }
    for k in 0..<5000 {
      #expect(table.find(Int64(k) * 1024) == (k % 3 == 0 ? nil : UInt32(k)))
    }
    #expect(table.count == 5000 - 1667)
  }

  @Test func propertyIndexKeepsDuplicateIntegersInOrder() {
    let index = PropertyIndex(name: "i", label: 0, key: 0)
    index.insert(.int(7), 1)
    index.insert(.int(7), 2)
    index.insert(.float(7.5), 3)
    #expect(index.lookup(.int(7)) == [1, 2])
    index.remove(.int(7), 1)
    #expect(index.lookup(.int(7)) == [2])
    #expect(index.entries[.int(7)] == [2])
    #expect(index.range(lower: .int(7), lowerInclusive: true, upper: nil, upperInclusive: false) == [2, 3])
  }

  @Test func bitsetInsertAllInRangeSetsExactlyThoseBits() {
    var set = Bitset()
    set.insert(3)
    set.insertAll(in: 60..<200)
    #expect(
      set.contains(3) && !set.contains(59) && set.contains(60) && set.contains(199) && !set.contains(200))
    #expect(set.count == 141)
  }

  @Test func denseIDSpaceBecomesArithmetic() {
    var ids = IDSpaces()
    var inserted = 0
    for i in 0..<100 where ids.insert(group: "", id: .int(Int64(i)), node: UInt32(10 + i)) { inserted += 1 }
    #expect(inserted == 100)
    let duplicate = ids.insert(group: "", id: .int(5), node: 0)
    #expect(!duplicate)
    ids.seal()
    let space = ids.space("")
    #expect(space?.identity?.base == 10)
    #expect(space?.lookup(99) == 109)
    #expect(space?.lookup(100) == nil)
    #expect(space?.lookup(-1) == nil)
  }
}
