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

  /// What rendering `extract` with `options` will do: the layout engine,
  /// what is drawn, and warnings for the user (a large graph for `dot`).
  /// Throws when the layout would not finish in reasonable time: `dot` on
  /// a graph beyond `LayoutLimits.maximumDotSize` (DOT text is still
  /// written for `.plainDOT`, with a warning).
  public static func plan(_ extract: GraphExtract, options: RenderOptions = RenderOptions())
    throws(RenderError) -> RenderPlan
  {
    let graph = extract.canonical
    let chosen = engine(for: graph, options: options)
    var plan = RenderPlan(
      engine: chosen, nodeCount: graph.nodes.count, relationshipCount: graph.relationships.count, warnings: []
    )
    guard chosen == .dot else { return plan }
    let size = "\(graph.nodes.count) nodes and \(graph.relationships.count) relationships"
    let effort = DotEffort(graph)
    plan.dotLayoutSize = effort.ranking?.estimatedLayoutNodes
    switch effort {
    case .layered: break
    case .forest:
      plan.warnings.append(
        "dot on \(size) ranks nodes by a spanning tree to stay fast; sfdp (--layout sfdp) usually reads "
          + "better at this size")
    case .bounded:
      plan.warnings.append(
        "dot on \(size) draws straight edges with limited crossing reduction to stay fast; "
          + "sfdp (--layout sfdp) usually reads better at this size")
    case .refused(let ranking):
      let message =
        "dot cannot lay out \(size) in reasonable time (layout size \(ranking.estimatedLayoutNodes), "
        + "the limit is \(LayoutLimits.maximumDotSize)); use --layout sfdp, or leave --layout out"
      guard options.format == .plainDOT else { throw RenderError(.tooLarge, message) }
      plan.warnings.append(message)
    }
    return plan
  }

  /// Lays out and renders to memory in `options.format`.
  public static func render(_ extract: GraphExtract, options: RenderOptions = RenderOptions())
    throws(RenderError) -> [UInt8]
  {
    let styler = GraphStyler(style: options.style, options: options)
    let document = styler.document(for: extract)
    if options.format == .plainDOT { return Array(document.text.utf8) }
    let engine = try plan(extract, options: options).engine
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
    let engine = try plan(extract, options: options).engine
    try GraphvizSession.run { context throws(RenderError) in
      try GraphvizGraph.withLaidOutGraph(document, engine: engine, context: context) {
        graph throws(RenderError) in
        try GraphvizGraph.renderFile(graph, format: options.format.rawValue, path: path, context: context)
      }
    }
  }
}

/// What a rendering will draw and how (`GraphRenderer.plan`).
public struct RenderPlan: Sendable, Hashable {
  public var engine: LayoutEngine
  /// Nodes drawn, and relationships drawn (those with both ends among the nodes).
  public var nodeCount: Int
  public var relationshipCount: Int
  /// Things the user should know, one sentence each, without `warning:`.
  public var warnings: [String]
  /// For `dot` from `LayoutLimits.forestRankedDot` nodes: the nodes plus
  /// virtual nodes it will lay out, compared against the limits.
  public var dotLayoutSize: Int?
}
