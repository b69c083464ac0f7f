/// Graphviz's layout programs.
public enum LayoutEngine: String, Sendable, Hashable, CaseIterable {
  /// Layered drawing for directed, mostly hierarchical graphs.
  case dot
  /// Spring model (stress majorisation), good up to a few hundred nodes.
  case neato
  /// Force-directed, supports clusters.
  case fdp
  /// Multiscale force-directed, for large graphs.
  case sfdp
  /// Circular layout.
  case circo
  /// Radial layout around a root.
  case twopi

  /// The engine that reads best for a graph of this many nodes: layered
  /// for small graphs, spring models in the middle, multiscale for large ones.
  public static func automatic(nodeCount: Int) -> LayoutEngine {
    switch nodeCount {
    case ..<40: return .dot
    case ..<300: return .neato
    default: return .sfdp
    }
  }
}

/// What a rendering produces.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
  case png
  case svg
  case pdf
  /// DOT text with the layout's positions (`pos`, `bb`) filled in.
  case layoutDOT = "dot"
  /// DOT text as built, before layout: byte-identical for the same input.
  case plainDOT = "gv"

  /// The file name extension for this format.
  public var fileExtension: String {
    switch self {
    case .png, .svg, .pdf: return rawValue
    case .layoutDOT, .plainDOT: return "dot"
    }
  }
}
