import KizunaStore

/// GraphML (http://graphml.graphdrawing.org) for Gephi and NetworkX.
///
/// Each property becomes a `<key>` with `attr.type` `long`, `double`,
/// `boolean` or `string`. Values GraphML has no type for are `string` keys
/// with a `<desc>` saying how to read them: `json` for lists, maps and
/// columns of mixed kinds (the Value JSON encoding), or the Cypher type
/// (`date`, `localtime`, `time`, `localdatetime`, `datetime`, `duration`)
/// for ISO 8601 text. Labels go in the `labels` key (`:Person:Author`),
/// types in `type`; properties of those names are written as `prop_labels`
/// and `prop_type`.
enum GraphMLExporter {
  static func text(_ graph: GraphExtract) -> String {
    let nodeColumns = PropertyKind.columns(graph.nodes.map(\.properties))
    let edgeColumns = PropertyKind.columns(graph.relationships.map(\.properties))
    var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    out += #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns""#
    out += #" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#
    out +=
      #" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    out += "\n"
    out += #"  <key id="labels" for="node" attr.name="labels" attr.type="string"/>"# + "\n"
    out += #"  <key id="type" for="edge" attr.name="type" attr.type="string"/>"# + "\n"
    var nodeKeys: [String: (id: String, kind: PropertyKind)] = [:]
    var edgeKeys: [String: (id: String, kind: PropertyKind)] = [:]
    for (index, column) in nodeColumns.enumerated() {
      nodeKeys[column.name] = ("n\(index)", column.kind)
      out += key(id: "n\(index)", domain: "node", column: column, reserved: "labels")
    }
    for (index, column) in edgeColumns.enumerated() {
      edgeKeys[column.name] = ("e\(index)", column.kind)
      out += key(id: "e\(index)", domain: "edge", column: column, reserved: "type")
    }
    out += #"  <graph id="G" edgedefault="directed">"# + "\n"
    for node in graph.nodes {
      out += #"    <node id="n\#(node.id)">"#
      out += data("labels", node.labels.sorted().map { ":" + $0 }.joined())
      for name in node.properties.keys.sorted() {
        guard let value = node.properties[name], !value.isNull, let key = nodeKeys[name] else { continue }
        out += data(key.id, text(value, kind: key.kind))
      }
      out += "</node>\n"
    }
    for relationship in graph.relationships {
      out +=
        #"    <edge id="e\#(relationship.id)" source="n\#(relationship.start)" target="n\#(relationship.end)">"#
      out += data("type", relationship.type)
      for name in relationship.properties.keys.sorted() {
        guard let value = relationship.properties[name], !value.isNull, let key = edgeKeys[name] else {
          continue
        }
        out += data(key.id, text(value, kind: key.kind))
      }
      out += "</edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  /// A property named like the built-in `labels` (nodes) or `type` (edges)
  /// key gets a `prop_` prefix: readers such as NetworkX key data by
  /// `attr.name`, so two keys with one name would overwrite each other.
  static func key(id: String, domain: String, column: (name: String, kind: PropertyKind), reserved: String)
    -> String
  {
    let name = column.name == reserved ? "prop_" + column.name : column.name
    let type: String
    var description = ""
    switch column.kind {
    case .long: type = "long"
    case .double: type = "double"
    case .boolean: type = "boolean"
    case .string, .anyElement: type = "string"
    case .array, .encoded:
      type = "string"
      description = "<desc>json</desc>"
    case .date, .localTime, .time, .localDateTime, .dateTime, .duration:
      type = "string"
      description = "<desc>\(column.kind.typeName)</desc>"
    }
    let head =
      #"  <key id="\#(id)" for="\#(domain)" attr.name="\#(escape(name))" attr.type="\#(type)""#
    return description.isEmpty ? head + "/>\n" : head + ">" + description + "</key>\n"
  }

  /// JSON for the keys described as `json`, so every value of such a key
  /// reads back the same way; plain text otherwise.
  static func text(_ value: Value, kind: PropertyKind) -> String {
    kind.isScalar ? value.columnText : value.jsonText()
  }

  static func data(_ key: String, _ text: String) -> String {
    #"<data key="\#(key)">"# + escape(text) + "</data>"
  }

  /// XML text: the specials as entities; characters XML 1.0 forbids
  /// (most C0 controls) become U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      case "\r": out += "&#13;"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
