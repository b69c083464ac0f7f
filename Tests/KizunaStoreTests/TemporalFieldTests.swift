import Testing

@testable import KizunaStore

// openCypher TCK Temporal5 (access components of temporal values).

@Suite struct TemporalFieldTests {
  private func fields(_ expression: String, _ names: [String]) throws -> [String] {
    let value = try TemporalExpression.evaluate(expression)
    return names.map { value.temporalField($0).map(rendered) ?? "<none>" }
  }

  static let dateNames = [
    "year", "quarter", "month", "week", "weekYear", "day", "ordinalDay", "weekDay", "dayOfQuarter",
  ]
  static let timeNames = ["hour", "minute", "second", "millisecond", "microsecond", "nanosecond"]

  @Test func readsDateComponents() throws {
    #expect(
      try fields("date({year: 1984, month: 10, day: 11})", Self.dateNames)
        == ["1984", "4", "10", "41", "1984", "11", "285", "4", "11"])
    #expect(
      try fields(
        "date({year: 1984, month: 1, day: 1})", ["year", "weekYear", "week", "weekDay", "dayOfWeek"])
        == ["1984", "1983", "52", "7", "7"])
  }

  @Test func readsLocalTimeComponents() throws {
    #expect(
      try fields("localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})", Self.timeNames)
        == ["12", "31", "14", "645", "645876", "645876123"])
  }

  @Test func readsTimeComponents() throws {
    let names = Self.timeNames + ["timezone", "offset", "offsetMinutes", "offsetSeconds"]
    #expect(
      try fields("time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})", names)
        == ["12", "31", "14", "645", "645876", "645876123", "+01:00", "+01:00", "60", "3600"])
  }

  @Test func readsLocalDateTimeComponents() throws {
    let expression =
      "localdatetime({year: 1984, month: 11, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123})"
    #expect(
      try fields(expression, Self.dateNames + Self.timeNames)
        == [
          "1984", "4", "11", "45", "1984", "11", "316", "7", "42", "12", "31", "14", "645", "645876",
          "645876123",
        ])
    #expect(try fields(expression, ["timezone", "epochSeconds"]) == ["<none>", "<none>"])
  }

  @Test func readsDateTimeComponents() throws {
    let expression =
      "datetime({year: 1984, month: 11, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: 'Europe/Stockholm'})"
    let names =
      Self.dateNames + Self.timeNames + [
        "timezone", "offset", "offsetMinutes", "offsetSeconds", "epochSeconds", "epochMillis",
      ]
    #expect(
      try fields(expression, names)
        == [
          "1984", "4", "11", "45", "1984", "11", "316", "7", "42", "12", "31", "14", "645", "645876",
          "645876123",
          "Europe/Stockholm", "+01:00", "60", "3600", "469020674", "469020674645",
        ])
  }

  @Test func readsDurationComponents() throws {
    let names = [
      "years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds",
      "microseconds", "nanoseconds", "quartersOfYear", "monthsOfQuarter", "monthsOfYear", "daysOfWeek",
      "minutesOfHour", "secondsOfMinute", "millisecondsOfSecond", "microsecondsOfSecond",
      "nanosecondsOfSecond",
    ]
    let expression =
      "duration({years: 1, months: 4, days: 10, hours: 1, minutes: 1, seconds: 1, nanoseconds: 111111111})"
    #expect(
      try fields(expression, names)
        == [
          "1", "5", "16", "1", "10", "1", "61", "3661", "3661111", "3661111111", "3661111111111", "1", "1",
          "4", "3",
          "1", "1", "111", "111111", "111111111",
        ])
  }

  @Test func reportsUnknownFieldsAsNil() throws {
    #expect(try fields("date('2015-07-21')", ["hour", "nonsense"]) == ["<none>", "<none>"])
    #expect(try fields("localtime('12:00')", ["year"]) == ["<none>"])
    #expect(try fields("duration('P1D')", ["year"]) == ["<none>"])
    #expect(Value.int(3).temporalField("year") == nil)
  }

  @Test func readsFieldsCaseInsensitively() throws {
    #expect(try fields("date('2015-07-21')", ["YEAR", "dayofweek"]) == ["2015", "2"])
  }
}
