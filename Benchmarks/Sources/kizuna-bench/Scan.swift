import KizunaStore

/// The store's 1-hop scan `(a)-[:KNOWS]->(b) WHERE b.born > a.born`: nodes in
/// order, each one's outgoing block, the `born` integer of both ends.
enum Scan {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Counts matching relationships; throws when the store is not in the
  /// shape the unchecked loop needs (a deleted relationship, an absent
  /// `born`, entries added since the last compaction).
  static func count(_ store: GraphStore, type: Int32, born key: Int32) throws -> Int {
    guard type >= 0, Int(type) < store.outgoing.count, key >= 0, Int(key) < store.nodeProperties.count else {
      throw Failure(description: "no KNOWS relationships or no born property")
    }
    let adjacency = store.outgoing[Int(type)]
    let born = store.nodeProperties[Int(key)]
    guard born.kind == .ints, born.populated == store.liveNodeCount, store.liveNodeCount == store.nodeIDLimit,
      born.slotCount >= store.nodeIDLimit, !adjacency.hasAdded,
      store.liveRelationshipCount == store.relationshipIDLimit
    else {
      throw Failure(description: "the store is not freshly imported; the scan needs every node and rel live")
    }
    return born.withUnsafeInts { born in
      adjacency.withUnsafeBlock { offsets, neighbors, _ in
        // Neighbours are below nodeIDLimit (checked when the block is built
        // or loaded) and born has a slot for each, so reads stay in bounds.
        guard let b = born.baseAddress, let o = offsets.baseAddress, let n = neighbors.baseAddress else {
          return 0
        }
        var matches = 0
        let nodes = Swift.min(offsets.count - 1, born.count)
        var lo = Int(o[0])
        for v in 0..<nodes {
          let hi = Int(o[v &+ 1])
          let own = b[v]
          var k = lo
          while k < hi {
            matches &+= b[Int(n[k])] > own ? 1 : 0
            k &+= 1
          }
          lo = hi
        }
        return matches
      }
    }
  }
}
