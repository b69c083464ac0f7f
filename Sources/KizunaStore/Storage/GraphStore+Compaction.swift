extension GraphStore {
  /// Rebuilds every adjacency block from the relationship arrays, folding in
  /// relationships added since the last rebuild and dropping deleted ones.
  /// Run at checkpoints and after bulk loads, with the writer's lock held.
  func compactAdjacency() {
    let typeCount = types.count
    var starts = [[UInt32]](repeating: [], count: typeCount)
    var ends = [[UInt32]](repeating: [], count: typeCount)
    var ids = [[UInt32]](repeating: [], count: typeCount)
    if typeCount == 1 {
      // The common bulk case: one type, so the arrays can be used as they are.
      var s: [UInt32] = [], e: [UInt32] = [], r: [UInt32] = []
      s.reserveCapacity(liveRelationshipCount)
      e.reserveCapacity(liveRelationshipCount)
      r.reserveCapacity(liveRelationshipCount)
      for i in 0..<relationshipIDLimit where liveRelationships.contains(i) {
        s.append(relationshipStart[i])
        e.append(relationshipEnd[i])
        r.append(UInt32(i))
      }
      starts[0] = s
      ends[0] = e
      ids[0] = r
    } else {
      for i in 0..<relationshipIDLimit where liveRelationships.contains(i) {
        let t = Int(relationshipType[i])
        starts[t].append(relationshipStart[i])
        ends[t].append(relationshipEnd[i])
        ids[t].append(UInt32(i))
      }
    }
    outgoing = (0..<typeCount).map { Adjacency(nodeCount: nodeIDLimit, from: starts[$0], to: ends[$0], ids: ids[$0]) }
    incoming = (0..<typeCount).map { Adjacency(nodeCount: nodeIDLimit, from: ends[$0], to: starts[$0], ids: ids[$0]) }
  }
}
