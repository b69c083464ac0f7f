import KizunaStore

/// Breadth-first search for shortestPath and allShortestPaths.
///
/// A single shortest path uses a bidirectional search: it expands the
/// smaller frontier each round, so on a social graph it touches a few
/// thousand nodes where a one-sided search would touch most of the graph.
/// Visited marks live in per-node arrays that the engine keeps between
/// statements (`SearchScratch`), so a search allocates almost nothing.
struct ShortestPathFinder {
  let store: GraphStore
  let types: [Int32]?
  let direction: Direction

  struct Found {
    var nodes: [NodeID]
    var relationships: [RelationshipID]
  }

  private func neighbors(_ node: NodeID, _ dir: Direction, _ body: (NodeID, RelationshipID) throws -> Void)
    rethrows
  {
    if let types {
      for t in types { try store.forEachRelationship(of: node, type: t, direction: dir, body) }
    } else {
      try store.forEachRelationship(of: node, direction: dir, body)
    }
  }

  func shortest(from a: NodeID, to b: NodeID, minHops: Int, maxHops: Int, _ ctx: ExecutionContext) throws
    -> Found?
  {
    if a == b { return minHops == 0 ? Found(nodes: [a], relationships: []) : nil }
    if minHops > 1 {
      // Rare: fall back to the layered search, which honours a minimum.
      return try allShortest(from: a, to: b, minHops: minHops, maxHops: maxHops, ctx).first
    }
    let limit = store.nodeIDLimit
    guard a >= 0, b >= 0, a < limit, b < limit else { return nil }
    return try ctx.searchScratch.with { try bidirectional(a, b, maxHops, $0, ctx) }
  }

  /// Breadth-first from both ends at once, one level at a time on the side
  /// with the smaller frontier, until the two meet. Reached nodes are
  /// stamped in the scratch array: no hashing, nothing allocated per node.
  private func bidirectional(
    _ a: NodeID, _ b: NodeID, _ maxHops: Int, _ s: SearchScratch, _ ctx: ExecutionContext
  )
    throws -> Found?
  {
    let forwardStamp = UInt64(s.begin(nodeCount: store.nodeIDLimit)), backwardStamp = forwardStamp + 1
    var slots: [UInt64] = []
    var (frontier, otherFrontier, next) = s.frontiers
    swap(&slots, &s.slots)
    defer {
      swap(&slots, &s.slots)
      s.frontiers = (frontier, otherFrontier, next)
    }
    let none = UInt64(Self.noRelationship)
    slots[a] = forwardStamp << 32 | none
    slots[b] = backwardStamp << 32 | none
    frontier.append(UInt32(a))
    otherFrontier.append(UInt32(b))
    var depthF = 0, depthB = 0
    while !frontier.isEmpty && !otherFrontier.isEmpty && depthF + depthB < maxHops {
      try ctx.checkLimits()
      let forward = frontier.count <= otherFrontier.count
      let (stamp, otherStamp) = forward ? (forwardStamp, backwardStamp) : (backwardStamp, forwardStamp)
      let walk = forward ? direction : direction.reversed
      next.removeAll(keepingCapacity: true)
      // The link where the two searches touch: `from` on this side, `to` on the other.
      var meet: (from: Int, relationship: Int, to: Int)?
      slots.withUnsafeMutableBufferPointer { slots in
        for n in forward ? frontier : otherFrontier {
          neighbors(Int(n), walk) { m, r in
            guard meet == nil else { return }
            let mark = slots[m] &>> 32
            if mark == stamp { return }
            if mark == otherStamp {
              meet = (Int(n), r, m)
              return
            }
            slots[m] = stamp << 32 | UInt64(UInt32(truncatingIfNeeded: r))
            next.append(UInt32(truncatingIfNeeded: m))
          }
          if meet != nil { break }
        }
      }
      if forward {
        swap(&frontier, &next)
        depthF += 1
      } else {
        swap(&otherFrontier, &next)
        depthB += 1
      }
      if let meet {
        let (first, second) = forward ? (meet.from, meet.to) : (meet.to, meet.from)
        let head = chain(first, slots, maxHops)
        let tail = chain(second, slots, maxHops)
        return Found(
          nodes: head.nodes.reversed() + tail.nodes,
          relationships: head.relationships.reversed() + [meet.relationship] + tail.relationships)
      }
    }
    return nil
  }

  private static let noRelationship = UInt32.max

  /// The nodes and relationships from `node` back to the end its search
  /// started at, following the stamped parents.
  private func chain(_ node: Int, _ slots: [UInt64], _ maxHops: Int) -> (
    nodes: [NodeID], relationships: [RelationshipID]
  ) {
    var nodes = [node], rels: [RelationshipID] = []
    var cur = node
    while rels.count <= maxHops {
      let r = UInt32(truncatingIfNeeded: slots[cur])
      if r == Self.noRelationship { break }
      let rel = Int(r)
      let start = store.startNode(of: rel)
      cur = start == cur ? store.endNode(of: rel) : start
      nodes.append(cur)
      rels.append(rel)
    }
    return (nodes, rels)
  }

  /// Every shortest path (with at least `minHops` relationships).
  func allShortest(from a: NodeID, to b: NodeID, minHops: Int, maxHops: Int, _ ctx: ExecutionContext) throws
    -> [Found]
  {
    if a == b && minHops == 0 { return [Found(nodes: [a], relationships: [])] }
    // Layered search over (node, depth) so a minimum hop count is honoured;
    // predecessors per layer let every shortest path be enumerated.
    var layers: [[NodeID: [(NodeID, RelationshipID)]]] = [[a: []]]
    var reachedAt: Int?
    var depth = 0
    var seen: Set<NodeID> = minHops <= 1 ? [a] : []
    while depth < maxHops, reachedAt == nil {
      try ctx.checkLimits()
      var next: [NodeID: [(NodeID, RelationshipID)]] = [:]
      for n in layers[depth].keys {
        neighbors(n, direction) { m, r in
          if depth + 1 >= minHops && seen.contains(m) { return }
          next[m, default: []].append((n, r))
        }
      }
      if next.isEmpty { break }
      depth += 1
      if depth >= minHops { for k in next.keys { seen.insert(k) } }
      layers.append(next)
      if depth >= minHops, next[b] != nil { reachedAt = depth }
      if layers.reduce(0, { $0 + $1.count }) > 5_000_000 {
        throw CypherError.runtime(
          .argumentError, "InvalidArgumentValue",
          "allShortestPaths explored too many nodes; add a maximum length.")
      }
    }
    guard let end = reachedAt else { return [] }
    var out: [Found] = []
    func back(_ node: NodeID, _ d: Int, _ nodes: [NodeID], _ rels: [RelationshipID]) {
      if d == 0 {
        out.append(Found(nodes: nodes.reversed(), relationships: rels.reversed()))
        return
      }
      for (prev, rel) in layers[d][node] ?? [] where !rels.contains(rel) {
        back(prev, d - 1, nodes + [prev], rels + [rel])
      }
    }
    back(b, end, [b], [])
    return out
  }
}
