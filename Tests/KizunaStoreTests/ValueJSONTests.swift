import KizunaStore
import Testing

/// A resolver over fixed snapshots, for encoding entities.
struct FixedResolver: EntityResolver {
  var nodes: [NodeID: NodeSnapshot] = [:]
  var relationships: [RelationshipID: RelationshipSnapshot] = [:]
  func nodeSnapshot(_ id: NodeID) -> NodeSnapshot? { nodes[id] }
  func relationshipSnapshot(_ id: RelationshipID) -> RelationshipSnapshot? { relationships[id] }

  static let sample = FixedResolver(
    nodes: [
      12: NodeSnapshot(id: 12, labels: ["Person"], properties: ["name": .string("Vo Van Thuong")]),
      15: NodeSnapshot(id: 15, labels: ["Person"], properties: ["name": .string("Fumio Kishida")]),
    ],
    relationships: [
      7: RelationshipSnapshot(
        id: 7, type: "MET", start: 12, end: 15, properties: ["date": .date(CypherDate(epochDay: 19_688))])
    ])
}

@Test func integersHaveNoPointAndFloatsAlwaysDo() {
  #expect(Value.int(42).jsonText() == "42")
  #expect(Value.int(-9_223_372_036_854_775_808).jsonText() == "-9223372036854775808")
  #expect(Value.float(1).jsonText() == "1.0")
  #expect(Value.float(2.5e-7).jsonText() == "2.5e-07")
  #expect(Value.float(0.1).jsonText() == "0.1")
  #expect(Value.float(1e20).jsonText() == "1e+20")
  #expect(Value.float(.nan).jsonText() == #"{"~float":"NaN"}"#)
  #expect(Value.float(.infinity).jsonText() == #"{"~float":"Infinity"}"#)
  #expect(Value.float(-.infinity).jsonText() == #"{"~float":"-Infinity"}"#)
}

@Test func stringsEscapeQuotesBackslashesAndControlsButKeepUnicode() {
  let text = Value.string("a\"b\\c\nd\u{01}Hà Nội 東京").jsonText()
  #expect(text == #""a\"b\\c\nd\u0001Hà Nội 東京""#)
}

@Test func mapsAreWrittenWithSortedKeys() {
  let value = Value.map(["b": .int(1), "a": .list([.null, .bool(true)]), "c": .string("x")])
  #expect(value.jsonText() == #"{"a":[null,true],"b":1,"c":"x"}"#)
}

@Test func temporalsUseTaggedISOText() {
  #expect(Value.date(CypherDate(epochDay: 19_688)).jsonText() == #"{"~date":"2023-11-27"}"#)
  #expect(Value.date(CypherDate(epochDay: -719_529)).jsonText() == #"{"~date":"-0001-12-31"}"#)
  let noon = CypherLocalTime(nanoOfDay: 12 * 3600 * 1_000_000_000)
  #expect(Value.localTime(noon).jsonText() == #"{"~localtime":"12:00"}"#)
  let fraction = CypherLocalTime(nanoOfDay: (12 * 3600 + 1) * 1_000_000_000 + 500_000_000)
  #expect(Value.localTime(fraction).jsonText() == #"{"~localtime":"12:00:01.500"}"#)
  #expect(
    Value.time(CypherTime(nanoOfDay: noon.nanoOfDay, offsetSeconds: 3600)).jsonText()
      == #"{"~time":"12:00+01:00"}"#)
  let local = CypherLocalDateTime(date: CypherDate(epochDay: 19_688), time: noon)
  #expect(Value.localDateTime(local).jsonText() == #"{"~localdatetime":"2023-11-27T12:00"}"#)
  let zoned = CypherDateTime(local: local, offsetSeconds: 32_400, zoneName: "Asia/Tokyo")
  #expect(Value.dateTime(zoned).jsonText() == #"{"~datetime":"2023-11-27T12:00+09:00[Asia/Tokyo]"}"#)
  let duration = CypherDuration(months: 14, days: 3, seconds: 3_723, nanoseconds: 500_000_000)
  #expect(Value.duration(duration).jsonText() == #"{"~duration":"P1Y2M3DT1H2M3.5S"}"#)
  #expect(
    Value.duration(CypherDuration(months: 0, days: 0, seconds: 0, nanoseconds: 0)).jsonText()
      == #"{"~duration":"PT0S"}"#)
  #expect(
    Value.duration(CypherDuration(months: 0, days: 0, seconds: -1, nanoseconds: 500_000_000)).jsonText()
      == #"{"~duration":"PT-0.5S"}"#)
}

@Test func graphEntitiesAreResolved() {
  let resolver = FixedResolver.sample
  #expect(
    Value.node(12).jsonText(resolver: resolver)
      == #"{"~node":{"id":12,"labels":["Person"],"properties":{"name":"Vo Van Thuong"}}}"#)
  #expect(
    Value.relationship(7).jsonText(resolver: resolver)
      == #"{"~relationship":{"id":7,"type":"MET","start":12,"end":15,"properties":{"date":{"~date":"2023-11-27"}}}}"#
  )
  let path = Value.path(PathValue(nodes: [12, 15], relationships: [7]))
  let text = path.jsonText(resolver: resolver)
  #expect(text.hasPrefix(#"{"~path":[{"~node":{"id":12"#))
  #expect(text.contains(#"},{"~relationship":{"id":7"#))
  #expect(text.hasSuffix(#"{"~node":{"id":15,"labels":["Person"],"properties":{"name":"Fumio Kishida"}}}]}"#))
}

@Test func appendJSONExtendsTheBuffer() {
  var buffer = Array("[".utf8)
  Value.int(1).appendJSON(to: &buffer)
  #expect(String(decoding: buffer, as: UTF8.self) == "[1")
}

@Test func decodingReadsNumbersByTheirShape() throws {
  #expect(try Value.fromJSON("42") == .int(42))
  #expect(try Value.fromJSON("-0") == .int(0))
  if case .float(let d) = try Value.fromJSON("1.0") { #expect(d == 1) } else { Issue.record("not float") }
  if case .float(let d) = try Value.fromJSON("25E-8") {
    #expect(d == 2.5e-7)
  } else {
    Issue.record("not float")
  }
  if case .float(let d) = try Value.fromJSON(#"{"~float":"NaN"}"#) {
    #expect(d.isNaN)
  } else {
    Issue.record("not float")
  }
}

@Test func decodingRoundTripsEveryStorableValue() throws {
  let values: [Value] = [
    .null, .bool(false), .int(.max), .int(.min), .float(0.1), .float(-1e300), .float(.infinity),
    .string("tab\t quote\" 東京 😀"), .list([.int(1), .list([])]),
    .map(["name": .string("Hà Nội"), "since": .int(2013), "empty": .map([:])]),
    .date(CypherDate(epochDay: -800_000)),
    .localTime(CypherLocalTime(nanoOfDay: 45_296_000_000_123)),
    .time(CypherTime(nanoOfDay: 1_000_000_000, offsetSeconds: -(5 * 3600 + 30 * 60 + 15))),
    .localDateTime(CypherLocalDateTime(date: CypherDate(epochDay: 0), time: CypherLocalTime(nanoOfDay: 0))),
    .dateTime(
      CypherDateTime(
        local: CypherLocalDateTime(date: CypherDate(epochDay: 19_000), time: CypherLocalTime(nanoOfDay: 7)),
        offsetSeconds: 0, zoneName: "UTC")),
    .duration(CypherDuration(months: -25, days: 40, seconds: -90_061, nanoseconds: 1)),
  ]
  for value in values {
    let decoded = try Value.fromJSON(value.jsonText())
    #expect(decoded == value, "\(value.jsonText())")
    #expect(decoded.jsonText() == value.jsonText())
  }
}

@Test func decodingHandlesEscapesAndSurrogatePairs() throws {
  #expect(try Value.fromJSON(#" "a\u00e0\n\ud83d\ude00\/" "#) == .string("aà\n😀/"))
  #expect(try Value.fromJSON(#"{"~other":"x"}"#) == .map(["~other": .string("x")]))
}

@Test func decodingErrorsNameTheLineAndColumn() {
  #expect(throws: JSONDecodingError.self) { try Value.fromJSON("") }
  do {
    _ = try Value.fromJSON("{\n  \"a\": 1,\n  \"b\" 2\n}")
    Issue.record("expected an error")
  } catch {
    #expect(error.line == 3)
    #expect(error.column == 7)
    #expect(error.description.contains("line 3"))
  }
  for bad in [
    "[1,]", "01", "\"abc", "tru", "1 2", #"{"~node":{}}"#, #"{"~date":"2023-02-30"}"#, "99999999999999999999",
  ] {
    #expect(throws: JSONDecodingError.self, "\(bad)") { try Value.fromJSON(bad) }
  }
}

@Test func malformedPathsAreWrittenWithoutReadingPastTheirEnd() {
  let resolver = FixedResolver.sample
  // Three nodes but one relationship: written up to where they alternate.
  let short = Value.path(PathValue(nodes: [12, 15, 12], relationships: [7]))
  let text = short.jsonText(resolver: resolver)
  #expect(text.hasPrefix(#"{"~path":[{"~node":{"id":12"#))
  #expect(text.components(separatedBy: "~node").count == 3)
  #expect(text.hasSuffix("}}]}"))
  #expect(short.cypherDisplay(resolver: resolver).components(separatedBy: "(:Person").count == 3)
  #expect(Value.path(PathValue(nodes: [12], relationships: [7, 7])).jsonText(resolver: resolver).count > 0)
}

@Test func temporalTextFollowsTheTemporalFormatters() throws {
  // The same text as Cypher's own formatting, and the same parsers as
  // `datetime('...')`: named zones are resolved, not just kept.
  let zoned = try CypherDateTime.parse("2015-07-21T20:40:32.142+01:00[Europe/London]")
  #expect(Value.dateTime(zoned).jsonText() == #"{"~datetime":"\#(zoned.description)"}"#)
  #expect(
    try Value.fromJSON(#"{"~datetime":"2015-07-21T20:40:32.142+01:00[Europe/London]"}"#) == .dateTime(zoned))
  #expect(throws: JSONDecodingError.self) {
    try Value.fromJSON(#"{"~datetime":"2015-07-21T20:40[Nowhere/Zone]"}"#)
  }
  let duration = try CypherDuration.parse("P1Y2M3DT4H5M6.5S")
  #expect(try Value.fromJSON(#"{"~duration":"P1Y2M3DT4H5M6.5S"}"#) == .duration(duration))
  #expect(Value.duration(duration).cypherLiteral == "duration('\(duration.description)')")
}
