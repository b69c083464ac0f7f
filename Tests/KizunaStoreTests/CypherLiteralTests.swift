import KizunaStore
import Testing

@Test func literalsQuoteAndEscapeStrings() {
  #expect(Value.string("it's a \\ \"test\"\n").cypherLiteral == #"'it\'s a \\ "test"\n'"#)
  #expect(Value.string("Hà Nội\u{01}").cypherLiteral == #"'Hà Nội\u0001'"#)
}

@Test func literalsWriteNumbersThatReadBackAsTheSameType() {
  #expect(Value.int(42).cypherLiteral == "42")
  #expect(Value.int(.min).cypherLiteral == "(-9223372036854775807 - 1)")
  #expect(Value.float(1).cypherLiteral == "1.0")
  #expect(Value.float(1e20).cypherLiteral == "1e20")
  #expect(Value.float(2.5e-7).cypherLiteral == "2.5e-07")
  #expect(Value.float(.nan).cypherLiteral == "(0.0 / 0.0)")
  #expect(Value.float(-.infinity).cypherLiteral == "(-1.0 / 0.0)")
}

@Test func literalsWriteCollectionsAndEscapeKeys() {
  let value = Value.map(["plain_key": .list([.int(1), .null]), "odd key": .bool(true), "a`b": .map([:])])
  #expect(value.cypherLiteral == "{`a``b`: {}, `odd key`: true, plain_key: [1, null]}")
  #expect(CypherText.identifier("Person") == "Person")
  #expect(CypherText.identifier("1st") == "`1st`")
  #expect(CypherText.identifier("") == "``")
}

@Test func literalsWriteTemporalsAsConstructorCalls() {
  #expect(Value.date(CypherDate(epochDay: 19_688)).cypherLiteral == "date('2023-11-27')")
  #expect(
    Value.duration(CypherDuration(months: 1, days: 0, seconds: 0, nanoseconds: 0)).cypherLiteral
      == "duration('P1M')")
}

@Test func entitiesHaveNoLiteral() {
  #expect(Value.node(1).cypherLiteral == nil)
  #expect(Value.list([.relationship(1)]).cypherLiteral == nil)
}

@Test func displayFollowsCypherShell() {
  #expect(Value.string("x \"y\"").cypherDisplay() == #""x \"y\"""#)
  #expect(Value.null.cypherDisplay() == "NULL")
  #expect(Value.bool(true).cypherDisplay() == "TRUE")
  #expect(Value.float(1).cypherDisplay() == "1.0")
  #expect(Value.float(1e7).cypherDisplay() == "1.0E7")
  #expect(Value.float(2.5e-7).cypherDisplay() == "2.5E-7")
  #expect(Value.float(-123_456_789.5).cypherDisplay() == "-1.234567895E8")
  #expect(Value.float(0.001).cypherDisplay() == "0.001")
  #expect(Value.float(.nan).cypherDisplay() == "NaN")
  #expect(Value.map(["b": .int(1), "a": .list([.string("s")])]).cypherDisplay() == #"{a: ["s"], b: 1}"#)
}

@Test func displayShowsEntitiesThroughTheResolver() {
  let resolver = FixedResolver.sample
  #expect(Value.node(12).cypherDisplay(resolver: resolver) == #"(:Person {name: "Vo Van Thuong"})"#)
  #expect(Value.relationship(7).cypherDisplay(resolver: resolver) == "[:MET {date: 2023-11-27}]")
  #expect(Value.node(99).cypherDisplay(resolver: resolver) == "(#99)")
  let forwards = Value.path(PathValue(nodes: [12, 15], relationships: [7]))
  #expect(
    forwards.cypherDisplay(resolver: resolver)
      == #"(:Person {name: "Vo Van Thuong"})-[:MET {date: 2023-11-27}]->(:Person {name: "Fumio Kishida"})"#)
  let backwards = Value.path(PathValue(nodes: [15, 12], relationships: [7]))
  #expect(backwards.cypherDisplay(resolver: resolver).contains(")<-[:MET {date: 2023-11-27}]-("))
}
