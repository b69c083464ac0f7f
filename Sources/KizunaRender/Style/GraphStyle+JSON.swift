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
    let reader = StyleReader(text: text)
    return try reader.style(from: root)
  }
}

/// Turns the decoded JSON into a `GraphStyle`, naming the offending key.
struct StyleReader {
  let text: String

  func fail(_ key: String, _ message: String) -> RenderError {
    let (line, column) = position(ofKey: key)
    return RenderError(.style, "\"\(key)\": \(message)", line: line, column: column)
  }

  /// Where the key first appears in the text. Values carry no positions, so
  /// this finds the quoted key; good enough to point a person at the line.
  func position(ofKey key: String) -> (Int?, Int?) {
    let needle = Array(("\"" + key + "\"").utf8)
    let bytes = Array(text.utf8)
    guard needle.count <= bytes.count else { return (nil, nil) }
    var line = 1
    var lineStart = 0
    for start in 0...(bytes.count - needle.count) {
      if bytes[start] == 0x0A {
        line += 1
        lineStart = start + 1
      }
      if bytes[start..<start + needle.count].elementsEqual(needle) {
        let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
        return (line, column)
      }
    }
    return (nil, nil)
  }

  func object(_ value: Value, _ key: String) throws(RenderError) -> [String: Value] {
    guard case .map(let entries) = value else { throw fail(key, "expected an object") }
    return entries
  }

  func string(_ value: Value, _ key: String) throws(RenderError) -> String {
    guard case .string(let text) = value else { throw fail(key, "expected a string") }
    return text
  }

  func strings(_ value: Value, _ key: String) throws(RenderError) -> [String] {
    if case .string(let single) = value { return [single] }
    guard case .list(let items) = value else { throw fail(key, "expected a list of strings") }
    var result: [String] = []
    for item in items { result.append(try string(item, key)) }
    return result
  }

  func bool(_ value: Value, _ key: String) throws(RenderError) -> Bool {
    guard case .bool(let flag) = value else { throw fail(key, "expected true or false") }
    return flag
  }

  func number(_ value: Value, _ key: String) throws(RenderError) -> Double {
    switch value {
    case .int(let i) where i > 0: return Double(i)
    case .float(let d) where d > 0 && d.isFinite: return d
    default: throw fail(key, "expected a positive number")
    }
  }

  func checkKeys(_ entries: [String: Value], allowed: Set<String>, in key: String) throws(RenderError) {
    for name in entries.keys.sorted() where !allowed.contains(name) {
      throw fail(name, "unknown key in \(key); expected one of \(allowed.sorted().joined(separator: ", "))")
    }
  }

  func style(from root: Value) throws(RenderError) -> GraphStyle {
    var style = GraphStyle()
    let entries = try object(root, "style")
    let known: Set<String> = [
      "font", "legend", "engine", "captionProperties", "relationshipCaptionProperties",
      "relationshipCaptions", "labels", "relationships",
      "cluster", "graph",
    ]
    try checkKeys(entries, allowed: known, in: "the style")
    if let font = entries["font"] {
      let fields = try object(font, "font")
      try checkKeys(fields, allowed: ["name", "size"], in: "font")
      if let name = fields["name"] { style.fontName = try string(name, "name") }
      if let size = fields["size"] { style.fontSize = try number(size, "size") }
    }
    if let legend = entries["legend"] { style.showLegend = try bool(legend, "legend") }
    if let engine = entries["engine"] {
      let name = try string(engine, "engine")
      guard let chosen = LayoutEngine(rawValue: name) else {
        throw fail("engine", "unknown layout \"\(name)\"; expected dot, neato, fdp, sfdp, circo or twopi")
      }
      style.engine = chosen
    }
    if let captions = entries["captionProperties"] {
      style.captionProperties = try strings(captions, "captionProperties")
    }
    if let captions = entries["relationshipCaptionProperties"] {
      style.relationshipCaptionProperties = try strings(captions, "relationshipCaptionProperties")
    }
    if let flag = entries["relationshipCaptions"] {
      style.relationshipCaptions = try bool(flag, "relationshipCaptions")
    }
    if let labels = entries["labels"] {
      for (label, value) in try object(labels, "labels") {
        let fields = try object(value, label)
        try checkKeys(fields, allowed: ["color", "shape", "caption"], in: label)
        var labelStyle = LabelStyle()
        if let color = fields["color"] { labelStyle.color = try string(color, "color") }
        if let shape = fields["shape"] { labelStyle.shape = try string(shape, "shape") }
        if let caption = fields["caption"] { labelStyle.caption = try strings(caption, "caption") }
        style.labels[label] = labelStyle
      }
    }
    if let relationships = entries["relationships"] {
      for (type, value) in try object(relationships, "relationships") {
        let fields = try object(value, type)
        try checkKeys(fields, allowed: ["color", "style", "caption", "showType"], in: type)
        var relationshipStyle = RelationshipStyle()
        if let color = fields["color"] { relationshipStyle.color = try string(color, "color") }
        if let line = fields["style"] { relationshipStyle.lineStyle = try string(line, "style") }
        if let caption = fields["caption"] { relationshipStyle.caption = try strings(caption, "caption") }
        if let show = fields["showType"] { relationshipStyle.showType = try bool(show, "showType") }
        style.relationships[type] = relationshipStyle
      }
    }
    if let cluster = entries["cluster"] {
      let fields = try object(cluster, "cluster")
      try checkKeys(fields, allowed: ["property", "relatedBy"], in: "cluster")
      if let property = fields["property"] {
        style.clustering = .property(try string(property, "property"))
      } else if let type = fields["relatedBy"] {
        style.clustering = .relatedNode(relationshipType: try string(type, "relatedBy"))
      } else {
        throw fail("cluster", "expected \"property\" or \"relatedBy\"")
      }
    }
    if let graph = entries["graph"] {
      for (name, value) in try object(graph, "graph") {
        switch value {
        case .string(let text): style.graphAttributes[name] = text
        case .int(let i): style.graphAttributes[name] = String(i)
        case .float(let d): style.graphAttributes[name] = String(d)
        case .bool(let b): style.graphAttributes[name] = b ? "true" : "false"
        default: throw fail(name, "expected a string, number or boolean")
        }
      }
    }
    return style
  }
}
