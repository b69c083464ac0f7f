import Testing

@testable import KizunaStore

// openCypher TCK Temporal9 (truncate temporal values): a sample of each
// function's rows.

@Suite struct TemporalTruncateTests {
  static let date = "date({year: 1984, month: 10, day: 11})"
  static let localDateTime =
    "localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123})"
  static let dateTime =
    "datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})"
  static let localTime = "localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})"
  static let time = "time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})"

  @Test(arguments: [
    ("millennium", "date({year: 2017, month: 10, day: 11})", "{day: 2}", "2000-01-02"),
    ("millennium", "date({year: 2017, month: 10, day: 11})", "{}", "2000-01-01"),
    ("century", dateTime, "{day: 2}", "1900-01-02"), ("century", localDateTime, "{}", "1900-01-01"),
    ("decade", date, "{day: 2}", "1980-01-02"), ("decade", dateTime, "{}", "1980-01-01"),
    ("year", localDateTime, "{day: 2}", "1984-01-02"), ("year", date, "{}", "1984-01-01"),
    ("weekYear", "date({year: 1984, month: 2, day: 1})", "{day: 5}", "1984-01-05"),
    ("weekYear", "date({year: 1984, month: 2, day: 1})", "{}", "1984-01-02"),
    (
      "weekYear",
      "datetime({year: 1984, month: 1, day: 1, hour: 12, minute: 31, second: 14, timezone: '+01:00'})",
      "{day: 5}", "1983-01-05"
    ),
    ("weekYear", "localdatetime({year: 1984, month: 1, day: 1, hour: 12})", "{}", "1983-01-03"),
    ("quarter", "date({year: 1984, month: 11, day: 11})", "{day: 2}", "1984-10-02"),
    ("quarter", "date({year: 1984, month: 11, day: 11})", "{}", "1984-10-01"),
    ("month", dateTime, "{day: 2}", "1984-10-02"), ("month", date, "{}", "1984-10-01"),
    ("week", date, "{dayOfWeek: 2}", "1984-10-09"), ("week", localDateTime, "{}", "1984-10-08"),
    ("day", dateTime, "{}", "1984-10-11"),
  ])
  func truncatesDates(unit: String, value: String, map: String, expected: String) throws {
    #expect(try show("date.truncate('\(unit)', \(value), \(map))") == expected)
  }

  @Test(arguments: [
    ("millennium", "date({year: 2017, month: 10, day: 11})", "{day: 2}", "2000-01-02T00:00Z"),
    (
      "millennium", "date({year: 2017, month: 10, day: 11})", "{timezone: 'Europe/Stockholm'}",
      "2000-01-01T00:00+01:00[Europe/Stockholm]"
    ),
    (
      "millennium",
      "datetime({year: 2017, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})",
      "{day: 2}", "2000-01-02T00:00+01:00"
    ),
    (
      "millennium",
      "datetime({year: 2017, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '-01:00'})",
      "{timezone: 'Europe/Stockholm'}", "2000-01-01T00:00+01:00[Europe/Stockholm]"
    ),
    (
      "hour",
      "datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '-01:00'})",
      "{timezone: 'Europe/Stockholm'}", "1984-10-11T12:00+01:00[Europe/Stockholm]"
    ),
    ("day", localDateTime, "{timezone: 'Europe/Stockholm'}", "1984-10-11T00:00+01:00[Europe/Stockholm]"),
    ("day", date, "{nanosecond: 2}", "1984-10-11T00:00:00.000000002Z"),
    ("month", localDateTime, "{}", "1984-10-01T00:00Z"),
    ("week", dateTime, "{dayOfWeek: 2}", "1984-10-09T00:00+01:00"),
    ("day", localDateTime, "{nanosecond: 2}", "1984-10-11T00:00:00.000000002Z"),
    ("hour", dateTime, "{}", "1984-10-11T12:00+01:00"), ("minute", dateTime, "{}", "1984-10-11T12:31+01:00"),
    ("second", localDateTime, "{nanosecond: 2}", "1984-10-11T12:31:14.000000002Z"),
    ("millisecond", dateTime, "{nanosecond: 2}", "1984-10-11T12:31:14.645000002+01:00"),
    ("microsecond", dateTime, "{}", "1984-10-11T12:31:14.645876+01:00"),
  ])
  func truncatesDateTimes(unit: String, value: String, map: String, expected: String) throws {
    #expect(try show("datetime.truncate('\(unit)', \(value), \(map))") == expected)
  }

  @Test(arguments: [
    ("year", dateTime, "{day: 2}", "1984-01-02T00:00"), ("day", dateTime, "{}", "1984-10-11T00:00"),
    ("hour", localDateTime, "{minute: 5}", "1984-10-11T12:05"),
    ("microsecond", localDateTime, "{nanosecond: 2}", "1984-10-11T12:31:14.645876002"),
  ])
  func truncatesLocalDateTimes(unit: String, value: String, map: String, expected: String) throws {
    #expect(try show("localdatetime.truncate('\(unit)', \(value), \(map))") == expected)
  }

  @Test(arguments: [
    ("day", localTime, "{}", "00:00"), ("hour", localTime, "{nanosecond: 2}", "12:00:00.000000002"),
    ("minute", dateTime, "{}", "12:31"), ("second", time, "{nanosecond: 2}", "12:31:14.000000002"),
    ("second", localDateTime, "{}", "12:31:14"),
    ("millisecond", localTime, "{nanosecond: 2}", "12:31:14.645000002"),
    ("millisecond", time, "{}", "12:31:14.645"),
    ("microsecond", localTime, "{nanosecond: 2}", "12:31:14.645876002"),
  ])
  func truncatesLocalTimes(unit: String, value: String, map: String, expected: String) throws {
    #expect(try show("localtime.truncate('\(unit)', \(value), \(map))") == expected)
  }

  @Test(arguments: [
    ("day", dateTime, "{nanosecond: 2}", "00:00:00.000000002+01:00"), ("day", localDateTime, "{}", "00:00Z"),
    (
      "hour", "time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '-01:00'})",
      "{timezone: '+01:00'}", "12:00+01:00"
    ),
    ("hour", "time({hour: 12, minute: 31, second: 14, timezone: '-01:00'})", "{}", "12:00-01:00"),
    ("hour", localTime, "{timezone: '+01:00'}", "12:00+01:00"), ("minute", localTime, "{}", "12:31Z"),
    ("millisecond", time, "{nanosecond: 2}", "12:31:14.645000002+01:00"),
    ("microsecond", localDateTime, "{}", "12:31:14.645876Z"),
  ])
  func truncatesTimes(unit: String, value: String, map: String, expected: String) throws {
    #expect(try show("time.truncate('\(unit)', \(value), \(map))") == expected)
  }

  @Test(arguments: [
    "date.truncate('hour', date('2015-07-21'))", "date.truncate('fortnight', date('2015-07-21'))",
    "date.truncate('day', localtime('12:00'))", "localtime.truncate('year', localtime('12:00'))",
    "localdatetime.truncate('day', time('12:00'))",
  ])
  func rejectsUnsupportedUnitsAndValues(expression: String) {
    #expect(throws: TemporalError.self) { try TemporalExpression.evaluate(expression) }
  }

  @Test func truncatesNegativeYearsDownward() throws {
    #expect(try show("date.truncate('century', date('-0150-06-01'))") == "-0200-01-01")
    #expect(try show("date.truncate('decade', date('-0001-06-01'))") == "-0010-01-01")
  }
}
