import KizunaStore

/// What one statement produced: columns, rows, update counters, and the
/// labels and properties of every node and relationship in the rows, taken
/// while the statement still held the database (so results stay readable
/// after the lock is released).
public struct QueryResult: Sendable, EntityResolver {
  public var columns: [String]
  public var rows: [[Value]]
  public var statistics: UpdateStatistics
  public var nodes: [NodeID: NodeSnapshot] = [:]
  public var relationships: [RelationshipID: RelationshipSnapshot] = [:]
  /// The plan, for EXPLAIN and PROFILE.
  public var plan: String?
  /// Time inside the engine: parsing, planning and execution.
  public var timeMs: Double = 0

  public init(columns: [String], rows: [[Value]], statistics: UpdateStatistics) {
    self.columns = columns
    self.rows = rows
    self.statistics = statistics
  }

  public func nodeSnapshot(_ id: NodeID) -> NodeSnapshot? { nodes[id] }
  public func relationshipSnapshot(_ id: RelationshipID) -> RelationshipSnapshot? { relationships[id] }

  /// Records every entity that the rows mention.
  mutating func capture(from store: GraphStore) {
    var nodeIDs = Set<NodeID>(), relIDs = Set<RelationshipID>()
    func visit(_ v: Value) {
      switch v {
      case .node(let id): nodeIDs.insert(id)
      case .relationship(let id): relIDs.insert(id)
      case .path(let p):
        nodeIDs.formUnion(p.nodes)
        relIDs.formUnion(p.relationships)
      case .list(let items): items.forEach(visit)
      case .map(let m): m.values.forEach(visit)
      default: break
      }
    }
    rows.forEach { $0.forEach(visit) }
    for r in relIDs {
      // A relationship deleted by this statement keeps its type and ends, so
      // `DELETE r RETURN r` still shows what was deleted (without properties).
      let live = store.relationshipExists(r)
      guard live || (r >= 0 && r < store.relationshipType.count && store.typeID(of: r) >= 0) else { continue }
      relationships[r] = RelationshipSnapshot(
        id: r, type: store.types.name(store.typeID(of: r)), start: store.startNode(of: r),
        end: store.endNode(of: r),
        properties: live ? store.relationshipPropertyMap(r) : [:])
      nodeIDs.insert(store.startNode(of: r))
      nodeIDs.insert(store.endNode(of: r))
    }
    for n in nodeIDs where store.nodeExists(n) {
      nodes[n] = NodeSnapshot(id: n, labels: store.labelNames(of: n), properties: store.nodePropertyMap(n))
    }
  }
}
