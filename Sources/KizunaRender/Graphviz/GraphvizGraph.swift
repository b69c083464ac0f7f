import CGraphviz
import Foundation

/// Builds a `DOTDocument` as a live Graphviz graph, lays it out and renders
/// it. Must run inside `GraphvizSession.run`; every Graphviz object is freed
/// before `withGraph` returns (`gvFreeLayout`, `agclose`).
enum GraphvizGraph {
  typealias GraphPointer = UnsafeMutablePointer<Agraph_t>

  /// Graphviz takes `char *` but copies every string it keeps, so handing it
  /// a temporary C string is safe.
  static func withMutableCString<T>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> T) -> T {
    text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
  }

  static func failure(_ what: String) -> RenderError {
    let detail = GraphvizDiagnostics.take()
    return RenderError(.graphviz, detail.isEmpty ? what : "\(what): \(detail)")
  }

  /// Sets an attribute, declaring it (with an empty default) on first use.
  static func set(_ object: UnsafeMutableRawPointer, graph: GraphPointer, _ attribute: DOTDocument.Attribute)
  {
    withMutableCString(attribute.name) { name in
      withMutableCString("") { empty in
        switch attribute.value {
        case .text(let text):
          withMutableCString(text) { value in _ = agsafeset(object, name, value, empty) }
        case .html(let html):
          withMutableCString(html) { value in
            // An HTML string keeps its kind when cgraph copies it.
            guard let shared = agstrdup_html(graph, value) else { return }
            _ = agsafeset(object, name, shared, empty)
            _ = agstrfree(graph, shared)
          }
        }
      }
    }
  }

  static func setDefault(_ graph: GraphPointer, kind: Int32, _ attribute: DOTDocument.Attribute) {
    guard case .text(let text) = attribute.value else { return }
    withMutableCString(attribute.name) { name in
      withMutableCString(text) { value in _ = agattr(graph, kind, name, value) }
    }
  }

  /// Builds the graph and passes it, laid out with `engine`, to `body`.
  static func withLaidOutGraph<T>(
    _ document: DOTDocument, engine: LayoutEngine, context: GVContext,
    _ body: (GraphPointer) throws(RenderError) -> T
  ) throws(RenderError) -> T {
    guard let graph = withMutableCString(document.name, { agopen($0, kz_directed(), nil) }) else {
      throw failure("Graphviz could not create a graph")
    }
    defer { agclose(graph) }
    try build(document, into: graph)
    guard gvLayout(context.pointer, graph, engine.rawValue) == 0 else {
      throw failure("the \(engine.rawValue) layout failed")
    }
    defer { gvFreeLayout(context.pointer, graph) }
    return try body(graph)
  }

  static func build(_ document: DOTDocument, into graph: GraphPointer) throws(RenderError) {
    // Graph attributes apply to clusters too unless they set their own, so
    // graph-level ones come first and clusters override label and style.
    for attribute in document.graphAttributes {
      set(UnsafeMutableRawPointer(graph), graph: graph, attribute)
    }
    for attribute in document.nodeDefaults { setDefault(graph, kind: Int32(AGNODE), attribute) }
    for attribute in document.edgeDefaults { setDefault(graph, kind: Int32(AGEDGE), attribute) }
    var subgraphs: [GraphPointer] = []
    for cluster in document.clusters {
      guard let subgraph = withMutableCString(cluster.id, { agsubg(graph, $0, 1) }) else {
        throw failure("Graphviz could not create cluster \(cluster.id)")
      }
      // Clear inherited graph attributes that make no sense on a cluster.
      set(UnsafeMutableRawPointer(subgraph), graph: graph, .init("label", ""))
      for attribute in cluster.attributes { set(UnsafeMutableRawPointer(subgraph), graph: graph, attribute) }
      subgraphs.append(subgraph)
    }
    var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
    nodes.reserveCapacity(document.nodes.count)
    for node in document.nodes {
      let owner = node.cluster.flatMap { $0 < subgraphs.count ? subgraphs[$0] : nil } ?? graph
      guard let created = withMutableCString(node.id, { agnode(owner, $0, 1) }) else {
        throw failure("Graphviz could not create node \(node.id)")
      }
      for attribute in node.attributes { set(UnsafeMutableRawPointer(created), graph: graph, attribute) }
      nodes[node.id] = created
    }
    for edge in document.edges {
      guard let tail = nodes[edge.tail], let head = nodes[edge.head] else { continue }
      guard let created = withMutableCString(edge.key, { agedge(graph, tail, head, $0, 1) }) else {
        throw failure("Graphviz could not create edge \(edge.key)")
      }
      for attribute in edge.attributes { set(UnsafeMutableRawPointer(created), graph: graph, attribute) }
    }
  }

  /// Renders a laid-out graph into a file, replacing it. The file is opened
  /// here rather than by `gvRenderFilename`, which reports a file it cannot
  /// open only through `agerr` and still returns success; a failed render
  /// leaves no partial file behind.
  static func renderFile(_ graph: GraphPointer, format: String, path: String, context: GVContext)
    throws(RenderError)
  {
    guard let file = fopen(path, "wb") else {
      throw RenderError(.io, "cannot write \(path): \(String(cString: strerror(errno)))")
    }
    let status = gvRender(context.pointer, graph, format, file)
    let writeFailed = ferror(file) != 0
    let closeFailed = fclose(file) != 0
    guard status == 0, !writeFailed, !closeFailed else {
      let reason = String(cString: strerror(errno))
      _ = unlink(path)
      throw status == 0
        ? RenderError(.io, "cannot write \(path): \(reason)")
        : failure("rendering \(format) to \(path) failed")
    }
  }

  /// Renders a laid-out graph to memory in a Graphviz output format.
  static func renderData(_ graph: GraphPointer, format: String, context: GVContext) throws(RenderError)
    -> [UInt8]
  {
    var data: UnsafeMutablePointer<CChar>?
    var length = 0
    guard kz_gvRenderData(context.pointer, graph, format, &data, &length) == 0, let data else {
      throw failure("rendering \(format) failed")
    }
    defer { gvFreeRenderData(data) }
    return Array(UnsafeRawBufferPointer(start: data, count: length))
  }
}
