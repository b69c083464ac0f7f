/// Reads the labels, type, endpoints and properties of graph entities by id.
///
/// Values hold nodes and relationships by id only; anything that prints or
/// exports them (JSON results, cypher-shell style tables, renderings) asks a
/// resolver, usually the transaction that produced the value.
public protocol EntityResolver {
  /// The node with this id, or nil when it does not exist (deleted, unknown).
  func nodeSnapshot(_ id: NodeID) -> NodeSnapshot?
  /// The relationship with this id, or nil when it does not exist.
  func relationshipSnapshot(_ id: RelationshipID) -> RelationshipSnapshot?
}

/// A node's id, labels and properties, copied out of the store.
public struct NodeSnapshot: Sendable, Hashable {
  public var id: NodeID
  public var labels: [String]
  public var properties: [String: Value]

  public init(id: NodeID, labels: [String], properties: [String: Value]) {
    self.id = id
    self.labels = labels
    self.properties = properties
  }
}

/// A relationship's id, type, endpoints and properties, copied out of the store.
public struct RelationshipSnapshot: Sendable, Hashable {
  public var id: RelationshipID
  public var type: String
  public var start: NodeID
  public var end: NodeID
  public var properties: [String: Value]

  public init(
    id: RelationshipID, type: String, start: NodeID, end: NodeID, properties: [String: Value]
  ) {
    self.id = id
    self.type = type
    self.start = start
    self.end = end
    self.properties = properties
  }
}
