import KizunaStore
import Testing

@Suite struct ImportHeaderTests {
  private func nodes(_ fields: [String], file: String = "persons.csv") throws -> ImportHeader {
    try ImportHeader(fields: fields, kind: .nodes, file: file)
  }

  private func relationships(_ fields: [String], file: String = "knows.csv") throws -> ImportHeader {
    try ImportHeader(fields: fields, kind: .relationships, file: file)
  }

  /// The description of the error parsing `fields`, nil when they parse.
  private func failure(_ fields: [String], kind: ImportFileKind, file: String = "f.csv") -> String? {
    do {
      _ = try ImportHeader(fields: fields, kind: kind, file: file)
      return nil
    } catch {
      #expect(error.kind == .header)
      return error.description
    }
  }

  @Test func nodeFileWithEveryColumnForm() throws {
    let header = try nodes([
      "id:ID", "name", "born:int", ":LABEL", "tags:string[]", "skip:IGNORE", "score:Double",
    ])
    #expect(header.kind == .nodes)
    #expect(header.columns.map(\.index) == Array(0..<7))
    #expect(header.idColumn == ImportColumn(index: 0, header: "id:ID", name: "id", role: .id(group: nil)))
    #expect(header.idGroup == nil)
    #expect(header.labelColumns.map(\.index) == [3])
    #expect(header.columns[1].role == .property(.string, isArray: false))
    #expect(header.columns[2].role == .property(.int, isArray: false))
    #expect(header.columns[4].role == .property(.string, isArray: true))
    #expect(header.columns[5].role == .ignore)
    #expect(header.columns[6].role == .property(.double, isArray: false))
    #expect(header.propertyColumns.map(\.name) == ["name", "born", "tags", "score"])
    #expect(header.warnings.isEmpty)
    #expect(header.startIDColumn == nil && header.typeColumn == nil)
  }

  @Test func anonymousAndGroupedIDs() throws {
    let anonymous = try nodes([":ID", "name"])
    #expect(anonymous.idColumn?.name == nil)
    #expect(anonymous.idColumn?.role == .id(group: nil))
    let grouped = try nodes([":ID(Person)", "name"])
    #expect(grouped.idGroup == "Person")
    #expect(grouped.idColumn?.name == nil)
    let namedGrouped = try nodes(["pid:ID(Person Group)"])
    #expect(namedGrouped.idGroup == "Person Group")
    #expect(namedGrouped.idColumn?.name == "pid")
  }

  @Test func relationshipFile() throws {
    let header = try relationships([
      ":START_ID(Person)", ":END_ID(City)", ":TYPE", "since:int", "weights:float[]",
    ])
    #expect(header.startIDColumn?.index == 0)
    #expect(header.endIDColumn?.index == 1)
    #expect(header.startIDGroup == "Person")
    #expect(header.endIDGroup == "City")
    #expect(header.typeColumn?.index == 2)
    #expect(header.propertyColumns.map(\.name) == ["since", "weights"])
    #expect(header.columns[4].role == .property(.float, isArray: true))
    let plain = try relationships([":START_ID", ":END_ID", "since:int"])
    #expect(plain.startIDGroup == nil && plain.typeColumn == nil)
  }

  @Test func everyTypeName() throws {
    for type in ImportValueType.allCases {
      let header = try nodes([":ID", "p:\(type.rawValue)", "q:\(type.rawValue.uppercased())[]"])
      #expect(header.columns[1].role == .property(type, isArray: false))
      #expect(header.columns[2].role == .property(type, isArray: true))
    }
    #expect(ImportValueType.date.isTemporal && !ImportValueType.long.isTemporal)
    #expect(ImportValueType.short.isInteger && !ImportValueType.double.isInteger)
  }

  @Test func keywordsIgnoreCaseAndBlanks() throws {
    let header = try nodes([" id : id ", ":label", "name :string"])
    #expect(header.idColumn?.name == "id")
    #expect(header.labelColumns.count == 1)
    #expect(header.columns[2].name == "name")
    #expect(header.columns[2].header == "name :string")
  }

  @Test func readsHeaderFromReader() throws {
    var reader = try CSVReader(
      bytes: Array("\u{FEFF}:START_ID,:END_ID,since:int\n1,2,3\n".utf8), name: "knows.csv")
    let header = try ImportHeader(reading: &reader, kind: .relationships)
    #expect(header.file == "knows.csv")
    #expect(header.columns.count == 3)
    #expect(try reader.nextRecord())
    try header.checkFieldCount(of: reader)
    let since = try header.propertyColumns.first.map { column throws(CSVError) in
      try reader.integerProperty(for: column)
    }
    #expect(since == 3)
  }

  @Test func emptyFileHasNoHeader() throws {
    var reader = try CSVReader(bytes: [], name: "empty.csv")
    #expect(
      throws: CSVError(
        file: "empty.csv", line: 1, kind: .header, reason: "the file is empty; expected a header row")
    ) {
      _ = try ImportHeader(reading: &reader, kind: .nodes)
    }
  }

  @Test func missingIDIsAWarning() throws {
    let header = try nodes(["name", ":LABEL"])
    #expect(header.idColumn == nil)
    #expect(header.warnings == ["persons.csv: no ID column; relationships cannot refer to these nodes"])
  }

  @Test func unknownTypeNamesTheColumn() {
    #expect(
      failure([":START_ID", ":END_ID", "since:integr"], kind: .relationships, file: "knows.csv")
        == "knows.csv, line 1, column 3: unknown type 'integr' in 'since:integr'; expected int, long, float, "
        + "double, boolean, string, byte, short, char, date, localtime, time, localdatetime, datetime, "
        + "duration (with [] for an array), or START_ID, END_ID, TYPE or IGNORE")
    #expect(failure([":ID", "x:int[][]"], kind: .nodes)?.contains("unknown type 'int[][]'") == true)
    #expect(
      failure([":ID", "where:point"], kind: .nodes)
        == "f.csv, line 1, column 2: point columns are not supported: 'where:point'")
    #expect(
      failure([":ID", "d:date{timezone:UTC}"], kind: .nodes)
        == "f.csv, line 1, column 2: column options in braces are not supported: 'd:date{timezone:UTC}'")
  }

  @Test func duplicatePropertyNames() {
    #expect(
      failure(["name", "born:int", "name:string"], kind: .nodes)
        == "f.csv, line 1, column 3: duplicate property 'name' (also in column 1)")
    #expect(
      failure(["id:ID", "id:int"], kind: .nodes)
        == "f.csv, line 1, column 2: duplicate property 'id' (also in column 1)")
  }

  @Test func duplicateStructuralColumns() {
    #expect(
      failure([":ID", "x:ID"], kind: .nodes)
        == "f.csv, line 1, column 2: a second ID column (the first is column 1, ':ID')")
    #expect(
      failure([":START_ID", ":START_ID", ":END_ID"], kind: .relationships)
        == "f.csv, line 1, column 2: a second :START_ID column (the first is column 1)")
    #expect(
      failure([":START_ID", ":END_ID", ":TYPE", ":TYPE"], kind: .relationships)
        == "f.csv, line 1, column 4: a second :TYPE column (the first is column 3)")
  }

  @Test func multipleLabelColumnsAreAllowed() throws {
    #expect(try nodes([":ID", ":LABEL", ":LABEL"]).labelColumns.map(\.index) == [1, 2])
  }

  @Test func columnsInTheWrongKindOfFile() {
    #expect(
      failure([":ID", ":START_ID"], kind: .nodes)
        == "f.csv, line 1, column 2: :START_ID columns belong in relationship files, not in a node file")
    #expect(
      failure([":TYPE"], kind: .nodes)
        == "f.csv, line 1, column 1: :TYPE columns belong in relationship files, not in a node file")
    #expect(
      failure([":START_ID", ":END_ID", ":LABEL"], kind: .relationships)
        == "f.csv, line 1, column 3: :LABEL columns belong in node files, not in a relationship file")
    #expect(
      failure([":ID", ":START_ID", ":END_ID"], kind: .relationships)
        == "f.csv, line 1, column 1: :ID columns belong in node files, not in a relationship file")
  }

  @Test func relationshipFilesNeedBothEnds() {
    #expect(
      failure([":END_ID", "since:int"], kind: .relationships)
        == "f.csv, line 1: a relationship file needs a :START_ID column")
    #expect(
      failure([":START_ID"], kind: .relationships)
        == "f.csv, line 1: a relationship file needs an :END_ID column")
  }

  @Test func malformedColumns() {
    #expect(
      failure([":ID", ""], kind: .nodes)
        == "f.csv, line 1, column 2: empty column header; give the column a name, or write :IGNORE to skip it"
    )
    #expect(
      failure([":ID", ":int"], kind: .nodes)
        == "f.csv, line 1, column 2: a property column needs a name before the colon: ':int'")
    #expect(failure([":ID()"], kind: .nodes) == "f.csv, line 1, column 1: empty id group in ':ID()'")
    #expect(
      failure([":ID", ":LABEL(x)"], kind: .nodes)
        == "f.csv, line 1, column 2: only ID, START_ID and END_ID columns take an id group in parentheses: ':LABEL(x)'"
    )
    #expect(failure([":ID(a)b"], kind: .nodes)?.contains("id group must be the last part") == true)
    #expect(failure([":ID)"], kind: .nodes)?.contains("unbalanced parenthesis") == true)
  }

  @Test func wrongFieldCount() throws {
    let header = try relationships([":START_ID", ":END_ID", "since:int"])
    var reader = try CSVReader(bytes: Array("1,2,3\n1,2,3,4\n1,2\n".utf8), name: "knows.csv")
    #expect(try reader.nextRecord())
    try header.checkFieldCount(of: reader)
    #expect(try reader.nextRecord())
    #expect(
      throws: CSVError(file: "knows.csv", line: 2, kind: .fieldCount, reason: "expected 3 fields, found 4")
    ) {
      try header.checkFieldCount(of: reader)
    }
    #expect(try reader.nextRecord())
    #expect(
      throws: CSVError(file: "knows.csv", line: 3, kind: .fieldCount, reason: "expected 3 fields, found 2")
    ) {
      try header.checkFieldCount(of: reader)
    }
  }
}
