/// One relationship type's relationships in one direction, grouped by node:
/// a compressed sparse row (CSR) block built in bulk, plus per-node lists of
/// relationships added since, which a checkpoint folds back into the block.
///
/// Deleted relationships stay in the block until the next rebuild; readers
/// skip them by checking the store's live-relationship set.
///
/// When the block's relationships are consecutive ids in block order (a bulk
/// import numbers relationships by start node, so its outgoing blocks are
/// like that), their ids are not stored: entry `k` is relationship
/// `firstRelationship + k`, which saves four bytes per relationship.
public struct Adjacency: Sendable {
  /// `offsets[n] ..< offsets[n + 1]` index `neighbors`/`relationships` for
  /// node `n`; nodes at or past `offsets.count - 1` have no block entries.
  public private(set) var offsets: [UInt32] = [0]
  public private(set) var neighbors: [UInt32] = []
  /// The block's relationship ids, or empty when they are implicit.
  @usableFromInline private(set) var explicitRelationships: [UInt32] = []
  /// The id of entry 0 when ids are implicit.
  public private(set) var firstRelationship: UInt32 = 0
  /// Relationships added after the block was built, by node.
  public private(set) var added: [UInt32: [Entry]] = [:]

  public struct Entry: Sendable, Equatable {
    public var neighbor: UInt32
    public var relationship: UInt32
  }

  public init() {}

  public init(offsets: [UInt32], neighbors: [UInt32], relationships: [UInt32]) {
    self.offsets = offsets
    self.neighbors = neighbors
    self.explicitRelationships = relationships
  }

  /// A block whose entry `k` is relationship `firstRelationship + k`, read
  /// back from disk: the neighbours are the other ends of those
  /// relationships, `others[firstRelationship...]` (shared when that is the
  /// whole array). Nil unless the offsets give entries of node `n` exactly
  /// the relationships whose `own` node is `n`.
  init?(offsets: [UInt32], firstRelationship first: Int, own: [UInt32], others: [UInt32]) {
    guard let last = offsets.last, first >= 0, first + Int(last) <= own.count,
      first + Int(last) <= others.count
    else { return nil }
    let range = first..<first + Int(last)
    let consistent = offsets.withUnsafeBufferPointer { o in
      own.withUnsafeBufferPointer { own in
        var bad = false
        var lo = 0
        for n in 0..<Swift.max(0, o.count - 1) {
          let hi = Int(o[n + 1])
          bad = bad || hi < lo
          var k = lo
          while k < hi && !bad {
            bad = Int(own[first + k]) != n
            k += 1
          }
          lo = hi
        }
        return !bad
      }
    }
    guard consistent else { return nil }
    self.offsets = offsets
    self.neighbors = range == others.indices ? others : Array(others[range])
    self.firstRelationship = UInt32(truncatingIfNeeded: first)
  }

  /// Whether relationship ids are implicit (`firstRelationship + k`).
  public var hasImplicitRelationships: Bool { explicitRelationships.count != neighbors.count }

  /// The stored ids (empty when implicit), for writing the block out.
  var storedRelationships: [UInt32] { explicitRelationships }

  /// Builds the block from parallel arrays of (node, neighbor, relationship)
  /// with a counting sort: two passes, no per-node allocation.
  public init(nodeCount: Int, from: [UInt32], to: [UInt32], ids: [UInt32]) {
    var offsets = [UInt32](repeating: 0, count: nodeCount + 1)
    for n in from { offsets[Int(n) + 1] &+= 1 }
    for i in 0..<nodeCount { offsets[i + 1] &+= offsets[i] }
    var cursor = offsets
    var neighbors = [UInt32](repeating: 0, count: from.count)
    var relationships = [UInt32](repeating: 0, count: from.count)
    for i in 0..<from.count {
      let n = Int(from[i])
      let slot = Int(cursor[n])
      cursor[n] = UInt32(slot + 1)
      neighbors[slot] = to[i]
      relationships[slot] = ids[i]
    }
    self.offsets = offsets
    self.neighbors = neighbors
    self.explicitRelationships = relationships
  }

  /// Builds the block for relationships `range` (ids equal to their index in
  /// the store's start/end arrays), straight from those arrays with a
  /// counting sort. When `from` is already ascending over the range, the
  /// block is `to` over the range as it stands, with implicit ids.
  init(nodeCount: Int, from: [UInt32], to: [UInt32], range: Range<Int>) {
    let valid =
      range.lowerBound >= 0 && range.upperBound <= from.count && range.upperBound <= to.count
      && from.withUnsafeBufferPointer { Self.idsBelow(UnsafeBufferPointer(rebasing: $0[range]), nodeCount) }
    // Unreachable for a consistent store; an empty block is safe to read.
    guard valid else { return }
    let count = range.count
    var offsets = [UInt32](repeating: 0, count: nodeCount + 1)
    let sorted = from.withUnsafeBufferPointer { Self.isAscending(UnsafeBufferPointer(rebasing: $0[range])) }
    if sorted {
      from.withUnsafeBufferPointer { from in
        offsets.withUnsafeMutableBufferPointer { offsets in
          for i in range { offsets[Int(from[i]) &+ 1] &+= 1 }
          for i in 0..<nodeCount { offsets[i &+ 1] &+= offsets[i] }
        }
      }
      self.offsets = offsets
      // The whole array: shared with the store (copy on write), not copied.
      self.neighbors = range == to.indices ? to : Array(to[range])
      self.firstRelationship = UInt32(truncatingIfNeeded: range.lowerBound)
      return
    }
    var neighbors = [UInt32](repeating: 0, count: count)
    var relationships = [UInt32](repeating: 0, count: count)
    from.withUnsafeBufferPointer { from in
      to.withUnsafeBufferPointer { to in
        offsets.withUnsafeMutableBufferPointer { offsets in
          // `valid` covers every index below, so the loops index freely.
          for i in range { offsets[Int(from[i]) &+ 1] &+= 1 }
          for i in 0..<nodeCount { offsets[i &+ 1] &+= offsets[i] }
          var cursor = [UInt32](offsets)
          cursor.withUnsafeMutableBufferPointer { cursor in
            neighbors.withUnsafeMutableBufferPointer { neighbors in
              relationships.withUnsafeMutableBufferPointer { relationships in
                for i in range {
                  let n = Int(from[i])
                  let slot = Int(cursor[n])
                  cursor[n] = UInt32(truncatingIfNeeded: slot &+ 1)
                  neighbors[slot] = to[i]
                  relationships[slot] = UInt32(truncatingIfNeeded: i)
                }
              }
            }
          }
        }
      }
    }
    self.offsets = offsets
    self.neighbors = neighbors
    self.explicitRelationships = relationships
  }

  /// Whether every id is below `limit`: a branch-free maximum that the
  /// compiler vectorizes (10M ids in a few milliseconds).
  static func idsBelow(_ ids: UnsafeBufferPointer<UInt32>, _ limit: Int) -> Bool {
    var top: UInt32 = 0
    for v in ids { top = Swift.max(top, v) }
    return ids.isEmpty || Int(top) < limit
  }

  /// Whether the values never decrease, without a branch per element.
  static func isAscending(_ values: UnsafeBufferPointer<UInt32>) -> Bool {
    guard values.count > 1, let base = values.baseAddress else { return true }
    var descents: UInt32 = 0
    for i in 1..<values.count { descents |= base[i] < base[i &- 1] ? 1 : 0 }
    return descents == 0
  }

  /// The relationship ids of a block: entry `k` is `self[k]`, whether ids
  /// are stored or implicit. Valid only inside `withUnsafeBlock`.
  public struct BlockRelationships {
    @usableFromInline let stored: UnsafeBufferPointer<UInt32>
    @usableFromInline let first: UInt32

    @inlinable init(stored: UnsafeBufferPointer<UInt32>, first: UInt32) {
      self.stored = stored
      self.first = first
    }

    @inlinable @inline(__always) public subscript(_ k: Int) -> UInt32 {
      stored.isEmpty ? first &+ UInt32(truncatingIfNeeded: k) : stored[k]
    }

    /// Whether ids are `first + k` rather than stored.
    @inlinable public var isImplicit: Bool { stored.isEmpty }
  }

  /// Calls `body(offsets, neighbors, relationships)` with the bulk block's
  /// arrays: for node `n`, `offsets[n] ..< offsets[n + 1]` indexes the other
  /// two (when `n + 1 < offsets.count`). Entries added since the block was
  /// built are not included (see `hasAdded`), deleted ones are.
  @inlinable public func withUnsafeBlock<R>(
    _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>, BlockRelationships) throws -> R
  ) rethrows -> R {
    try offsets.withUnsafeBufferPointer { o in
      try neighbors.withUnsafeBufferPointer { n in
        try explicitRelationships.withUnsafeBufferPointer { r in
          try body(o, n, BlockRelationships(stored: r, first: firstRelationship))
        }
      }
    }
  }

  /// The number of entries in the bulk block.
  public var blockEntryCount: Int { neighbors.count }

  public mutating func add(node: UInt32, neighbor: UInt32, relationship: UInt32) {
    added[node, default: []].append(Entry(neighbor: neighbor, relationship: relationship))
  }

  /// Undoes `add` of the most recent entry for `relationship` (rollback).
  public mutating func removeAdded(node: UInt32, relationship: UInt32) {
    guard var list = added[node], let i = list.lastIndex(where: { $0.relationship == relationship })
    else { return }
    list.remove(at: i)
    added[node] = list.isEmpty ? nil : list
  }

  /// Calls `body(neighbor, relationship)` for every entry of `node`,
  /// including deleted relationships (the caller filters).
  @inlinable public func forEach(_ node: Int, _ body: (UInt32, UInt32) throws -> Void) rethrows {
    if node + 1 < offsets.count {
      let lo = Int(offsets[node]), hi = Int(offsets[node + 1])
      var i = lo
      if explicitRelationships.isEmpty {
        let first = firstRelationship
        while i < hi {
          try body(neighbors[i], first &+ UInt32(truncatingIfNeeded: i))
          i += 1
        }
      } else {
        while i < hi {
          try body(neighbors[i], explicitRelationships[i])
          i += 1
        }
      }
    }
    if !added.isEmpty, let extra = added[UInt32(node)] {
      for e in extra { try body(e.neighbor, e.relationship) }
    }
  }

  /// Entries in the bulk block for `node` (fast paths use this directly).
  @inlinable public func blockRange(_ node: Int) -> Range<Int> {
    node + 1 < offsets.count ? Int(offsets[node])..<Int(offsets[node + 1]) : 0..<0
  }

  /// The relationship of block entry `k` (an index within `blockRange`).
  @inlinable public func blockRelationship(_ k: Int) -> UInt32 {
    explicitRelationships.isEmpty
      ? firstRelationship &+ UInt32(truncatingIfNeeded: k) : explicitRelationships[k]
  }

  /// The number of entries (live or deleted) for `node`.
  public func entryCount(_ node: Int) -> Int {
    blockRange(node).count + (added[UInt32(node)]?.count ?? 0)
  }

  public var hasAdded: Bool { !added.isEmpty }
}
