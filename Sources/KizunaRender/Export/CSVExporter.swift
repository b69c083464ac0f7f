import KizunaStore

/// Neo4j bulk-importer CSV (`neo4j-admin import`, `kizuna import`).
///
/// One nodes file per label set (`:ID,:LABEL,name:string,since:long,...`)
/// and one relationships file per type (`:START_ID,:END_ID,:TYPE,...`).
/// `:ID` holds the exported node id. Columns are typed: `long`, `double`,
/// `boolean`, `string`, `date`, `localtime`, `time`, `localdatetime`,
/// `datetime`, `duration`, and arrays of these (`long[]`, `;` between
/// elements). Temporals are ISO 8601 text. A missing property is an empty
/// field; an empty string or an empty list is a quoted empty field (`""`).
/// Fields are quoted per RFC 4180 when needed.
///
/// A column has one type, so elements whose values for a property differ
/// in kind (`since` an integer here, a string there) go to separate files
/// of the same label set or type (`nodes_Dialogue.csv`,
/// `nodes_Dialogue_2.csv`), and read back exactly.
///
/// What the format cannot hold is written in a documented way and reported
/// as a note (see `docs/export.md`): maps and lists of mixed kinds or with
/// nulls are JSON text in a `string` column (read back as strings); lists
/// mixing integers and floats become lists of floats; an array element
/// containing `;` is split on import.
enum CSVExporter {
  struct File: Sendable, Hashable {
    var name: String
    var text: String
    /// True for a nodes file, false for a relationships file.
    var holdsNodes: Bool
  }

  struct Output: Sendable, Hashable {
    var files: [File]
    /// What will not read back exactly, one sentence each.
    var notes: [String]
  }

  static func files(_ graph: GraphExtract) -> [File] { export(graph).files }

  static func export(_ graph: GraphExtract) -> Output {
    var output = Output(files: [], notes: [])
    var usedNames = Set<String>()
    let byLabels = Dictionary(grouping: graph.nodes) { $0.labels.sorted() }
    for labels in byLabels.keys.sorted(by: { $0.joined(separator: ";") < $1.joined(separator: ";") }) {
      let stem = labels.isEmpty ? "unlabelled" : labels.joined(separator: "_")
      for nodes in exactlyTyped(byLabels[labels] ?? [], \.properties) {
        let name = uniqueName("nodes_" + fileSafe(stem), used: &usedNames)
        let maps = nodes.map(\.properties)
        let columns = PropertyKind.columns(maps)
        output.notes += notes(file: name, columns: columns, maps: maps)
        for label in labels where label.contains(";") {
          output.notes.append("\(name): the label '\(label)' contains ';', which separates labels on import")
        }
        var text = line([":ID", ":LABEL"] + columns.map(header))
        for node in nodes {
          text += line([String(node.id), labels.joined(separator: ";")] + cells(node.properties, columns))
        }
        output.files.append(File(name: name, text: text, holdsNodes: true))
      }
    }
    let byType = Dictionary(grouping: graph.relationships, by: \.type)
    for type in byType.keys.sorted() {
      for relationships in exactlyTyped(byType[type] ?? [], \.properties) {
        let name = uniqueName("relationships_" + fileSafe(type), used: &usedNames)
        let maps = relationships.map(\.properties)
        let columns = PropertyKind.columns(maps)
        output.notes += notes(file: name, columns: columns, maps: maps)
        var text = line([":START_ID", ":END_ID", ":TYPE"] + columns.map(header))
        for relationship in relationships {
          let fixed = [String(relationship.start), String(relationship.end), type]
          text += line(fixed + cells(relationship.properties, columns))
        }
        output.files.append(File(name: name, text: text, holdsNodes: false))
      }
    }
    return output
  }

  /// The elements split into files whose columns each hold one kind
  /// (`PropertyKind.exactGroups`), in order.
  static func exactlyTyped<Element>(_ elements: [Element], _ properties: (Element) -> [String: Value])
    -> [[Element]]
  {
    PropertyKind.exactGroups(elements.map(properties)).map { $0.map { elements[$0] } }
  }

  static func header(_ column: (name: String, kind: PropertyKind)) -> String {
    column.name + ":" + column.kind.typeName
  }

  static func line(_ fields: [String?]) -> String {
    fields.map(field).joined(separator: ",") + "\n"
  }

  static func cells(_ properties: [String: Value], _ columns: [(name: String, kind: PropertyKind)])
    -> [String?]
  {
    columns.map { cell(properties[$0.name], kind: $0.kind) }
  }

  /// The text of one cell; nil when the property is missing.
  static func cell(_ value: Value?, kind: PropertyKind) -> String? {
    guard let value, !value.isNull else { return nil }
    switch (kind, value) {
    case (.array, .list(let items)): return items.map(\.columnText).joined(separator: ";")
    case (.encoded, .string(let text)): return text
    case (.encoded, _): return value.jsonText()
    default: return value.columnText
    }
  }

  /// RFC 4180: quoted when it holds a comma, quote, line break or edge
  /// spaces, or is empty (an empty string, not a missing value); quotes
  /// doubled. A missing value (nil) is an empty field.
  static func field(_ text: String?) -> String {
    guard let text else { return "" }
    let needsQuotes =
      text.isEmpty
      || text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || text.first == " " || text.last == " " || text.first == "\t" || text.last == "\t"
    guard needsQuotes else { return text }
    var out = "\""
    for character in text {
      if character == "\"" { out += "\"\"" } else { out.append(character) }
    }
    return out + "\""
  }

  /// What in these columns will not read back as it was.
  static func notes(file: String, columns: [(name: String, kind: PropertyKind)], maps: [[String: Value]])
    -> [String]
  {
    var notes: [String] = []
    for (name, kind) in columns {
      let values = maps.compactMap { $0[name] }.filter { !$0.isNull }
      if name.contains(":") {
        notes.append("\(file): the property name '\(name)' contains ':', which import headers cannot hold")
      }
      switch kind {
      case .encoded:
        notes.append(
          "\(file): property '\(name)' holds maps or lists of mixed kinds or with nulls; "
            + "written as JSON text, read back as strings")
      case .array(let element):
        let ambiguous = values.contains { value in
          guard case .list(let items) = value else { return false }
          if items.count == 1, items[0] == .string("") { return true }
          return element == .string && items.contains { $0.columnText.contains(where: { $0 == ";" }) }
        }
        if ambiguous {
          notes.append(
            "\(file): property '\(name)' has list elements containing ';' or a lone empty string; "
              + "they split differently on import")
        }
        let mixesNumbers = values.contains { value in
          guard case .list(let items) = value else { return false }
          return items.contains { $0.typeName == "INTEGER" } && items.contains { $0.typeName == "FLOAT" }
        }
        if mixesNumbers {
          notes.append(
            "\(file): property '\(name)' has lists mixing integers and floats; the integers read back as floats"
          )
        }
      default: break
      }
    }
    return notes
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

  /// `stem.csv`, or `stem_2.csv`, ... when another label set or type already
  /// took that name (`Hà` and `H_` both become `H_`). Compared without case,
  /// for file systems that ignore it.
  static func uniqueName(_ stem: String, used: inout Set<String>) -> String {
    var name = stem + ".csv"
    var counter = 2
    while used.contains(name.lowercased()) {
      name = stem + "_\(counter).csv"
      counter += 1
    }
    used.insert(name.lowercased())
    return name
  }
}
