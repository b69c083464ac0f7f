/// How to draw a graph: layout, output format, size and style.
public struct RenderOptions: Sendable, Hashable {
  /// The layout program; nil chooses by the number of nodes
  /// (`LayoutEngine.automatic(nodeCount:)`), unless the style names one.
  public var engine: LayoutEngine?
  public var format: OutputFormat
  /// Dots per inch for PNG (Graphviz's `dpi`); nil uses 96.
  public var dpi: Double?
  /// Largest drawing size in inches (Graphviz's `size`); nil chooses by the
  /// number of nodes so large graphs stay within a sane pixel count.
  public var maximumSizeInches: Double?
  public var style: GraphStyle

  public init(
    engine: LayoutEngine? = nil, format: OutputFormat = .png, dpi: Double? = nil,
    maximumSizeInches: Double? = nil, style: GraphStyle = GraphStyle()
  ) {
    self.engine = engine
    self.format = format
    self.dpi = dpi
    self.maximumSizeInches = maximumSizeInches
    self.style = style
  }
}
