extension GraphStore {
  /// Rebuilds every adjacency block from the relationship arrays, folding in
  /// relationships added since the last rebuild and dropping deleted ones.
  /// Run at checkpoints and after bulk loads, with the writer's lock held.
  func compactAdjacency() {
    if adjacencyIsCompact { return }
    let typeCount = types.count
    let nodes = nodeIDLimit
    let spans = typeSpans()
    // Types whose ids are interleaved with others': gathered in one pass.
    var starts = [[UInt32]](repeating: [], count: typeCount)
    var ends = [[UInt32]](repeating: [], count: typeCount)
    var ids = [[UInt32]](repeating: [], count: typeCount)
    let scattered = spans.map { !$0.isEmpty && $0.contiguous == nil }
    if let first = spans.indices.filter({ scattered[$0] }).map({ spans[$0].lowest }).min() {
      for i in first..<relationshipIDLimit where liveRelationships.contains(i) {
        let t = Int(relationshipType[i])
        guard t >= 0 && t < typeCount && scattered[t] else { continue }
        starts[t].append(relationshipStart[i])
        ends[t].append(relationshipEnd[i])
        ids[t].append(UInt32(i))
      }
    }
    var outgoing: [Adjacency] = []
    var incoming: [Adjacency] = []
    outgoing.reserveCapacity(typeCount)
    incoming.reserveCapacity(typeCount)
    for (t, span) in spans.enumerated() {
      if let range = span.contiguous {
        // Every id in the range is a live relationship of this type (what a
        // bulk import leaves): the blocks come straight from the store's
        // arrays, no copies, the two directions on two cores.
        let (out, into) = inParallel {
          Adjacency(nodeCount: nodes, from: relationshipStart, to: relationshipEnd, range: range)
        } second: {
          Adjacency(nodeCount: nodes, from: relationshipEnd, to: relationshipStart, range: range)
        }
        outgoing.append(out)
        incoming.append(into)
      } else if scattered[t] {
        outgoing.append(Adjacency(nodeCount: nodes, from: starts[t], to: ends[t], ids: ids[t]))
        incoming.append(Adjacency(nodeCount: nodes, from: ends[t], to: starts[t], ids: ids[t]))
        starts[t] = []
        ends[t] = []
        ids[t] = []
      } else {
        outgoing.append(Adjacency())
        incoming.append(Adjacency())
      }
    }
    self.outgoing = outgoing
    self.incoming = incoming
  }

  /// Where each type's live relationships lie among the ids.
  struct TypeSpan {
    var lowest = Int.max
    var end = 0
    var count = 0
    var isEmpty: Bool { count == 0 }
    /// The ids, when they are every id from the lowest to the highest.
    var contiguous: Range<Int>? { count > 0 && end - lowest == count ? lowest..<end : nil }
  }

  func typeSpans() -> [TypeSpan] {
    var spans = [TypeSpan](repeating: TypeSpan(), count: types.count)
    let limit = relationshipIDLimit
    if types.count == 1 && liveRelationshipCount == limit {
      if limit > 0 { spans[0] = TypeSpan(lowest: 0, end: limit, count: limit) }
      return spans
    }
    for i in 0..<limit where liveRelationships.contains(i) {
      let t = Int(relationshipType[i])
      guard t >= 0 && t < spans.count else { continue }
      spans[t].lowest = Swift.min(spans[t].lowest, i)
      spans[t].end = i + 1
      spans[t].count += 1
    }
    return spans
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
