#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The relationships of one part of a relationship file, parsed into plain
/// arrays: the fast path of `kizuna import` for files whose columns are
/// integer ids, one fixed type and integer properties (the shape of most
/// edge lists). No `Value`, no per-row store call, no dictionary.
struct RelationshipBatch {
  var starts: [UInt32] = []
  var ends: [UInt32] = []
  /// One array per integer property column, a slot per row (0 when absent).
  var columns: [[Int64]]
  /// Rows (batch-relative) whose property is absent, per column; usually none.
  var absent: [[Int]]
  var count: Int { starts.count }

  init(columnCount: Int, reserving rows: Int) {
    starts.reserveCapacity(rows)
    ends.reserveCapacity(rows)
    columns = (0..<columnCount).map { _ in
      var a: [Int64] = []
      a.reserveCapacity(rows)
      return a
    }
    absent = Array(repeating: [], count: columnCount)
  }

  /// Appends `other`'s rows after this batch's.
  mutating func append(_ other: RelationshipBatch) {
    let shift = count
    starts.append(contentsOf: other.starts)
    ends.append(contentsOf: other.ends)
    for i in columns.indices {
      columns[i].append(contentsOf: other.columns[i])
      absent[i].append(contentsOf: other.absent[i].map { $0 + shift })
    }
  }
}

/// What the fast path needs to know about a relationship file's columns.
struct RelationshipLayout: Sendable {
  var header: ImportHeader
  var startIndex: Int
  var endIndex: Int
  var propertyColumns: [ImportColumn]

  /// The layout when the fast path applies: integer ids, no `:TYPE` column,
  /// only single integer properties. Nil sends the file down the general path.
  init?(_ header: ImportHeader, idType: ImportIDType, fixedType: Int32?) {
    guard idType == .integer, header.typeColumn == nil, fixedType != nil,
      let start = header.startIDColumn, let end = header.endIDColumn
    else { return nil }
    for column in header.propertyColumns {
      guard case .property(let type, false) = column.role, type.isInteger else { return nil }
    }
    self.header = header
    startIndex = start.index
    endIndex = end.index
    propertyColumns = header.propertyColumns
  }
}

/// Integer id → node lookups without class or dictionary access per row.
struct NodeIDResolver: @unchecked Sendable {
  let identity: (base: UInt32, count: Int64)?
  let dense: [UInt32]
  let space: IDSpaces.Space?

  init(_ space: IDSpaces.Space?) {
    self.space = space
    identity = space?.identity
    dense = space?.dense ?? []
  }

  @inline(__always) func lookup(_ id: Int64) -> UInt32? {
    if let identity {
      guard id >= 0, id < identity.count else { return nil }
      return identity.base &+ UInt32(truncatingIfNeeded: id)
    }
    if !dense.isEmpty {
      guard id >= 0, id < Int64(dense.count) else { return nil }
      let n = dense[Int(id)]
      return n == .max ? nil : n
    }
    return space?.lookup(id)
  }
}

extension CSVReader {
  /// The file offset of the first byte not yet consumed by a record.
  var consumedOffset: Int { bytesRead - (dataEnd - position) }

  /// Makes this reader start at `offset` of its file, inside the data (no
  /// byte order mark there); line numbers then count from that point.
  mutating func seek(to offset: Int) -> Bool {
    guard fileDescriptor >= 0, lseek(fileDescriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
      return false
    }
    startPending = false
    return true
  }

  /// Reads rows into `batch` until the end of input or until the consumed
  /// offset reaches `stop`. Returns false when a record runs across `stop`
  /// (the split point fell inside a quoted field).
  mutating func readRelationships(
    into batch: inout RelationshipBatch, layout: RelationshipLayout, start: NodeIDResolver,
    end: NodeIDResolver, stop: Int?, progress: ((Int) -> Void)?
  ) throws(CSVError) -> Bool {
    let columns = layout.propertyColumns
    while try nextRecord() {
      try layout.header.checkFieldCount(of: self)
      let a = try int64(layout.startIndex)
      guard let from = start.lookup(a) else { throw unknownID(a, layout.startIndex, layout) }
      let b = try int64(layout.endIndex)
      guard let to = end.lookup(b) else { throw unknownID(b, layout.endIndex, layout) }
      batch.starts.append(from)
      batch.ends.append(to)
      for i in 0..<columns.count {
        if let v = try integerProperty(for: columns[i]) {
          batch.columns[i].append(v)
        } else {
          batch.absent[i].append(batch.ends.count - 1)
          batch.columns[i].append(0)
        }
      }
      if let stop {
        let at = consumedOffset
        if at >= stop { return at == stop }
      }
      if let progress, batch.ends.count & 0xFFFF == 0 { progress(batch.ends.count) }
    }
    return true
  }

  private func unknownID(_ id: Int64, _ index: Int, _ layout: RelationshipLayout) -> CSVError {
    let header = layout.header.columns.first { $0.index == index }?.header ?? ""
    return error(
      column: index + 1, kind: .invalidValue,
      "unknown node id \(id) in column '\(header)' (no node file defines it)")
  }
}
