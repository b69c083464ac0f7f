import KizunaStore

/// How `dot` is kept fast on large graphs.
///
/// `dot` puts every node on a rank and gives each edge one virtual node per
/// rank it crosses; crossing reduction, positioning and spline routing then
/// work on all of them. A random 300-node, 900-edge graph has ~156 ranks
/// and ~60,000 virtual nodes, and takes minutes. Ranking by a spanning
/// forest instead (breadth-first from the best-connected node; every other
/// edge `constraint=false`) keeps the ranks few: the same graph gets 8
/// ranks and ~2,300 virtual nodes, and 2,000 nodes / 6,000 edges lays out in
/// seconds. The size of what is left is estimated here, to choose between
/// full quality, bounded effort, and refusing (`LayoutLimits`).
struct DotRanking {
  /// Relationships that do not decide ranks (`constraint=false`).
  var looseRelationships: Set<RelationshipID>
  /// Nodes, relationships and the virtual nodes of relationships crossing
  /// ranks: what dot's positioning pass works on, and what its time follows.
  var estimatedLayoutNodes: Int

  /// The forest ranking for `extract` (canonical: edges between its nodes).
  init(_ extract: GraphExtract) {
    var index: [NodeID: Int] = [:]
    for (position, node) in extract.nodes.enumerated() { index[node.id] = position }
    let count = extract.nodes.count
    // Neighbours with the edge between them and its direction.
    var adjacency = [[(other: Int, edge: Int, outgoing: Bool)]](repeating: [], count: count)
    for (edge, relationship) in extract.relationships.enumerated() {
      guard let start = index[relationship.start], let end = index[relationship.end], start != end else {
        continue
      }
      adjacency[start].append((end, edge, true))
      adjacency[end].append((start, edge, false))
    }
    var rank = [Int?](repeating: nil, count: count)
    var treeEdges = Set<Int>()
    // Roots in order of degree, so each component grows from its hub.
    let degree = adjacency.map(\.count)
    let roots = (0..<count).sorted { a, b in degree[a] != degree[b] ? degree[a] > degree[b] : a < b }
    for root in roots where rank[root] == nil {
      rank[root] = 0
      var queue = [root]
      var head = 0
      while head < queue.count {
        let node = queue[head]
        head += 1
        let here = rank[node] ?? 0
        for link in adjacency[node] where rank[link.other] == nil {
          // A tree edge is tight: its head is one rank after its tail.
          rank[link.other] = link.outgoing ? here + 1 : here - 1
          treeEdges.insert(link.edge)
          queue.append(link.other)
        }
      }
    }
    var loose = Set<RelationshipID>()
    var virtual = 0
    for (edge, relationship) in extract.relationships.enumerated() where !treeEdges.contains(edge) {
      loose.insert(relationship.id)
      guard let start = index[relationship.start], let end = index[relationship.end],
        let a = rank[start], let b = rank[end]
      else { continue }
      virtual += max(0, abs(a - b) - 1)
    }
    looseRelationships = loose
    estimatedLayoutNodes = count + extract.relationships.count + virtual
  }
}

/// What `dot` does with a graph of a given size (see `DotRanking`).
enum DotEffort: Sendable, Hashable {
  /// Every edge decides ranks: the classic layered drawing.
  case layered
  /// Ranked by a spanning forest, curved edges, full effort.
  case forest(DotRanking)
  /// Ranked by a spanning forest, straight edges, limited passes.
  case bounded(DotRanking)
  /// Too large even so.
  case refused(DotRanking)

  init(_ extract: GraphExtract) {
    guard
      extract.nodes.count >= LayoutLimits.forestRankedDot
        || extract.relationships.count >= 3 * LayoutLimits.forestRankedDot
    else {
      self = .layered
      return
    }
    let ranking = DotRanking(extract)
    switch ranking.estimatedLayoutNodes {
    case ...LayoutLimits.fullEffortDotSize: self = .forest(ranking)
    case ...LayoutLimits.maximumDotSize: self = .bounded(ranking)
    default: self = .refused(ranking)
    }
  }

  var ranking: DotRanking? {
    switch self {
    case .layered: return nil
    case .forest(let r), .bounded(let r), .refused(let r): return r
    }
  }
}

extension DotRanking: Hashable {}
