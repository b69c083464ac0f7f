import KizunaStore

/// Breadth-first search for shortestPath and allShortestPaths.
///
/// A single shortest path uses a bidirectional search: it expands the
/// smaller frontier each round, so on a social graph it touches a few
/// thousand nodes where a one-sided search would touch most of the graph.
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
    // parent[node] = (previous node, relationship) on each side.
    var forward: [NodeID: (NodeID, RelationshipID)] = [a: (a, -1)]
    var backward: [NodeID: (NodeID, RelationshipID)] = [b: (b, -1)]
    var frontierF = [a], frontierB = [b]
    var depthF = 0, depthB = 0
    while !frontierF.isEmpty && !frontierB.isEmpty && depthF + depthB < maxHops {
      try ctx.checkLimits()
      let expandForward = frontierF.count <= frontierB.count
      var next: [NodeID] = []
      var meet: NodeID?
      if expandForward {
        for n in frontierF {
          neighbors(n, direction) { m, r in
            guard meet == nil, forward[m] == nil else { return }
            forward[m] = (n, r)
            if backward[m] != nil { meet = m }
            next.append(m)
          }
          if meet != nil { break }
        }
        frontierF = next
        depthF += 1
      } else {
        for n in frontierB {
          neighbors(n, direction.reversed) { m, r in
            guard meet == nil, backward[m] == nil else { return }
            backward[m] = (n, r)
            if forward[m] != nil { meet = m }
            next.append(m)
          }
          if meet != nil { break }
        }
        frontierB = next
        depthB += 1
      }
      if let meet {
        var nodes = [meet], rels: [RelationshipID] = []
        var cur = meet
        while cur != a, let (prev, rel) = forward[cur] {
          nodes.append(prev)
          rels.append(rel)
          cur = prev
        }
        nodes.reverse()
        rels.reverse()
        cur = meet
        while cur != b, let (prev, rel) = backward[cur] {
          nodes.append(prev)
          rels.append(rel)
          cur = prev
        }
        return Found(nodes: nodes, relationships: rels)
      }
    }
    return nil
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
