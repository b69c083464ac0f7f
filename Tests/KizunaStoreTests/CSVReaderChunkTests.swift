import KizunaStore
import Testing

/// Records cut by the end of a chunk must read exactly like whole ones. Every
/// chunk size from 1 up puts a boundary at every offset of the input (the
/// first read fills exactly one chunk), including between the two quotes of
/// a `""` escape and between the CR and LF of a CRLF.
@Suite struct CSVReaderChunkTests {
  static let tricky =
    "\u{FEFF}id:ID,name,note\r\n"
    + "1,\"Hà Nội\",\"say \"\"hi\"\"\"\r\n"
    + "2,東京,\"multi\r\nline, with comma\"\r\n"
    + "\r\n"
    + "3,,\"\"\"\"\n"
    + "4,plain,\"\"\r"
    + "5,\"a\"\"\",end"

  static let expected: [CSVTestRecord] = [
    .init(line: 1, fields: ["id:ID", "name", "note"]),
    .init(line: 2, fields: ["1", "Hà Nội", "say \"hi\""]),
    .init(line: 3, fields: ["2", "東京", "multi\r\nline, with comma"]),
    .init(line: 6, fields: ["3", "", "\""]),
    .init(line: 7, fields: ["4", "plain", ""]),
    .init(line: 8, fields: ["5", "a\"", "end"]),
  ]

  @Test func wholeInputReadsAsExpected() throws {
    #expect(try csvRecords(Self.tricky) == Self.expected)
  }

  @Test func everyChunkSizeReadsTheSame() throws {
    for chunkSize in 1...(Self.tricky.utf8.count + 1) {
      let records = try csvRecords(Self.tricky, chunkSize: chunkSize)
      #expect(records == Self.expected, "chunk size \(chunkSize)")
    }
  }

  @Test func escapedQuoteSplitAcrossChunks() throws {
    // "ab""c": the boundary after 4 bytes falls between the two quotes.
    let text = "\"ab\"\"c\",x\n"
    #expect(try csvRecords(text, chunkSize: 4).map(\.fields) == [["ab\"c", "x"]])
  }

  @Test func crlfSplitAcrossChunks() throws {
    // The boundary after 4 bytes falls between CR and LF, outside and inside quotes.
    #expect(try csvRecords("a,b\r\nc,d\r\n", chunkSize: 4).map(\.line) == [1, 2])
    let quoted = try csvRecords("\"a\r\nb\",c\r\nd\n", chunkSize: 3)
    #expect(quoted == [.init(line: 1, fields: ["a\r\nb", "c"]), .init(line: 3, fields: ["d"])])
  }

  @Test func recordLongerThanChunkGrowsBuffer() throws {
    let long = String(repeating: "x", count: 10_000)
    let text = "a,\"\(long)\"\"\(long)\"\n\(long),b\n"
    let records = try csvRecords(text, chunkSize: 64)
    #expect(records.map(\.fields) == [["a", long + "\"" + long], [long, "b"]])
  }

  @Test func manyFieldsInOneRecord() throws {
    let fields = (0..<1000).map(String.init)
    let records = try csvRecords(fields.joined(separator: ",") + "\n", chunkSize: 7)
    #expect(records.map(\.fields) == [fields])
  }

  @Test func errorsAreTheSameForEveryChunkSize() {
    let unterminated = "a\nb,\"open\nstill open"
    let garbage = "a\n\"x\n\"y,z\n"
    for chunkSize in 1...24 {
      #expect(
        csvErrorMessage(unterminated, chunkSize: chunkSize)
          == "test.csv, line 2, column 2: unterminated quoted field starting here")
      #expect(
        csvErrorMessage(garbage, chunkSize: chunkSize)
          == "test.csv, line 3, column 1: unexpected 'y' after the closing quote of a quoted field")
    }
  }
}
