extension GraphStore {
  /// Rebuilds every adjacency block from the relationship arrays, folding in
  /// relationships added since the last rebuild and dropping deleted ones.
  /// Run at checkpoints and after bulk loads, with the writer's lock held.
  func compactAdjacency() {
    if adjacencyIsCompact { return }
    let typeCount = types.count
    let limit = relationshipIDLimit
    if typeCount == 1 && liveRelationshipCount == limit {
      // The common bulk case: one type and nothing deleted, so the blocks
      // are built straight from the store's arrays (no copies), the two
      // directions on two cores.
      let nodes = nodeIDLimit
      let (out, into) = inParallel {
        Adjacency(nodeCount: nodes, from: relationshipStart, to: relationshipEnd, count: limit)
      } second: {
        Adjacency(nodeCount: nodes, from: relationshipEnd, to: relationshipStart, count: limit)
      }
      outgoing = [out]
      incoming = [into]
      return
    }
    var starts = [[UInt32]](repeating: [], count: typeCount)
    var ends = [[UInt32]](repeating: [], count: typeCount)
    var ids = [[UInt32]](repeating: [], count: typeCount)
    for i in 0..<limit where liveRelationships.contains(i) {
      let t = Int(relationshipType[i])
      starts[t].append(relationshipStart[i])
      ends[t].append(relationshipEnd[i])
      ids[t].append(UInt32(i))
    }
    outgoing = (0..<typeCount).map {
      Adjacency(nodeCount: nodeIDLimit, from: starts[$0], to: ends[$0], ids: ids[$0])
    }
    incoming = (0..<typeCount).map {
      Adjacency(nodeCount: nodeIDLimit, from: ends[$0], to: starts[$0], ids: ids[$0])
    }
  }

  /// True when rebuilding would change nothing: no entries added since the
  /// last build, nothing deleted, and the blocks hold every relationship
  /// (a bulk load compacts, then its checkpoint would compact again).
  var adjacencyIsCompact: Bool {
    guard liveRelationshipCount == relationshipIDLimit, outgoing.count == types.count,
      incoming.count == types.count
    else { return false }
    var total = 0
    for a in outgoing {
      if a.hasAdded { return false }
      total += a.blockEntryCount
    }
    for a in incoming where a.hasAdded { return false }
    return total == relationshipIDLimit
  }
}
