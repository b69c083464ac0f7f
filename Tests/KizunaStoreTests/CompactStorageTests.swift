import Foundation
import Testing

@testable import KizunaStore

/// The memory-saving layouts: relationships numbered by start node with
/// implicit ids in the outgoing blocks, one-byte relationship types, and
/// the array-backed integer index.
@Suite struct CompactStorageTests {
  /// Every relationship by content, independent of its id.
  private func contents(_ s: GraphStore) -> [String] {
    (0..<s.relationshipIDLimit).filter(s.relationshipExists).map { r in
      let props = s.relationshipPropertyMap(r).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      return "\(s.types.name(s.typeID(of: r))) \(s.startNode(of: r))->\(s.endNode(of: r)) \(props)"
    }.sorted()
  }

  @Test func mixedTypeImportIsGroupedByTypeThenStart() throws {
    let dir = try TemporaryDirectory()
    let nodes = try dir.write("n.csv", "id:ID\n" + (0..<20).map { "n\($0)\n" }.joined())
    var rows = ":START_ID,:END_ID,:TYPE,note,w:int\n"
    var expected: [String] = []
    for i in 0..<200 {
      let (a, b, type) = ((i * 7) % 20, (i * 3 + 1) % 20, i % 3 == 0 ? "B" : "A")
      let note = i % 4 == 0 ? "" : "r\(i)"
      rows += "n\(a),n\(b),\(type),\(note),\(i)\n"
      let props = (note.isEmpty ? [] : ["note=string(\"\(note)\")"]) + ["w=int(\(i))"]
      expected.append("\(type) \(a)->\(b) \(props)")
    }
    let rels = try dir.write("r.csv", rows)
    var job = BulkImport()
    job.nodeFiles = [.init(tag: nil, path: nodes)]
    job.relationshipFiles = [.init(tag: nil, path: rels)]
    let imported: [String]
    do {
      let db = try Database.open(path: dir.database)
      _ = try job.run(into: db)
      let s = db.store
      imported = contents(s)
      #expect(imported == expected.sorted())
      // Ids run type by type, by start node within a type.
      var last = (type: Int32(-1), start: -1)
      for r in 0..<s.relationshipIDLimit {
        let key = (s.typeID(of: r), s.startNode(of: r))
        #expect(key.0 > last.type || (key.0 == last.type && key.1 >= last.start))
        last = (key.0, key.1)
      }
      for t in 0..<s.types.count { #expect(s.outgoing[t].hasImplicitRelationships) }
      #expect(db.dump().adjacency.values.reduce(0) { $0 + $1.count } == 400)
    }
    let reopened = try Database.open(path: dir.database)
    #expect(contents(reopened.store) == imported)
    for t in 0..<reopened.store.types.count { #expect(reopened.store.outgoing[t].hasImplicitRelationships) }
  }

  /// Writes after an import go to the added lists, and a checkpoint folds
  /// them in; traversal sees the same graph throughout and after reopening.
  @Test func writesAfterAnImportSurviveCheckpointAndReopen() throws {
    let dir = try TemporaryDirectory()
    let nodes = try dir.write("n.csv", "id:ID\n" + (0..<50).map { "\($0)\n" }.joined())
    let rels = try dir.write(
      "r.csv", ":START_ID,:END_ID\n" + (0..<300).map { "\($0 * 11 % 50),\($0 % 50)\n" }.joined())
    var job = BulkImport()
    job.idType = .integer
    job.nodeFiles = [.init(tag: "N", path: nodes)]
    job.relationshipFiles = [.init(tag: "E", path: rels)]
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      _ = try job.run(into: db)
      _ = try db.write { tx in
        let e = tx.typeID("E")
        try tx.createRelationship(type: e, start: 3, end: 4, properties: [])
        try tx.createRelationship(type: tx.typeID("F"), start: 4, end: 3, properties: [])
        try tx.deleteRelationship(10)
        try tx.deleteRelationship(250)
      }
      expected = db.dump()
      try db.checkpoint()
      #expect(db.dump() == expected)
      #expect(db.store.liveRelationshipCount == 300)
      _ = try db.write { tx in
        try tx.createRelationship(type: tx.typeID("E"), start: 0, end: 0, properties: [])
      }
      expected = db.dump()
    }
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
  }

  @Test func typeColumnWidensPastTwoHundredFiftyFiveTypes() throws {
    let dir = try TemporaryDirectory()
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      _ = try db.write { tx in
        let a = try tx.createNode(labels: [], properties: [])
        for i in 0..<300 {
          try tx.createRelationship(type: tx.typeID("T\(i)"), start: a, end: a, properties: [])
        }
      }
      #expect(db.store.relationshipType.width == 4)
      #expect(db.store.typeID(of: 299) == db.store.types.id(of: "T299"))
      #expect(db.store.typeID(of: 0) == db.store.types.id(of: "T0"))
      try db.checkpoint()
      expected = db.dump()
    }
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
    #expect(reopened.store.relationshipType.width == 4)
  }

  @Test func typeColumnIsOneByteAndKeepsUnusedSlots() {
    var column = RelationshipTypeColumn()
    column.append(-1, count: 3)
    column[1] = 254
    #expect(column.width == 1)
    #expect([column[0], column[1], column[2]] == [-1, 254, -1])
    column[2] = 255
    #expect(column.width == 4)
    #expect([column[0], column[1], column[2]] == [-1, 254, 255])
  }

  @Test func intKeyTableUsesAnArrayForCloseKeysAndHashesSpreadOnes() {
    var table = IntKeyTable()
    // Descending, negative and ascending keys within a range: the array.
    var inserted = 0
    for k in stride(from: 100, through: -100, by: -1) where table.insert(Int64(k), UInt32(k + 100)) {
      inserted += 1
    }
    for k in 101..<2000 where table.insert(Int64(k), UInt32(k + 100)) { inserted += 1 }
    #expect(inserted == 2100)
    #expect(table.isArrayBacked)
    let duplicate = table.insert(-100, 7)
    #expect(!duplicate)
    #expect(table.count == 2100)
    table.remove(5)
    table.replace(6, with: 99)
    #expect(table.find(5) == nil && table.find(6) == 99 && table.find(-100) == 0 && table.find(1999) == 2099)
    #expect(table.find(2000) == nil && table.find(-101) == nil && table.find(.min) == nil)
    // A far key moves everything to the hash table, contents intact.
    let far = [table.insert(.max, 1), table.insert(.min, 2)]
    #expect(far == [true, true])
    #expect(!table.isArrayBacked)
    #expect(table.count == 2101)
    #expect(table.find(.max) == 1 && table.find(.min) == 2 && table.find(6) == 99 && table.find(5) == nil)
    var seen = 0
    table.forEach { key, node in
      seen += 1
      if key > -200 && key < 2000 { #expect(node == (key == 6 ? 99 : UInt32(key + 100))) }
    }
    #expect(seen == 2101)
  }

  @Test func idIndexOfAnImportFindsEveryNode() throws {
    let dir = try TemporaryDirectory()
    // Ids with a gap and a negative one: still one array.
    let ids = Array(-5..<3000).filter { $0 % 97 != 0 }
    let nodes = try dir.write("n.csv", "id:ID\n" + ids.map { "\($0)\n" }.joined())
    var job = BulkImport()
    job.idType = .integer
    job.nodeFiles = [.init(tag: "P", path: nodes)]
    let db = try Database.open(path: dir.database)
    _ = try job.run(into: db)
    let index = try #require(db.store.propertyIndex(label: "P", key: "id"))
    for (node, id) in ids.enumerated() { #expect(index.lookup(.int(Int64(id))) == [UInt32(node)]) }
    #expect(index.lookup(.int(97)).isEmpty)
    #expect(index.entryCount == ids.count)
  }

  @Test func permutationsMoveSlotsAndBits() {
    let keys: [UInt32] = [3, 1, 3, 0, 1]
    let order = keys.withUnsafeBufferPointer { Permutation.stableOrder(of: $0, limit: 4) }
    #expect(order == [3, 1, 4, 0, 2])
    var values = ["x", "a", "b", "c", "d", "e"]
    Permutation.apply(order, to: &values, from: 1)
    #expect(values == ["x", "d", "b", "e", "a", "c"])
    var bits = Bitset()
    bits.insertAll(in: 0..<200)
    #expect(bits.containsAll(0..<200) && bits.containsAll(63..<130) && !bits.containsAll(0..<201))
    bits.remove(2)  // slot 1 + 1 in the permuted range
    Permutation.apply(order, to: &bits, from: 1)
    // Slot 1 + k takes slot 1 + order[k]: only k = 1 reads the cleared slot 2.
    #expect((1...5).map { bits.contains($0) } == [true, false, true, true, true])
    #expect(bits.count == 199)
  }
}
