/// Builds an `ImportHeader` one column at a time, checking each against the
/// columns before it.
struct ImportHeaderParser {
  let kind: ImportFileKind
  let file: String
  let line: Int
  var columns: [ImportColumn] = []
  var idColumn: ImportColumn?
  var startIDColumn: ImportColumn?
  var endIDColumn: ImportColumn?
  var typeColumn: ImportColumn?
  var warnings: [String] = []
  /// Property names seen so far (including a `name:ID` column's), with their column.
  private var propertyNames: [String: Int] = [:]

  init(kind: ImportFileKind, file: String, line: Int) {
    self.kind = kind
    self.file = file
    self.line = line
  }

  mutating func add(_ field: String, at index: Int) throws(CSVError) {
    let header = field.trimmingBlanks()
    guard !header.isEmpty else {
      throw fail(index, "empty column header; give the column a name, or write :IGNORE to skip it")
    }
    guard let colon = header.firstIndex(of: ":") else {
      try addProperty(name: header, type: .string, isArray: false, header: header, at: index)
      return
    }
    let name = String(header[..<colon]).trimmingBlanks()
    let spec = String(header[header.index(after: colon)...]).trimmingBlanks()
    let (keyword, group) = try splitGroup(spec, header: header, at: index)
    let column = { (role: ImportColumnRole, name: String?) in
      ImportColumn(index: index, header: header, name: name, role: role)
    }

    switch keyword.uppercased() {
    case "ID":
      try requireKind(.nodes, keyword: "ID", at: index)
      if let previous = idColumn {
        throw fail(
          index, "a second ID column (the first is column \(previous.index + 1), '\(previous.header)')")
      }
      let idName = name.isEmpty ? nil : name
      if let idName { try claimPropertyName(idName, at: index) }
      idColumn = column(.id(group: group), idName)
      columns.append(column(.id(group: group), idName))
      return
    case "START_ID":
      try requireKind(.relationships, keyword: "START_ID", at: index)
      try requireFirst(startIDColumn, keyword: "START_ID", at: index)
      startIDColumn = column(.startID(group: group), nil)
      columns.append(column(.startID(group: group), nil))
      return
    case "END_ID":
      try requireKind(.relationships, keyword: "END_ID", at: index)
      try requireFirst(endIDColumn, keyword: "END_ID", at: index)
      endIDColumn = column(.endID(group: group), nil)
      columns.append(column(.endID(group: group), nil))
      return
    default:
      break
    }

    if group != nil {
      throw fail(index, "only ID, START_ID and END_ID columns take an id group in parentheses: '\(header)'")
    }
    switch keyword.uppercased() {
    case "LABEL":
      try requireKind(.nodes, keyword: "LABEL", at: index)
      columns.append(column(.label, nil))
    case "TYPE":
      try requireKind(.relationships, keyword: "TYPE", at: index)
      try requireFirst(typeColumn, keyword: "TYPE", at: index)
      typeColumn = column(.type, nil)
      columns.append(column(.type, nil))
    case "IGNORE":
      columns.append(column(.ignore, nil))
    default:
      let (type, isArray) = try parseType(keyword, header: header, at: index)
      guard !name.isEmpty else {
        throw fail(index, "a property column needs a name before the colon: '\(header)'")
      }
      try addProperty(name: name, type: type, isArray: isArray, header: header, at: index)
    }
  }

  mutating func finish() throws(CSVError) {
    switch kind {
    case .nodes:
      if idColumn == nil {
        warnings.append("\(file): no ID column; relationships cannot refer to these nodes")
      }
    case .relationships:
      if startIDColumn == nil { throw fail(nil, "a relationship file needs a :START_ID column") }
      if endIDColumn == nil { throw fail(nil, "a relationship file needs an :END_ID column") }
    }
  }

  private mutating func addProperty(
    name: String, type: ImportValueType, isArray: Bool, header: String, at index: Int
  ) throws(CSVError) {
    try claimPropertyName(name, at: index)
    columns.append(
      ImportColumn(index: index, header: header, name: name, role: .property(type, isArray: isArray)))
  }

  private mutating func claimPropertyName(_ name: String, at index: Int) throws(CSVError) {
    if let previous = propertyNames[name] {
      throw fail(index, "duplicate property '\(name)' (also in column \(previous + 1))")
    }
    propertyNames[name] = index
  }

  /// Splits `ID(Group)` into `ID` and `Group`.
  private func splitGroup(_ spec: String, header: String, at index: Int) throws(CSVError) -> (String, String?)
  {
    guard let open = spec.firstIndex(of: "(") else {
      if spec.contains(")") { throw fail(index, "unbalanced parenthesis in '\(header)'") }
      return (spec, nil)
    }
    guard spec.hasSuffix(")") else {
      throw fail(index, "an id group must be the last part of the header, as in ':ID(Person)': '\(header)'")
    }
    let group = String(spec[spec.index(after: open)..<spec.index(before: spec.endIndex)]).trimmingBlanks()
    guard !group.isEmpty else { throw fail(index, "empty id group in '\(header)'") }
    return (String(spec[..<open]).trimmingBlanks(), group)
  }

  private func parseType(_ spec: String, header: String, at index: Int) throws(CSVError) -> (
    ImportValueType, Bool
  ) {
    if spec.contains("{") {
      throw fail(index, "column options in braces are not supported: '\(header)'")
    }
    var base = spec
    var isArray = false
    if base.hasSuffix("[]") {
      base.removeLast(2)
      isArray = true
    }
    if let type = ImportValueType(rawValue: base.lowercased()) { return (type, isArray) }
    if base.lowercased() == "point" {
      throw fail(index, "point columns are not supported: '\(header)'")
    }
    let types = ImportValueType.allCases.map(\.rawValue).joined(separator: ", ")
    let keywords = kind == .nodes ? "ID, LABEL or IGNORE" : "START_ID, END_ID, TYPE or IGNORE"
    throw fail(
      index, "unknown type '\(spec)' in '\(header)'; expected \(types) (with [] for an array), or \(keywords)"
    )
  }

  private func requireKind(_ expected: ImportFileKind, keyword: String, at index: Int) throws(CSVError) {
    guard kind != expected else { return }
    let here = kind == .nodes ? "a node file" : "a relationship file"
    let there = expected == .nodes ? "node files" : "relationship files"
    throw fail(index, ":\(keyword) columns belong in \(there), not in \(here)")
  }

  private func requireFirst(_ previous: ImportColumn?, keyword: String, at index: Int) throws(CSVError) {
    if let previous {
      throw fail(index, "a second :\(keyword) column (the first is column \(previous.index + 1))")
    }
  }

  private func fail(_ index: Int?, _ reason: String) -> CSVError {
    CSVError(file: file, line: line, column: index.map { $0 + 1 }, kind: .header, reason: reason)
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  fileprivate func trimmingBlanks() -> String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
