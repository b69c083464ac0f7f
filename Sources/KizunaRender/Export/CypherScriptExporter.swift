import KizunaStore

/// A Cypher script that recreates the extract in an openCypher database.
///
/// The shape, chosen so every statement is plain openCypher and stays small:
/// 1. nodes, in batches: `CREATE (:Person:_KzImport {name: 'x', _kz_id: 1}), (...);`
///    The temporary label `_KzImport` and property `_kz_id` (the exported
///    node id) let later statements find the nodes again.
/// 2. relationships, per type, in batches:
///    `UNWIND [{s: 1, e: 2, p: {..}}, ...] AS r MATCH (a:_KzImport {_kz_id: r.s}),
///    (b:_KzImport {_kz_id: r.e}) CREATE (a)-[x:TYPE]->(b) SET x = r.p;`
/// 3. `MATCH (n:_KzImport) REMOVE n:_KzImport, n._kz_id;`
/// Statements end with `;` on their own line ends, one statement per batch.
enum CypherScriptExporter {
  static let batchSize = 500
  static let marker = "_KzImport"
  static let idKey = "_kz_id"

  static func text(_ graph: GraphExtract) -> String {
    var out = "// Kizuna export: \(graph.nodes.count) nodes, \(graph.relationships.count) relationships.\n"
    var start = 0
    while start < graph.nodes.count {
      let batch = graph.nodes[start..<min(start + batchSize, graph.nodes.count)]
      out += "CREATE "
      for (offset, node) in batch.enumerated() {
        if offset > 0 { out += ",\n       " }
        out += "("
        for label in node.labels.sorted() { out += ":" + CypherText.identifier(label) }
        out += ":" + marker + " {"
        for key in node.properties.keys.sorted() {
          guard let literal = node.properties[key]?.cypherLiteral else { continue }
          out += CypherText.identifier(key) + ": " + literal + ", "
        }
        out += idKey + ": \(node.id)})"
      }
      out += ";\n"
      start += batchSize
    }
    let byType = Dictionary(grouping: graph.relationships, by: \.type)
    for type in byType.keys.sorted() {
      let relationships = byType[type] ?? []
      var first = 0
      while first < relationships.count {
        let batch = relationships[first..<min(first + batchSize, relationships.count)]
        out += "UNWIND ["
        for (offset, relationship) in batch.enumerated() {
          if offset > 0 { out += ",\n        " }
          out += "{s: \(relationship.start), e: \(relationship.end), p: "
          out +=
            (Value.map(relationship.properties.filter { $0.value.isStorable }).cypherLiteral ?? "{}") + "}"
        }
        out += "] AS r\n"
        out += "MATCH (a:\(marker) {\(idKey): r.s}), (b:\(marker) {\(idKey): r.e})\n"
        out += "CREATE (a)-[x:\(CypherText.identifier(type))]->(b) SET x = r.p;\n"
        first += batchSize
      }
    }
    if !graph.nodes.isEmpty {
      out += "MATCH (n:\(marker)) REMOVE n:\(marker), n.\(idKey);\n"
    }
    return out
  }
}
