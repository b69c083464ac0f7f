import KizunaStore

/// Decides the look of every node and edge: turns an extract, a style and
/// the options into a `DOTDocument` with a fixed order (nodes by id,
/// relationships by id, attributes in one order), so the same input always
/// gives the same DOT text.
struct GraphStyler {
  static let palette = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
  ]
  static let shapes = [
    "ellipse", "box", "hexagon", "octagon", "diamond", "house", "parallelogram", "note", "cylinder",
    "component", "tab", "egg",
  ]
  /// From this many nodes on, drawings switch to their large-graph settings.
  static let largeGraph = 300

  let style: GraphStyle
  let options: RenderOptions

  /// The engine used for `nodeCount` nodes with these options.
  func engine(nodeCount: Int) -> LayoutEngine {
    options.engine ?? style.engine ?? LayoutEngine.automatic(nodeCount: nodeCount)
  }

  /// The label that decides a node's colour and shape: the first (sorted)
  /// label with a style entry, else the first label.
  func primaryLabel(_ node: NodeSnapshot) -> String {
    let sorted = node.labels.sorted()
    return sorted.first { style.labels[$0] != nil } ?? sorted.first ?? ""
  }

  func caption(_ node: NodeSnapshot, label: String) -> String {
    let keys = style.labels[label]?.caption ?? style.captionProperties
    for key in keys {
      if let value = node.properties[key], !value.isNull { return Self.plainText(value) }
    }
    return label.isEmpty ? "#\(node.id)" : "\(label) #\(node.id)"
  }

  func caption(_ relationship: RelationshipSnapshot) -> String {
    guard let relationshipStyle = style.relationships[relationship.type] else {
      let first = style.relationshipCaptionProperties.lazy.compactMap { relationship.properties[$0] }
        .first { !$0.isNull }
      return ([relationship.type] + (first.map { [Self.plainText($0)] } ?? [])).joined(separator: " ")
    }
    var parts: [String] = relationshipStyle.showType ? [relationship.type] : []
    for key in relationshipStyle.caption {
      if let value = relationship.properties[key], !value.isNull { parts.append(Self.plainText(value)) }
    }
    return parts.joined(separator: " ")
  }

  /// Strings as they are; other values as cypher-shell shows them.
  static func plainText(_ value: Value) -> String {
    if case .string(let text) = value { return text }
    return value.cypherDisplay()
  }

  func document(for input: GraphExtract) -> DOTDocument {
    let extract = input.canonical
    let nodeCount = extract.nodes.count
    let large = nodeCount >= Self.largeGraph
    let chosenEngine = engine(nodeCount: nodeCount)
    let effort = chosenEngine == .dot ? DotEffort(extract) : .layered
    let looseRelationships = effort.ranking?.looseRelationships ?? []
    let primaryLabels = extract.nodes.map(primaryLabel)
    let looks = labelLooks(Set(primaryLabels).sorted())

    var document = DOTDocument()
    document.graphAttributes = graphAttributes(
      engine: chosenEngine, nodeCount: nodeCount, looks: looks, dotEffort: effort)
    document.nodeDefaults = [
      .init("style", "filled"), .init("fontname", style.fontName),
      .init("fontsize", Self.number(style.fontSize)),
      .init("color", "#444444"), .init("penwidth", "0.8"), .init("margin", "0.08,0.04"),
    ]
    document.edgeDefaults = [
      .init("fontname", style.fontName), .init("fontsize", Self.number(max(style.fontSize - 1, 1))),
      .init("color", large ? "#55555560" : "#666666"), .init("fontcolor", "#333333"),
      .init("arrowsize", large ? "0.4" : "0.6"), .init("penwidth", large ? "0.5" : "0.9"),
    ]
    let membership = clusterMembership(extract)
    document.clusters = membership.clusters
    for (node, label) in zip(extract.nodes, primaryLabels) {
      let look = looks[label] ?? (color: "#eeeeee", shape: "ellipse")
      let text = caption(node, label: label)
      let isRecord = look.shape == "record" || look.shape == "Mrecord"
      document.nodes.append(
        DOTDocument.Node(
          id: "n\(node.id)",
          attributes: [
            .init("label", isRecord ? DOTQuoting.recordText(text) : DOTQuoting.labelText(text)),
            .init("fillcolor", look.color),
            .init("shape", look.shape),
          ], cluster: membership.clusterOf[node.id]))
    }
    let captionEdges = style.relationshipCaptions ?? !large
    // Graphviz 2.43's dot frees a labelled `constraint=false` edge twice;
    // external labels are placed after layout and avoid that (and are cheaper).
    let captionAttribute = looseRelationships.isEmpty ? "label" : "xlabel"
    for relationship in extract.relationships {
      let relationshipStyle = style.relationships[relationship.type]
      var attributes: [DOTDocument.Attribute] = []
      if captionEdges {
        attributes.append(.init(captionAttribute, DOTQuoting.labelText(caption(relationship))))
      }
      if let color = relationshipStyle?.color { attributes.append(.init("color", color)) }
      if let line = relationshipStyle?.lineStyle { attributes.append(.init("style", line)) }
      if looseRelationships.contains(relationship.id) { attributes.append(.init("constraint", "false")) }
      document.edges.append(
        DOTDocument.Edge(
          tail: "n\(relationship.start)", head: "n\(relationship.end)", key: "r\(relationship.id)",
          attributes: attributes))
    }
    return document
  }

  /// Colour and shape per label: the style's choice, else the next unused
  /// palette entry in label order.
  func labelLooks(_ labels: [String]) -> [String: (color: String, shape: String)] {
    var looks: [String: (color: String, shape: String)] = [:]
    var next = 0
    for label in labels {
      let labelStyle = style.labels[label]
      let slot = next
      if labelStyle?.color == nil || labelStyle?.shape == nil { next += 1 }
      looks[label] = (
        labelStyle?.color ?? Self.palette[slot % Self.palette.count],
        labelStyle?.shape ?? Self.shapes[slot % Self.shapes.count]
      )
    }
    return looks
  }

  func graphAttributes(
    engine: LayoutEngine, nodeCount: Int, looks: [String: (color: String, shape: String)],
    dotEffort: DotEffort = .layered
  ) -> [DOTDocument.Attribute] {
    var attributes: [DOTDocument.Attribute] = [
      .init("layout", engine.rawValue), .init("fontname", style.fontName),
      .init("fontsize", Self.number(style.fontSize + 1)), .init("outputorder", "edgesfirst"),
      .init("pad", "0.3"), .init("dpi", Self.number(options.dpi ?? 96)),
    ]
    // Large enough that captions stay legible (~7 px at 2,000 nodes and 96 dpi).
    let size =
      options.maximumSizeInches
      ?? (nodeCount < 60 ? 20 : (nodeCount < Self.largeGraph ? 40 : (nodeCount < 1000 ? 60 : 72)))
    attributes.append(.init("size", Self.number(size) + "," + Self.number(size)))
    switch engine {
    case .dot:
      switch dotEffort {
      case .layered, .forest:
        attributes += [.init("rankdir", "LR"), .init("splines", "true"), .init("nodesep", "0.3")]
      case .bounded, .refused:
        // Straight edges skip spline routing around thousands of virtual
        // nodes; the limits cap crossing reduction and network simplex.
        attributes += [
          .init("rankdir", "LR"), .init("splines", "line"), .init("nodesep", "0.3"), .init("nslimit", "2"),
          .init("nslimit1", "2"), .init("mclimit", "0.2"), .init("remincross", "false"),
          .init("searchsize", "10"),
        ]
      }
    case .neato, .fdp, .sfdp:
      attributes += [
        .init("overlap", "prism"), .init("splines", Self.routing(nodeCount: nodeCount)), .init("sep", "+6"),
      ]
      if engine == .sfdp { attributes.append(.init("repulsiveforce", "1.2")) }
    case .circo, .twopi:
      attributes += [.init("overlap", "false"), .init("splines", Self.routing(nodeCount: nodeCount))]
    }
    if style.showLegend && !looks.isEmpty {
      attributes += [.init("label", .html(legend(looks))), .init("labelloc", "b"), .init("labeljust", "l")]
    }
    for name in style.graphAttributes.keys.sorted() {
      let value = style.graphAttributes[name] ?? ""
      if let index = attributes.firstIndex(where: { $0.name == name }) {
        attributes[index].value = .text(value)
      } else {
        attributes.append(.init(name, value))
      }
    }
    return attributes
  }

  /// Edge routing outside `dot`. Routing splines around nodes (`true`)
  /// reads best but costs: neato took 1 s at 60 nodes, 8.5 s at 150 and
  /// 50 s at 290 (90 random edges per 60 nodes); `curved` took 0.1-1 s
  /// at those sizes. Straight lines from `largeGraph` on.
  static func routing(nodeCount: Int) -> String {
    nodeCount < 60 ? "true" : (nodeCount < largeGraph ? "curved" : "false")
  }

  /// An HTML-like table: one row per label with its colour swatch.
  func legend(_ looks: [String: (color: String, shape: String)]) -> String {
    var html = #"<table border="0" cellborder="1" cellspacing="0" cellpadding="3">"#
    for label in looks.keys.sorted() {
      guard let look = looks[label] else { continue }
      html += #"<tr><td bgcolor=""# + DOTQuoting.html(look.color) + #"" width="16"> </td>"#
      html += #"<td align="left">"# + DOTQuoting.html(label.isEmpty ? "(no label)" : label) + "</td></tr>"
    }
    return html + "</table>"
  }

  func clusterMembership(_ extract: GraphExtract) -> (
    clusters: [DOTDocument.Cluster], clusterOf: [NodeID: Int]
  ) {
    guard let clustering = style.clustering else { return ([], [:]) }
    var groupOf: [NodeID: String] = [:]
    switch clustering {
    case .property(let key):
      for node in extract.nodes {
        if let value = node.properties[key], !value.isNull { groupOf[node.id] = Self.plainText(value) }
      }
    case .relatedNode(let type):
      let byID = Dictionary(extract.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      var groupNodes: [NodeID: String] = [:]
      for relationship in extract.relationships where relationship.type == type {
        guard groupOf[relationship.start] == nil, let target = byID[relationship.end] else { continue }
        let name = caption(target, label: primaryLabel(target))
        groupOf[relationship.start] = name
        groupNodes[target.id] = name
      }
      // The node a group is named after joins its own group, unless it
      // belongs to another one itself.
      for (id, name) in groupNodes where groupOf[id] == nil { groupOf[id] = name }
    }
    let names = Set(groupOf.values).sorted()
    let indexOf = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    let clusters = names.enumerated().map { index, name in
      DOTDocument.Cluster(
        id: "cluster_\(index)",
        attributes: [
          .init("label", DOTQuoting.labelText(name)), .init("labelloc", "t"),
          .init("style", "rounded,dashed"), .init("color", "#999999"),
        ])
    }
    return (clusters, groupOf.compactMapValues { indexOf[$0] })
  }

  /// Numbers without a trailing `.0`, so `11` stays `11` in DOT.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
