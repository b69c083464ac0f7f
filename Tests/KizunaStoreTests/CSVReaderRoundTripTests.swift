import KizunaStore
import Testing

/// Writes random records the RFC 4180 way and reads them back at many chunk
/// sizes: a differential check of everything the reader handles at once.
@Suite struct CSVReaderRoundTripTests {
  /// SplitMix64: deterministic, so a failure reproduces.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  static let pieces = ["a", "7", " ", ",", "\"", "\n", "\r\n", "\r", "Hà", "東京", "-12", "x y"]

  private func randomField(_ generator: inout Generator) -> String {
    (0..<generator.next(5)).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
  }

  private func encode(_ field: String, forceQuotes: Bool) -> String {
    let special = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard special || forceQuotes else { return field }
    return "\"" + field.replacingQuotes() + "\""
  }

  @Test func randomRecordsReadBackExactly() throws {
    var generator = Generator(state: 2024)
    for _ in 0..<150 {
      var text = generator.next(2) == 0 ? "" : "\u{FEFF}"
      var expected: [CSVTestRecord] = []
      var line = 1
      for _ in 0..<(1 + generator.next(8)) {
        let fields = (0..<(1 + generator.next(4))).map { _ in randomField(&generator) }
        // A lone empty unquoted field would be a blank line, which is skipped.
        let encoded = fields.map {
          encode($0, forceQuotes: fields.count == 1 && $0.isEmpty || generator.next(4) == 0)
        }
        expected.append(CSVTestRecord(line: line, fields: fields))
        let ending = ["\n", "\r\n", "\r"][generator.next(3)]
        text += encoded.joined(separator: ",") + ending
        line += 1 + fields.map(\.lineBreakCount).reduce(0, +)
      }
      if generator.next(2) == 0, let last = text.unicodeScalars.last, last == "\n" || last == "\r" {
        // Sometimes no line end after the last record.
        text = String(text.unicodeScalars.dropLast(text.hasSuffix("\r\n") ? 2 : 1))
      }
      for chunkSize in [1, 2, 3, 5, 8, 13, 64, 1 << 20] {
        let records = try csvRecords(text, chunkSize: chunkSize)
        #expect(records == expected, "chunk size \(chunkSize) for \(text.debugDescription)")
      }
    }
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var result = ""
    for scalar in unicodeScalars {
      if scalar == "\"" { result += "\"\"" } else { result.unicodeScalars.append(scalar) }
    }
    return result
  }

  /// Line breaks as the reader counts them: LF, CRLF and lone CR each count once.
  fileprivate var lineBreakCount: Int {
    let scalars = Array(unicodeScalars)
    var count = 0
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\n" { count += 1 }
      if scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n") { count += 1 }
    }
    return count
  }
}
