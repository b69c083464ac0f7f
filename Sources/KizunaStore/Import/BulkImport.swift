#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `kizuna import`: loads Neo4j-style CSV files straight into the store's
/// arrays (no per-row transaction), builds adjacency once at the end, and
/// makes the result durable with one checkpoint. A bad row stops the load
/// and the graph is put back as it was; nothing reaches disk before the
/// checkpoint, so the database directory is untouched too.
public struct BulkImport {
  /// One `--nodes[=Labels] FILE` or `--relationships[=TYPE] FILE` argument.
  public struct Source: Sendable {
    /// Extra labels (`A:B`) for node files, the type for relationship files.
    public var tag: String?
    public var path: String
    public init(tag: String?, path: String) {
      self.tag = tag
      self.path = path
    }
  }

  public struct Progress: Sendable {
    /// What the import is doing.
    public enum Stage: Sendable, Equatable {
      /// Reading `file`, the file at `fileIndex` among the node files then
      /// the relationship files.
      case reading
      /// Every file is read: building adjacency and indexes, writing the snapshot.
      case finishing
    }

    public var file: String
    public var bytesDone: Int
    public var bytesTotal: Int
    public var rows: Int
    public var stage = Stage.reading
    public var fileIndex = 0
  }

  public struct Summary: Sendable {
    public var nodes = 0
    public var relationships = 0
    public var seconds = 0.0
    public var warnings: [String] = []
  }

  public var nodeFiles: [Source] = []
  public var relationshipFiles: [Source] = []
  public var idType: ImportIDType = .string
  /// Called every 65,536 rows or so, at the end of each file, and once when
  /// the last file is read (stage `finishing`).
  public var progress: (@Sendable (Progress) -> Void)?

  public init() {}

  /// Where the store stood before the load: what `undo` goes back to.
  private struct Mark {
    var nodes: Int
    var relationships: Int
    var indexes: Int
  }

  public func run(into database: Database) throws -> Summary {
    let started = monotonicSeconds()
    var summary = Summary()
    var idIndexes: [(label: String, key: String)] = []
    let mark = try database.exclusive { store in
      let mark = Mark(
        nodes: store.nodeIDLimit, relationships: store.relationshipIDLimit,
        indexes: store.schema.indexes.count)
      do {
        var ids = IDSpaces()
        for (i, source) in nodeFiles.enumerated() {
          let (count, indexes, warnings) = try reporting(file: i).loadNodes(
            source, store, &ids, firstNew: mark.nodes)
          summary.nodes += count
          summary.warnings += warnings
          idIndexes += indexes
        }
        ids.seal()
        for (i, source) in relationshipFiles.enumerated() {
          summary.relationships += try reporting(file: nodeFiles.count + i).loadRelationships(
            source, store, ids)
        }
      } catch {
        Self.undo(store, to: mark)
        throw error
      }
      progress?(Progress(file: "", bytesDone: 0, bytesTotal: 0, rows: 0, stage: .finishing))
      store.orderRelationshipsByStart(from: mark.relationships)
      store.compactAdjacency()
      store.normalize()
      for (label, key) in idIndexes {
        let l = store.labels.intern(label), k = store.keys.intern(key)
        if store.schema.index(label: l, key: k) == nil {
          var name = "\(label)_\(key)"
          while store.schema.index(named: name) != nil { name += "_" }
          store.addIndex(name: name, label: l, key: k)
        }
      }
      return mark
    }
    do {
      try database.commitBulkLoad()
    } catch {
      // Nothing reached the disk: put the memory back to match it.
      try database.exclusive { store in Self.undo(store, to: mark) }
      throw error
    }
    summary.seconds = monotonicSeconds() - started
    return summary
  }

  /// This job with progress reports tagged with the file's position.
  private func reporting(file index: Int) -> BulkImport {
    guard let report = progress else { return self }
    var job = self
    job.progress = { p in
      var p = p
      p.fileIndex = index
      report(p)
    }
    return job
  }

  // MARK: Nodes

  private func loadNodes(_ source: Source, _ store: GraphStore, _ ids: inout IDSpaces, firstNew: Int) throws
    -> (Int, [(String, String)], [String])
  {
    var reader = try CSVReader(path: source.path, name: displayName(source.path))
    let header = try ImportHeader(reading: &reader, kind: .nodes)
    let fixedLabels = (source.tag ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    let fixedLabelIDs = fixedLabels.map { store.labels.intern($0) }
    let idKey: Int32? = header.idColumn.flatMap { $0.name }.map { store.keys.intern($0) }
    let propertyKeys = header.propertyColumns.map { store.keys.intern($0.name ?? $0.header) }
    let group = header.idGroup ?? ""
    let total = fileSize(source.path)
    progress?(Progress(file: reader.name, bytesDone: 0, bytesTotal: total, rows: 0))
    var rows = 0
    var labelCache: [String: Int32] = [:]
    var seenLabels = Set(fixedLabels)
    let constraints = store.schema.constraints.compactMap { c in
      store.schema.index(named: c.indexName).map { (c, $0) }
    }
    while try reader.nextRecord() {
      try header.checkFieldCount(of: reader)
      let node = store.nodeIDLimit
      guard node < Int(UInt32.max) else { throw reader.error(kind: .invalidValue, "too many nodes") }
      var labels = fixedLabelIDs
      for column in header.labelColumns {
        for name in try reader.labels(for: column) {
          if let id = labelCache[name] {
            if !labels.contains(id) { labels.append(id) }
          } else {
            let id = store.labels.intern(name)
            labelCache[name] = id
            seenLabels.insert(name)
            if !labels.contains(id) { labels.append(id) }
          }
        }
      }
      var properties: [(Int32, Value)] = []
      if let idColumn = header.idColumn {
        let idValue = try reader.idValue(for: idColumn, type: idType)
        guard ids.insert(group: group, id: idValue, node: UInt32(node)) else {
          throw reader.error(
            column: idColumn.index + 1, kind: .invalidValue,
            "duplicate node id \(idValue.description) in id space '\(group.isEmpty ? "default" : group)'")
        }
        if let idKey { properties.append((idKey, idValue)) }
      }
      for (i, column) in header.propertyColumns.enumerated() {
        if let v = try reader.propertyValue(for: column) { properties.append((propertyKeys[i], v)) }
      }
      store.createNode(id: node, labels: labels, properties: properties)
      for (constraint, index) in constraints where store.hasLabel(node, constraint.label) {
        try checkUnique(node, constraint, index, store, reader, firstNew: firstNew)
      }
      rows += 1
      if rows & 0xFFFF == 0 {
        progress?(
          Progress(file: reader.name, bytesDone: reader.consumedOffset, bytesTotal: total, rows: rows))
      }
    }
    progress?(Progress(file: reader.name, bytesDone: total, bytesTotal: total, rows: rows))
    var indexes: [(String, String)] = []
    if let key = header.idColumn?.name {
      indexes = seenLabels.sorted().map { ($0, key) }
    }
    return (rows, indexes, header.warnings)
  }

  // MARK: Relationships

  private func loadRelationships(_ source: Source, _ store: GraphStore, _ ids: IDSpaces) throws -> Int {
    var reader = try CSVReader(path: source.path, name: displayName(source.path))
    let header = try ImportHeader(reading: &reader, kind: .relationships)
    guard let startColumn = header.startIDColumn, let endColumn = header.endIDColumn else {
      throw CSVError(file: reader.name, line: 1, kind: .header, reason: "missing :START_ID or :END_ID column")
    }
    progress?(Progress(file: reader.name, bytesDone: 0, bytesTotal: fileSize(source.path), rows: 0))
    let fixedType = source.tag.map { store.types.intern($0) }
    if header.typeColumn == nil && fixedType == nil {
      throw CSVError(
        file: reader.name, line: 1, kind: .header,
        reason: "no :TYPE column and no type given; use --relationships=TYPE \(source.path)")
    }
    let keys = header.propertyColumns.map { store.keys.intern($0.name ?? $0.header) }
    // The fast path reopens the file (twice, for its two halves): a pipe
    // or a process substitution can be read only once, by this reader.
    if let fixedType, isRegularFile(source.path),
      let layout = RelationshipLayout(header, idType: idType, fixedType: fixedType)
    {
      let start = NodeIDResolver(ids.space(header.startIDGroup ?? ""))
      let end = NodeIDResolver(ids.space(header.endIDGroup ?? ""))
      let dataStart = reader.consumedOffset
      let batch = try readBatch(source, layout: layout, dataStart: dataStart, start: start, end: end)
      store.appendRelationships(batch, type: fixedType, keys: keys)
      return batch.count
    }
    let intColumns = header.propertyColumns.map {
      if case .property(let t, false) = $0.role { return t.isInteger }
      return false
    }
    let startSpace = ids.space(header.startIDGroup ?? "")
    let endSpace = ids.space(header.endIDGroup ?? "")
    let total = fileSize(source.path)
    var typeCache: [String: Int32] = [:]
    var rows = 0
    for k in keys { store.ensureRelationshipColumn(k) }
    while try reader.nextRecord() {
      try header.checkFieldCount(of: reader)
      let start = try resolve(&reader, startColumn, startSpace)
      let end = try resolve(&reader, endColumn, endSpace)
      var type: Int32
      if let typeColumn = header.typeColumn, !reader.isEmpty(typeColumn.index) {
        let name = try reader.string(typeColumn.index)
        if let t = typeCache[name] {
          type = t
        } else {
          type = store.types.intern(name)
          typeCache[name] = type
        }
      } else if let fixedType {
        type = fixedType
      } else {
        throw reader.error(kind: .invalidValue, "missing relationship type")
      }
      let id = store.relationshipIDLimit
      guard id < Int(UInt32.max) else { throw reader.error(kind: .invalidValue, "too many relationships") }
      store.appendRelationship(id: id, type: type, start: start, end: end)
      for (i, column) in header.propertyColumns.enumerated() {
        if intColumns[i] {
          if let v = try reader.integerProperty(for: column) {
            store.setRelationshipProperty(id, keys[i], .int(v))
          }
        } else if let v = try reader.propertyValue(for: column) {
          store.setRelationshipProperty(id, keys[i], v)
        }
      }
      rows += 1
      if rows & 0xFFFF == 0 {
        progress?(
          Progress(file: reader.name, bytesDone: reader.consumedOffset, bytesTotal: total, rows: rows))
      }
    }
    progress?(Progress(file: reader.name, bytesDone: total, bytesTotal: total, rows: rows))
    return rows
  }

  /// Parses the rows of a fast-path file; files of a few MiB or more in two
  /// halves on two cores, split at a line break and joined in file order.
  private func readBatch(
    _ source: Source, layout: RelationshipLayout, dataStart: Int, start: NodeIDResolver, end: NodeIDResolver
  ) throws -> RelationshipBatch {
    let name = displayName(source.path)
    let total = fileSize(source.path)
    let rowBytes = averageRowBytes(source.path, from: dataStart)
    let estimate = (total - dataStart) / rowBytes + 1024
    let columnCount = layout.propertyColumns.count
    let report = progress
    let path = source.path
    func opened() throws -> CSVReader {
      var reader = try CSVReader(path: path, name: name)
      _ = try ImportHeader(reading: &reader, kind: .relationships)
      return reader
    }
    func whole() throws -> RelationshipBatch {
      var reader = try opened()
      var batch = RelationshipBatch(columnCount: columnCount, reserving: estimate)
      _ = try reader.readRelationships(
        into: &batch, layout: layout, start: start, end: end, stop: nil,
        progress: { rows in
          report?(
            Progress(file: name, bytesDone: Swift.min(rows * rowBytes, total), bytesTotal: total, rows: rows))
        })
      report?(Progress(file: name, bytesDone: total, bytesTotal: total, rows: batch.count))
      return batch
    }
    guard total - dataStart >= 1 << 22,
      let split = splitPoint(path, from: dataStart + (total - dataStart) / 2)
    else { return try whole() }
    let (first, second) = inParallel { () -> Result<(RelationshipBatch, Bool, Int), Error> in
      Result {
        var reader = try opened()
        var batch = RelationshipBatch(columnCount: columnCount, reserving: estimate)
        let clean = try reader.readRelationships(
          into: &batch, layout: layout, start: start, end: end, stop: split,
          progress: { rows in
            let done = Swift.min(rows * rowBytes * 2, total)
            report?(Progress(file: name, bytesDone: done, bytesTotal: total, rows: rows * 2))
          })
        return (batch, clean, reader.nextLine - 1)
      }
    } second: { () -> Result<RelationshipBatch, Error> in
      Result {
        var reader = try CSVReader(path: path, name: name)
        var batch = RelationshipBatch(columnCount: columnCount, reserving: (total - split) / rowBytes + 1024)
        guard reader.seek(to: split) else {
          throw CSVError(file: name, line: 0, kind: .io, reason: "cannot seek")
        }
        _ = try reader.readRelationships(
          into: &batch, layout: layout, start: start, end: end, stop: nil, progress: nil)
        return batch
      }
    }
    var (batch, clean, linesBefore) = try first.get()
    // A split inside a quoted field: the halves are not whole records.
    guard clean else { return try whole() }
    do {
      batch.append(try second.get())
    } catch var e as CSVError {
      if e.line > 0 { e.line += linesBefore }
      throw e
    }
    report?(Progress(file: name, bytesDone: total, bytesTotal: total, rows: batch.count))
    return batch
  }

  /// The first offset after a line break at or after `offset` that ends a
  /// non-blank line, or nil when there is none near.
  private func splitPoint(_ path: String, from offset: Int) -> Int? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset - 1)) }
    guard n > 1 else { return nil }
    for i in 1..<n where buffer[i] == UInt8(ascii: "\n") {
      let before = buffer[i - 1]
      if before != UInt8(ascii: "\n") && before != UInt8(ascii: "\r") { return offset - 1 + i + 1 }
    }
    return nil
  }

  /// The mean length of the first rows, to size arrays once.
  private func averageRowBytes(_ path: String, from offset: Int) -> Int {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return 16 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
    guard n > 0 else { return 16 }
    let lines = buffer[0..<n].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    return Swift.max(4, n / Swift.max(lines, 1) - 1)
  }

  private func resolve(_ reader: inout CSVReader, _ column: ImportColumn, _ space: IDSpaces.Space?) throws
    -> UInt32
  {
    switch idType {
    case .integer:
      let v = try reader.int64(column.index)
      if let node = space?.lookup(v) { return node }
      throw reader.error(
        column: column.index + 1, kind: .invalidValue,
        "unknown node id \(v) in column '\(column.header)' (no node file defines it)")
    case .string:
      let s = try reader.string(column.index)
      if let node = space?.lookup(s) { return node }
      throw reader.error(
        column: column.index + 1, kind: .invalidValue,
        "unknown node id '\(s)' in column '\(column.header)' (no node file defines it)")
    }
  }

  /// A uniqueness constraint of the database holds for the new node: its
  /// index already has the node (indexes follow `createNode`), so a second
  /// entry for the value is an existing node or an earlier row.
  private func checkUnique(
    _ node: NodeID, _ constraint: UniqueConstraint, _ index: PropertyIndex, _ store: GraphStore,
    _ reader: borrowing CSVReader, firstNew: Int
  ) throws {
    guard let value = store.nodeProperty(node, constraint.key) else { return }
    let holders = index.lookup(value)
    guard holders.count > 1, let other = holders.first(where: { $0 != UInt32(node) }) else { return }
    let label = store.labels.name(constraint.label), key = store.keys.name(constraint.key)
    let shown = value.cypherLiteral ?? value.description
    let whose = Int(other) >= firstNew ? "an earlier row's node" : "node \(other) of the database"
    throw reader.error(
      kind: .constraintViolation,
      "breaks uniqueness constraint '\(constraint.name)': \(whose) already has :\(label)(\(key)) = \(shown)")
  }

  /// Takes out everything the load added: nodes, relationships (whose
  /// adjacency is rebuilt) and the indexes it created.
  private static func undo(_ store: GraphStore, to mark: Mark) {
    for r in mark.relationships..<store.relationshipIDLimit where store.relationshipExists(r) {
      store.deleteRelationship(r)
    }
    for n in mark.nodes..<store.nodeIDLimit where store.nodeExists(n) { store.deleteNode(n) }
    store.truncate(nodes: mark.nodes, relationships: mark.relationships)
    while store.schema.indexes.count > mark.indexes { store.schema.indexes.removeLast() }
    store.compactAdjacency()
    store.normalize()
  }

  private func displayName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  private func isRegularFile(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }

  private func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
  }
}

func monotonicSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

extension Value {
  /// A short rendering for messages.
  var description: String {
    switch self {
    case .string(let s): return "'\(s)'"
    case .int(let i): return String(i)
    default: return typeName
    }
  }
}
