/// A graph ready for Graphviz: every id and attribute decided, in a fixed
/// order. It is written out as DOT text and also built through the C API, so
/// the DOT export and the rendering always agree.
struct DOTDocument: Sendable, Hashable {
  /// An attribute value: plain text (quoted in DOT) or an HTML-like label.
  enum AttributeValue: Sendable, Hashable {
    case text(String)
    case html(String)
  }

  typealias Attributes = [(name: String, value: AttributeValue)]

  struct Node: Sendable, Hashable {
    var id: String
    var attributes: [Attribute]
    /// Index into `clusters`, or nil for the top level.
    var cluster: Int?
  }

  struct Edge: Sendable, Hashable {
    var tail: String
    var head: String
    /// Graphviz's edge key, so parallel edges stay distinct.
    var key: String
    var attributes: [Attribute]
  }

  struct Cluster: Sendable, Hashable {
    /// Starts with `cluster` so the layouts draw a box around it.
    var id: String
    var attributes: [Attribute]
  }

  struct Attribute: Sendable, Hashable {
    var name: String
    var value: AttributeValue
    init(_ name: String, _ value: AttributeValue) {
      self.name = name
      self.value = value
    }
    init(_ name: String, _ text: String) {
      self.init(name, .text(text))
    }
  }

  var name = "kizuna"
  var graphAttributes: [Attribute] = []
  var nodeDefaults: [Attribute] = []
  var edgeDefaults: [Attribute] = []
  var clusters: [Cluster] = []
  var nodes: [Node] = []
  var edges: [Edge] = []

  /// The DOT text, byte for byte the same for the same document.
  var text: String {
    var out = "digraph " + DOTQuoting.id(name) + " {\n"
    func attributeList(_ attributes: [Attribute]) -> String {
      attributes.map { DOTQuoting.name($0.name) + "=" + DOTQuoting.value($0.value) }.joined(separator: ", ")
    }
    for attribute in graphAttributes {
      out += "  " + DOTQuoting.name(attribute.name) + "=" + DOTQuoting.value(attribute.value) + ";\n"
    }
    if !nodeDefaults.isEmpty { out += "  node [" + attributeList(nodeDefaults) + "];\n" }
    if !edgeDefaults.isEmpty { out += "  edge [" + attributeList(edgeDefaults) + "];\n" }
    func write(_ node: Node, indent: String) {
      out += indent + DOTQuoting.id(node.id)
      if !node.attributes.isEmpty { out += " [" + attributeList(node.attributes) + "]" }
      out += ";\n"
    }
    for (index, cluster) in clusters.enumerated() {
      out += "  subgraph " + DOTQuoting.id(cluster.id) + " {\n"
      for attribute in cluster.attributes {
        out += "    " + DOTQuoting.name(attribute.name) + "=" + DOTQuoting.value(attribute.value) + ";\n"
      }
      for node in nodes where node.cluster == index { write(node, indent: "    ") }
      out += "  }\n"
    }
    for node in nodes where node.cluster == nil { write(node, indent: "  ") }
    for edge in edges {
      out += "  " + DOTQuoting.id(edge.tail) + " -> " + DOTQuoting.id(edge.head)
      var attributes = [Attribute("key", edge.key)]
      attributes += edge.attributes
      out += " [" + attributeList(attributes) + "];\n"
    }
    out += "}\n"
    return out
  }
}
