import KizunaStore
import Testing

@Suite struct CSVReaderErrorTests {
  @Test func unterminatedQuoteNamesTheLineWhereItStarts() {
    let text = "id,name\n1,ok\n2,\"never closed\n3,x\n"
    #expect(csvErrorMessage(text) == "test.csv, line 3, column 2: unterminated quoted field starting here")
    #expect(csvError(bytes: Array(text.utf8))?.kind == .unterminatedQuote)
  }

  @Test func unterminatedQuoteAfterMultiLineField() {
    let text = "\"a\nb\"\n\"c\n"
    #expect(csvErrorMessage(text) == "test.csv, line 3, column 1: unterminated quoted field starting here")
  }

  @Test func quoteInsideUnquotedField() {
    let error = csvError(bytes: Array("a,b\n1,x\"y\"\n".utf8))
    #expect(error?.kind == .quoteInUnquotedField)
    #expect(
      error?.description
        == "test.csv, line 2, column 2: a quote inside an unquoted field; "
        + "quote the whole field and double the inner quotes")
  }

  @Test func spaceBeforeOpeningQuoteIsAnUnquotedField() {
    #expect(csvError(bytes: Array("a, \"b\"\n".utf8))?.kind == .quoteInUnquotedField)
  }

  @Test func garbageAfterClosingQuote() {
    #expect(
      csvErrorMessage("\"ab\"c,d\n")
        == "test.csv, line 1, column 1: unexpected 'c' after the closing quote of a quoted field")
    #expect(
      csvErrorMessage("x,\"ab\" \n")
        == "test.csv, line 1, column 2: unexpected space after the closing quote of a quoted field")
  }

  @Test func invalidUTF8IsReportedWhenReadAsString() throws {
    var reader = try CSVReader(bytes: [0x61, 0x2C, 0xC3, 0x28, 0x0A], name: "bad.csv")
    #expect(try reader.nextRecord())
    #expect(try reader.string(0) == "a")
    do {
      _ = try reader.string(1)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "bad.csv, line 1, column 2: field 2 is not valid UTF-8")
      #expect(error.kind == .invalidUTF8)
    }
  }

  @Test func numberErrorsQuoteTheField() throws {
    var reader = try CSVReader(bytes: Array("h\nabc,,1.5,yes\n".utf8), name: "n.csv")
    #expect(try reader.nextRecord())
    #expect(try reader.nextRecord())
    #expect(
      throws: CSVError(
        file: "n.csv", line: 2, column: 1, kind: .invalidValue, reason: "'abc' is not an integer")
    ) {
      try reader.int64(0)
    }
    #expect(
      throws: CSVError(
        file: "n.csv", line: 2, column: 2, kind: .invalidValue, reason: "an empty field is not an integer")
    ) { try reader.int64(1) }
    #expect(
      throws: CSVError(
        file: "n.csv", line: 2, column: 3, kind: .invalidValue, reason: "'1.5' is not an integer")
    ) { try reader.int64(2) }
    #expect(
      throws: CSVError(
        file: "n.csv", line: 2, column: 1, kind: .invalidValue, reason: "'abc' is not a number")
    ) { try reader.double(0) }
    #expect(
      throws: CSVError(
        file: "n.csv", line: 2, column: 4, kind: .invalidValue,
        reason: "'yes' is not a boolean (true or false)")
    ) { try reader.bool(3) }
  }

  @Test func errorStaysOnTheBadRecord() throws {
    var reader = try CSVReader(bytes: Array("ok\n\"bad\"x\n".utf8), name: "t.csv")
    #expect(try reader.nextRecord())
    #expect(throws: CSVError.self) { try reader.nextRecord() }
    #expect(throws: CSVError.self) { try reader.nextRecord() }
  }

  @Test func descriptionWithoutColumnOrLine() {
    #expect(
      CSVError(file: "f.csv", line: 9, kind: .fieldCount, reason: "r").description == "f.csv, line 9: r")
    #expect(CSVError(file: "f.csv", line: 0, kind: .io, reason: "r").description == "f.csv: r")
  }
}
