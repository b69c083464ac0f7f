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
