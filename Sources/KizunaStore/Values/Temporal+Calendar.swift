// Proleptic Gregorian calendar arithmetic on epoch days (days since
// 1970-01-01), over Neo4j's range of years -999,999,999 ... 999,999,999.

/// The year range Neo4j (and java.time) supports; dates outside it throw.
public let supportedYears: ClosedRange<Int64> = -999_999_999...999_999_999

extension CypherDate {
  /// The earliest and latest supported dates.
  static let minEpochDay: Int64 = CypherDate.epochDay(year: -999_999_999, month: 1, day: 1)
  static let maxEpochDay: Int64 = CypherDate.epochDay(year: 999_999_999, month: 12, day: 31)

  /// True for leap years of the proleptic Gregorian calendar.
  public static func isLeapYear(_ year: Int64) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Days in `month` (1...12) of `year`.
  public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days in `year`.
  public static func daysInYear(_ year: Int64) -> Int64 { isLeapYear(year) ? 366 : 365 }

  /// Epoch day of a calendar date; the fields must already be valid.
  /// (Howard Hinnant's `days_from_civil`, exact over the whole range.)
  static func epochDay(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = floorDiv(y, 400)
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// A date from calendar fields, validating each one.
  public init(year: Int64, month: Int64, day: Int64) throws {
    try CypherDate.checkYear(year)
    guard (1...12).contains(month) else {
      throw TemporalError.invalid("Invalid value for MonthOfYear (valid values 1 - 12): \(month)")
    }
    let length = CypherDate.daysInMonth(year: year, month: month)
    guard (1...length).contains(day) else {
      throw TemporalError.invalid(
        "Invalid value for DayOfMonth (valid values 1 - \(length) for \(year)-\(month)): \(day)")
    }
    self.init(epochDay: CypherDate.epochDay(year: year, month: month, day: day))
  }

  /// A date from a year and a day of that year (1...365 or 366).
  public init(year: Int64, ordinalDay: Int64) throws {
    try CypherDate.checkYear(year)
    let length = CypherDate.daysInYear(year)
    guard (1...length).contains(ordinalDay) else {
      throw TemporalError.invalid("Invalid value for DayOfYear (valid values 1 - \(length)): \(ordinalDay)")
    }
    self.init(epochDay: CypherDate.epochDay(year: year, month: 1, day: 1) + ordinalDay - 1)
  }

  /// A date from an ISO week-based year, week (1...52 or 53) and day of
  /// week (1 = Monday ... 7 = Sunday).
  public init(weekYear: Int64, week: Int64, dayOfWeek: Int64) throws {
    try CypherDate.checkYear(weekYear)
    let weeks = CypherDate.weeksInWeekYear(weekYear)
    guard (1...weeks).contains(week) else {
      throw TemporalError.invalid(
        "Invalid value for WeekOfWeekBasedYear (valid values 1 - \(weeks) for \(weekYear)): \(week)")
    }
    guard (1...7).contains(dayOfWeek) else {
      throw TemporalError.invalid("Invalid value for DayOfWeek (valid values 1 - 7): \(dayOfWeek)")
    }
    let day = CypherDate.firstDayOfWeekYear(weekYear) + (week - 1) * 7 + dayOfWeek - 1
    try self.init(checkedEpochDay: day)
  }

  /// A date from a year, quarter (1...4) and day of that quarter.
  public init(year: Int64, quarter: Int64, dayOfQuarter: Int64) throws {
    try CypherDate.checkYear(year)
    guard (1...4).contains(quarter) else {
      throw TemporalError.invalid("Invalid value for QuarterOfYear (valid values 1 - 4): \(quarter)")
    }
    let first = CypherDate.epochDay(year: year, month: quarter * 3 - 2, day: 1)
    let next =
      quarter == 4
      ? CypherDate.epochDay(year: year + 1, month: 1, day: 1)
      : CypherDate.epochDay(year: year, month: quarter * 3 + 1, day: 1)
    guard (1...(next - first)).contains(dayOfQuarter) else {
      throw TemporalError.invalid(
        "Invalid value for DayOfQuarter (valid values 1 - \(next - first)): \(dayOfQuarter)")
    }
    self.init(epochDay: first + dayOfQuarter - 1)
  }

  /// A date from an epoch day, checking the supported range.
  public init(checkedEpochDay day: Int64) throws {
    guard day >= CypherDate.minEpochDay && day <= CypherDate.maxEpochDay else {
      throw TemporalError.range(
        "Date is outside the supported range -999999999-01-01 ... +999999999-12-31 (epoch day \(day))")
    }
    self.init(epochDay: day)
  }

  static func checkYear(_ year: Int64) throws {
    guard supportedYears.contains(year) else {
      throw TemporalError.range(
        "Invalid value for Year (valid values -999999999 - 999999999): \(year)")
    }
  }

  /// The calendar fields (Hinnant's `civil_from_days`). Exact over the
  /// supported range; wrapping arithmetic keeps an out-of-range epoch day
  /// (only constructible through `init(epochDay:)`) from trapping.
  public var yearMonthDay: (year: Int64, month: Int64, day: Int64) {
    let z = epochDay &+ 719_468
    let era = floorDiv(z, 146_097)
    let doe = z &- era &* 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe &+ era &* 400 &+ (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  public var year: Int64 { yearMonthDay.year }
  public var month: Int64 { yearMonthDay.month }
  public var day: Int64 { yearMonthDay.day }

  /// 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
  public var dayOfWeek: Int64 { floorMod(epochDay + 3, 7) + 1 }

  /// Day of the year, 1-based.
  public var ordinalDay: Int64 { epochDay - CypherDate.epochDay(year: year, month: 1, day: 1) + 1 }

  /// Quarter of the year, 1...4.
  public var quarter: Int64 { (month - 1) / 3 + 1 }

  /// Day of the quarter, 1-based.
  public var dayOfQuarter: Int64 {
    let ymd = yearMonthDay
    let first = CypherDate.epochDay(year: ymd.year, month: (ymd.month - 1) / 3 * 3 + 1, day: 1)
    return epochDay - first + 1
  }

  /// The ISO week-based year: the year holding this date's week's Thursday.
  public var weekYear: Int64 {
    CypherDate(epochDay: epochDay - dayOfWeek + 4).year
  }

  /// The ISO week of `weekYear`, 1...53.
  public var week: Int64 {
    (epochDay - CypherDate.firstDayOfWeekYear(weekYear)) / 7 + 1
  }

  /// The Monday of week 1 of an ISO week-based year (the week holding January 4th).
  static func firstDayOfWeekYear(_ weekYear: Int64) -> Int64 {
    let jan4 = epochDay(year: weekYear, month: 1, day: 4)
    return jan4 - (floorMod(jan4 + 3, 7))
  }

  /// 52 or 53.
  static func weeksInWeekYear(_ weekYear: Int64) -> Int64 {
    (firstDayOfWeekYear(weekYear + 1) - firstDayOfWeekYear(weekYear)) / 7
  }

  /// This date moved by whole months, clamping the day to the target
  /// month's length (`2015-01-31` plus one month is `2015-02-28`).
  public func addingMonths(_ months: Int64) throws -> CypherDate {
    if months == 0 { return self }
    let ymd = yearMonthDay
    let total = try Checked.add(try Checked.mul(ymd.year, 12) + (ymd.month - 1), months)
    let year = floorDiv(total, 12)
    let month = floorMod(total, 12) + 1
    try CypherDate.checkYear(year)
    let day = min(ymd.day, CypherDate.daysInMonth(year: year, month: month))
    return CypherDate(epochDay: CypherDate.epochDay(year: year, month: month, day: day))
  }

  /// This date moved by whole days.
  public func addingDays(_ days: Int64) throws -> CypherDate {
    try CypherDate(checkedEpochDay: try Checked.add(epochDay, days))
  }
}
