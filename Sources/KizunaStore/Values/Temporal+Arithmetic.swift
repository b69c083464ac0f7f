// Temporal +/- duration with Neo4j's (java.time's) order: months first (the
// day clamped to the month's end), then days, then seconds and nanoseconds.
// Types without a date ignore months and days; dates ignore the part of the
// seconds below a whole day and the nanoseconds.

extension CypherDate {
  /// `self + duration`.
  public func adding(_ duration: CypherDuration) throws -> CypherDate {
    try addingMonths(duration.months).addingDays(duration.days).addingDays(duration.seconds / 86_400)
  }

  /// `self - duration`.
  public func subtracting(_ duration: CypherDuration) throws -> CypherDate {
    try addingMonths(Checked.sub(0, duration.months)).addingDays(Checked.sub(0, duration.days))
      .addingDays(-(duration.seconds / 86_400))
  }
}

/// A time of day moved by seconds and nanoseconds, wrapping around midnight.
private func shiftTimeOfDay(_ nanoOfDay: Int64, seconds: Int64, nanos: Int64, sign: Int64) -> Int64 {
  let secondsPart = floorMod(seconds, 86_400) * nanosPerSecond
  return floorMod(nanoOfDay + sign * (secondsPart + nanos), nanosPerDay)
}

extension CypherLocalTime {
  /// `self + duration`: only its seconds and nanoseconds count.
  public func adding(_ duration: CypherDuration) -> CypherLocalTime {
    CypherLocalTime(
      nanoOfDay: shiftTimeOfDay(nanoOfDay, seconds: duration.seconds, nanos: duration.nanoseconds, sign: 1))
  }

  /// `self - duration`.
  public func subtracting(_ duration: CypherDuration) -> CypherLocalTime {
    CypherLocalTime(
      nanoOfDay: shiftTimeOfDay(nanoOfDay, seconds: duration.seconds, nanos: duration.nanoseconds, sign: -1))
  }
}

extension CypherTime {
  /// `self + duration`: only its seconds and nanoseconds count.
  public func adding(_ duration: CypherDuration) -> CypherTime {
    CypherTime(
      nanoOfDay: shiftTimeOfDay(nanoOfDay, seconds: duration.seconds, nanos: duration.nanoseconds, sign: 1),
      offsetSeconds: offsetSeconds)
  }

  /// `self - duration`.
  public func subtracting(_ duration: CypherDuration) -> CypherTime {
    CypherTime(
      nanoOfDay: shiftTimeOfDay(nanoOfDay, seconds: duration.seconds, nanos: duration.nanoseconds, sign: -1),
      offsetSeconds: offsetSeconds)
  }
}

extension CypherLocalDateTime {
  /// `self + duration`.
  public func adding(_ duration: CypherDuration) throws -> CypherLocalDateTime {
    let moved = CypherLocalDateTime(
      date: try date.addingMonths(duration.months).addingDays(duration.days), time: time)
    return try moved.addingSeconds(duration.seconds, nanos: duration.nanoseconds)
  }

  /// `self - duration`.
  public func subtracting(_ duration: CypherDuration) throws -> CypherLocalDateTime {
    let moved = CypherLocalDateTime(
      date: try date.addingMonths(Checked.sub(0, duration.months)).addingDays(Checked.sub(0, duration.days)),
      time: time)
    return try moved.addingSeconds(Checked.sub(0, duration.seconds), nanos: -duration.nanoseconds)
  }

  /// Moved along the local time line.
  func addingSeconds(_ seconds: Int64, nanos: Int64) throws -> CypherLocalDateTime {
    if seconds == 0 && nanos == 0 { return self }
    let nano = time.nanoOfDay % nanosPerSecond + nanos
    let total = try Checked.add(
      try Checked.add(localEpochSecond, seconds), floorDiv(nano, nanosPerSecond))
    return try CypherLocalDateTime(localEpochSecond: total, nano: floorMod(nano, nanosPerSecond))
  }
}

extension CypherDateTime {
  /// `self + duration`: months and days move the local date (keeping the
  /// offset where the zone allows), seconds move the instant.
  public func adding(_ duration: CypherDuration) throws -> CypherDateTime {
    try moved(
      months: duration.months, days: duration.days, seconds: duration.seconds, nanos: duration.nanoseconds)
  }

  /// `self - duration`.
  public func subtracting(_ duration: CypherDuration) throws -> CypherDateTime {
    try moved(
      months: Checked.sub(0, duration.months), days: Checked.sub(0, duration.days),
      seconds: Checked.sub(0, duration.seconds), nanos: -duration.nanoseconds)
  }

  private func moved(months: Int64, days: Int64, seconds: Int64, nanos: Int64) throws -> CypherDateTime {
    var result = self
    if months != 0 || days != 0 {
      let local = CypherLocalDateTime(
        date: try self.local.date.addingMonths(months).addingDays(days), time: self.local.time)
      result = try CypherDateTime.resolving(local, in: zone, preferredOffset: offsetSeconds)
    }
    if seconds != 0 || nanos != 0 {
      let instant = result.instant
      let nano = instant.nano + nanos
      let second = try Checked.add(
        try Checked.add(instant.epochSecond, seconds), floorDiv(nano, nanosPerSecond))
      result = try CypherDateTime(epochSecond: second, nano: floorMod(nano, nanosPerSecond), zone: zone)
    }
    return result
  }
}

extension Value {
  /// `self + other` when it is temporal arithmetic (temporal + duration,
  /// duration + temporal, duration + duration); nil for other operand types.
  public func temporalAdding(_ other: Value) throws -> Value? {
    switch (self, other) {
    case (.duration(let a), .duration(let b)): return .duration(try a.adding(b))
    case (.duration(let d), _): return try other.temporalAdding(.duration(d))
    case (.date(let t), .duration(let d)): return .date(try t.adding(d))
    case (.localTime(let t), .duration(let d)): return .localTime(t.adding(d))
    case (.time(let t), .duration(let d)): return .time(t.adding(d))
    case (.localDateTime(let t), .duration(let d)): return .localDateTime(try t.adding(d))
    case (.dateTime(let t), .duration(let d)): return .dateTime(try t.adding(d))
    default: return nil
    }
  }

  /// `self - other` when it is temporal arithmetic (temporal - duration,
  /// duration - duration); nil for other operand types.
  public func temporalSubtracting(_ other: Value) throws -> Value? {
    switch (self, other) {
    case (.duration(let a), .duration(let b)): return .duration(try a.subtracting(b))
    case (.date(let t), .duration(let d)): return .date(try t.subtracting(d))
    case (.localTime(let t), .duration(let d)): return .localTime(t.subtracting(d))
    case (.time(let t), .duration(let d)): return .time(t.subtracting(d))
    case (.localDateTime(let t), .duration(let d)): return .localDateTime(try t.subtracting(d))
    case (.dateTime(let t), .duration(let d)): return .dateTime(try t.subtracting(d))
    default: return nil
    }
  }
}
