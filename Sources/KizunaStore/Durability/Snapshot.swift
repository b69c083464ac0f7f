#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The checkpoint file `snapshot.kz`: the whole graph in binary, written to
/// a temporary file, fsynced and renamed over the old one, so a crash leaves
/// either the old snapshot or the new one, never a mix. Byte layout in
/// docs/storage-format.md.
enum Snapshot {
  static let version: UInt8 = 2
  static let magic: [UInt8] = Array("KZSNAP".utf8) + [0, version]
  static let fileName = "snapshot.kz"

  // MARK: Writing

  static func write(_ store: GraphStore, sequence: UInt64, directory: String) throws {
    let path = directory + "/" + fileName
    let temp = path + ".tmp"
    do {
      let sink = try SnapshotSink(path: temp)
      try sink.magic(magic)
      sink.buffer.u64(sequence)
      for table in [store.labels, store.types, store.keys] {
        sink.buffer.varint(UInt64(table.count))
        for name in table.names { sink.buffer.string(name) }
      }
      sink.buffer.varint(UInt64(store.nodeIDLimit))
      try sink.array(store.liveNodes.storageWords)
      try sink.array(store.labelBits, prefix: store.nodeIDLimit)
      sink.buffer.varint(UInt64(store.extraLabels.count))
      for (node, labels) in store.extraLabels.sorted(by: { $0.key < $1.key }) {
        sink.buffer.varint(UInt64(node))
        sink.buffer.varint(UInt64(labels.count))
        for l in labels { sink.buffer.varint(UInt64(l)) }
      }
      try writeColumns(store.nodeProperties, sink)
      sink.buffer.varint(UInt64(store.relationshipIDLimit))
      try sink.array(store.liveRelationships.storageWords)
      let types = store.relationshipType
      sink.buffer.u8(UInt8(types.width))
      if types.isWide {
        try sink.array(types.wide, prefix: store.relationshipIDLimit)
      } else {
        try sink.array(types.narrow, prefix: store.relationshipIDLimit)
      }
      try sink.array(store.relationshipStart, prefix: store.relationshipIDLimit)
      try sink.array(store.relationshipEnd, prefix: store.relationshipIDLimit)
      try writeColumns(store.relationshipProperties, sink)
      sink.buffer.varint(UInt64(store.outgoing.count))
      for adjacency in store.outgoing + store.incoming {
        // Implicit ids: the neighbours are the relationships' other ends,
        // which the relationship arrays already hold.
        let implicit = adjacency.hasImplicitRelationships
        try sink.array(adjacency.offsets)
        try sink.array(implicit ? [] : adjacency.neighbors)
        sink.buffer.varint(UInt64(adjacency.firstRelationship))
        try sink.array(adjacency.storedRelationships)
      }
      sink.buffer.varint(UInt64(store.schema.indexes.count))
      for index in store.schema.indexes {
        sink.buffer.string(index.name)
        sink.buffer.varint(UInt64(index.label))
        sink.buffer.varint(UInt64(index.key))
      }
      sink.buffer.varint(UInt64(store.schema.constraints.count))
      for c in store.schema.constraints {
        sink.buffer.string(c.name)
        sink.buffer.varint(UInt64(c.label))
        sink.buffer.varint(UInt64(c.key))
        sink.buffer.string(c.indexName)
      }
      try sink.finish()
    } catch {
      unlink(temp)
      throw error
    }
    guard rename(temp, path) == 0 else { throw FileIO.error("rename", temp) }
    try FileIO.fsyncDirectory(directory)
  }

  private static func writeColumns(_ columns: [PropertyColumn], _ sink: SnapshotSink) throws {
    sink.buffer.varint(UInt64(columns.count))
    for column in columns {
      sink.buffer.u8(column.kind.rawValue)
      try sink.array(column.present.storageWords)
      switch column.kind {
      case .empty: break
      case .ints: try sink.array(column.ints)
      case .floats: try sink.array(column.floats)
      case .bools: try sink.array(column.bools.map { $0 ? UInt8(1) : 0 })
      case .strings:
        sink.buffer.varint(UInt64(column.strings.count))
        for s in column.strings {
          sink.buffer.string(s)
          try sink.flushIfLarge()
        }
      case .values:
        sink.buffer.varint(UInt64(column.values.count))
        for v in column.values {
          sink.buffer.value(v)
          try sink.flushIfLarge()
        }
      }
    }
  }

  // MARK: Reading

  /// Loads the snapshot in `directory`, or returns nil when there is none.
  ///
  /// The file is mapped, not read into the heap: its checksum is computed
  /// over the mapping on two threads and arrays are copied from it once,
  /// straight into their final storage.
  static func read(directory: String) throws -> (GraphStore, UInt64)? {
    let path = directory + "/" + fileName
    return try FileIO.withMappedFile(path) { bytes in
      let known = Swift.min(bytes.count, magic.count - 1)
      if bytes.count < magic.count + 12, bytes.count > 0,
        magic.prefix(known).elementsEqual(bytes[0..<known])
      {
        throw StoreError(
          .storage,
          "\(path): truncated snapshot (\(bytes.count) bytes, shorter than the \(magic.count + 12) of an empty one); the snapshot is damaged"
        )
      }
      guard bytes.count >= magic.count + 12,
        magic.withUnsafeBytes({ $0.prefix(magic.count - 1).elementsEqual(bytes[0..<magic.count - 1]) })
      else {
        throw StoreError(.storage, "\(path): not a Kizuna snapshot (bad header at offset 0)")
      }
      let fileVersion = bytes[magic.count - 1]
      guard fileVersion == version else {
        throw StoreError(
          .storage,
          "\(path): unsupported snapshot format version \(fileVersion) (this build reads version \(version)). Export the graph with the build that wrote it and import it again."
        )
      }
      let bodyEnd = bytes.count - 4
      let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: bodyEnd, as: UInt32.self))
      if CRC32C.parallelChecksum(UnsafeRawBufferPointer(rebasing: bytes[magic.count..<bodyEnd])) != stored {
        throw StoreError(
          .storage,
          "\(path): checksum mismatch over bytes \(magic.count)..<\(bodyEnd); the snapshot is damaged")
      }
      var r = RawByteReader(bytes, from: magic.count, to: bodyEnd)
      r.releasesConsumedPages = true
      do {
        return try decode(&r, path: path)
      } catch let e as StoreError {
        throw e
      } catch {
        throw StoreError(.storage, "\(path): malformed snapshot near offset \(r.offset)")
      }
    }
  }

  /// Whether every id in `ids` is below `limit`.
  static func allBelow(_ ids: [UInt32], _ limit: Int) -> Bool {
    ids.withUnsafeBufferPointer { Adjacency.idsBelow($0, limit) }
  }

  private static func decode(_ r: inout RawByteReader, path: String) throws -> (GraphStore, UInt64) {
    let store = GraphStore()
    let sequence = try r.u64()
    var tables: [NameTable] = []
    for _ in 0..<3 {
      var t = NameTable()
      for _ in 0..<(try r.count()) { _ = t.intern(try r.string()) }
      tables.append(t)
    }
    store.labels = tables[0]
    store.types = tables[1]
    store.keys = tables[2]
    let nodeLimit = try r.count()
    store.nodeIDLimit = nodeLimit
    store.liveNodes = Bitset(words: try r.array(of: UInt64.self))
    store.liveNodeCount = store.liveNodes.count
    store.labelBits = try r.array(of: UInt64.self)
    guard store.labelBits.count == nodeLimit else { throw ByteReader.Truncated(offset: r.offset) }
    for _ in 0..<(try r.count()) {
      let node = try r.count()
      var labels: [Int32] = []
      for _ in 0..<(try r.count()) { labels.append(Int32(truncatingIfNeeded: try r.varint())) }
      store.extraLabels[node] = labels
    }
    store.nodeProperties = try readColumns(&r, path: path)
    let relLimit = try r.count()
    store.relationshipIDLimit = relLimit
    store.liveRelationships = Bitset(words: try r.array(of: UInt64.self))
    store.liveRelationshipCount = store.liveRelationships.count
    switch try r.u8() {
    case 1: store.relationshipType = RelationshipTypeColumn(narrow: try r.array(of: UInt8.self))
    case 4: store.relationshipType = RelationshipTypeColumn(wide: try r.array(of: Int32.self))
    default: throw StoreError(.storage, "\(path): unknown relationship type width near offset \(r.offset)")
    }
    store.relationshipStart = try r.array(of: UInt32.self)
    store.relationshipEnd = try r.array(of: UInt32.self)
    guard store.relationshipType.count == relLimit, store.relationshipStart.count == relLimit,
      store.relationshipEnd.count == relLimit
    else { throw ByteReader.Truncated(offset: r.offset) }
    guard allBelow(store.relationshipStart, nodeLimit), allBelow(store.relationshipEnd, nodeLimit)
    else { throw StoreError(.storage, "\(path): a relationship refers to a node that does not exist") }
    store.relationshipProperties = try readColumns(&r, path: path)
    let typeCount = try r.count()
    var adjacency: [Adjacency] = []
    for block in 0..<(typeCount * 2) {
      let offsets = try r.array(of: UInt32.self)
      let neighbors = try r.array(of: UInt32.self)
      let first = try r.varint()
      let rels = try r.array(of: UInt32.self)
      let inconsistent = StoreError(
        .storage, "\(path): adjacency block is inconsistent near offset \(r.offset)")
      guard let last = offsets.last, offsets.count <= nodeLimit + 1, offsetsAreSorted(offsets) else {
        throw inconsistent
      }
      if rels.isEmpty && last > 0 {
        // Implicit ids: outgoing blocks list end nodes, incoming start nodes.
        let outgoing = block < typeCount
        guard neighbors.isEmpty, first <= UInt64(relLimit),
          let implicit = Adjacency(
            offsets: offsets, firstRelationship: Int(first),
            own: outgoing ? store.relationshipStart : store.relationshipEnd,
            others: outgoing ? store.relationshipEnd : store.relationshipStart)
        else { throw inconsistent }
        adjacency.append(implicit)
        continue
      }
      guard neighbors.count == rels.count, Int(last) == neighbors.count, allBelow(neighbors, nodeLimit),
        allBelow(rels, relLimit)
      else { throw inconsistent }
      adjacency.append(Adjacency(offsets: offsets, neighbors: neighbors, relationships: rels))
    }
    store.outgoing = Array(adjacency.prefix(typeCount))
    store.incoming = Array(adjacency.suffix(typeCount))
    var lists: [[UInt32]] = Array(repeating: [], count: store.labels.count)
    for n in 0..<nodeLimit where store.liveNodes.contains(n) {
      var bits = store.labelBits[n]
      while bits != 0 {
        let l = bits.trailingZeroBitCount
        if l < lists.count { lists[l].append(UInt32(n)) }
        bits &= bits - 1
      }
      for l in store.extraLabels[n] ?? [] where Int(l) < lists.count { lists[Int(l)].append(UInt32(n)) }
    }
    store.labelIndex = LabelIndex(lists: lists)
    for _ in 0..<(try r.count()) {
      let name = try r.string()
      let label = Int32(truncatingIfNeeded: try r.varint()), key = Int32(truncatingIfNeeded: try r.varint())
      store.addIndex(name: name, label: label, key: key)
    }
    for _ in 0..<(try r.count()) {
      let name = try r.string()
      let label = Int32(truncatingIfNeeded: try r.varint()), key = Int32(truncatingIfNeeded: try r.varint())
      store.addConstraint(UniqueConstraint(name: name, label: label, key: key, indexName: try r.string()))
    }
    try checkReferences(store, typeCount: typeCount, path: path)
    return (store, sequence)
  }

  /// Every id the snapshot holds points at something it defines: a body
  /// that passes its checksum but was not written by `write` (a tool's
  /// output, deliberate tampering) fails the open here rather than trapping
  /// on an out-of-range name or type later.
  static func checkReferences(_ store: GraphStore, typeCount: Int, path: String) throws {
    func fail(_ what: String) -> StoreError {
      StoreError(.storage, "\(path): malformed snapshot: \(what)")
    }
    let labelCount = store.labels.count, typeNames = store.types.count, keyCount = store.keys.count
    if let top = store.liveNodes.highestMember, top >= store.nodeIDLimit {
      throw fail("live node \(top) is not below the node id limit \(store.nodeIDLimit)")
    }
    if let top = store.liveRelationships.highestMember, top >= store.relationshipIDLimit {
      throw fail(
        "live relationship \(top) is not below the relationship id limit \(store.relationshipIDLimit)")
    }
    let usedBits = store.labelBits.withUnsafeBufferPointer { words in
      var all: UInt64 = 0
      for w in words { all |= w }
      return all
    }
    if labelCount < 64, usedBits >> UInt64(labelCount) != 0 {
      throw fail(
        "a node has label id \(63 - usedBits.leadingZeroBitCount), but \(labelCount) labels are defined")
    }
    for (node, labels) in store.extraLabels {
      guard node < store.nodeIDLimit, labels.allSatisfy({ $0 >= 0 && Int($0) < labelCount }) else {
        throw fail("node \(node) has a label id that is not defined")
      }
    }
    guard typeCount <= typeNames else {
      throw fail("\(typeCount) adjacency types, but \(typeNames) relationship types are defined")
    }
    let types = store.relationshipType
    for r in 0..<store.relationshipIDLimit {
      let t = types[r]
      if t < -1 || Int(t) >= typeCount || (t == -1 && store.liveRelationships.contains(r)) {
        throw fail("relationship \(r) has type id \(t), but \(typeCount) types have adjacency")
      }
    }
    guard store.nodeProperties.count <= keyCount, store.relationshipProperties.count <= keyCount else {
      throw fail("more property columns than the \(keyCount) property keys defined")
    }
    for index in store.schema.indexes {
      guard index.label >= 0, Int(index.label) < labelCount, index.key >= 0, Int(index.key) < keyCount else {
        throw fail("index '\(index.name)' refers to an undefined label or property key")
      }
    }
    for c in store.schema.constraints {
      guard c.label >= 0, Int(c.label) < labelCount, c.key >= 0, Int(c.key) < keyCount else {
        throw fail("constraint '\(c.name)' refers to an undefined label or property key")
      }
    }
  }

  /// Offsets must never decrease, or a block range would be inverted.
  static func offsetsAreSorted(_ offsets: [UInt32]) -> Bool {
    offsets.withUnsafeBufferPointer { buf in
      var bad = false
      var i = 1
      while i < buf.count {
        bad = bad || buf[i] < buf[i - 1]
        i += 1
      }
      return !bad
    }
  }

  private static func readColumns(_ r: inout RawByteReader, path: String) throws -> [PropertyColumn] {
    var out: [PropertyColumn] = []
    var damaged: Int?
    for _ in 0..<(try r.count()) {
      let at = r.offset
      guard let kind = PropertyColumn.Kind(rawValue: try r.u8()) else {
        throw StoreError(.storage, "\(path): unknown column kind at offset \(at)")
      }
      let present = Bitset(words: try r.array(of: UInt64.self))
      defer {
        if let last = out.last, let top = present.highestMember, top >= last.slotCount { damaged = at }
      }
      switch kind {
      case .empty: out.append(PropertyColumn())
      case .ints: out.append(PropertyColumn(ints: try r.array(of: Int64.self), present: present))
      case .floats: out.append(PropertyColumn(floats: try r.doubles(), present: present))
      case .bools:
        out.append(PropertyColumn(bools: try r.array(of: UInt8.self).map { $0 != 0 }, present: present))
      case .strings:
        let n = try r.count()
        var strings: [String] = []
        strings.reserveCapacity(n)
        for _ in 0..<n { strings.append(try r.string()) }
        out.append(PropertyColumn(strings: strings, present: present))
      case .values:
        let n = try r.count()
        var values: [Value] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try r.value()) }
        out.append(PropertyColumn(values: values, present: present))
      }
    }
    if let damaged {
      throw StoreError(.storage, "\(path): property column at offset \(damaged) is inconsistent")
    }
    return out
  }
}
