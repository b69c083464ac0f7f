import KizunaStore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct CSVReaderTests {
  @Test func readsSimpleRecordsWithLineNumbers() throws {
    let records = try csvRecords("a,b,c\n1,2,3\n")
    #expect(records == [.init(line: 1, fields: ["a", "b", "c"]), .init(line: 2, fields: ["1", "2", "3"])])
  }

  @Test func lastRecordNeedsNoTrailingNewline() throws {
    #expect(
      try csvRecords("a,b\n1,2") == [
        .init(line: 1, fields: ["a", "b"]), .init(line: 2, fields: ["1", "2"]),
      ])
  }

  @Test func acceptsCRLFAndLoneCR() throws {
    let records = try csvRecords("a,b\r\n1,2\r\n3,4\r5,6\r")
    #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    #expect(records.map(\.line) == [1, 2, 3, 4])
  }

  @Test func emptyFieldsAnywhere() throws {
    #expect(try csvRecords(",a,,\n,\n").map(\.fields) == [["", "a", "", ""], ["", ""]])
  }

  @Test func emptyInputHasNoRecords() throws {
    #expect(try csvRecords("").isEmpty)
    #expect(try csvRecords("\n\r\n").isEmpty)
    #expect(try csvRecords("\u{FEFF}").isEmpty)
  }

  @Test func skipsBlankLinesButCountsThem() throws {
    let records = try csvRecords("a\n\n\r\nb\n\n")
    #expect(records == [.init(line: 1, fields: ["a"]), .init(line: 4, fields: ["b"])])
  }

  @Test func skipsByteOrderMark() throws {
    let records = try csvRecords("\u{FEFF}id:ID,name\n1,x\n")
    #expect(records.first?.fields == ["id:ID", "name"])
  }

  @Test func byteOrderMarkOnlyAtStart() throws {
    // A BOM later in the file is content, not skipped.
    #expect(try csvRecords("a\n\u{FEFF}b\n").map(\.fields) == [["a"], ["\u{FEFF}b"]])
  }

  @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
    let text = "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"crlf\r\ninside\",\"\"\n"
    let records = try csvRecords(text)
    #expect(records.map(\.fields) == [["a,b", "say \"hi\"", "two\nlines", "crlf\r\ninside", ""]])
  }

  @Test func quotedFieldMadeOfQuotes() throws {
    #expect(try csvRecords("\"\"\"\"\n\"\"\"\"\"\"\n").map(\.fields) == [["\""], ["\"\""]])
  }

  @Test func lineNumbersCountNewlinesInsideQuotes() throws {
    let text = "h1,h2\n\"a\nb\nc\",1\nx,\"\r\n\"\n\"lone\rcr\",2\nlast,3\n"
    let records = try csvRecords(text)
    // A lone CR is a line break too (as outside quotes), so "lone\rcr" spans lines 7 and 8.
    #expect(records.map(\.line) == [1, 2, 5, 7, 9])
    #expect(records[3].fields == ["lone\rcr", "2"])
  }

  @Test func quotedThenLineEndVariants() throws {
    #expect(try csvRecords("\"a\"\r\n\"b\"\r\"c\"").map(\.fields) == [["a"], ["b"], ["c"]])
  }

  @Test func unicodeContent() throws {
    let records = try csvRecords("name,city\nHồ Chí Minh,Hà Nội\n\"山田, 太郎\",東京\n")
    #expect(records.map(\.fields) == [["name", "city"], ["Hồ Chí Minh", "Hà Nội"], ["山田, 太郎", "東京"]])
  }

  @Test func configurableDelimiter() throws {
    let records = try csvRecords("a\tb,c\t\"d\te\"\n", delimiter: UInt8(ascii: "\t"))
    #expect(records.map(\.fields) == [["a", "b,c", "d\te"]])
    let semicolons = try csvRecords("a;b;;c\n", delimiter: UInt8(ascii: ";"))
    #expect(semicolons.map(\.fields) == [["a", "b", "", "c"]])
  }

  @Test func rejectsUnusableDelimiter() {
    #expect(throws: CSVError.self) {
      _ = try CSVReader(bytes: [], name: "x.csv", delimiter: UInt8(ascii: "\""))
    }
    #expect(throws: CSVError.self) {
      _ = try CSVReader(bytes: [], name: "x.csv", delimiter: UInt8(ascii: "\n"))
    }
  }

  @Test func distinguishesQuotedEmptyFromMissing() throws {
    var reader = try CSVReader(bytes: Array("a,,\"\",\"x\"\n".utf8), name: "t.csv")
    #expect(try reader.nextRecord())
    #expect(reader.fieldCount == 4)
    #expect(!reader.isEmpty(0) && !reader.isQuoted(0) && !reader.isMissing(0))
    #expect(reader.isEmpty(1) && !reader.isQuoted(1) && reader.isMissing(1))
    #expect(reader.isEmpty(2) && reader.isQuoted(2) && !reader.isMissing(2))
    let lastQuoted = reader.isQuoted(3)
    #expect(lastQuoted)
    // Past the last field: empty, never a trap.
    #expect(reader.isMissing(9) && reader.withField(9) { $0.count } == 0)
    #expect(try !reader.nextRecord())
    #expect(reader.fieldCount == 0)
  }

  @Test func typedAccessors() throws {
    var reader = try CSVReader(bytes: Array(" -42 ,3.5,TRUE,false,\"7\",x\n".utf8), name: "t.csv")
    #expect(try reader.nextRecord())
    #expect(try reader.int64(0) == -42)
    #expect(try reader.double(1) == 3.5)
    #expect(try reader.bool(2) == true)
    #expect(try reader.bool(3) == false)
    #expect(try reader.int64(4) == 7)
    #expect(reader.withField(5) { Array($0) } == [UInt8(ascii: "x")])
    #expect(throws: CSVError.self) { try reader.int64(5) }
  }

  @Test func readsFromFile() throws {
    let path = "/tmp/kizuna-csv-test-\(getpid()).csv"
    let text = "\u{FEFF}id:ID,name\r\n1,\"Hà Nội\"\r\n2,東京\r\n"
    guard let file = fopen(path, "w") else {
      Issue.record("cannot create \(path)")
      return
    }
    fputs(text, file)
    fclose(file)
    defer { unlink(path) }
    var reader = try CSVReader(path: path, name: "cities.csv", chunkSize: 5)
    var rows: [[String]] = []
    while try reader.nextRecord() {
      rows.append(try (0..<reader.fieldCount).map { try reader.string($0) })
    }
    #expect(rows == [["id:ID", "name"], ["1", "Hà Nội"], ["2", "東京"]])
  }

  @Test func missingFileNamesTheFile() {
    #expect(throws: CSVError.self) { _ = try CSVReader(path: "/nonexistent/dir/people.csv") }
    do {
      _ = try CSVReader(path: "/nonexistent/dir/people.csv")
    } catch {
      #expect(error.description.hasPrefix("/nonexistent/dir/people.csv: cannot open file: "))
      #expect(error.kind == .io)
    }
  }
}

// Helpers shared by the CSV test files.

/// One record as the tests see it.
struct CSVTestRecord: Equatable, CustomStringConvertible {
  var line: Int
  var fields: [String]
  var description: String { "\(line): \(fields)" }
}

/// Reads every record of `text` with the given chunk size.
func csvRecords(
  _ text: String, chunkSize: Int = CSVReader.defaultChunkSize, delimiter: UInt8 = UInt8(ascii: ",")
) throws -> [CSVTestRecord] {
  try csvRecords(bytes: Array(text.utf8), chunkSize: chunkSize, delimiter: delimiter)
}

func csvRecords(
  bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize, delimiter: UInt8 = UInt8(ascii: ",")
) throws -> [CSVTestRecord] {
  var reader = try CSVReader(bytes: bytes, name: "test.csv", delimiter: delimiter, chunkSize: chunkSize)
  var records: [CSVTestRecord] = []
  while try reader.nextRecord() {
    var fields: [String] = []
    for index in 0..<reader.fieldCount { fields.append(try reader.string(index)) }
    records.append(CSVTestRecord(line: reader.line, fields: fields))
  }
  return records
}

/// The error reading `text` throws, as its description; nil when it reads cleanly.
func csvErrorMessage(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) -> String? {
  csvError(bytes: Array(text.utf8), chunkSize: chunkSize)?.description
}

func csvError(bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) -> CSVError? {
  do {
    _ = try csvRecords(bytes: bytes, chunkSize: chunkSize)
    return nil
  } catch let error as CSVError {
    return error
  } catch {
    return nil
  }
}
