import KizunaStore

/// DOT text carrying the data: labels, types and every property as
/// attributes. Strings are written as they are; other values in their JSON
/// encoding. Texts use Graphviz's escString form (backslashes doubled,
/// newlines as `\n`), as labels need.
enum DOTExporter {
  static func text(_ graph: GraphExtract) -> String {
    var document = DOTDocument()
    document.name = "graph"
    for node in graph.nodes {
      let labels = node.labels.sorted()
      var attributes: [DOTDocument.Attribute] = [
        .init("label", DOTQuoting.labelText(caption(node, labels: labels))),
        .init("labels", DOTQuoting.labelText(labels.map { ":" + $0 }.joined())),
      ]
      attributes += properties(node.properties, reserved: ["label", "labels"])
      document.nodes.append(DOTDocument.Node(id: "n\(node.id)", attributes: attributes, cluster: nil))
    }
    for relationship in graph.relationships {
      var attributes: [DOTDocument.Attribute] = [
        .init("label", DOTQuoting.labelText(relationship.type)),
        .init("type", DOTQuoting.labelText(relationship.type)),
      ]
      attributes += properties(relationship.properties, reserved: ["label", "type", "key"])
      document.edges.append(
        DOTDocument.Edge(
          tail: "n\(relationship.start)", head: "n\(relationship.end)", key: "r\(relationship.id)",
          attributes: attributes))
    }
    return document.text
  }

  static func caption(_ node: NodeSnapshot, labels: [String]) -> String {
    for key in ["name", "title"] {
      if case .string(let text) = node.properties[key] { return text }
    }
    return labels.first.map { "\($0) #\(node.id)" } ?? "#\(node.id)"
  }

  /// Property names that collide with the attributes above get a `prop_` prefix.
  static func properties(_ properties: [String: Value], reserved: Set<String>) -> [DOTDocument.Attribute] {
    properties.keys.sorted().map { key in
      let value = properties[key] ?? .null
      let text: String
      if case .string(let string) = value { text = string } else { text = value.jsonText() }
      return .init(reserved.contains(key) ? "prop_" + key : key, DOTQuoting.labelText(text))
    }
  }
}
