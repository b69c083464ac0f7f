/// The in-memory property graph: nodes, relationships, their labels, types
/// and properties, adjacency and indexes, all in contiguous arrays indexed
/// by integer id.
///
/// `GraphStore` does no locking: `Database` guards it (many readers or one
/// writer) and mutates it only through `WriteTransaction`, which logs undo
/// and redo records around every change.
public final class GraphStore: @unchecked Sendable {
  public internal(set) var labels = NameTable()
  public internal(set) var types = NameTable()
  public internal(set) var keys = NameTable()

  /// The next node id to hand out; ids below it are live or deleted, never reused.
  public internal(set) var nodeIDLimit = 0
  public internal(set) var liveNodes = Bitset()
  public internal(set) var liveNodeCount = 0
  /// Label ids below 64 as bits, one word per node; higher ids in `extraLabels`.
  public internal(set) var labelBits: [UInt64] = []
  public internal(set) var extraLabels: [Int: [Int32]] = [:]
  /// Node property columns, indexed by property-key id.
  public internal(set) var nodeProperties: [PropertyColumn] = []

  public internal(set) var relationshipIDLimit = 0
  public internal(set) var liveRelationships = Bitset()
  public internal(set) var liveRelationshipCount = 0
  public internal(set) var relationshipType = RelationshipTypeColumn()
  public internal(set) var relationshipStart: [UInt32] = []
  public internal(set) var relationshipEnd: [UInt32] = []
  /// Relationship property columns, indexed by property-key id.
  public internal(set) var relationshipProperties: [PropertyColumn] = []

  /// Adjacency by relationship type id: outgoing and incoming.
  public internal(set) var outgoing: [Adjacency] = []
  public internal(set) var incoming: [Adjacency] = []

  public internal(set) var labelIndex = LabelIndex()
  public internal(set) var schema = SchemaCatalog()

  public init() {}
}

/// A direction along a relationship, seen from a node.
public enum Direction: UInt8, Sendable {
  case outgoing, incoming, both
}
