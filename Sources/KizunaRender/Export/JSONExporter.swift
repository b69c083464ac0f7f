import KizunaStore

/// `{"nodes":[{"id":..,"labels":[..],"properties":{..}}],
///   "relationships":[{"id":..,"type":..,"start":..,"end":..,"properties":{..}}]}`
/// with property values in the Value JSON encoding.
enum JSONExporter {
  static func bytes(_ graph: GraphExtract) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(graph.nodes.count * 64 + graph.relationships.count * 48)
    func append(_ text: String) { out.append(contentsOf: text.utf8) }
    append("{\"nodes\":[")
    for (index, node) in graph.nodes.enumerated() {
      if index > 0 { append(",\n") } else { append("\n") }
      append("{\"id\":\(node.id),\"labels\":")
      Value.list(node.labels.sorted().map(Value.string)).appendJSON(to: &out)
      append(",\"properties\":")
      Value.map(node.properties).appendJSON(to: &out)
      append("}")
    }
    append("\n],\"relationships\":[")
    for (index, relationship) in graph.relationships.enumerated() {
      if index > 0 { append(",\n") } else { append("\n") }
      append("{\"id\":\(relationship.id),\"type\":")
      Value.string(relationship.type).appendJSON(to: &out)
      append(",\"start\":\(relationship.start),\"end\":\(relationship.end),\"properties\":")
      Value.map(relationship.properties).appendJSON(to: &out)
      append("}")
    }
    append("\n]}\n")
    return out
  }
}
