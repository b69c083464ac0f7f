import Testing

@testable import KizunaStore

// Calendar arithmetic over the supported range, zone resolution and the
// current-time helpers.

@Suite struct TemporalCalendarTests {
  @Test func knownEpochDays() throws {
    #expect(try CypherDate(year: 1970, month: 1, day: 1).epochDay == 0)
    #expect(try CypherDate(year: 2000, month: 3, day: 1).epochDay == 11017)
    #expect(try CypherDate(year: 1969, month: 12, day: 31).epochDay == -1)
    #expect(try CypherDate(year: 0, month: 1, day: 1).epochDay == -719_528)
  }

  @Test func roundTripsCalendarFieldsAcrossCenturies() throws {
    // Every 331st day from 10000 BCE to 10000 CE, plus the range's ends.
    var day = try CypherDate(year: -9999, month: 1, day: 1).epochDay
    let end = try CypherDate(year: 9999, month: 12, day: 31).epochDay
    while day <= end {
      let date = CypherDate(epochDay: day)
      let ymd = date.yearMonthDay
      #expect(try CypherDate(year: ymd.year, month: ymd.month, day: ymd.day).epochDay == day)
      #expect(
        try CypherDate(weekYear: date.weekYear, week: date.week, dayOfWeek: date.dayOfWeek).epochDay == day)
      #expect(try CypherDate(year: ymd.year, ordinalDay: date.ordinalDay).epochDay == day)
      #expect(
        try CypherDate(year: ymd.year, quarter: date.quarter, dayOfQuarter: date.dayOfQuarter).epochDay == day
      )
      #expect(try CypherDate.parse(date.description) == date)
      day += 331
    }
    for text in ["-999999999-01-01", "+999999999-12-31"] {
      #expect(try CypherDate.parse(text).description == text)
    }
  }

  @Test func knowsLeapYearsAndWeeks() throws {
    #expect(CypherDate.isLeapYear(2000) && !CypherDate.isLeapYear(1900) && CypherDate.isLeapYear(-4))
    #expect(try CypherDate(year: 2016, month: 2, day: 29).ordinalDay == 60)
    #expect(CypherDate.weeksInWeekYear(2015) == 53 && CypherDate.weeksInWeekYear(2016) == 52)
    let date = try CypherDate.parse("2015-07-21")
    #expect(date.dayOfWeek == 2 && date.week == 30 && date.quarter == 3 && date.dayOfQuarter == 21)
  }

  @Test func rejectsYearsOutsideTheSupportedRange() {
    #expect(
      throws: TemporalError(
        .outOfRange, "Invalid value for Year (valid values -999999999 - 999999999): 1000000000")
    ) {
      try CypherDate(year: 1_000_000_000, month: 1, day: 1)
    }
    #expect(throws: TemporalError.self) { try CypherDate(checkedEpochDay: Int64.max) }
    #expect(throws: TemporalError.self) { try CypherDate(weekYear: 2015, week: 54, dayOfWeek: 1) }
  }

  @Test func resolvesGapsAndOverlapsOfNamedZones() throws {
    // 02:30 does not exist in Stockholm on 2017-03-26: it moves to 03:30.
    let gap = try CypherDateTime.parse("2017-03-26T02:30[Europe/Stockholm]")
    #expect(gap.description == "2017-03-26T03:30+02:00[Europe/Stockholm]")
    // 02:30 happens twice on 2017-10-29: the earlier offset wins unless one is given.
    let overlap = try CypherDateTime.parse("2017-10-29T02:30[Europe/Stockholm]")
    #expect(overlap.description == "2017-10-29T02:30+02:00[Europe/Stockholm]")
    let later = try CypherDateTime.parse("2017-10-29T02:30+01:00[Europe/Stockholm]")
    #expect(later.description == "2017-10-29T02:30+01:00[Europe/Stockholm]")
  }

  @Test func parsesZones() throws {
    #expect(try TemporalZone(parsing: "+0530") == .offset(19800))
    #expect(try TemporalZone(parsing: "Z") == .offset(0))
    #expect(try TemporalZone(parsing: "America/New_York") == .named("America/New_York"))
    #expect(throws: TemporalError.self) { try TemporalZone(parsing: "+25:00") }
    #expect(throws: TemporalError.self) { try TemporalZone(parsing: "Not a zone") }
    #expect(TemporalZone.format(offset: -3600) == "-01:00")
  }

  @Test func convertsBetweenZones() throws {
    let stockholm = try CypherDateTime.parse("2015-07-21T21:40:32.142[Europe/Stockholm]")
    let tokyo = try stockholm.converted(to: .named("Asia/Tokyo"))
    #expect(tokyo.description == "2015-07-22T04:40:32.142+09:00[Asia/Tokyo]")
    #expect(tokyo.instant == stockholm.instant)
  }

  @Test func buildsCurrentValuesFromOneInstant() throws {
    let instant = Instant(epochSecond: 1_437_514_832, nano: 142_000_000)
    #expect(try CypherDateTime.now(instant).description == "2015-07-21T21:40:32.142Z")
    #expect(
      try CypherDateTime.now(instant, zone: .named("Europe/Stockholm")).description
        == "2015-07-21T23:40:32.142+02:00[Europe/Stockholm]")
    #expect(try CypherDate.now(instant, zone: .offset(-22 * 3600 / 2)).description == "2015-07-21")
    #expect(try CypherLocalTime.now(instant, zone: .offset(3600)).description == "22:40:32.142")
    #expect(try CypherTime.now(instant, zone: .offset(3600)).description == "22:40:32.142+01:00")
    #expect(try CypherLocalDateTime.now(instant).description == "2015-07-21T21:40:32.142")
    #expect(Instant(secondsSince1970: 1.5) == Instant(epochSecond: 1, nano: 500_000_000))
  }
}

@Suite struct TemporalRobustnessTests {
  @Test func printsOutOfRangeEpochDaysWithoutTrapping() {
    #expect(!CypherDate(epochDay: Int64.max).description.isEmpty)
    #expect(!CypherDate(epochDay: Int64.min).description.isEmpty)
  }
}
