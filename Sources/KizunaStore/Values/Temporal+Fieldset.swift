// The map argument of `date({...})`, `localtime({...})`, ...: its keys
// (case-insensitive), its integer fields, and how date and time fields
// combine with a base value selected from another temporal.

struct TemporalFieldset {
  private var entries: [String: (key: String, value: Value)] = [:]

  init(_ map: [String: Value], allowed: Set<String>, typeName: String) throws {
    for (key, value) in map {
      let lower = key.lowercased()
      guard allowed.contains(lower) else {
        throw TemporalError.invalid("No such field for \(typeName): '\(key)'")
      }
      guard entries[lower] == nil else {
        throw TemporalError.invalid("Field '\(key)' is given twice for \(typeName)")
      }
      entries[lower] = (key, value)
    }
  }

  func has(_ key: String) -> Bool { entries[key] != nil }

  func value(_ key: String) -> Value? { entries[key]?.value }

  /// An integer field; floats with no fraction are accepted.
  func int(_ key: String) throws -> Int64? {
    guard let (name, value) = entries[key] else { return nil }
    switch value {
    case .int(let number): return number
    case .float(let number) where number.rounded() == number && abs(number) < 9e18: return Int64(number)
    default: throw TemporalError.invalid("Field '\(name)' must be an integer, not \(value.typeName)")
    }
  }

  func int(_ key: String, in range: ClosedRange<Int64>, _ label: String) throws -> Int64? {
    guard let number = try int(key) else { return nil }
    guard range.contains(number) else {
      throw TemporalError.invalid(
        "Invalid value for \(label) (valid values \(range.lowerBound) - \(range.upperBound)): \(number)")
    }
    return number
  }

  /// The `timezone` field as a zone.
  func zone() throws -> TemporalZone? {
    guard let value = value("timezone") else { return nil }
    guard case .string(let text) = value else {
      throw TemporalError.invalid("Field 'timezone' must be a string, not \(value.typeName)")
    }
    return try TemporalZone(parsing: text)
  }

  static let dateKeys: Set<String> = [
    "year", "month", "day", "week", "dayofweek", "ordinalday", "quarter", "dayofquarter",
  ]
  static let timeKeys: Set<String> = ["hour", "minute", "second", "millisecond", "microsecond", "nanosecond"]

  var hasDateFields: Bool { !Self.dateKeys.isDisjoint(with: entries.keys) }
  var hasTimeFields: Bool { !Self.timeKeys.isDisjoint(with: entries.keys) }

  /// The date the fields describe, overriding `base` where given; nil when
  /// there are neither fields nor a base.
  func date(base: CypherDate?) throws -> CypherDate? {
    guard hasDateFields else { return base }
    let week = has("week") || has("dayofweek")
    let ordinal = has("ordinalday")
    let quarter = has("quarter") || has("dayofquarter")
    let calendar = has("month") || has("day")
    guard [week, ordinal, quarter, calendar].filter({ $0 }).count <= 1 else {
      throw TemporalError.invalid(
        "Cannot mix calendar (month, day), week (week, dayOfWeek), ordinal (ordinalDay) "
          + "and quarter (quarter, dayOfQuarter) fields")
    }
    if base == nil && !has("year") {
      throw TemporalError.invalid("A date needs 'year' (or a base value under 'date')")
    }
    if week {
      if base == nil && !has("week") {
        throw TemporalError.invalid("'dayOfWeek' needs 'week'")
      }
      return try CypherDate(
        weekYear: try int("year") ?? base?.weekYear ?? 0,
        week: try int("week") ?? base?.week ?? 1,
        dayOfWeek: try int("dayofweek") ?? base?.dayOfWeek ?? 1)
    }
    if ordinal {
      return try CypherDate(
        year: try int("year") ?? base?.year ?? 0, ordinalDay: try int("ordinalday") ?? 1)
    }
    if quarter {
      if base == nil && !has("quarter") {
        throw TemporalError.invalid("'dayOfQuarter' needs 'quarter'")
      }
      return try CypherDate(
        year: try int("year") ?? base?.year ?? 0,
        quarter: try int("quarter") ?? base?.quarter ?? 1,
        dayOfQuarter: try int("dayofquarter") ?? base?.dayOfQuarter ?? 1)
    }
    if base == nil && has("day") && !has("month") {
      throw TemporalError.invalid("'day' needs 'month'")
    }
    let ymd = base?.yearMonthDay
    return try CypherDate(
      year: try int("year") ?? ymd?.year ?? 0,
      month: try int("month") ?? ymd?.month ?? 1,
      day: try int("day") ?? ymd?.day ?? 1)
  }

  /// The nanosecond of the day the fields describe, overriding `base` where
  /// given; nil when there are neither fields nor a base.
  func nanoOfDay(base: Int64?) throws -> Int64? {
    guard hasTimeFields else { return base }
    if base == nil {
      // Each unit needs the next larger one: {hour: 1, second: 2} is an error.
      let order = ["hour", "minute", "second"]
      for (index, key) in order.enumerated().dropFirst() where has(key) && !has(order[index - 1]) {
        throw TemporalError.invalid("'\(key)' needs '\(order[index - 1])'")
      }
      if !has("second") && (has("millisecond") || has("microsecond") || has("nanosecond")) {
        throw TemporalError.invalid("Fractions of a second need 'second'")
      }
      if !has("hour") { throw TemporalError.invalid("A time needs 'hour' (or a base value under 'time')") }
    }
    let old = base ?? 0
    let hour = try int("hour", in: 0...23, "HourOfDay") ?? old / (3600 * nanosPerSecond)
    let minute = try int("minute", in: 0...59, "MinuteOfHour") ?? old / (60 * nanosPerSecond) % 60
    let second = try int("second", in: 0...59, "SecondOfMinute") ?? old / nanosPerSecond % 60
    var fraction = old % nanosPerSecond
    if has("millisecond") || has("microsecond") || has("nanosecond") {
      let milli = try int("millisecond", in: 0...999, "MilliOfSecond") ?? 0
      let microRange: ClosedRange<Int64> = has("millisecond") ? 0...999 : 0...999_999
      let micro = try int("microsecond", in: microRange, "MicroOfSecond") ?? 0
      let nanoRange: ClosedRange<Int64> =
        has("microsecond") ? 0...999 : has("millisecond") ? 0...999_999 : 0...999_999_999
      let nano = try int("nanosecond", in: nanoRange, "NanoOfSecond") ?? 0
      fraction = milli * 1_000_000 + micro * 1000 + nano
    }
    return (hour * 3600 + minute * 60 + second) * nanosPerSecond + fraction
  }
}
