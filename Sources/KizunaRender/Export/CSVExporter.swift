import KizunaStore

/// Neo4j bulk-importer CSV (`neo4j-admin import`, `kizuna import`).
///
/// One nodes file per label set (`:ID,:LABEL,name:string,since:long,...`)
/// and one relationships file per type (`:START_ID,:END_ID,:TYPE,...`).
/// `:ID` holds the exported node id. Arrays are `type[]` columns with `;`
/// between elements (an element containing `;` cannot be represented and is
/// split on import). Maps, mixed lists and temporals are `string` columns
/// holding JSON or ISO text. Fields are quoted per RFC 4180 when needed.
enum CSVExporter {
  struct File: Sendable, Hashable {
    var name: String
    var text: String
  }

  static func files(_ graph: GraphExtract) -> [File] {
    var files: [File] = []
    let byLabels = Dictionary(grouping: graph.nodes) { $0.labels.sorted() }
    for labels in byLabels.keys.sorted(by: { $0.joined(separator: ";") < $1.joined(separator: ";") }) {
      let nodes = byLabels[labels] ?? []
      let columns = PropertyKind.columns(nodes.map(\.properties))
      var text = ([":ID", ":LABEL"] + columns.map(header)).map(field).joined(separator: ",") + "\n"
      for node in nodes {
        var row = [String(node.id), labels.joined(separator: ";")]
        row += columns.map { cell(node.properties[$0.name], kind: $0.kind) }
        text += row.map(field).joined(separator: ",") + "\n"
      }
      let stem = labels.isEmpty ? "unlabelled" : labels.joined(separator: "_")
      files.append(File(name: "nodes_" + fileSafe(stem) + ".csv", text: text))
    }
    let byType = Dictionary(grouping: graph.relationships, by: \.type)
    for type in byType.keys.sorted() {
      let relationships = byType[type] ?? []
      let columns = PropertyKind.columns(relationships.map(\.properties))
      var text =
        ([":START_ID", ":END_ID", ":TYPE"] + columns.map(header)).map(field).joined(separator: ",") + "\n"
      for relationship in relationships {
        var row = [String(relationship.start), String(relationship.end), type]
        row += columns.map { cell(relationship.properties[$0.name], kind: $0.kind) }
        text += row.map(field).joined(separator: ",") + "\n"
      }
      files.append(File(name: "relationships_" + fileSafe(type) + ".csv", text: text))
    }
    return files
  }

  static func header(_ column: (name: String, kind: PropertyKind)) -> String {
    column.name + ":" + typeName(column.kind)
  }

  static func typeName(_ kind: PropertyKind) -> String {
    switch kind {
    case .long: return "long"
    case .double: return "double"
    case .boolean: return "boolean"
    case .string, .encoded: return "string"
    case .array(let element): return typeName(element) + "[]"
    }
  }

  static func cell(_ value: Value?, kind: PropertyKind) -> String {
    guard let value, !value.isNull else { return "" }
    if case .array = kind, case .list(let items) = value {
      return items.map(\.columnText).joined(separator: ";")
    }
    return value.columnText
  }

  /// RFC 4180: quoted when it holds a comma, quote, line break or edge
  /// spaces; quotes doubled. Empty text is left empty (null on import).
  static func field(_ text: String) -> String {
    let needsQuotes =
      text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    var out = "\""
    for character in text {
      if character == "\"" { out += "\"\"" } else { out.append(character) }
    }
    return out + "\""
  }

  /// Letters, digits, `_` and `-` kept; anything else becomes `_`.
  static func fileSafe(_ name: String) -> String {
    String(
      name.unicodeScalars.map { scalar -> Character in
        let keep =
          ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
          || scalar == "_" || scalar == "-"
        return keep ? Character(scalar) : "_"
      })
  }
}
