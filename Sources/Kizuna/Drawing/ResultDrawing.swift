import KizunaCypher
import KizunaRender
import KizunaStore

/// Turns query results into pictures and files: the one place the `render`,
/// explorer and shell commands share, so they all draw the same way.
public enum ResultDrawing {
  /// Every node, relationship and path the results hold. With `connect`, also
  /// the relationships that join any two of those nodes in the database.
  public static func extract(
    from results: [QueryResult], connect: Bool = false, engine: CypherEngine
  ) throws(CypherError) -> GraphExtract {
    var nodes: [NodeID: NodeSnapshot] = [:]
    var relationships: [RelationshipID: RelationshipSnapshot] = [:]
    for result in results {
      let part = GraphExtract(values: result.rows.flatMap { $0 }, resolver: result)
      for node in part.nodes { nodes[node.id] = node }
      for relationship in part.relationships { relationships[relationship.id] = relationship }
    }
    if connect, nodes.count > 1 {
      let ids = Value.list(nodes.keys.sorted().map { Value.int(Int64($0)) })
      let joining = try engine.run(
        "MATCH (a)-[r]->(b) WHERE id(a) IN $ids AND id(b) IN $ids RETURN r", parameters: ["ids": ids])
      for result in joining {
        for relationship in GraphExtract(values: result.rows.flatMap { $0 }, resolver: result).relationships {
          relationships[relationship.id] = relationship
        }
      }
    }
    return GraphExtract(
      nodes: nodes.keys.sorted().compactMap { nodes[$0] },
      relationships: relationships.keys.sorted().compactMap { relationships[$0] })
  }

  /// The output format a file name asks for: `.png`, `.svg`, `.pdf`, `.dot`
  /// or `.gv`: the DOT text
  /// before layout, byte-identical for the same input.
  public static func format(forPath path: String) -> OutputFormat? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "png": return .png
    case "svg": return .svg
    case "pdf": return .pdf
    case "dot", "gv": return .plainDOT
    default: return nil
    }
  }

  /// Draws `extract` into `path`, the format taken from its extension, and
  /// says how: the layout used and warnings (a large graph for `dot`).
  @discardableResult
  public static func write(
    _ extract: GraphExtract, to path: String, engine layout: LayoutEngine? = nil,
    style: GraphStyle = GraphStyle()
  ) throws(RenderError) -> RenderPlan {
    guard let format = format(forPath: path) else {
      throw RenderError(.io, "cannot tell the format of \(path): name it .png, .svg, .pdf or .dot")
    }
    let options = RenderOptions(engine: layout, format: format, style: style)
    let plan = try GraphRenderer.plan(extract, options: options)
    try GraphRenderer.render(extract, options: options, toFile: path)
    return plan
  }
}
