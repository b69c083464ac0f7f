/// How nodes and relationships look: colours, shapes, captions, clusters and
/// fonts. Everything has a default; a style file (see `docs/style-file.md`)
/// overrides any part.
public struct GraphStyle: Sendable, Hashable {
  /// Font families, first choice first. DejaVu Sans covers Vietnamese;
  /// Noto Sans CJK JP covers Vietnamese, Japanese and Chinese, so every
  /// caption finds its glyphs (`scripts/setup.sh` installs both).
  public var fontName: String
  /// Node caption size in points; relationship captions are one point smaller.
  public var fontSize: Double
  /// Draws a table of label → colour under the graph.
  public var showLegend: Bool
  /// The layout program this style prefers, when the options name none.
  public var engine: LayoutEngine?
  /// Properties tried in order for a node's caption when its label has none.
  public var captionProperties: [String]
  /// Properties tried in order for a relationship caption's value after
  /// its type (`SISTER_CITY 2013`, `MET 2023-11-27`) when its type's style
  /// names none: the first one present is shown.
  public var relationshipCaptionProperties: [String]
  /// Whether relationships are captioned; nil decides by size (captions
  /// only below 300 nodes, where they can still be read).
  public var relationshipCaptions: Bool?
  public var labels: [String: LabelStyle]
  public var relationships: [String: RelationshipStyle]
  public var clustering: Clustering?
  /// Extra Graphviz graph attributes (`rankdir`, `bgcolor`, ...), applied last.
  public var graphAttributes: [String: String]

  public init(
    fontName: String = "DejaVu Sans,Noto Sans CJK JP", fontSize: Double = 11, showLegend: Bool = true,
    engine: LayoutEngine? = nil, captionProperties: [String] = ["name", "title"],
    relationshipCaptionProperties: [String] = ["since", "year", "date"],
    relationshipCaptions: Bool? = nil, labels: [String: LabelStyle] = [:],
    relationships: [String: RelationshipStyle] = [:], clustering: Clustering? = nil,
    graphAttributes: [String: String] = [:]
  ) {
    self.fontName = fontName
    self.fontSize = fontSize
    self.showLegend = showLegend
    self.engine = engine
    self.captionProperties = captionProperties
    self.relationshipCaptionProperties = relationshipCaptionProperties
    self.relationshipCaptions = relationshipCaptions
    self.labels = labels
    self.relationships = relationships
    self.clustering = clustering
    self.graphAttributes = graphAttributes
  }
}

/// The look of nodes with one label.
public struct LabelStyle: Sendable, Hashable {
  /// A Graphviz colour (`#1f77b4`, `lightblue`); nil takes the next palette colour.
  public var color: String?
  /// A Graphviz node shape (`ellipse`, `box`, ...); nil takes the next palette shape.
  public var shape: String?
  /// Properties tried in order for the caption; nil uses the style's default.
  public var caption: [String]?

  public init(color: String? = nil, shape: String? = nil, caption: [String]? = nil) {
    self.color = color
    self.shape = shape
    self.caption = caption
  }
}

/// The look of relationships of one type.
public struct RelationshipStyle: Sendable, Hashable {
  public var color: String?
  /// Graphviz edge style: `solid`, `dashed`, `dotted`, `bold`.
  public var lineStyle: String?
  /// Properties whose values follow the type in the caption (`since` gives
  /// `SISTER_CITY 2013`).
  public var caption: [String]
  /// Whether the caption starts with the relationship type.
  public var showType: Bool

  public init(color: String? = nil, lineStyle: String? = nil, caption: [String] = [], showType: Bool = true) {
    self.color = color
    self.lineStyle = lineStyle
    self.caption = caption
    self.showType = showType
  }
}

/// How nodes are grouped into boxes (clusters). Only `dot` and `fdp` draw
/// clusters; the other layouts ignore them.
public enum Clustering: Sendable, Hashable {
  /// One cluster per distinct value of this property (`kind`).
  case property(String)
  /// Nodes with an outgoing relationship of this type are grouped by the node
  /// it leads to (Localities by the Country they are `LOCATED_IN`).
  case relatedNode(relationshipType: String)
}
