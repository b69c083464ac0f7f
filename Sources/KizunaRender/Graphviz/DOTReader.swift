import CGraphviz

/// Checks DOT text with Graphviz's own parser.
public enum DOTReader {
  /// What a DOT text holds, as Graphviz read it.
  public struct Summary: Sendable, Hashable {
    public var nodeCount: Int
    public var edgeCount: Int
    public var isDirected: Bool
  }

  /// Parses the text and counts its nodes and edges. A syntax error becomes
  /// a `RenderError` of kind `.dotSyntax` with the line Graphviz reported.
  public static func check(_ text: String) throws(RenderError) -> Summary {
    try GraphvizSession.run { _ throws(RenderError) in
      let graph = try read(text)
      defer { agclose(graph) }
      return Summary(
        nodeCount: Int(agnnodes(graph)), edgeCount: Int(agnedges(graph)), isDirected: agisdirected(graph) != 0
      )
    }
  }

  /// Must run inside `GraphvizSession.run`; the caller closes the graph.
  static func read(_ text: String) throws(RenderError) -> UnsafeMutablePointer<Agraph_t> {
    kz_resetDOTLexer()
    guard let graph = agmemread(text) else {
      let detail = GraphvizDiagnostics.take()
      throw RenderError(
        .dotSyntax, detail.isEmpty ? "the DOT text holds no graph" : detail, line: lineNumber(in: detail))
    }
    // The parser reports some errors yet still returns a graph.
    let detail = GraphvizDiagnostics.take()
    if !detail.isEmpty {
      agclose(graph)
      throw RenderError(.dotSyntax, detail, line: lineNumber(in: detail))
    }
    return graph
  }

  /// Graphviz writes `syntax error in line 3 near 'x'`.
  static func lineNumber(in message: String) -> Int? {
    guard let range = message.firstRange(of: "line ") else { return nil }
    let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
    return Int(digits)
  }
}
