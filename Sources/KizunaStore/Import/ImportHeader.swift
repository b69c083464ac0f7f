/// A bulk-import header row, parsed by the conventions of Neo4j's
/// `neo4j-admin import`.
///
/// Node files: one `name:ID` / `:ID` / `:ID(Group)` column (none is allowed,
/// with a warning, but then no relationship can refer to the nodes), any
/// number of `:LABEL` columns, property columns and `:IGNORE` columns.
/// Relationship files: `:START_ID` and `:END_ID` (each with an optional
/// `(Group)`), at most one `:TYPE`, property and `:IGNORE` columns.
/// Property columns are `name` (a string) or `name:type`, with `[]` after the
/// type for arrays. Keywords and type names are matched ignoring case.
public struct ImportHeader: Sendable {
  /// The file's name, as errors show it.
  public let file: String
  public let kind: ImportFileKind
  /// Every column, in field order (`columns[i].index == i`).
  public let columns: [ImportColumn]
  /// The node id column, if any (node files only).
  public let idColumn: ImportColumn?
  /// The label columns (node files only).
  public let labelColumns: [ImportColumn]
  /// The start id column; always set for relationship files.
  public let startIDColumn: ImportColumn?
  /// The end id column; always set for relationship files.
  public let endIDColumn: ImportColumn?
  /// The relationship type column, if any (relationship files only).
  public let typeColumn: ImportColumn?
  /// The property columns, in field order.
  public let propertyColumns: [ImportColumn]
  /// Problems that do not stop the import, for the user to see
  /// (`persons.csv: no ID column; ...`).
  public let warnings: [String]

  /// Parses the header fields of `file`, found on `line` (1 unless blank lines came first).
  public init(fields: [String], kind: ImportFileKind, file: String, line: Int = 1) throws(CSVError) {
    var parser = ImportHeaderParser(kind: kind, file: file, line: line)
    for (index, field) in fields.enumerated() {
      try parser.add(field, at: index)
    }
    try parser.finish()
    self.file = file
    self.kind = kind
    columns = parser.columns
    idColumn = parser.idColumn
    labelColumns = parser.columns.filter { $0.role == .label }
    startIDColumn = parser.startIDColumn
    endIDColumn = parser.endIDColumn
    typeColumn = parser.typeColumn
    propertyColumns = parser.columns.filter {
      if case .property = $0.role { return true }
      return false
    }
    warnings = parser.warnings
  }

  /// Reads the first record of `reader` as the header.
  public init(reading reader: inout CSVReader, kind: ImportFileKind) throws(CSVError) {
    guard try reader.nextRecord() else {
      throw CSVError(
        file: reader.name, line: 1, kind: .header, reason: "the file is empty; expected a header row")
    }
    var fields: [String] = []
    fields.reserveCapacity(reader.fieldCount)
    for index in 0..<reader.fieldCount {
      fields.append(try reader.string(index))
    }
    try self.init(fields: fields, kind: kind, file: reader.name, line: reader.line)
  }

  /// The id group of the node id column (node files), nil for the global group.
  public var idGroup: String? {
    if case .id(let group)? = idColumn?.role { return group }
    return nil
  }

  /// The id group relationship start ids are looked up in.
  public var startIDGroup: String? {
    if case .startID(let group)? = startIDColumn?.role { return group }
    return nil
  }

  /// The id group relationship end ids are looked up in.
  public var endIDGroup: String? {
    if case .endID(let group)? = endIDColumn?.role { return group }
    return nil
  }

  /// Throws unless the reader's current record has one field per column.
  public func checkFieldCount(of reader: borrowing CSVReader) throws(CSVError) {
    if reader.fieldCount != columns.count {
      throw reader.error(
        kind: .fieldCount, "expected \(columns.count) fields, found \(reader.fieldCount)")
    }
  }
}
