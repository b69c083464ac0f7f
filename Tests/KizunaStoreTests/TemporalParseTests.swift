import Testing

@testable import KizunaStore

// openCypher TCK Temporal2 (create temporal values from a string) and
// Temporal6 (render temporal values as a string), plus rejected text.

@Suite struct TemporalParseTests {
  @Test(arguments: [
    ("2015-07-21", "2015-07-21"), ("20150721", "2015-07-21"), ("2015-07", "2015-07-01"),
    ("201507", "2015-07-01"), ("2015-W30-2", "2015-07-21"), ("2015W302", "2015-07-21"),
    ("2015-W30", "2015-07-20"), ("2015W30", "2015-07-20"), ("2015-202", "2015-07-21"),
    ("2015202", "2015-07-21"), ("2015", "2015-01-01"),
  ])
  func parsesDates(text: String, expected: String) throws {
    #expect(try CypherDate.parse(text).description == expected)
  }

  @Test(arguments: [
    ("21:40:32.142", "21:40:32.142"), ("214032.142", "21:40:32.142"), ("21:40:32", "21:40:32"),
    ("214032", "21:40:32"), ("21:40", "21:40"), ("2140", "21:40"), ("21", "21:00"),
  ])
  func parsesLocalTimes(text: String, expected: String) throws {
    #expect(try CypherLocalTime.parse(text).description == expected)
  }

  @Test(arguments: [
    ("21:40:32.142+0100", "21:40:32.142+01:00"), ("214032.142Z", "21:40:32.142Z"),
    ("21:40:32+01:00", "21:40:32+01:00"), ("214032-0100", "21:40:32-01:00"), ("21:40-01:30", "21:40-01:30"),
    ("2140-00:00", "21:40Z"), ("2140-02", "21:40-02:00"), ("22+18:00", "22:00+18:00"),
  ])
  func parsesTimes(text: String, expected: String) throws {
    #expect(try CypherTime.parse(text).description == expected)
  }

  @Test(arguments: [
    ("2015-07-21T21:40:32.142", "2015-07-21T21:40:32.142"),
    ("2015-W30-2T214032.142", "2015-07-21T21:40:32.142"),
    ("2015-202T21:40:32", "2015-07-21T21:40:32"), ("2015T214032", "2015-01-01T21:40:32"),
    ("20150721T21:40", "2015-07-21T21:40"), ("2015-W30T2140", "2015-07-20T21:40"),
    ("2015202T21", "2015-07-21T21:00"),
  ])
  func parsesLocalDateTimes(text: String, expected: String) throws {
    #expect(try CypherLocalDateTime.parse(text).description == expected)
  }

  @Test(arguments: [
    ("2015-07-21T21:40:32.142+0100", "2015-07-21T21:40:32.142+01:00"),
    ("2015-W30-2T214032.142Z", "2015-07-21T21:40:32.142Z"),
    ("2015-202T21:40:32+01:00", "2015-07-21T21:40:32+01:00"),
    ("2015T214032-0100", "2015-01-01T21:40:32-01:00"),
    ("20150721T21:40-01:30", "2015-07-21T21:40-01:30"), ("2015-W30T2140-00:00", "2015-07-20T21:40Z"),
    ("2015-W30T2140-02", "2015-07-20T21:40-02:00"), ("2015202T21+18:00", "2015-07-21T21:00+18:00"),
  ])
  func parsesDateTimes(text: String, expected: String) throws {
    #expect(try CypherDateTime.parse(text).description == expected)
  }

  @Test(arguments: [
    ("2015-07-21T21:40:32.142+02:00[Europe/Stockholm]", "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]"),
    ("2015-07-21T21:40:32.142+0845[Australia/Eucla]", "2015-07-21T21:40:32.142+08:45[Australia/Eucla]"),
    ("2015-07-21T21:40:32.142-04[America/New_York]", "2015-07-21T21:40:32.142-04:00[America/New_York]"),
    ("2015-07-21T21:40:32.142[Europe/London]", "2015-07-21T21:40:32.142+01:00[Europe/London]"),
    ("1818-07-21T21:40:32.142[Europe/Stockholm]", "1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]"),
  ])
  func parsesNamedZones(text: String, expected: String) throws {
    #expect(try CypherDateTime.parse(text).description == expected)
  }

  @Test(arguments: [
    ("P14DT16H12M", "P14DT16H12M"), ("P5M1.5D", "P5M1DT12H"), ("P0.75M", "P22DT19H51M49.5S"),
    ("PT0.75M", "PT45S"), ("P2.5W", "P17DT12H"), ("P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S"),
    ("P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S"), ("PT-1H", "PT-1H"), ("PT-0.5S", "PT-0.5S"),
    ("-P1DT2H", "P-1DT-2H"), ("P20120202T143721", "P2012Y2M2DT14H37M21S"), ("P12345D", "P12345D"),
  ])
  func parsesDurations(text: String, expected: String) throws {
    #expect(try CypherDuration.parse(text).description == expected)
  }

  @Test func keepsSecondsFractionsExactly() throws {
    let duration = try CypherDuration.parse("PT-1.000000001S")
    #expect(duration == CypherDuration(months: 0, days: 0, seconds: -2, nanoseconds: 999_999_999))
  }

  @Test(arguments: [
    "2015-13-01", "2015-02-30", "2015-W54", "2015-367", "15-07-21", "2015-0721", "2015-07-21x", "",
  ])
  func rejectsBadDates(text: String) {
    #expect(throws: TemporalError.self) { try CypherDate.parse(text) }
  }

  @Test func namesTheTextInParseErrors() {
    #expect {
      try CypherDate.parse("2015-13-01")
    } throws: { error in
      guard let error = error as? TemporalError else { return false }
      return error.kind == .invalidArgument
        && error.message.hasPrefix("Text cannot be parsed to a Date: '2015-13-01'")
    }
  }

  @Test func pointsAtTheOffendingText() {
    #expect(
      throws: TemporalError.invalid(
        "Text cannot be parsed to a Date: '2015-1x-01' (unexpected text at offset 6)")
    ) {
      try CypherDate.parse("2015-1x-01")
    }
    #expect(
      throws: TemporalError.invalid(
        "Text cannot be parsed to a DateTime: '2015-07-21T12:3x+01:00' (unexpected text at offset 15)")
    ) {
      try CypherDateTime.parse("2015-07-21T12:3x+01:00")
    }
  }

  @Test(arguments: ["24:00", "12:60", "12:30:60", "12:3", "12:30:00.1234567890", "1230:00", "12:30+19:00"])
  func rejectsBadTimes(text: String) {
    #expect(throws: TemporalError.self) { try CypherTime.parse(text) }
  }

  @Test(arguments: ["P", "PT", "P1H", "PT1D", "P1D1M", "1D", "P1.5", "PT1.0000000001S", "P2012-02"])
  func rejectsBadDurations(text: String) {
    #expect(throws: TemporalError.self) { try CypherDuration.parse(text) }
  }

  @Test func rejectsUnknownZones() {
    #expect(throws: TemporalError.self) { try CypherDateTime.parse("2015-07-21T10:00[Mars/Olympus]") }
  }

  @Test func acceptsSignedAndLongYears() throws {
    #expect(try CypherDate.parse("-0044-03-15").description == "-0044-03-15")
    #expect(try CypherDate.parse("+10000-01-01").description == "+10000-01-01")
    #expect(try CypherDate.parse("-999999999-01-01").year == -999_999_999)
    #expect(throws: TemporalError.self) { try CypherDate.parse("+1000000000-01-01") }
  }
}

@Suite struct TemporalFormatTests {
  @Test(arguments: [
    ("localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})", "12:31:14.645876123"),
    (
      "time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})",
      "12:31:14.645876123+01:00"
    ),
    ("date({year: 1984, month: 10, day: 11})", "1984-10-11"),
    (
      "localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123})",
      "1984-10-11T12:31:14.645876123"
    ),
    (
      "datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})",
      "1984-10-11T12:31:14.645876123+01:00"
    ),
    (
      "datetime({year: 2017, month: 8, day: 8, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: 'Europe/Stockholm'})",
      "2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]"
    ),
    ("localtime('12:00:00.1')", "12:00:00.100"), ("localtime('12:00:00.000001')", "12:00:00.000001"),
    ("date('0001-01-01')", "0001-01-01"),
  ])
  func rendersValues(expression: String, expected: String) throws {
    #expect(try show(expression) == expected)
  }

  @Test(arguments: [
    (
      "{years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70, nanoseconds: 1}",
      "P12Y5M14DT16H13M10.000000001S"
    ),
    ("{years: 12, months: 5, days: -14, hours: 16}", "P12Y5M-14DT16H"),
    ("{minutes: 12, seconds: -60}", "PT11M"),
    ("{seconds: 2, milliseconds: -1}", "PT1.999S"), ("{seconds: -2, milliseconds: 1}", "PT-1.999S"),
    ("{seconds: -2, milliseconds: -1}", "PT-2.001S"), ("{days: 1, milliseconds: 1}", "P1DT0.001S"),
    ("{days: 1, milliseconds: -1}", "P1DT-0.001S"), ("{seconds: 60, milliseconds: -1}", "PT59.999S"),
    ("{seconds: -60, milliseconds: 1}", "PT-59.999S"), ("{seconds: -60, milliseconds: -1}", "PT-1M-0.001S"),
  ])
  func rendersDurationsAndParsesThemBack(map: String, expected: String) throws {
    let value = try TemporalExpression.evaluate("duration(\(map))")
    #expect(rendered(value) == expected)
    guard case .duration(let duration) = value else { return }
    #expect(try CypherDuration.parse(expected) == duration)
  }

  @Test(arguments: ["1984-10-11", "-0001-12-31", "2000-02-29"])
  func datesRoundTrip(text: String) throws {
    #expect(try CypherDate.parse(text).description == text)
  }
}
