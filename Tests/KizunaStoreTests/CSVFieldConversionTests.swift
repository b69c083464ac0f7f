import KizunaStore
import Testing

/// Converting fields to values by their header column (`ImportField.swift`).
@Suite struct CSVFieldConversionTests {
  static let header =
    "id:ID,name,born:int,height:float,alive:boolean,initial:char,tags:string[],scores:long[],"
    + "ratios:double[],flags:boolean[],:LABEL,day:date,skip:IGNORE,small:short,tiny:byte,d:double"

  /// Reads `rows` under the test header and returns, per row, each column's
  /// converted value (properties), labels, or id, as text that tells cases apart.
  private func convert(_ rows: String, arrayDelimiter: UInt8 = UInt8(ascii: ";")) throws -> [[String: String]]
  {
    var reader = try CSVReader(bytes: Array((Self.header + "\n" + rows).utf8), name: "persons.csv")
    let header = try ImportHeader(reading: &reader, kind: .nodes)
    var result: [[String: String]] = []
    while try reader.nextRecord() {
      try header.checkFieldCount(of: reader)
      var row: [String: String] = [:]
      for column in header.columns {
        switch column.role {
        case .label: row[":LABEL"] = try reader.labels(for: column).description
        case .id: row["id"] = describe(try reader.idValue(for: column, type: .string))
        default:
          if let value = try reader.propertyValue(for: column, arrayDelimiter: arrayDelimiter) {
            row[column.name ?? column.header] = describe(value)
          }
        }
      }
      result.append(row)
    }
    return result
  }

  private func describe(_ value: Value) -> String {
    switch value {
    case .int(let v): return "int \(v)"
    case .float(let v): return "float \(v)"
    case .bool(let v): return "bool \(v)"
    case .string(let v): return "string \(v.debugDescription)"
    case .list(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
    default: return value.typeName
    }
  }

  private func conversionError(_ rows: String) -> String? {
    do {
      _ = try convert(rows)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test func everyScalarType() throws {
    let rows = try convert("p1,Hà Nội,1945, 1.75 ,TRUE,東,,,,,Person;Leader,,x,-7,12,1e3\n")
    #expect(
      rows == [
        [
          "id": "string \"p1\"", "name": "string \"Hà Nội\"", "born": "int 1945", "height": "float 1.75",
          "alive": "bool true", "initial": "string \"東\"", ":LABEL": "[\"Person\", \"Leader\"]",
          "small": "int -7", "tiny": "int 12", "d": "float 1000.0",
        ]
      ])
  }

  @Test func arrays() throws {
    let rows = try convert("p1,,,,,,a;;東京,1;-2; 3,0.5;2,true;FALSE,,,,,,\n")
    #expect(rows[0]["tags"] == "[string \"a\", string \"\", string \"東京\"]")
    #expect(rows[0]["scores"] == "[int 1, int -2, int 3]")
    #expect(rows[0]["ratios"] == "[float 0.5, float 2.0]")
    #expect(rows[0]["flags"] == "[bool true, bool false]")
  }

  @Test func customArrayDelimiter() throws {
    let rows = try convert("p1,,,,,,a|b;c,1|2,,,,,,,,\n", arrayDelimiter: UInt8(ascii: "|"))
    #expect(rows[0]["tags"] == "[string \"a\", string \"b;c\"]")
    #expect(rows[0]["scores"] == "[int 1, int 2]")
  }

  @Test func emptyUnquotedFieldsAreAbsent() throws {
    let rows = try convert("p1,,,,,,,,,,,,,,,\n")
    #expect(rows == [["id": "string \"p1\"", ":LABEL": "[]"]])
  }

  @Test func quotedEmptyIsEmptyStringOrEmptyList() throws {
    let rows = try convert("p1,\"\",\"\",\"\",,,\"\",\"\",,,\"\",,,,,\n")
    #expect(rows[0]["name"] == "string \"\"")
    #expect(rows[0]["born"] == nil)
    #expect(rows[0]["height"] == nil)
    #expect(rows[0]["tags"] == "[]")
    #expect(rows[0]["scores"] == "[]")
    #expect(rows[0][":LABEL"] == "[]")
  }

  @Test func quotedValuesConvertLikeUnquoted() throws {
    let rows = try convert("\"p,1\",\"a \"\"b\"\"\",\"12\",,,,\"x;\"\"y\"\"\",,,,,,,,,\n")
    #expect(rows[0]["id"] == "string \"p,1\"")
    #expect(rows[0]["name"] == "string \"a \\\"b\\\"\"")
    #expect(rows[0]["born"] == "int 12")
    #expect(rows[0]["tags"] == "[string \"x\", string \"\\\"y\\\"\"]")
  }

  @Test func badValuesNameFileLineAndColumn() {
    #expect(
      conversionError("p1,,1,,,,,,,,,,,,,\np2,,abc,,,,,,,,,,,,,\n")
        == "persons.csv, line 3: 'abc' is not an integer for column 'born:int'")
    #expect(
      conversionError("p1,,,tall,,,,,,,,,,,,\n")
        == "persons.csv, line 2: 'tall' is not a number for column 'height:float'")
    #expect(
      conversionError("p1,,,,yes,,,,,,,,,,,\n")
        == "persons.csv, line 2: 'yes' is not a boolean (true or false) for column 'alive:boolean'")
    #expect(
      conversionError("p1,,,,,ab,,,,,,,,,,\n")
        == "persons.csv, line 2: 'ab' is not a single character for column 'initial:char'")
    #expect(
      conversionError("p1,,,,,,,1;x;3,,,,,,,,\n")
        == "persons.csv, line 2: 'x' (element 2) is not an integer for column 'scores:long[]'")
    #expect(
      conversionError("p1,,,,,,,1;;3,,,,,,,,\n")
        == "persons.csv, line 2: '' (element 2) is not an integer for column 'scores:long[]'")
    #expect(
      conversionError(",,,,,,,,,,,,,,,\n") == "persons.csv, line 2: missing id in column 'id:ID'")
    #expect(
      conversionError("p1,,,,,,,,,,\n") == "persons.csv, line 2: expected 16 fields, found 11")
  }

  @Test func temporalColumnsRejectBadText() {
    #expect(
      conversionError("p1,,,,,,,,,,,2024-13-31,,,,\n")
        == "persons.csv, line 2: '2024-13-31' is not a date for column 'day:date'")
  }

  @Test func invalidUTF8InAStringColumn() throws {
    var bytes = Array("name\n".utf8)
    bytes += [0x41, 0xFF, 0x0A]
    var reader = try CSVReader(bytes: bytes, name: "p.csv")
    let header = try ImportHeader(reading: &reader, kind: .nodes)
    #expect(try reader.nextRecord())
    #expect(
      throws: CSVError(
        file: "p.csv", line: 2, kind: .invalidValue,
        reason: "'A\u{FFFD}' is not valid UTF-8 for column 'name'")
    ) { _ = try reader.propertyValue(for: header.columns[0]) }
  }

  @Test func integerIDsAndFastIntegerPath() throws {
    var reader = try CSVReader(
      bytes: Array(":START_ID,:END_ID,since:int\n 12,-3,2017\nx,4,\n".utf8), name: "knows.csv")
    let header = try ImportHeader(reading: &reader, kind: .relationships)
    guard let start = header.startIDColumn, let end = header.endIDColumn,
      let since = header.propertyColumns.first
    else {
      Issue.record("header columns missing")
      return
    }
    #expect(try reader.nextRecord())
    #expect(try reader.idValue(for: start, type: .integer) == .int(12))
    #expect(try reader.idValue(for: end, type: .integer) == .int(-3))
    #expect(try reader.integerProperty(for: since) == 2017)
    #expect(try reader.nextRecord())
    #expect(try reader.integerProperty(for: since) == nil)
    #expect(
      throws: CSVError(
        file: "knows.csv", line: 3, kind: .invalidValue,
        reason: "'x' is not an integer id (--id-type integer) for column ':START_ID'")
    ) { _ = try reader.idValue(for: start, type: .integer) }
    #expect(try reader.idValue(for: start, type: .string) == .string("x"))
  }

  @Test func nonPropertyColumnsHaveNoPropertyValue() throws {
    var reader = try CSVReader(bytes: Array("id:ID,:LABEL,x:IGNORE\n1,A,z\n".utf8), name: "n.csv")
    let header = try ImportHeader(reading: &reader, kind: .nodes)
    #expect(try reader.nextRecord())
    for column in header.columns {
      let value = try reader.propertyValue(for: column)
      #expect(value == nil)
    }
  }
}
