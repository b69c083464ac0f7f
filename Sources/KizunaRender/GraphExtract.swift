import KizunaStore

/// The part of a graph to draw or export: nodes and the relationships between
/// them, copied out of the store.
///
/// Renderers and exporters sort by id, so the order given here never changes
/// the output. Relationships whose endpoints are missing from `nodes` are
/// skipped when drawing.
public struct GraphExtract: Sendable, Hashable {
  public var nodes: [NodeSnapshot]
  public var relationships: [RelationshipSnapshot]

  public init(nodes: [NodeSnapshot], relationships: [RelationshipSnapshot]) {
    self.nodes = nodes
    self.relationships = relationships
  }

  /// Collects every node, relationship and path found in `values` (also
  /// inside lists and maps), each once, reading them through `resolver`. A
  /// relationship brings its two endpoints along.
  public init(values: [Value], resolver: any EntityResolver) {
    var nodeIDs = Set<NodeID>()
    var relationshipIDs = Set<RelationshipID>()
    func visit(_ value: Value) {
      switch value {
      case .node(let id): nodeIDs.insert(id)
      case .relationship(let id): relationshipIDs.insert(id)
      case .path(let path):
        nodeIDs.formUnion(path.nodes)
        relationshipIDs.formUnion(path.relationships)
      case .list(let items): items.forEach(visit)
      case .map(let entries): entries.values.forEach(visit)
      default: break
      }
    }
    values.forEach(visit)
    var relationships: [RelationshipSnapshot] = []
    for id in relationshipIDs.sorted() {
      guard let relationship = resolver.relationshipSnapshot(id) else { continue }
      relationships.append(relationship)
      nodeIDs.insert(relationship.start)
      nodeIDs.insert(relationship.end)
    }
    self.nodes = nodeIDs.sorted().compactMap { resolver.nodeSnapshot($0) }
    self.relationships = relationships
  }

  /// Nodes sorted by id and relationships sorted by id, with relationships
  /// whose endpoints are not among the nodes left out.
  var canonical: GraphExtract {
    let sortedNodes = nodes.sorted { $0.id < $1.id }
    let known = Set(sortedNodes.map(\.id))
    let sortedRelationships = relationships.filter { known.contains($0.start) && known.contains($0.end) }
      .sorted { $0.id < $1.id }
    return GraphExtract(nodes: sortedNodes, relationships: sortedRelationships)
  }
}
