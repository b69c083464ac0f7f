import KizunaRender
import KizunaStore

/// What `kizuna neighbors` looks at.
public struct NeighborhoodSearch: Sendable, Hashable {
  /// How many relationships away from the centre to go.
  public var depth: Int
  public var via: RelationshipTypeFilter
  /// Stop widening once this many nodes are reached (hubs of large graphs).
  public var maxNodes: Int

  public static let defaultMaxNodes = 10_000

  public init(depth: Int = 1, via: RelationshipTypeFilter = .any, maxNodes: Int = defaultMaxNodes) {
    self.depth = depth
    self.via = via
    self.maxNodes = maxNodes
  }
}

/// The nodes within a few relationships of one entity, found breadth-first
/// on the store's adjacency.
public struct Neighborhood: Sendable {
  /// One relationship that leads one step further out: from a node `hops - 1`
  /// away from the centre to one `hops` away.
  public struct Link: Sendable, Hashable {
    public var hops: Int
    public var relationship: RelationshipSnapshot
    /// The end nearer the centre.
    public var inner: Entity
    /// The end `hops` away.
    public var outer: Entity
    /// Whether the relationship points outwards (inner → outer).
    public var outgoing: Bool { relationship.start == inner.id && relationship.end == outer.id }
  }

  public var center: Entity
  public var search: NeighborhoodSearch
  /// Each reached node (the centre too) and its distance.
  public var distances: [NodeID: Int]
  /// Links ordered by hops, type, direction (outgoing first) and caption.
  public var links: [Link]
  /// Whether `maxNodes` stopped the search early.
  public var truncated: Bool
  /// Every reached node and every relationship among them (of the followed types).
  public var extract: GraphExtract

  /// How many nodes besides the centre.
  public var neighborCount: Int { distances.count - 1 }

  /// One row per link: hops, `-[TYPE]->` or `<-[TYPE]-`, the neighbour, its
  /// labels, the relationship's when and where, the neighbour's id, and
  /// (beyond one hop) the node it was reached through.
  public var table: ExplorerTable {
    let showVia = links.contains { $0.hops > 1 }
    return ExplorerTable(
      columns: ["hops", "relationship", "neighbor", "labels", "details", "id"] + (showVia ? ["via"] : []),
      rows: links.map { link in
        let arrow = link.outgoing ? "-[\(link.relationship.type)]->" : "<-[\(link.relationship.type)]-"
        var row: [Value] = [
          .int(Int64(link.hops)), .string(arrow), .string(link.outer.caption), .string(link.outer.labelText),
          .string(RelationshipText.details(link.relationship)), .int(Int64(link.outer.id)),
        ]
        if showVia { row.append(link.hops > 1 ? .string(link.inner.caption) : .null) }
        return row
      })
  }

  /// Searches around `center` in `database` under a read lock.
  public static func explore(around center: Entity, search: NeighborhoodSearch, in database: Database)
    -> Neighborhood
  {
    database.read { explore(around: center, search: search, in: $0) }
  }

  public static func explore(around center: Entity, search: NeighborhoodSearch, in store: GraphStore)
    -> Neighborhood
  {
    let types = search.via.typeIDs(in: store)
    func eachRelationship(_ node: NodeID, _ body: (NodeID, RelationshipID) -> Void) {
      if let types {
        for type in types { store.forEachRelationship(of: node, type: type, direction: .both, body) }
      } else {
        store.forEachRelationship(of: node, direction: .both, body)
      }
    }
    var distances: [NodeID: Int] = [center.id: 0]
    var linkIDs: [(hops: Int, inner: NodeID, outer: NodeID, relationship: RelationshipID)] = []
    var frontier = [center.id]
    var truncated = false
    var hops = 0
    while hops < search.depth, !frontier.isEmpty, !truncated {
      hops += 1
      var next: [NodeID] = []
      for node in frontier {
        eachRelationship(node) { neighbor, relationship in
          if let known = distances[neighbor] {
            // A second route to a node first reached in this round.
            if known == hops { linkIDs.append((hops, node, neighbor, relationship)) }
            return
          }
          guard distances.count < search.maxNodes else {
            truncated = true
            return
          }
          distances[neighbor] = hops
          next.append(neighbor)
          linkIDs.append((hops, node, neighbor, relationship))
        }
      }
      frontier = next
    }
    var entities: [NodeID: Entity] = [:]
    for node in distances.keys { entities[node] = Entity(node: node, in: store) }
    let links = linkIDs.compactMap { link -> Link? in
      guard let inner = entities[link.inner], let outer = entities[link.outer] else { return nil }
      return Link(
        hops: link.hops, relationship: store.snapshot(ofRelationship: link.relationship), inner: inner,
        outer: outer)
    }.sorted { a, b in
      (a.hops, a.relationship.type, a.outgoing ? 0 : 1, a.outer.caption, a.inner.caption, a.relationship.id)
        < (
          b.hops, b.relationship.type, b.outgoing ? 0 : 1, b.outer.caption, b.inner.caption, b.relationship.id
        )
    }
    return Neighborhood(
      center: center, search: search, distances: distances, links: links, truncated: truncated,
      extract: egoNetwork(Set(distances.keys), types: types, store: store))
  }

  /// The reached nodes and every relationship (of `types`) between two of them.
  static func egoNetwork(_ nodes: Set<NodeID>, types: [Int32]?, store: GraphStore) -> GraphExtract {
    var relationships: [RelationshipSnapshot] = []
    for node in nodes.sorted() {
      let visit = { (neighbor: NodeID, relationship: RelationshipID) in
        if nodes.contains(neighbor) { relationships.append(store.snapshot(ofRelationship: relationship)) }
      }
      if let types {
        for type in types { store.forEachRelationship(of: node, type: type, direction: .outgoing, visit) }
      } else {
        store.forEachRelationship(of: node, direction: .outgoing, visit)
      }
    }
    return GraphExtract(
      nodes: nodes.sorted().map { store.snapshot(ofNode: $0) },
      relationships: relationships.sorted { $0.id < $1.id })
  }
}
