import KizunaStore

extension GraphStyle {
  /// Reads a style file (JSON, described in `docs/style-file.md`) over the
  /// defaults. Errors carry the line and column: of the syntax error, or of
  /// the key whose value is wrong.
  public static func load(json text: String) throws(RenderError) -> GraphStyle {
    let root: Value
    do {
      root = try Value.fromJSON(text)
    } catch {
      throw RenderError(.style, error.message, line: error.line, column: error.column)
    }
    let reader = StyleReader(keys: JSONKeyPositions(text))
    return try reader.style(from: root)
  }
}

/// Turns the decoded JSON into a `GraphStyle`, naming the offending key by
/// its path (`labels.Locality.color`) and pointing at its line.
struct StyleReader {
  let keys: JSONKeyPositions

  func fail(_ path: [String], _ message: String) -> RenderError {
    let position = keys.position(of: path)
    let name = path.isEmpty ? "the style" : "\"" + path.joined(separator: ".") + "\""
    return RenderError(.style, "\(name): \(message)", line: position?.line, column: position?.column)
  }

  func object(_ value: Value, _ path: [String]) throws(RenderError) -> [String: Value] {
    guard case .map(let entries) = value else { throw fail(path, "expected an object") }
    return entries
  }

  func string(_ value: Value, _ path: [String]) throws(RenderError) -> String {
    guard case .string(let text) = value else { throw fail(path, "expected a string") }
    return text
  }

  func strings(_ value: Value, _ path: [String]) throws(RenderError) -> [String] {
    if case .string(let single) = value { return [single] }
    guard case .list(let items) = value else { throw fail(path, "expected a list of strings") }
    var result: [String] = []
    for item in items { result.append(try string(item, path)) }
    return result
  }

  func bool(_ value: Value, _ path: [String]) throws(RenderError) -> Bool {
    guard case .bool(let flag) = value else { throw fail(path, "expected true or false") }
    return flag
  }

  func number(_ value: Value, _ path: [String]) throws(RenderError) -> Double {
    switch value {
    case .int(let i) where i > 0: return Double(i)
    case .float(let d) where d > 0 && d.isFinite: return d
    default: throw fail(path, "expected a positive number")
    }
  }

  /// A colour Graphviz knows; it would only warn and draw black otherwise.
  func color(_ value: Value, _ path: [String]) throws(RenderError) -> String {
    let text = try string(value, path)
    guard GraphvizNames.isColor(text) else {
      throw fail(path, "unknown colour \"\(text)\"; expected a name such as lightblue, or #rrggbb")
    }
    return text
  }

  func shape(_ value: Value, _ path: [String]) throws(RenderError) -> String {
    let text = try string(value, path)
    guard GraphvizNames.shapes.contains(text) else {
      throw fail(path, "unknown shape \"\(text)\"; expected a Graphviz shape such as ellipse, box or hexagon")
    }
    return text
  }

  func lineStyle(_ value: Value, _ path: [String]) throws(RenderError) -> String {
    let text = try string(value, path)
    guard GraphvizNames.isEdgeStyle(text) else {
      let known = GraphvizNames.edgeStyles.sorted().joined(separator: ", ")
      throw fail(path, "unknown line style \"\(text)\"; expected \(known), or several joined by commas")
    }
    return text
  }

  func checkKeys(_ entries: [String: Value], allowed: Set<String>, in path: [String]) throws(RenderError) {
    for name in entries.keys.sorted() where !allowed.contains(name) {
      let place = path.isEmpty ? "the style" : path.joined(separator: ".")
      throw fail(
        path + [name], "unknown key in \(place); expected one of \(allowed.sorted().joined(separator: ", "))")
    }
  }

  func style(from root: Value) throws(RenderError) -> GraphStyle {
    var style = GraphStyle()
    let entries = try object(root, [])
    let known: Set<String> = [
      "font", "legend", "engine", "captionProperties", "relationshipCaptionProperties",
      "relationshipCaptions", "labels", "relationships",
      "cluster", "graph",
    ]
    try checkKeys(entries, allowed: known, in: [])
    if let font = entries["font"] {
      let fields = try object(font, ["font"])
      try checkKeys(fields, allowed: ["name", "size"], in: ["font"])
      if let name = fields["name"] { style.fontName = try string(name, ["font", "name"]) }
      if let size = fields["size"] { style.fontSize = try number(size, ["font", "size"]) }
    }
    if let legend = entries["legend"] { style.showLegend = try bool(legend, ["legend"]) }
    if let engine = entries["engine"] {
      let name = try string(engine, ["engine"])
      guard let chosen = LayoutEngine(rawValue: name) else {
        throw fail(["engine"], "unknown layout \"\(name)\"; expected dot, neato, fdp, sfdp, circo or twopi")
      }
      style.engine = chosen
    }
    if let captions = entries["captionProperties"] {
      style.captionProperties = try strings(captions, ["captionProperties"])
    }
    if let captions = entries["relationshipCaptionProperties"] {
      style.relationshipCaptionProperties = try strings(captions, ["relationshipCaptionProperties"])
    }
    if let flag = entries["relationshipCaptions"] {
      style.relationshipCaptions = try bool(flag, ["relationshipCaptions"])
    }
    if let labels = entries["labels"] {
      let byLabel = try object(labels, ["labels"])
      // Sorted, so the first error reported is always the same one.
      for label in byLabel.keys.sorted() {
        let path = ["labels", label]
        let fields = try object(byLabel[label] ?? .null, path)
        try checkKeys(fields, allowed: ["color", "shape", "caption"], in: path)
        var labelStyle = LabelStyle()
        if let color = fields["color"] { labelStyle.color = try self.color(color, path + ["color"]) }
        if let shape = fields["shape"] { labelStyle.shape = try self.shape(shape, path + ["shape"]) }
        if let caption = fields["caption"] { labelStyle.caption = try strings(caption, path + ["caption"]) }
        style.labels[label] = labelStyle
      }
    }
    if let relationships = entries["relationships"] {
      let byType = try object(relationships, ["relationships"])
      for type in byType.keys.sorted() {
        let path = ["relationships", type]
        let fields = try object(byType[type] ?? .null, path)
        try checkKeys(fields, allowed: ["color", "style", "caption", "showType"], in: path)
        var relationshipStyle = RelationshipStyle()
        if let color = fields["color"] { relationshipStyle.color = try self.color(color, path + ["color"]) }
        if let line = fields["style"] { relationshipStyle.lineStyle = try lineStyle(line, path + ["style"]) }
        if let caption = fields["caption"] {
          relationshipStyle.caption = try strings(caption, path + ["caption"])
        }
        if let show = fields["showType"] { relationshipStyle.showType = try bool(show, path + ["showType"]) }
        style.relationships[type] = relationshipStyle
      }
    }
    if let cluster = entries["cluster"] {
      let fields = try object(cluster, ["cluster"])
      try checkKeys(fields, allowed: ["property", "relatedBy"], in: ["cluster"])
      if let property = fields["property"] {
        style.clustering = .property(try string(property, ["cluster", "property"]))
      } else if let type = fields["relatedBy"] {
        style.clustering = .relatedNode(relationshipType: try string(type, ["cluster", "relatedBy"]))
      } else {
        throw fail(["cluster"], "expected \"property\" or \"relatedBy\"")
      }
    }
    if let graph = entries["graph"] {
      let attributes = try object(graph, ["graph"])
      for name in attributes.keys.sorted() {
        switch attributes[name] ?? .null {
        case .string(let text): style.graphAttributes[name] = text
        case .int(let i): style.graphAttributes[name] = String(i)
        case .float(let d): style.graphAttributes[name] = String(d)
        case .bool(let b): style.graphAttributes[name] = b ? "true" : "false"
        default: throw fail(["graph", name], "expected a string, number or boolean")
        }
      }
    }
    return style
  }
}
