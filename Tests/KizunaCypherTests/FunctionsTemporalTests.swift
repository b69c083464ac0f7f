import Testing

@testable import KizunaCypher
@testable import KizunaStore

/// Expectations are built from text through the same constructors, so they
/// compare values rather than a formatting choice.
@Suite struct FunctionsTemporalTests {
  private func text(_ name: String, _ arguments: Value...) throws -> String {
    let result = try call(name, arguments)
    switch result {
    case .date(let v): return v.description
    case .localTime(let v): return v.description
    case .time(let v): return v.description
    case .localDateTime(let v): return v.description
    case .dateTime(let v): return v.description
    case .duration(let v): return v.description
    default: return "not temporal: \(result)"
    }
  }

  @Test func nowFormsUseTheStatementClockAndZone() throws {
    #expect(try text("date") == "2023-11-14")
    #expect(try text("localtime") == "22:13:20.123")
    #expect(try text("time") == "22:13:20.123Z")
    #expect(try text("localdatetime") == "2023-11-14T22:13:20.123")
    #expect(try text("datetime") == "2023-11-14T22:13:20.123Z")
    #expect(try text("date.statement") == "2023-11-14")
    #expect(try text("datetime.transaction") == "2023-11-14T22:13:20.123Z")
    #expect(try text("date.transaction", .string("+09:00")) == "2023-11-15")
    #expect(try text("localtime.statement", .map(["timezone": .string("-01:00")])) == "21:13:20.123")
    #expect(
      try text("datetime.statement", .string("Asia/Tokyo")) == "2023-11-15T07:13:20.123+09:00[Asia/Tokyo]")
    let zoned = FunctionContext(store: Fixture.store, clock: Fixture.clock, defaultZone: .offset(7 * 3600))
    guard let date = FunctionTable.scalar(named: "date") else {
      Issue.record("no date()")
      return
    }
    #expect(identical(try date.body([], zoned), .date(try CypherDate.parse("2023-11-15"))))
    guard case .dateTime(let realtime) = try call("datetime.realtime") else {
      Issue.record("datetime.realtime() is not a datetime")
      return
    }
    #expect(realtime.instant.epochSecond > Fixture.clock.epochSecond)
  }

  @Test func constructorsFromTextMapsAndTemporals() throws {
    #expect(try text("date", .string("2015-07-21")) == "2015-07-21")
    #expect(try text("date", .string("2015-W30-2")) == "2015-07-21")
    #expect(try text("date", .map(["year": .int(1984), "month": .int(10), "day": .int(11)])) == "1984-10-11")
    #expect(
      try text("date", .map(["year": .int(1984), "week": .int(10), "dayOfWeek": .int(3)])) == "1984-03-07")
    #expect(
      try text("localtime", .map(["hour": .int(12), "minute": .int(31), "second": .int(14)])) == "12:31:14")
    #expect(try text("time", .string("12:31:14.645876123+01:00")) == "12:31:14.645876123+01:00")
    #expect(try text("localdatetime", .string("2015-07-21T21:40:32.142")) == "2015-07-21T21:40:32.142")
    #expect(
      try text(
        "datetime",
        .map([
          "year": .int(1984), "month": .int(10), "day": .int(11), "hour": .int(12),
          "timezone": .string("+01:00"),
        ])) == "1984-10-11T12:00+01:00")
    let datetime = try call("datetime", .string("2015-07-21T21:40:32.142+01:00"))
    #expect(try text("date", datetime) == "2015-07-21")
    #expect(try text("localtime", datetime) == "21:40:32.142")
    #expect(
      try text("datetime", .map(["epochMillis": .int(1_700_000_000_123)])) == "2023-11-14T22:13:20.123Z")
    #expect(try call("date", .null) == .null)
    #expect(try call("datetime", .null) == .null)
  }

  @Test func constructorErrors() {
    check([
      Failure("date", [.int(1)], "TypeError.InvalidArgumentType"),
      Failure("datetime", [.list([])], "TypeError.InvalidArgumentType"),
      Failure("date", [.string("2015-13-01")], "ArgumentError.InvalidArgumentValue"),
      Failure("date", [.string("not a date")], "ArgumentError.InvalidArgumentValue"),
      Failure(
        "date", [.map(["year": .int(2000), "month": .int(2), "day": .int(30)])],
        "ArgumentError.InvalidArgumentValue"),
      Failure("date", [.map(["year": .int(2000), "bogus": .int(1)])], "ArgumentError.InvalidArgumentValue"),
      Failure("localtime", [.string("25:00")], "ArgumentError.InvalidArgumentValue"),
      Failure("date.transaction", [.string("Mars/Olympus")], "ArgumentError.InvalidArgumentValue"),
      Failure("date.statement", [.int(1)], "TypeError.InvalidArgumentType"),
    ])
  }

  @Test func truncateSampledFromTheTCK() throws {
    let date = try call("date", .map(["year": .int(1984), "month": .int(10), "day": .int(11)]))
    #expect(try text("date.truncate", .string("month"), date) == "1984-10-01")
    #expect(try text("date.truncate", .string("year"), date, .map(["day": .int(5)])) == "1984-01-05")
    #expect(try text("date.truncate", .string("weekYear"), date) == "1984-01-02")
    let datetime = try call("datetime", .string("2015-07-21T12:31:14.645876123+01:00"))
    #expect(try text("datetime.truncate", .string("hour"), datetime) == "2015-07-21T12:00+01:00")
    #expect(
      try text("datetime.truncate", .string("day"), datetime, .map(["timezone": .string("Z")]))
        == "2015-07-21T00:00Z")
    #expect(try text("localdatetime.truncate", .string("millisecond"), datetime) == "2015-07-21T12:31:14.645")
    #expect(try text("localtime.truncate", .string("minute"), datetime) == "12:31")
    #expect(try text("time.truncate", .string("second"), datetime) == "12:31:14+01:00")
    #expect(try call("date.truncate", .string("month"), .null) == .null)
    check([
      Failure("date.truncate", [.string("hour"), date], "ArgumentError.InvalidArgumentValue"),
      Failure("date.truncate", [.string("fortnight"), date], "ArgumentError.InvalidArgumentValue"),
      Failure("date.truncate", [.int(1), date], "TypeError.InvalidArgumentType"),
      Failure("date.truncate", [.string("month"), date, .int(1)], "TypeError.InvalidArgumentType"),
    ])
  }

  @Test func epochConstructors() throws {
    #expect(try text("datetime.fromepoch", .int(1_700_000_000), .int(5)) == "2023-11-14T22:13:20.000000005Z")
    #expect(try text("datetime.fromepochmillis", .int(-1)) == "1969-12-31T23:59:59.999Z")
    #expect(try call("datetime.fromepoch", .null, .int(1)) == .null)
    check([Failure("datetime.fromepochmillis", [.string("1")], "TypeError.InvalidArgumentType")])
  }

  @Test func durations() throws {
    #expect(try text("duration", .string("P1Y2M10DT12H45M30.25S")) == "P1Y2M10DT12H45M30.25S")
    #expect(
      try text("duration", .map(["days": .int(14), "hours": .int(16), "minutes": .int(12)])) == "P14DT16H12M")
    #expect(try text("duration", .map(["months": .float(0.75)])) == "P22DT19H51M49.5S")
    let from = try call("date", .string("1984-10-11"))
    let to = try call("date", .string("2015-06-24"))
    #expect(try text("duration.between", from, to) == "P30Y8M13D")
    #expect(try text("duration.inMonths", from, to) == "P30Y8M")
    #expect(try text("duration.inDays", from, to) == "P11213D")
    let morning = try call("localtime", .string("09:00"))
    let evening = try call("localtime", .string("17:30:15"))
    #expect(try text("duration.inSeconds", morning, evening) == "PT8H30M15S")
    #expect(try text("duration.between", evening, morning) == "PT-8H-30M-15S")
    #expect(try call("duration.between", .null, to) == .null)
    #expect(try call("duration", .null) == .null)
    check([
      Failure("duration", [.int(1)], "TypeError.InvalidArgumentType"),
      Failure("duration", [.string("P1X")], "ArgumentError.InvalidArgumentValue"),
      Failure("duration", [.map(["lightyears": .int(1)])], "ArgumentError.InvalidArgumentValue"),
      Failure("duration.between", [.int(1), to], "TypeError.InvalidArgumentType"),
      Failure(
        "duration.inDays", [try call("duration", .string("P1D")), to], "TypeError.InvalidArgumentType"),
    ])
  }
}
