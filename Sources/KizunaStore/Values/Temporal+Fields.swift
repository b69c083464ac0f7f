// Component access (`d.year`, `t.offset`, `dur.minutesOfHour`). Names match
// case-insensitively; an unknown name yields nil so that the caller can raise
// its own "no such field" error.

extension CypherDate {
  /// The value of the component `name`, or nil when dates have no such component.
  public func field(_ name: String) -> Value? {
    dateField(name.lowercased())
  }

  func dateField(_ key: String) -> Value? {
    switch key {
    case "year": return .int(year)
    case "quarter": return .int(quarter)
    case "month": return .int(month)
    case "week": return .int(week)
    case "weekyear": return .int(weekYear)
    case "day": return .int(day)
    case "ordinalday": return .int(ordinalDay)
    case "weekday", "dayofweek": return .int(dayOfWeek)
    case "dayofquarter": return .int(dayOfQuarter)
    default: return nil
    }
  }
}

extension CypherLocalTime {
  public var hour: Int64 { nanoOfDay / (3600 * nanosPerSecond) }
  public var minute: Int64 { nanoOfDay / (60 * nanosPerSecond) % 60 }
  public var second: Int64 { nanoOfDay / nanosPerSecond % 60 }
  /// Nanoseconds within the second.
  public var nanosecond: Int64 { nanoOfDay % nanosPerSecond }

  /// The value of the component `name`, or nil when local times have no such component.
  public func field(_ name: String) -> Value? {
    timeField(name.lowercased())
  }

  func timeField(_ key: String) -> Value? {
    switch key {
    case "hour": return .int(hour)
    case "minute": return .int(minute)
    case "second": return .int(second)
    case "millisecond": return .int(nanosecond / 1_000_000)
    case "microsecond": return .int(nanosecond / 1000)
    case "nanosecond": return .int(nanosecond)
    default: return nil
    }
  }
}

/// `timezone`, `offset`, `offsetMinutes`, `offsetSeconds` for zoned values.
private func zoneField(_ key: String, offset: Int32, zoneName: String?) -> Value? {
  switch key {
  case "timezone": return .string(zoneName ?? TemporalZone.format(offset: offset))
  case "offset": return .string(TemporalZone.format(offset: offset))
  case "offsetminutes": return .int(Int64(offset) / 60)
  case "offsetseconds": return .int(Int64(offset))
  default: return nil
  }
}

extension CypherTime {
  /// The value of the component `name`, or nil when times have no such component.
  public func field(_ name: String) -> Value? {
    let key = name.lowercased()
    return CypherLocalTime(nanoOfDay: nanoOfDay).timeField(key)
      ?? zoneField(key, offset: offsetSeconds, zoneName: nil)
  }
}

extension CypherLocalDateTime {
  /// The value of the component `name`, or nil when local datetimes have no such component.
  public func field(_ name: String) -> Value? {
    let key = name.lowercased()
    return date.dateField(key) ?? time.timeField(key)
  }
}

extension CypherDateTime {
  /// Whole seconds since 1970-01-01T00:00Z.
  public var epochSeconds: Int64 { instant.epochSecond }

  /// Milliseconds since 1970-01-01T00:00Z.
  public var epochMillis: Int64 {
    let instant = self.instant
    return instant.epochSecond * 1000 + instant.nano / 1_000_000
  }

  /// The value of the component `name`, or nil when datetimes have no such component.
  public func field(_ name: String) -> Value? {
    let key = name.lowercased()
    if let value = local.date.dateField(key) ?? local.time.timeField(key)
      ?? zoneField(key, offset: offsetSeconds, zoneName: zoneName)
    {
      return value
    }
    switch key {
    case "epochseconds": return .int(epochSeconds)
    case "epochmillis": return .int(epochMillis)
    default: return nil
    }
  }
}

extension CypherDuration {
  /// The value of the component `name` (`years`, `monthsOfYear`,
  /// `nanosecondsOfSecond`, ...), or nil when durations have no such component.
  /// Each is derived from one stored component: months, days or seconds.
  public func field(_ name: String) -> Value? {
    switch name.lowercased() {
    case "years": return .int(months / 12)
    case "quarters": return .int(months / 3)
    case "months": return .int(months)
    case "weeks": return .int(days / 7)
    case "days": return .int(days)
    case "hours": return .int(seconds / 3600)
    case "minutes": return .int(seconds / 60)
    case "seconds": return .int(seconds)
    case "milliseconds": return wide(seconds, 1000, nanoseconds / 1_000_000)
    case "microseconds": return wide(seconds, 1_000_000, nanoseconds / 1000)
    case "nanoseconds": return wide(seconds, nanosPerSecond, nanoseconds)
    case "quartersofyear": return .int(months / 3 % 4)
    case "monthsofquarter": return .int(months % 3)
    case "monthsofyear": return .int(months % 12)
    case "daysofweek": return .int(days % 7)
    case "minutesofhour": return .int(seconds / 60 % 60)
    case "secondsofminute": return .int(seconds % 60)
    case "millisecondsofsecond": return .int(nanoseconds / 1_000_000)
    case "microsecondsofsecond": return .int(nanoseconds / 1000)
    case "nanosecondsofsecond": return .int(nanoseconds)
    default: return nil
    }
  }

  /// `seconds * scale + part`, or null when it does not fit 64 bits.
  private func wide(_ seconds: Int64, _ scale: Int64, _ part: Int64) -> Value {
    let (product, overflow) = seconds.multipliedReportingOverflow(by: scale)
    let (sum, overflow2) = product.addingReportingOverflow(part)
    return overflow || overflow2 ? .null : .int(sum)
  }
}

extension Value {
  /// `value.name` for temporal values and durations: the component, or nil
  /// when this value is not temporal or has no such component.
  public func temporalField(_ name: String) -> Value? {
    switch self {
    case .date(let value): return value.field(name)
    case .localTime(let value): return value.field(name)
    case .time(let value): return value.field(name)
    case .localDateTime(let value): return value.field(name)
    case .dateTime(let value): return value.field(name)
    case .duration(let value): return value.field(name)
    default: return nil
    }
  }
}
