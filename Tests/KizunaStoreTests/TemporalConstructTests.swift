import Testing

@testable import KizunaStore

// openCypher TCK Temporal1 (create temporal values from a map) and Temporal3
// (project temporal values from other temporal values), plus rejected maps.

@Suite struct TemporalConstructTests {
  @Test(arguments: [
    ("{year: 1816, week: 1}", "1816-01-01"), ("{year: 1816, week: 52}", "1816-12-23"),
    ("{year: 1817, week: 1}", "1816-12-30"), ("{year: 1817, week: 10}", "1817-03-03"),
    ("{year: 1817, week: 30}", "1817-07-21"), ("{year: 1817, week: 52}", "1817-12-22"),
    ("{year: 1818, week: 1}", "1817-12-29"), ("{year: 1818, week: 52}", "1818-12-21"),
    ("{year: 1818, week: 53}", "1818-12-28"), ("{year: 1819, week: 1}", "1819-01-04"),
    ("{year: 1819, week: 52}", "1819-12-27"), ("{dayOfWeek: 2, year: 1817, week: 1}", "1816-12-31"),
    ("{date: date('1816-12-30'), week: 2, dayOfWeek: 3}", "1817-01-08"),
    ("{date: date('1816-12-31'), week: 2}", "1817-01-07"),
    ("{date: date('1816-12-31'), year: 1817, week: 2}", "1817-01-07"),
  ])
  func constructsWeekDates(map: String, expected: String) throws {
    #expect(try show("date(\(map))") == expected)
    #expect(try show("localdatetime(\(map))") == expected + "T00:00")
    #expect(try show("datetime(\(map))") == expected + "T00:00Z")
  }

  @Test(arguments: [
    ("{year: 1984, month: 10, day: 11}", "1984-10-11"), ("{year: 1984, month: 10}", "1984-10-01"),
    ("{year: 1984, week: 10, dayOfWeek: 3}", "1984-03-07"), ("{year: 1984, week: 10}", "1984-03-05"),
    ("{year: 1984}", "1984-01-01"), ("{year: 1984, ordinalDay: 202}", "1984-07-20"),
    ("{year: 1984, quarter: 3, dayOfQuarter: 45}", "1984-08-14"), ("{year: 1984, quarter: 3}", "1984-07-01"),
  ])
  func constructsDates(map: String, expected: String) throws {
    #expect(try show("date(\(map))") == expected)
  }

  @Test(arguments: [
    (
      "{hour: 12, minute: 31, second: 14, nanosecond: 789, millisecond: 123, microsecond: 456}",
      "12:31:14.123456789"
    ),
    ("{hour: 12, minute: 31, second: 14, nanosecond: 645876123}", "12:31:14.645876123"),
    ("{hour: 12, minute: 31, second: 14, nanosecond: 3}", "12:31:14.000000003"),
    ("{hour: 12, minute: 31, second: 14, microsecond: 645876}", "12:31:14.645876"),
    ("{hour: 12, minute: 31, second: 14, millisecond: 645}", "12:31:14.645"),
    ("{hour: 12, minute: 31, second: 14}", "12:31:14"), ("{hour: 12, minute: 31}", "12:31"),
    ("{hour: 12}", "12:00"),
  ])
  func constructsTimes(map: String, expected: String) throws {
    #expect(try show("localtime(\(map))") == expected)
    #expect(try show("time(\(map))") == expected + "Z")
    let zoned = map.dropLast() + ", timezone: '+01:00'}"
    #expect(try show("time(\(zoned))") == expected + "+01:00")
    let dated = "{year: 1984, month: 10, day: 11, " + map.dropFirst()
    #expect(try show("localdatetime(\(dated))") == "1984-10-11T" + expected)
    #expect(try show("datetime(\(dated))") == "1984-10-11T" + expected + "Z")
  }

  @Test(arguments: [
    (
      "{year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'}",
      "1984-10-11T12:00+01:00[Europe/Stockholm]"
    ),
    (
      "{year: 1984, ordinalDay: 202, timezone: 'Europe/Stockholm'}",
      "1984-07-20T00:00+02:00[Europe/Stockholm]"
    ),
    (
      "{year: 1984, quarter: 3, dayOfQuarter: 45, hour: 12, minute: 31, second: 14, microsecond: 645876, timezone: 'Europe/Stockholm'}",
      "1984-08-14T12:31:14.645876+02:00[Europe/Stockholm]"
    ),
    (
      "{year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, timezone: '+01:00'}",
      "1984-03-07T12:31+01:00"
    ),
    ("{year: 1984, timezone: 'Europe/Stockholm'}", "1984-01-01T00:00+01:00[Europe/Stockholm]"),
    (
      "{year: 1984, month: 10, day: 11, hour: 12, minute: 34, second: 56, timezone: '+02:05:59'}",
      "1984-10-11T12:34:56+02:05:59"
    ),
    ("{epochSeconds: 416779, nanosecond: 999999999}", "1970-01-05T19:46:19.999999999Z"),
    ("{epochMillis: 237821673987}", "1977-07-15T13:34:33.987Z"),
    ("{epochSeconds: 0, timezone: 'Europe/Stockholm'}", "1970-01-01T01:00+01:00[Europe/Stockholm]"),
  ])
  func constructsDateTimesWithZones(map: String, expected: String) throws {
    #expect(try show("datetime(\(map))") == expected)
  }

  @Test func constructsTheCurrentValueInAZone() throws {
    let clock = Instant(epochSecond: 1_437_514_832, nano: 0)
    let zone = Value.map(["timezone": .string("Asia/Tokyo")])
    #expect(
      try CypherDateTime.construct(from: zone, clock: clock).description
        == "2015-07-22T06:40:32+09:00[Asia/Tokyo]")
    #expect(try CypherDate.construct(from: zone, clock: clock).description == "2015-07-22")
    #expect(try CypherLocalTime.construct(from: zone, clock: clock).description == "06:40:32")
    #expect(try CypherLocalDateTime.construct(from: zone, clock: clock).description == "2015-07-22T06:40:32")
    #expect(try CypherTime.construct(from: zone, clock: clock).description == "06:40:32+09:00")
    let named = Value.map(["hour": .int(12), "timezone": .string("Europe/Stockholm")])
    #expect(try CypherTime.construct(from: named, clock: clock).description == "12:00+02:00")
  }

  @Test func constructsFromEpoch() throws {
    #expect(try show("datetime.fromepoch(416779, 999999999)") == "1970-01-05T19:46:19.999999999Z")
    #expect(try show("datetime.fromepochmillis(237821673987)") == "1977-07-15T13:34:33.987Z")
  }

  @Test(arguments: [
    ("time({hour: 12, minute: 34, second: 56, timezone: '+02:05:00'})", "12:34:56+02:05"),
    ("time({hour: 12, minute: 34, second: 56, timezone: '+02:05:59'})", "12:34:56+02:05:59"),
    ("time({hour: 12, minute: 34, second: 56, timezone: '-02:05:07'})", "12:34:56-02:05:07"),
  ])
  func keepsSecondPrecisionOffsets(expression: String, expected: String) throws {
    #expect(try show(expression) == expected)
  }

  @Test(arguments: [
    ("{days: 14, hours: 16, minutes: 12}", "P14DT16H12M"), ("{months: 5, days: 1.5}", "P5M1DT12H"),
    ("{months: 0.75}", "P22DT19H51M49.5S"), ("{weeks: 2.5}", "P17DT12H"),
    ("{years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70}", "P12Y5M14DT16H13M10S"),
    ("{days: 14, seconds: 70, milliseconds: 1}", "P14DT1M10.001S"),
    ("{days: 14, seconds: 70, microseconds: 1}", "P14DT1M10.000001S"),
    ("{days: 14, seconds: 70, nanoseconds: 1}", "P14DT1M10.000000001S"),
    ("{minutes: 1.5, seconds: 1}", "PT1M31S"),
    ("{}", "PT0S"), ("{quarters: 1, hours: -1}", "P3MT-1H"),
  ])
  func constructsDurations(map: String, expected: String) throws {
    #expect(try show("duration(\(map))") == expected)
  }

  @Test(arguments: [
    "date({year: 2015, day: 3})", "date({month: 3})", "date({year: 2015, month: 13})",
    "date({year: 2015, month: 2, day: 29})",
    "date({year: 2015, week: 54})", "date({year: 2015, dayOfWeek: 1})",
    "date({year: 2015, month: 1, week: 2})",
    "date({year: 2015, dayOfQuarter: 3})", "date({year: 2015, hour: 3})", "date({year: 'x'})",
    "localtime({minute: 3})", "localtime({hour: 1, second: 3})", "localtime({hour: 24})",
    "localtime({hour: 1, minute: 1, millisecond: 1})",
    "localtime({hour: 1, minute: 1, second: 1, millisecond: 1000})",
    "time({hour: 1, timezone: 'Nowhere/Land'})", "time({hour: 1, timezone: '+19:00'})",
    "datetime({epochSeconds: 1, year: 1984})", "duration({weeks: 'x'})", "duration({fortnights: 1})",
    "date({year: 1000000000})", "date(localtime('12:00'))",
  ])
  func rejectsBadMaps(expression: String) {
    #expect(throws: TemporalError.self) { try TemporalExpression.evaluate(expression) }
  }
}

@Suite struct TemporalSelectTests {
  static let dateSources = [
    "date({year: 1984, month: 11, day: 11})",
    "localdatetime({year: 1984, month: 11, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123})",
    "datetime({year: 1984, month: 11, day: 11, hour: 12, timezone: '+01:00'})",
  ]

  @Test(arguments: dateSources)
  func selectsDates(source: String) throws {
    #expect(try show("date(other)", other: source) == "1984-11-11")
    #expect(try show("date({date: other})", other: source) == "1984-11-11")
    #expect(try show("date({date: other, year: 28})", other: source) == "0028-11-11")
    #expect(try show("date({date: other, day: 28})", other: source) == "1984-11-28")
    #expect(try show("date({date: other, week: 1})", other: source) == "1984-01-08")
    #expect(try show("date({date: other, ordinalDay: 28})", other: source) == "1984-01-28")
    #expect(try show("date({date: other, quarter: 3})", other: source) == "1984-08-11")
  }

  @Test(arguments: [
    (
      "localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})", "12:31:14.645876123",
      "12:31:42.645876123"
    ),
    (
      "time({hour: 12, minute: 31, second: 14, microsecond: 645876, timezone: '+01:00'})", "12:31:14.645876",
      "12:31:42.645876"
    ),
    (
      "localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645})",
      "12:31:14.645", "12:31:42.645"
    ),
    ("datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: '+01:00'})", "12:00", "12:00:42"),
  ])
  func selectsLocalTimes(source: String, plain: String, overridden: String) throws {
    #expect(try show("localtime(other)", other: source) == plain)
    #expect(try show("localtime({time: other})", other: source) == plain)
    #expect(try show("localtime({time: other, second: 42})", other: source) == overridden)
  }

  @Test(arguments: [
    ("{time: other}", "12:31:14.645876+01:00"),
    ("{time: other, timezone: '+05:00'}", "16:31:14.645876+05:00"),
    ("{time: other, second: 42}", "12:31:42.645876+01:00"),
    ("{time: other, second: 42, timezone: '+05:00'}", "16:31:42.645876+05:00"),
  ])
  func selectsTimesConvertingOffsets(expression: String, expected: String) throws {
    let source = "time({hour: 12, minute: 31, second: 14, microsecond: 645876, timezone: '+01:00'})"
    #expect(try show("time(\(expression))", other: source) == expected)
  }

  @Test func selectsTimesFromOtherTypes() throws {
    let local = "localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})"
    #expect(try show("time(other)", other: local) == "12:31:14.645876123Z")
    #expect(try show("time({time: other, timezone: '+05:00'})", other: local) == "12:31:14.645876123+05:00")
    let zoned = "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'})"
    #expect(try show("time(other)", other: zoned) == "12:00+01:00")
    #expect(try show("time({time: other, timezone: '+05:00'})", other: zoned) == "16:00+05:00")
    #expect(try show("time({time: other, second: 42, timezone: '+05:00'})", other: zoned) == "16:00:42+05:00")
  }

  @Test(arguments: [
    (
      "date({year: 1984, month: 10, day: 11})",
      "localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})",
      "{date: otherDate, time: otherTime, day: 28, second: 42}", "1984-10-28T12:31:42.645876123"
    ),
    (
      "date({year: 1984, month: 10, day: 11})",
      "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: '+01:00'})",
      "{date: otherDate, time: otherTime}", "1984-10-11T12:00"
    ),
    (
      "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: '+01:00'})",
      "localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645})",
      "{date: otherDate, time: otherTime, day: 28, second: 42}", "1984-10-28T12:31:42.645"
    ),
  ])
  func selectsDateAndTimeIntoLocalDateTime(date: String, time: String, map: String, expected: String) throws {
    #expect(try show("localdatetime(\(map))", ["otherDate": date, "otherTime": time]) == expected)
  }

  @Test func selectsLocalDateTimes() throws {
    let zoned = "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: '+01:00'})"
    #expect(try show("localdatetime(other)", other: zoned) == "1984-10-11T12:00")
    #expect(
      try show("localdatetime({datetime: other, day: 28, second: 42})", other: zoned) == "1984-10-28T12:00:42"
    )
    let date = "date({year: 1984, month: 10, day: 11})"
    #expect(
      try show("localdatetime({date: other, hour: 10, minute: 10, second: 10})", other: date)
        == "1984-10-11T10:10:10")
  }

  @Test(arguments: [
    ("{date: other, hour: 10, minute: 10, second: 10}", "1984-10-11T10:10:10Z"),
    ("{date: other, hour: 10, minute: 10, second: 10, timezone: '+05:00'}", "1984-10-11T10:10:10+05:00"),
    (
      "{date: other, day: 28, hour: 10, minute: 10, second: 10, timezone: 'Pacific/Honolulu'}",
      "1984-10-28T10:10:10-10:00[Pacific/Honolulu]"
    ),
  ])
  func selectsDatesIntoDateTimes(map: String, expected: String) throws {
    let source = "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: '+01:00'})"
    #expect(try show("datetime(\(map))", other: source) == expected)
  }

  @Test(arguments: [
    (
      "time({hour: 12, minute: 31, second: 14, microsecond: 645876, timezone: '+01:00'})",
      "{year: 1984, month: 10, day: 11, time: other, second: 42, timezone: 'Pacific/Honolulu'}",
      "1984-10-11T01:31:42.645876-10:00[Pacific/Honolulu]"
    ),
    (
      "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'})",
      "{year: 1984, month: 10, day: 11, time: other}", "1984-10-11T12:00+01:00[Europe/Stockholm]"
    ),
    (
      "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'})",
      "{year: 1984, month: 10, day: 11, time: other, timezone: '+05:00'}", "1984-10-11T16:00+05:00"
    ),
    (
      "localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})",
      "{year: 1984, month: 10, day: 11, time: other, second: 42, timezone: 'Pacific/Honolulu'}",
      "1984-10-11T12:31:42.645876123-10:00[Pacific/Honolulu]"
    ),
  ])
  func selectsTimesIntoDateTimes(source: String, map: String, expected: String) throws {
    #expect(try show("datetime(\(map))", other: source) == expected)
  }

  @Test(arguments: [
    (
      "{date: otherDate, time: otherTime, day: 28, second: 42}", "1984-03-28T12:00:42+02:00[Europe/Stockholm]"
    ),
    (
      "{date: otherDate, time: otherTime, day: 28, second: 42, timezone: 'Pacific/Honolulu'}",
      "1984-03-28T00:00:42-10:00[Pacific/Honolulu]"
    ),
    ("{date: otherDate, time: otherTime, timezone: '+05:00'}", "1984-03-07T16:00+05:00"),
  ])
  func selectsDateAndZonedTimeIntoDateTime(map: String, expected: String) throws {
    let variables = [
      "otherDate":
        "localdatetime({year: 1984, week: 10, dayOfWeek: 3, hour: 12, minute: 31, second: 14, millisecond: 645})",
      "otherTime": "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'})",
    ]
    #expect(try show("datetime(\(map))", variables) == expected)
  }

  @Test func convertsDateTimesToAnotherZone() throws {
    let source = "datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: '+01:00'})"
    #expect(
      try show("datetime({datetime: other, timezone: '+05:00'})", other: source) == "1984-10-11T16:00+05:00")
    #expect(try show("datetime({datetime: other})", other: source) == "1984-10-11T12:00+01:00")
  }
}
