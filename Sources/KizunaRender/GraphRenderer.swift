import CGraphviz

/// Draws graphs with Graphviz.
///
/// ```swift
/// let png = try GraphRenderer.render(extract, options: RenderOptions(format: .png))
/// try GraphRenderer.render(extract, options: options, toFile: "graph.svg")
/// ```
/// Calls from several threads are safe: Graphviz work is serialised.
public enum GraphRenderer {
  /// The DOT text the renderer would hand to Graphviz, before layout. The
  /// same extract and options always give the same bytes.
  public static func dotText(_ extract: GraphExtract, options: RenderOptions = RenderOptions()) -> String {
    GraphStyler(style: options.style, options: options).document(for: extract).text
  }

  /// The layout engine the options lead to for this extract.
  public static func engine(for extract: GraphExtract, options: RenderOptions) -> LayoutEngine {
    GraphStyler(style: options.style, options: options).engine(nodeCount: extract.nodes.count)
  }

  /// Lays out and renders to memory in `options.format`.
  public static func render(_ extract: GraphExtract, options: RenderOptions = RenderOptions())
    throws(RenderError) -> [UInt8]
  {
    let styler = GraphStyler(style: options.style, options: options)
    let document = styler.document(for: extract)
    if options.format == .plainDOT { return Array(document.text.utf8) }
    let engine = styler.engine(nodeCount: extract.nodes.count)
    return try GraphvizSession.run { context throws(RenderError) in
      try GraphvizGraph.withLaidOutGraph(document, engine: engine, context: context) {
        graph throws(RenderError) in
        try GraphvizGraph.renderData(graph, format: options.format.rawValue, context: context)
      }
    }
  }

  /// Lays out and renders into a file, replacing it.
  public static func render(
    _ extract: GraphExtract, options: RenderOptions = RenderOptions(), toFile path: String
  )
    throws(RenderError)
  {
    let styler = GraphStyler(style: options.style, options: options)
    let document = styler.document(for: extract)
    if options.format == .plainDOT {
      try FileOutput.write(Array(document.text.utf8), to: path)
      return
    }
    let engine = styler.engine(nodeCount: extract.nodes.count)
    try GraphvizSession.run { context throws(RenderError) in
      try GraphvizGraph.withLaidOutGraph(document, engine: engine, context: context) {
        graph throws(RenderError) in
        guard gvRenderFilename(context.pointer, graph, options.format.rawValue, path) == 0 else {
          throw GraphvizGraph.failure("rendering to \(path) failed")
        }
      }
    }
  }

  /// Lays out and renders DOT text written elsewhere (by hand, or by the
  /// DOT export); syntax errors carry their line.
  public static func render(dot text: String, engine: LayoutEngine, format: OutputFormat) throws(RenderError)
    -> [UInt8]
  {
    if format == .plainDOT { return Array(text.utf8) }
    return try GraphvizSession.run { context throws(RenderError) in
      let graph = try DOTReader.read(text)
      defer { agclose(graph) }
      guard gvLayout(context.pointer, graph, engine.rawValue) == 0 else {
        throw GraphvizGraph.failure("the \(engine.rawValue) layout failed")
      }
      defer { gvFreeLayout(context.pointer, graph) }
      return try GraphvizGraph.renderData(graph, format: format.rawValue, context: context)
    }
  }
}
