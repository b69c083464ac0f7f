import KizunaRender
import KizunaStore

extension GraphExtract {
  /// Every node and relationship in the database, as one read-consistent copy.
  public static func whole(_ database: Database) -> GraphExtract {
    database.read { store in
      var nodes: [NodeSnapshot] = []
      nodes.reserveCapacity(store.liveNodeCount)
      for id in 0..<store.nodeIDLimit where store.nodeExists(id) {
        nodes.append(
          NodeSnapshot(id: id, labels: store.labelNames(of: id), properties: store.nodePropertyMap(id)))
      }
      var relationships: [RelationshipSnapshot] = []
      relationships.reserveCapacity(store.liveRelationshipCount)
      for id in 0..<store.relationshipIDLimit where store.relationshipExists(id) {
        relationships.append(
          RelationshipSnapshot(
            id: id, type: store.types.name(store.typeID(of: id)), start: store.startNode(of: id),
            end: store.endNode(of: id), properties: store.relationshipPropertyMap(id)))
      }
      return GraphExtract(nodes: nodes, relationships: relationships)
    }
  }
}
