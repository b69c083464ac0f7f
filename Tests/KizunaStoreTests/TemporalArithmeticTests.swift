import Testing

@testable import KizunaStore

// openCypher TCK Temporal8 (arithmetic on temporal values), plus month-end
// clamping, zones and overflow.

@Suite struct TemporalArithmeticTests {
  static let durations = [
    "{years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70, nanoseconds: 2}",
    "{months: 1, days: -14, hours: 16, minutes: -12, seconds: 70}",
    "{years: 12.5, months: 5.5, days: 14.5, hours: 16.5, minutes: 12.5, seconds: 70.5, nanoseconds: 3}",
  ]

  private func sumAndDifference(_ temporal: String, _ map: String) throws -> [String] {
    let value = try TemporalExpression.evaluate(temporal)
    let duration = try TemporalExpression.evaluate("duration(\(map))")
    let sum = try value.temporalAdding(duration)
    let difference = try value.temporalSubtracting(duration)
    return [sum.map(rendered) ?? "<none>", difference.map(rendered) ?? "<none>"]
  }

  @Test(
    arguments: zip(
      durations,
      [["1997-03-25", "1972-04-27"], ["1984-10-28", "1984-09-25"], ["1997-10-11", "1971-10-12"]]))
  func movesDates(map: String, expected: [String]) throws {
    #expect(try sumAndDifference("date({year: 1984, month: 10, day: 11})", map) == expected)
  }

  @Test(
    arguments: zip(
      durations,
      [
        ["04:44:24.000000003", "20:18:03.999999999"], ["04:20:24.000000001", "20:42:04.000000001"],
        ["22:29:27.500000004", "02:33:00.499999998"],
      ]))
  func movesTimes(map: String, expected: [String]) throws {
    #expect(
      try sumAndDifference("localtime({hour: 12, minute: 31, second: 14, nanosecond: 1})", map) == expected)
    let zoned = "time({hour: 12, minute: 31, second: 14, nanosecond: 1, timezone: '+01:00'})"
    #expect(try sumAndDifference(zoned, map) == expected.map { $0 + "+01:00" })
  }

  @Test(
    arguments: zip(
      durations,
      [
        ["1997-03-26T04:44:24.000000003", "1972-04-26T20:18:03.999999999"],
        ["1984-10-29T04:20:24.000000001", "1984-09-24T20:42:04.000000001"],
        ["1997-10-11T22:29:27.500000004", "1971-10-12T02:33:00.499999998"],
      ]))
  func movesDateTimes(map: String, expected: [String]) throws {
    let local =
      "localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 1})"
    #expect(try sumAndDifference(local, map) == expected)
    let zoned =
      "datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 1, timezone: '+01:00'})"
    #expect(try sumAndDifference(zoned, map) == expected.map { $0 + "+01:00" })
  }

  @Test(arguments: [
    (0, 0, "P24Y10M28DT32H26M20.000000002S", "PT0S"),
    (0, 1, "P12Y6MT32H2M20.000000001S", "P12Y4M28DT24M0.000000001S"),
    (0, 2, "P25Y4M43DT50H11M23.500000004S", "P-6M-15DT-17H-45M-3.500000002S"),
    (1, 0, "P12Y6MT32H2M20.000000001S", "P-12Y-4M-28DT-24M-0.000000001S"),
    (1, 1, "P2M-28DT31H38M20S", "PT0S"),
    (1, 2, "P13Y15DT49H47M23.500000003S", "P-12Y-10M-43DT-18H-9M-3.500000003S"),
    (2, 0, "P25Y4M43DT50H11M23.500000004S", "P6M15DT17H45M3.500000002S"),
    (2, 2, "P25Y10M58DT67H56M27.000000006S", "PT0S"),
  ])
  func addsAndSubtractsDurations(first: Int, second: Int, sum: String, difference: String) throws {
    // The TCK's first duration here has 1 nanosecond, not 2.
    let maps = Self.durations.map { $0.replacingNanoseconds() }
    let a = try TemporalExpression.evaluate("duration(\(maps[first]))")
    let b = try TemporalExpression.evaluate("duration(\(maps[second]))")
    #expect(try a.temporalAdding(b).map(rendered) == sum)
    #expect(try a.temporalSubtracting(b).map(rendered) == difference)
  }

  @Test(arguments: [
    (Value.int(1), Value.int(1), "P12Y5M14DT16H13M10.000000001S", "P12Y5M14DT16H13M10.000000001S"),
    (Value.int(2), Value.int(2), "P24Y10M28DT32H26M20.000000002S", "P6Y2M22DT13H21M8S"),
    (Value.float(0.5), Value.float(0.5), "P6Y2M22DT13H21M8S", "P24Y10M28DT32H26M20.000000002S"),
  ])
  func multipliesAndDividesDurations(factor: Value, divisor: Value, product: String, quotient: String) throws
  {
    let duration = try CypherDuration.from(map: [
      "years": .int(12), "months": .int(5), "days": .int(14), "hours": .int(16), "minutes": .int(12),
      "seconds": .int(70), "nanoseconds": .int(1),
    ])
    #expect(try duration.multiplied(by: factor).description == product)
    #expect(try duration.divided(by: divisor).description == quotient)
  }

  @Test func negatesDurations() throws {
    #expect(try CypherDuration.parse("P1M2DT3.5S").negated().description == "P-1M-2DT-3.5S")
    #expect(try CypherDuration.parse("PT-0.5S").negated().description == "PT0.5S")
  }

  @Test func clampsToMonthEnd() throws {
    #expect(try show("date('2015-01-31')") == "2015-01-31")
    let jan31 = try CypherDate.parse("2015-01-31")
    #expect(try jan31.adding(CypherDuration.parse("P1M")).description == "2015-02-28")
    #expect(
      try CypherDate.parse("2016-03-31").subtracting(CypherDuration.parse("P1M")).description == "2016-02-29")
  }

  @Test func keepsLocalTimeAcrossDaylightSavingForDays() throws {
    let before = try CypherDateTime.parse("2017-03-25T12:00[Europe/Stockholm]")
    #expect(
      try before.adding(CypherDuration.parse("P1D")).description == "2017-03-26T12:00+02:00[Europe/Stockholm]"
    )
    #expect(
      try before.adding(CypherDuration.parse("PT24H")).description
        == "2017-03-26T13:00+02:00[Europe/Stockholm]")
  }

  @Test func rejectsNonTemporalOperands() throws {
    #expect(try Value.int(1).temporalAdding(.int(2)) == nil)
    #expect(try Value.duration(.zero).temporalSubtracting(.date(CypherDate(epochDay: 0))) == nil)
    #expect(throws: TemporalError.self) { try CypherDuration.zero.divided(by: .int(0)) }
  }

  @Test func reportsOverflowInsteadOfTrapping() throws {
    let huge = CypherDuration(months: 0, days: 0, seconds: Int64.max, nanoseconds: 0)
    #expect(throws: TemporalError.self) { try huge.adding(huge) }
    #expect(throws: TemporalError.self) { try huge.multiplied(by: Int64(2)) }
    #expect(throws: TemporalError.self) {
      try CypherDate.parse("+999999999-12-31").adding(CypherDuration.parse("P1D"))
    }
    #expect(throws: TemporalError.self) { try CypherDuration.parse("P999999999999999999Y") }
  }
}

extension String {
  /// The TCK's duration-sum scenario uses `nanoseconds: 1` where the others use 2.
  fileprivate func replacingNanoseconds() -> String {
    hasSuffix("nanoseconds: 2}") ? String(dropLast("2}".count)) + "1}" : self
  }
}
