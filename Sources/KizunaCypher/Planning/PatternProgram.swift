import KizunaStore

/// A node in a pattern after planning: where it lives in the row and what
/// it must satisfy. A class: the matcher reads specs once per candidate row,
/// and a struct with arrays inside would be copied (and retained) each time.
final class NodeSpec {
  var slot: Int
  var labels: [String]
  var properties: [(key: String, value: CompiledExpression)]
  var variable: String?
  /// Keys whose value depends only on variables bound before the pattern
  /// (or on nothing): usable for an index seek when this node is the anchor.
  var seekableKeys: Set<String> = []
  /// `labels` and the property keys as interned ids, looked up once when
  /// planned (names never change id); nil for a name the store did not
  /// know yet, which the matcher then looks up by name.
  var labelIDs: [Int32?] = []
  var keyIDs: [Int32?] = []

  init(
    slot: Int, labels: [String], properties: [(key: String, value: CompiledExpression)], variable: String?
  ) {
    self.slot = slot
    self.labels = labels
    self.properties = properties
    self.variable = variable
  }

  func resolveNames(in store: GraphStore) {
    labelIDs = labels.map { store.labels.id(of: $0) }
    keyIDs = properties.map { store.keys.id(of: $0.key) }
  }
}

/// A relationship in a pattern after planning (a class for the same reason
/// as `NodeSpec`).
final class RelationshipSpec {
  var slot: Int
  /// For variable-length relationships: the slot holding the nodes passed through (for paths).
  var nodesSlot: Int?
  var types: [String]
  var direction: Direction
  /// nil for a single hop.
  var length: (min: Int, max: Int)?
  var properties: [(key: String, value: CompiledExpression)]
  var variable: String?

  init(
    slot: Int, nodesSlot: Int?, types: [String], direction: Direction, length: (min: Int, max: Int)?,
    properties: [(key: String, value: CompiledExpression)], variable: String?
  ) {
    self.slot = slot
    self.nodesSlot = nodesSlot
    self.types = types
    self.direction = direction
    self.length = length
    self.properties = properties
    self.variable = variable
  }
}

/// One step of a match program.
enum MatchStep {
  /// Binds node `node` from `source`.
  case anchor(node: Int, source: AnchorSource)
  /// Checks an already-bound node against its spec.
  case check(node: Int)
  /// Follows relationship `rel` from node `from` to node `to`; `forward`
  /// says whether the walk goes the way the pattern is written.
  case expand(rel: Int, from: Int, to: Int, forward: Bool, toBound: Bool)
  /// shortestPath / allShortestPaths between two bound nodes.
  case shortest(rel: Int, from: Int, to: Int, all: Bool)
  /// Builds a path value from the part's nodes and relationships.
  case path(slot: Int, part: Int)
  /// A WHERE conjunct that can be checked now.
  case filter(CompiledExpression)
}

/// How an anchor node is found.
enum AnchorSource {
  case allNodes
  case label(String)
  /// Property index seek: equality (or IN when `many`) on label/key.
  case seek(label: String, key: String, value: CompiledExpression, many: Bool)
  case range(
    label: String, key: String, lower: CompiledExpression?, lowerInclusive: Bool, upper: CompiledExpression?,
    upperInclusive: Bool)
  /// The node is already in its slot (bound by an earlier clause).
  case bound
}

/// The planned parts of one pattern, for building paths.
struct PartLayout {
  var nodes: [Int]  // indexes into `nodes`
  var relationships: [Int]  // indexes into `relationships`
}
