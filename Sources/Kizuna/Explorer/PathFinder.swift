import KizunaCypher
import KizunaStore

/// What `kizuna path` looks for.
public struct PathSearch: Sendable, Hashable {
  /// The relationship types a path may use; empty for any.
  public var via: RelationshipTypeFilter
  /// Every shortest path, not just one.
  public var all: Bool
  /// The most relationships a path may have.
  public var maxLength: Int

  public static let defaultMaxLength = 6

  public init(via: RelationshipTypeFilter = .any, all: Bool = false, maxLength: Int = defaultMaxLength) {
    self.via = via
    self.all = all
    self.maxLength = maxLength
  }
}

/// A path read out of a query result: nodes and the relationships between
/// them, in order from the first entity to the second.
public struct GraphPath: Sendable, Hashable {
  public var nodes: [NodeSnapshot]
  public var relationships: [RelationshipSnapshot]

  public var length: Int { relationships.count }

  /// `Truong Thi Mai (Person) -[MET]-> Fumio Kishida (Person) <-[MET 2023-11-27]- Vo Van Thuong (Person)`.
  public var text: String {
    var out = Entity(nodes[0]).description
    for (relationship, node) in zip(relationships, nodes.dropFirst()) {
      let caption = RelationshipText.caption(relationship)
      let forward = relationship.end == node.id
      out += forward ? " -[\(caption)]-> " : " <-[\(caption)]- "
      out += Entity(node).description
    }
    return out
  }
}

/// The answer to `kizuna path`.
public struct PathReport: Sendable {
  public var from: Entity
  public var to: Entity
  public var search: PathSearch
  public var paths: [GraphPath]
  /// The query's own result, which holds the paths as values (for drawing).
  public var result: QueryResult

  /// One row per path: hops, the readable line, and the node ids along it.
  public var table: ExplorerTable {
    ExplorerTable(
      columns: ["hops", "path", "nodes"],
      rows: paths.map { path in
        [.int(Int64(path.length)), .string(path.text), .list(path.nodes.map { .int(Int64($0.id)) })]
      })
  }
}

/// Shortest paths between two entities, found by the Cypher engine's
/// `shortestPath`/`allShortestPaths`, in either direction.
public enum PathFinder {
  public static func find(from: Entity, to: Entity, search: PathSearch, engine: CypherEngine)
    throws(ExplorerError)
    -> PathReport
  {
    guard from.id != to.id else {
      throw ExplorerError(.invalidArgument, "\(from.description) is both ends; name two different entities")
    }
    guard search.maxLength >= 1 else {
      throw ExplorerError(.invalidArgument, "the maximum length must be at least 1")
    }
    let function = search.all ? "allShortestPaths" : "shortestPath"
    // The two nodes travel as parameters (node values, so no scan finds
    // them again); only the checked, escaped type names and the integer
    // bound are part of the text.
    let query = """
      WITH $from AS a, $to AS b
      MATCH p = \(function)((a)-[\(search.via.cypherPattern)*..\(search.maxLength)]-(b))
      RETURN p
      """
    let result: QueryResult
    do {
      result =
        try engine.run(query, parameters: ["from": .node(from.id), "to": .node(to.id)])
        .last ?? QueryResult(columns: [], rows: [], statistics: UpdateStatistics())
    } catch {
      throw ExplorerError(.query, "the path search failed: \(error.message)")
    }
    let paths = result.rows.compactMap { row -> GraphPath? in
      guard case .path(let value)? = row.first else { return nil }
      let nodes = value.nodes.compactMap { result.nodeSnapshot($0) }
      let relationships = value.relationships.compactMap { result.relationshipSnapshot($0) }
      guard nodes.count == value.nodes.count, relationships.count == value.relationships.count else {
        return nil
      }
      return GraphPath(nodes: nodes, relationships: relationships)
    }.sorted { ($0.length, $0.text) < ($1.length, $1.text) }
    guard !paths.isEmpty else {
      let types = search.via.names.isEmpty ? "" : " using only \(search.via.names.joined(separator: ", "))"
      throw ExplorerError(
        .noPath,
        "no path between \(from.description) and \(to.description) of at most \(search.maxLength) relationships\(types)"
      )
    }
    return PathReport(from: from, to: to, search: search, paths: paths, result: result)
  }
}
