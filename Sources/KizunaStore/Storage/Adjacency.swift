/// One relationship type's relationships in one direction, grouped by node:
/// a compressed sparse row (CSR) block built in bulk, plus per-node lists of
/// relationships added since, which a checkpoint folds back into the block.
///
/// Deleted relationships stay in the block until the next rebuild; readers
/// skip them by checking the store's live-relationship set.
public struct Adjacency: Sendable {
  /// `offsets[n] ..< offsets[n + 1]` index `neighbors`/`relationships` for
  /// node `n`; nodes at or past `offsets.count - 1` have no block entries.
  public private(set) var offsets: [UInt32] = [0]
  public private(set) var neighbors: [UInt32] = []
  public private(set) var relationships: [UInt32] = []
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
    self.relationships = relationships
  }

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
    self.relationships = relationships
  }

  /// Builds the block for relationships `0 ..< from.count` whose id is their
  /// index: straight from the store's start/end arrays, no copies, with a
  /// counting sort. `count` limits the arrays to their live prefix.
  init(nodeCount: Int, from: [UInt32], to: [UInt32], count: Int) {
    var offsets = [UInt32](repeating: 0, count: nodeCount + 1)
    let valid =
      count <= from.count && count <= to.count
      && from.withUnsafeBufferPointer {
        Self.idsBelow(UnsafeBufferPointer(rebasing: $0[0..<count]), nodeCount)
      }
    // Unreachable for a consistent store; an empty block is safe to read.
    guard valid else { return }
    var neighbors = [UInt32](repeating: 0, count: count)
    var relationships = [UInt32](repeating: 0, count: count)
    from.withUnsafeBufferPointer { from in
      to.withUnsafeBufferPointer { to in
        offsets.withUnsafeMutableBufferPointer { offsets in
          // `valid` covers every index below, so the loops index freely.
          for i in 0..<count { offsets[Int(from[i]) &+ 1] &+= 1 }
          for i in 0..<nodeCount { offsets[i &+ 1] &+= offsets[i] }
          var cursor = [UInt32](offsets)
          cursor.withUnsafeMutableBufferPointer { cursor in
            neighbors.withUnsafeMutableBufferPointer { neighbors in
              relationships.withUnsafeMutableBufferPointer { relationships in
                for i in 0..<count {
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
    self.relationships = relationships
  }

  /// Whether every id is below `limit`: a branch-free maximum that the
  /// compiler vectorizes (10M ids in a few milliseconds).
  static func idsBelow(_ ids: UnsafeBufferPointer<UInt32>, _ limit: Int) -> Bool {
    var top: UInt32 = 0
    for v in ids { top = Swift.max(top, v) }
    return ids.isEmpty || Int(top) < limit
  }

  /// Calls `body(offsets, neighbors, relationships)` with the bulk block's
  /// arrays: for node `n`, `offsets[n] ..< offsets[n + 1]` indexes the other
  /// two (when `n + 1 < offsets.count`). Entries added since the block was
  /// built are not included (see `hasAdded`), deleted ones are.
  @inlinable public func withUnsafeBlock<R>(
    _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) throws ->
      R
  ) rethrows -> R {
    try offsets.withUnsafeBufferPointer { o in
      try neighbors.withUnsafeBufferPointer { n in
        try relationships.withUnsafeBufferPointer { r in try body(o, n, r) }
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
      while i < hi {
        try body(neighbors[i], relationships[i])
        i += 1
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

  /// The number of entries (live or deleted) for `node`.
  public func entryCount(_ node: Int) -> Int {
    blockRange(node).count + (added[UInt32(node)]?.count ?? 0)
  }

  public var hasAdded: Bool { !added.isEmpty }
}
