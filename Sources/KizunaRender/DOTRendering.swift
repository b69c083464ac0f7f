import CGraphviz

/// What drawing a DOT text did: the layout program and what Graphviz read.
public struct DOTRendering: Sendable, Hashable {
  public var engine: String
  public var nodeCount: Int
  public var edgeCount: Int
}

extension GraphRenderer {
  /// Lays out and renders DOT text written elsewhere (by hand, or by the
  /// DOT export) to memory; syntax errors carry their line. Without
  /// `engine` the graph's own `layout` attribute decides, else `dot`, as
  /// for the `dot` program. `.plainDOT` gives the text back once Graphviz
  /// has read it without error.
  public static func render(dot text: String, engine: LayoutEngine? = nil, format: OutputFormat)
    throws(RenderError) -> [UInt8]
  {
    if format == .plainDOT {
      _ = try DOTReader.check(text)
      return Array(text.utf8)
    }
    return try withLaidOutDOT(text, engine: engine) { context, graph, _ throws(RenderError) in
      try GraphvizGraph.renderData(graph, format: format.rawValue, context: context)
    }
  }

  /// Lays out and renders DOT text into a file, replacing it.
  @discardableResult
  public static func render(
    dot text: String, engine: LayoutEngine? = nil, format: OutputFormat, toFile path: String
  ) throws(RenderError) -> DOTRendering {
    if format == .plainDOT {
      let summary = try DOTReader.check(text)
      try FileOutput.write(Array(text.utf8), to: path)
      return DOTRendering(
        engine: engine?.rawValue ?? "dot", nodeCount: summary.nodeCount, edgeCount: summary.edgeCount)
    }
    return try withLaidOutDOT(text, engine: engine) { context, graph, drawn throws(RenderError) in
      try GraphvizGraph.renderFile(graph, format: format.rawValue, path: path, context: context)
      return drawn
    }
  }

  /// Reads, lays out and passes the graph to `body`; frees it afterwards.
  static func withLaidOutDOT<T>(
    _ text: String, engine: LayoutEngine?,
    _ body: (GVContext, GraphvizGraph.GraphPointer, DOTRendering) throws(RenderError) -> T
  ) throws(RenderError) -> T {
    try GraphvizSession.run { context throws(RenderError) in
      let graph = try DOTReader.read(text)
      defer { agclose(graph) }
      let name = engine?.rawValue ?? layoutAttribute(of: graph) ?? LayoutEngine.dot.rawValue
      guard gvLayout(context.pointer, graph, name) == 0 else {
        throw GraphvizGraph.failure("the \(name) layout failed")
      }
      defer { gvFreeLayout(context.pointer, graph) }
      // Errors found while laying out (a malformed HTML label) leave a wrong
      // drawing behind; the `dot` program exits 1 on them too.
      let detail = GraphvizDiagnostics.take()
      guard detail.isEmpty else { throw RenderError(.graphviz, detail) }
      let drawn = DOTRendering(engine: name, nodeCount: Int(agnnodes(graph)), edgeCount: Int(agnedges(graph)))
      return try body(context, graph, drawn)
    }
  }

  /// The graph's `layout` attribute, when it sets one.
  static func layoutAttribute(of graph: GraphvizGraph.GraphPointer) -> String? {
    let value = GraphvizGraph.withMutableCString("layout") { agget(UnsafeMutableRawPointer(graph), $0) }
    guard let value, value.pointee != 0 else { return nil }
    return String(cString: value)
  }
}
