// `date.truncate(unit, value[, map])` and its siblings: round a temporal
// down to the start of a unit, then override fields from the map
// (`date.truncate('week', d, {dayOfWeek: 2})` is that week's Tuesday).

/// The units temporal values truncate to, largest first.
public enum TruncationUnit: String, Sendable, CaseIterable {
  case millennium, century, decade, year, weekYear, quarter, month, week, day
  case hour, minute, second, millisecond, microsecond

  /// Parses a unit name, ignoring case.
  public init(name: String) throws {
    guard let unit = TruncationUnit.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() })
    else {
      throw TemporalError.invalid("Unknown truncation unit: '\(name)'")
    }
    self = unit
  }

  var isDateUnit: Bool {
    switch self {
    case .millennium, .century, .decade, .year, .weekYear, .quarter, .month, .week, .day: return true
    default: return false
    }
  }

  /// The start of this unit containing `date` (units below a day leave it unchanged).
  func truncate(_ date: CypherDate) throws -> CypherDate {
    let ymd = date.yearMonthDay
    switch self {
    case .millennium: return try CypherDate(year: floorDiv(ymd.year, 1000) * 1000, month: 1, day: 1)
    case .century: return try CypherDate(year: floorDiv(ymd.year, 100) * 100, month: 1, day: 1)
    case .decade: return try CypherDate(year: floorDiv(ymd.year, 10) * 10, month: 1, day: 1)
    case .year: return try CypherDate(year: ymd.year, month: 1, day: 1)
    case .weekYear: return try CypherDate(weekYear: date.weekYear, week: 1, dayOfWeek: 1)
    case .quarter: return try CypherDate(year: ymd.year, month: (ymd.month - 1) / 3 * 3 + 1, day: 1)
    case .month: return try CypherDate(year: ymd.year, month: ymd.month, day: 1)
    case .week: return try CypherDate(checkedEpochDay: date.epochDay - date.dayOfWeek + 1)
    default: return date
    }
  }

  /// `overrides` with the truncated value's milli- or microseconds added when
  /// the map sets only smaller units, so that truncating 12:31:14.645876 to
  /// milliseconds with `{nanosecond: 2}` gives 12:31:14.645000002 as in Neo4j.
  func completingFractions(_ overrides: [String: Value], nanoOfDay: Int64) -> [String: Value] {
    let keys = Set(overrides.keys.map { $0.lowercased() })
    var completed = overrides
    let fraction = nanoOfDay % nanosPerSecond
    if self == .millisecond && !keys.contains("millisecond")
      && (keys.contains("microsecond") || keys.contains("nanosecond"))
    {
      completed["millisecond"] = .int(fraction / 1_000_000)
    } else if self == .microsecond && !keys.contains("microsecond") && !keys.contains("millisecond")
      && keys.contains("nanosecond")
    {
      completed["microsecond"] = .int(fraction / 1000)
    }
    return completed
  }

  /// The start of this unit containing the time of day (date units give midnight).
  func truncate(nanoOfDay: Int64) -> Int64 {
    let step: Int64
    switch self {
    case .hour: step = 3600 * nanosPerSecond
    case .minute: step = 60 * nanosPerSecond
    case .second: step = nanosPerSecond
    case .millisecond: step = 1_000_000
    case .microsecond: step = 1000
    default: return 0
    }
    return nanoOfDay - nanoOfDay % step
  }
}

private func truncationSource(_ value: Value, needsDate: Bool, _ typeName: String) throws -> TemporalParts {
  guard let parts = TemporalParts(value), !needsDate || parts.date != nil,
    needsDate || parts.nanoOfDay != nil
  else {
    throw TemporalError.invalid("Cannot truncate a \(value.typeName) to a \(typeName)")
  }
  return parts
}

extension CypherDate {
  /// `date.truncate(unit, value, overrides)`: `value` is a date, local
  /// datetime or datetime; `unit` a date unit.
  public static func truncate(_ unit: String, _ value: Value, overrides: [String: Value] = [:]) throws
    -> CypherDate
  {
    let unit = try TruncationUnit(name: unit)
    guard unit.isDateUnit else { throw TemporalError.invalid("Cannot truncate a date to \(unit.rawValue)") }
    let parts = try truncationSource(value, needsDate: true, "Date")
    let fields = try TemporalFieldset(overrides, allowed: TemporalFieldset.dateKeys, typeName: "Date")
    let truncated = try unit.truncate(parts.date ?? CypherDate(epochDay: 0))
    return try fields.date(base: truncated) ?? truncated
  }
}

extension CypherLocalTime {
  /// `localtime.truncate(unit, value, overrides)`: `unit` is `day` or smaller.
  public static func truncate(_ unit: String, _ value: Value, overrides: [String: Value] = [:]) throws
    -> CypherLocalTime
  {
    let nanos = try truncatedTime(unit, value, overrides, typeName: "LocalTime", zoned: false).nanos
    return CypherLocalTime(nanoOfDay: nanos)
  }

  /// The truncated, overridden time of day and the requested or kept zone.
  static func truncatedTime(
    _ unitName: String, _ value: Value, _ overrides: [String: Value], typeName: String, zoned: Bool
  ) throws -> (nanos: Int64, parts: TemporalParts, zone: TemporalZone?) {
    let unit = try TruncationUnit(name: unitName)
    guard !unit.isDateUnit || unit == .day else {
      throw TemporalError.invalid("Cannot truncate a time to \(unit.rawValue)")
    }
    let parts = try truncationSource(value, needsDate: false, typeName)
    let allowed = zoned ? TemporalFieldset.timeKeys.union(["timezone"]) : TemporalFieldset.timeKeys
    let truncated = unit.truncate(nanoOfDay: parts.nanoOfDay ?? 0)
    let fields = try TemporalFieldset(
      unit.completingFractions(overrides, nanoOfDay: truncated), allowed: allowed, typeName: typeName)
    return (try fields.nanoOfDay(base: truncated) ?? truncated, parts, try fields.zone())
  }
}

extension CypherTime {
  /// `time.truncate(unit, value, overrides)`; the offset is the map's
  /// `timezone`, else the value's, else `defaultZone`'s (named zones at `clock`).
  public static func truncate(
    _ unit: String, _ value: Value, overrides: [String: Value] = [:], defaultZone: TemporalZone = .offset(0),
    clock: Instant? = nil
  ) throws -> CypherTime {
    let (nanos, parts, zone) = try CypherLocalTime.truncatedTime(
      unit, value, overrides, typeName: "Time", zoned: true)
    let chosen = zone ?? parts.zone ?? defaultZone
    let offset: Int32
    if case .offset(let seconds) = chosen {
      offset = seconds
    } else if chosen == parts.zone, let own = parts.offset {
      offset = own
    } else {
      offset = offsetNow(chosen, clock: clock)
    }
    return CypherTime(nanoOfDay: nanos, offsetSeconds: offset)
  }
}

extension CypherLocalDateTime {
  /// `localdatetime.truncate(unit, value, overrides)`: `value` has a date.
  public static func truncate(_ unit: String, _ value: Value, overrides: [String: Value] = [:]) throws
    -> CypherLocalDateTime
  {
    try truncated(unit, value, overrides, typeName: "LocalDateTime", zoned: false).local
  }

  static func truncated(
    _ unitName: String, _ value: Value, _ overrides: [String: Value], typeName: String, zoned: Bool
  ) throws -> (local: CypherLocalDateTime, parts: TemporalParts, zone: TemporalZone?) {
    let unit = try TruncationUnit(name: unitName)
    let parts = try truncationSource(value, needsDate: true, typeName)
    var allowed = TemporalFieldset.dateKeys.union(TemporalFieldset.timeKeys)
    if zoned { allowed.insert("timezone") }
    let date = try unit.truncate(parts.date ?? CypherDate(epochDay: 0))
    let nanos = unit.truncate(nanoOfDay: parts.nanoOfDay ?? 0)
    let fields = try TemporalFieldset(
      unit.completingFractions(overrides, nanoOfDay: nanos), allowed: allowed, typeName: typeName)
    let local = CypherLocalDateTime(
      date: try fields.date(base: date) ?? date,
      time: CypherLocalTime(nanoOfDay: try fields.nanoOfDay(base: nanos) ?? nanos))
    return (local, parts, try fields.zone())
  }
}

extension CypherDateTime {
  /// `datetime.truncate(unit, value, overrides)`: the local date-time is
  /// truncated and placed in the map's `timezone`, else the value's zone,
  /// else `defaultZone`.
  public static func truncate(
    _ unit: String, _ value: Value, overrides: [String: Value] = [:], defaultZone: TemporalZone = .offset(0)
  ) throws -> CypherDateTime {
    let (local, parts, zone) = try CypherLocalDateTime.truncated(
      unit, value, overrides, typeName: "DateTime", zoned: true)
    return try resolving(local, in: zone ?? parts.zone ?? defaultZone)
  }
}
