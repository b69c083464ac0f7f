import KizunaStore

/// Counts and the degree distribution of a whole graph, computed in a few
/// passes over the store's arrays (no per-node queries), so a million-node
/// graph takes well under a second.
public struct GraphStatistics: Sendable {
  public struct Count: Sendable, Hashable {
    public var name: String
    public var count: Int
  }

  /// Nodes with degree in `lower ... upper`.
  public struct Bucket: Sendable, Hashable {
    public var lower: Int
    public var upper: Int
    public var count: Int
    public var range: String { lower == upper ? "\(lower)" : "\(lower)-\(upper)" }
  }

  public var nodeCount: Int
  public var relationshipCount: Int
  /// Nodes per label, most first; unlabelled nodes as "(no label)".
  public var labels: [Count]
  /// Relationships per type, most first.
  public var types: [Count]
  /// Degree: relationships at a node, either direction (a self-loop once).
  public var minDegree: Int
  public var maxDegree: Int
  public var meanDegree: Double
  public var medianDegree: Double
  /// 0, 1, 2-3, 4-7, 8-15, ... up to the highest degree.
  public var histogram: [Bucket]
  /// The best-connected nodes, highest degree first (ties by id).
  public var top: [(entity: Entity, degree: Int)]

  public static let noLabel = "(no label)"

  public static func compute(_ database: Database, top: Int = 10) -> GraphStatistics {
    database.read { compute($0, top: top) }
  }

  public static func compute(_ store: GraphStore, top topCount: Int = 10) -> GraphStatistics {
    var degree = [Int32](repeating: 0, count: store.nodeIDLimit)
    var perType = [Int](repeating: 0, count: store.types.count)
    for r in 0..<store.relationshipIDLimit where store.relationshipExists(r) {
      let start = store.startNode(of: r), end = store.endNode(of: r)
      guard start < degree.count, end < degree.count else { continue }
      degree[start] &+= 1
      if end != start { degree[end] &+= 1 }
      let type = Int(store.typeID(of: r))
      if type >= 0, type < perType.count { perType[type] += 1 }
    }

    var labels = store.labels.names.enumerated().map {
      Count(name: $1, count: store.nodeCount(withLabel: Int32($0)))
    }
    var unlabelled = 0
    var frequency: [Int] = []
    var top: [(node: NodeID, degree: Int)] = []
    var total = 0
    for node in 0..<store.nodeIDLimit where store.nodeExists(node) {
      let d = Int(degree[node])
      if d >= frequency.count { frequency += [Int](repeating: 0, count: d - frequency.count + 1) }
      frequency[d] += 1
      total += d
      if store.labelBits[node] == 0, store.extraLabels[node] == nil { unlabelled += 1 }
      if top.count < topCount || d > top[top.count - 1].degree {
        // Insert keeping (degree desc, id asc); equal degrees stay in id order.
        let at = top.firstIndex { $0.degree < d } ?? top.count
        top.insert((node, d), at: at)
        if top.count > topCount { top.removeLast() }
      }
    }
    if unlabelled > 0 { labels.append(Count(name: noLabel, count: unlabelled)) }
    let nodeCount = store.liveNodeCount

    return GraphStatistics(
      nodeCount: nodeCount, relationshipCount: store.liveRelationshipCount,
      labels: sortedCounts(labels),
      types: sortedCounts(store.types.names.enumerated().map { Count(name: $1, count: perType[$0]) }),
      minDegree: frequency.firstIndex { $0 > 0 } ?? 0, maxDegree: max(0, frequency.count - 1),
      meanDegree: nodeCount > 0 ? Double(total) / Double(nodeCount) : 0,
      medianDegree: median(frequency, count: nodeCount), histogram: buckets(frequency),
      top: top.map { (Entity(node: $0.node, in: store), $0.degree) })
  }

  /// Counts above zero, most first, then by name.
  static func sortedCounts(_ counts: [Count]) -> [Count] {
    counts.filter { $0.count > 0 }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
  }

  /// The median of `count` degrees given as `frequency[degree] = nodes`.
  static func median(_ frequency: [Int], count: Int) -> Double {
    guard count > 0 else { return 0 }
    func value(at rank: Int) -> Int {
      var seen = 0
      for (d, n) in frequency.enumerated() {
        seen += n
        if seen > rank { return d }
      }
      return frequency.count - 1
    }
    return count % 2 == 1
      ? Double(value(at: count / 2)) : Double(value(at: count / 2 - 1) + value(at: count / 2)) / 2
  }

  /// Powers-of-two buckets: 0, 1, 2-3, 4-7, ... up to the highest degree.
  static func buckets(_ frequency: [Int]) -> [Bucket] {
    guard !frequency.isEmpty else { return [] }
    var out = [Bucket(lower: 0, upper: 0, count: frequency[0])]
    var lower = 1
    while lower < frequency.count {
      let upper = lower * 2 - 1
      let count = frequency[lower..<min(upper + 1, frequency.count)].reduce(0, +)
      out.append(Bucket(lower: lower, upper: upper, count: count))
      lower *= 2
    }
    return out
  }

  // MARK: Tables

  /// Total nodes and relationships and the degree summary, one row.
  public var summaryTable: ExplorerTable {
    ExplorerTable(
      columns: ["nodes", "relationships", "min degree", "median degree", "mean degree", "max degree"],
      rows: [
        [
          .int(Int64(nodeCount)), .int(Int64(relationshipCount)), .int(Int64(minDegree)),
          .float(medianDegree),
          .float((meanDegree * 100).rounded() / 100), .int(Int64(maxDegree)),
        ]
      ])
  }

  public var labelTable: ExplorerTable {
    ExplorerTable(
      columns: ["label", "nodes"], rows: labels.map { [.string($0.name), .int(Int64($0.count))] })
  }

  public var typeTable: ExplorerTable {
    ExplorerTable(
      columns: ["type", "relationships"], rows: types.map { [.string($0.name), .int(Int64($0.count))] })
  }

  /// The histogram; with `bars`, a column of █ scaled to the largest bucket.
  public func histogramTable(bars: Bool) -> ExplorerTable {
    let largest = histogram.map(\.count).max() ?? 0
    return ExplorerTable(
      columns: ["degree", "nodes"] + (bars ? [""] : []),
      rows: histogram.map { bucket in
        var row: [Value] = [.string(bucket.range), .int(Int64(bucket.count))]
        if bars {
          let width = largest > 0 ? (bucket.count * 40 + largest - 1) / largest : 0
          row.append(.string(String(repeating: "█", count: width)))
        }
        return row
      })
  }

  public var topTable: ExplorerTable {
    ExplorerTable(
      columns: ["rank", "node", "labels", "degree", "id"],
      rows: top.enumerated().map { rank, entry in
        [
          .int(Int64(rank + 1)), .string(entry.entity.caption), .string(entry.entity.labelText),
          .int(Int64(entry.degree)), .int(Int64(entry.entity.id)),
        ]
      })
  }
}
