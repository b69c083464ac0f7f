import Testing

@testable import KizunaStore

// openCypher TCK Temporal10 (durations between two temporal values).

@Suite struct TemporalBetweenTests {
  static let operands = [
    "date('1984-10-11')", "localtime('14:30')", "time('14:30')", "localdatetime('2015-07-21T21:40:32.142')",
    "datetime('2014-07-21T21:40:36.143+0200')",
  ]
  static let targets = [
    "date('2015-06-24')", "localdatetime('2016-07-21T21:45:22.142')",
    "datetime('2015-07-21T21:40:32.142+0100')",
    "localtime('16:30')", "time('16:30+0100')",
  ]

  /// The TCK's expected results, row by row: operand, target, between,
  /// inMonths, inDays, inSeconds. Rows the TCK leaves out are marked nil.
  static let table: [(Int, Int, String, String, String, String)] = [
    (0, 0, "P30Y8M13D", "P30Y8M", "P11213D", "PT269112H"),
    (0, 1, "P31Y9M10DT21H45M22.142S", "P31Y9M", "P11606D", "PT278565H45M22.142S"),
    (0, 2, "P30Y9M10DT21H40M32.142S", "P30Y9M", "P11240D", "PT269781H40M32.142S"),
    (0, 3, "PT16H30M", "PT0S", "PT0S", "PT16H30M"), (0, 4, "PT16H30M", "PT0S", "PT0S", "PT16H30M"),
    (1, 0, "PT-14H-30M", "PT0S", "PT0S", "PT-14H-30M"),
    (1, 1, "PT7H15M22.142S", "PT0S", "PT0S", "PT7H15M22.142S"),
    (1, 2, "PT7H10M32.142S", "PT0S", "PT0S", "PT7H10M32.142S"), (1, 3, "PT2H", "", "", "PT2H"),
    (1, 4, "PT2H", "", "", "PT2H"), (2, 0, "PT-14H-30M", "PT0S", "PT0S", "PT-14H-30M"),
    (2, 1, "PT7H15M22.142S", "PT0S", "PT0S", "PT7H15M22.142S"),
    (2, 2, "PT6H10M32.142S", "PT0S", "PT0S", "PT6H10M32.142S"), (2, 3, "PT2H", "", "", "PT2H"),
    (2, 4, "PT1H", "", "", "PT1H"), (3, 0, "P-27DT-21H-40M-32.142S", "PT0S", "P-27D", "PT-669H-40M-32.142S"),
    (3, 1, "P1YT4M50S", "P1Y", "P366D", "PT8784H4M50S"), (3, 2, "PT0S", "PT0S", "PT0S", "PT0S"),
    (3, 3, "PT-5H-10M-32.142S", "PT0S", "PT0S", "PT-5H-10M-32.142S"),
    (3, 4, "PT-5H-10M-32.142S", "PT0S", "PT0S", "PT-5H-10M-32.142S"),
    (4, 0, "P11M2DT2H19M23.857S", "P11M", "P337D", "PT8090H19M23.857S"),
    (4, 1, "P2YT4M45.999S", "P2Y", "P731D", "PT17544H4M45.999S"),
    (4, 2, "P1YT59M55.999S", "P1Y", "P365D", "PT8760H59M55.999S"),
    (4, 3, "PT-5H-10M-36.143S", "PT0S", "PT0S", "PT-5H-10M-36.143S"),
    (4, 4, "PT-4H-10M-36.143S", "PT0S", "PT0S", "PT-4H-10M-36.143S"),
  ]

  @Test(arguments: table)
  func computesDurationsBetween(row: (Int, Int, String, String, String, String)) throws {
    let (lhs, rhs, between, months, days, seconds) = row
    let pair = "(\(Self.operands[lhs]), \(Self.targets[rhs]))"
    #expect(try show("duration.between" + pair) == between)
    if !months.isEmpty { #expect(try show("duration.inMonths" + pair) == months) }
    if !days.isEmpty { #expect(try show("duration.inDays" + pair) == days) }
    #expect(try show("duration.inSeconds" + pair) == seconds)
  }

  @Test(arguments: [
    ("localdatetime('2018-01-01T12:00')", "localdatetime('2018-01-02T10:00')", "PT22H", 0, 79200, 0),
    ("localdatetime('2018-01-02T10:00')", "localdatetime('2018-01-01T12:00')", "PT-22H", 0, -79200, 0),
    (
      "localdatetime('2018-01-01T10:00:00.2')", "localdatetime('2018-01-02T10:00:00.1')", "PT23H59M59.9S", 0,
      86399, 900_000_000
    ),
    (
      "localdatetime('2018-01-02T10:00:00.1')", "localdatetime('2018-01-01T10:00:00.2')", "PT-23H-59M-59.9S",
      0, -86400, 100_000_000
    ),
    (
      "datetime('2017-10-28T23:00+02:00[Europe/Stockholm]')",
      "datetime('2017-10-29T04:00+01:00[Europe/Stockholm]')", "PT6H", 0, 21600, 0
    ),
    (
      "datetime('2017-10-29T04:00+01:00[Europe/Stockholm]')",
      "datetime('2017-10-28T23:00+02:00[Europe/Stockholm]')", "PT-6H", 0, -21600, 0
    ),
  ])
  func splitsBetweenBoundaries(
    from: String, to: String, text: String, days: Int64, seconds: Int64, nanos: Int64
  ) throws {
    let value = try TemporalExpression.evaluate("duration.between(\(from), \(to))")
    guard case .duration(let duration) = value else {
      Issue.record("not a duration: \(value)")
      return
    }
    #expect(duration.description == text)
    #expect(duration.field("days") == .int(days))
    #expect(duration.field("seconds") == .int(seconds))
    #expect(duration.field("nanosecondsOfSecond") == .int(nanos))
  }

  @Test(arguments: [
    ("date('2018-03-11')", "date('2016-06-24')", "P-1Y-8M"),
    ("date('2018-07-21')", "datetime('2016-07-21T21:40:32.142+0100')", "P-1Y-11M"),
    ("localdatetime('2018-07-21T21:40:32.142')", "date('2016-07-21')", "P-2Y"),
    ("datetime('2018-07-21T21:40:36.143+0200')", "localdatetime('2016-07-21T21:40:36.143')", "P-2Y"),
    ("datetime('2018-07-21T21:40:36.143+0500')", "datetime('1984-07-21T22:40:36.143+0200')", "P-33Y-11M"),
  ])
  func computesNegativeMonths(from: String, to: String, expected: String) throws {
    #expect(try show("duration.inMonths(\(from), \(to))") == expected)
  }

  @Test(arguments: [
    (
      "datetime({year: 2017, month: 10, day: 29, hour: 0, timezone: 'Europe/Stockholm'})",
      "localdatetime({year: 2017, month: 10, day: 29, hour: 4})", "PT5H"
    ),
    (
      "datetime({year: 2017, month: 10, day: 29, hour: 0, timezone: 'Europe/Stockholm'})",
      "localtime({hour: 4})", "PT5H"
    ),
    (
      "localdatetime({year: 2017, month: 10, day: 29, hour: 0 })",
      "datetime({year: 2017, month: 10, day: 29, hour: 4, timezone: 'Europe/Stockholm'})", "PT5H"
    ),
    (
      "localtime({hour: 0 })",
      "datetime({year: 2017, month: 10, day: 29, hour: 4, timezone: 'Europe/Stockholm'})", "PT5H"
    ),
    (
      "date({year: 2017, month: 10, day: 29})",
      "datetime({year: 2017, month: 10, day: 29, hour: 4, timezone: 'Europe/Stockholm'})", "PT5H"
    ),
    (
      "datetime({year: 2017, month: 10, day: 29, hour: 0, timezone: 'Europe/Stockholm'})",
      "date({year: 2017, month: 10, day: 30})", "PT25H"
    ),
  ])
  func handlesDaylightSavingDays(from: String, to: String, expected: String) throws {
    #expect(try show("duration.inSeconds(\(from), \(to))") == expected)
  }

  @Test func handlesTheWholeSupportedRange() throws {
    #expect(
      try show("duration.between(date('-999999999-01-01'), date('+999999999-12-31'))") == "P1999999998Y11M30D"
    )
    #expect(
      try show(
        "duration.inSeconds(localdatetime('-999999999-01-01'), localdatetime('+999999999-12-31T23:59:59'))")
        == "PT17531639991215H59M59S")
  }

  @Test(arguments: [
    ("'12:34:54.7'", "'12:34:54.3'", "PT-0.4S"), ("'12:34:54.3'", "'12:34:54.7'", "PT0.4S"),
    ("'12:34:54.7'", "'12:34:55.3'", "PT0.6S"), ("'12:34:54.7'", "'12:44:55.3'", "PT10M0.6S"),
    ("'12:44:54.7'", "'12:34:55.3'", "PT-9M-59.4S"), ("'12:34:56'", "'12:34:55.7'", "PT-0.3S"),
    ("'12:34:56'", "'12:44:55.7'", "PT9M59.7S"), ("'12:44:56'", "'12:34:55.7'", "PT-10M-0.3S"),
    ("'12:34:56.3'", "'12:34:54.7'", "PT-1.6S"), ("'12:34:54.7'", "'12:34:56.3'", "PT1.6S"),
  ])
  func handlesSecondsAndFractionsOfDifferentSigns(from: String, to: String, expected: String) throws {
    #expect(try show("duration.inSeconds(localtime(\(from)), localtime(\(to)))") == expected)
  }

  @Test func handlesSubSecondDifferences() throws {
    #expect(
      try show(
        "duration.inSeconds(localdatetime('2014-07-21T21:40:36.143'), localdatetime('2014-07-21T21:40:36.142'))"
      )
        == "PT-0.001S")
  }

  @Test(arguments: ["localtime()", "time()", "date()", "localdatetime()", "datetime()"])
  func computesZeroForEqualValues(value: String) throws {
    #expect(try show("duration.inSeconds(\(value), \(value))") == "PT0S")
    #expect(try show("duration.between(\(value), \(value))") == "PT0S")
  }

  @Test func rejectsNonTemporalOperands() {
    #expect(throws: TemporalError.self) {
      try CypherDuration.between(.int(1), .date(CypherDate(epochDay: 0)))
    }
  }
}
