// `duration.between`, `duration.inMonths`, `duration.inDays` and
// `duration.inSeconds` across mixed temporal types, as Neo4j defines them:
// the operand lacking a part borrows it from the other (a date gets
// midnight, a time gets the other's date, a local value the other's zone),
// then the difference is taken in the requested unit. Date-based units
// compare local date-times in the first operand's zone and only count
// complete units; seconds compare instants.

extension CypherDuration {
  /// `duration.between(from, to)`: whole months, then whole days, then the
  /// remaining seconds. Months and days only count when both have dates.
  public static func between(_ from: Value, _ to: Value) throws -> CypherDuration {
    var start = try operand(from)
    let end = try operand(to)
    var months: Int64 = 0
    var days: Int64 = 0
    var current = from
    if start.date != nil && end.date != nil {
      months = try dateUnitsUntil(start, end, months: true)
      current = try advance(current, CypherDuration(months: months, days: 0, seconds: 0, nanoseconds: 0))
      start = try operand(current)
      days = try dateUnitsUntil(start, end, months: false)
      current = try advance(current, CypherDuration(months: 0, days: days, seconds: 0, nanoseconds: 0))
      start = try operand(current)
    }
    let (seconds, nanos) = try timeUntil(start, end)
    return try .normalized(months: months, days: days, seconds: seconds, nanoseconds: nanos)
  }

  /// `duration.inMonths(from, to)`: whole months only.
  public static func inMonths(_ from: Value, _ to: Value) throws -> CypherDuration {
    let months = try dateUnitsUntil(try operand(from), try operand(to), months: true)
    return CypherDuration(months: months, days: 0, seconds: 0, nanoseconds: 0)
  }

  /// `duration.inDays(from, to)`: whole days only.
  public static func inDays(_ from: Value, _ to: Value) throws -> CypherDuration {
    let days = try dateUnitsUntil(try operand(from), try operand(to), months: false)
    return CypherDuration(months: 0, days: days, seconds: 0, nanoseconds: 0)
  }

  /// `duration.inSeconds(from, to)`: seconds and nanoseconds only.
  public static func inSeconds(_ from: Value, _ to: Value) throws -> CypherDuration {
    let (seconds, nanos) = try timeUntil(try operand(from), try operand(to))
    return try .normalized(months: 0, days: 0, seconds: seconds, nanoseconds: nanos)
  }

  private static func operand(_ value: Value) throws -> TemporalParts {
    guard let parts = TemporalParts(value) else {
      throw TemporalError.invalid("Cannot compute a duration between values of type \(value.typeName)")
    }
    return parts
  }

  private static func advance(_ value: Value, _ duration: CypherDuration) throws -> Value {
    guard let moved = try value.temporalAdding(.duration(duration)) else {
      throw TemporalError.invalid("Cannot move a \(value.typeName) by a duration")
    }
    return moved
  }

  /// Whole months or days from `a` to `b`, 0 when either has no date.
  private static func dateUnitsUntil(_ a: TemporalParts, _ b: TemporalParts, months: Bool) throws -> Int64 {
    let (from, to) = try align(a, b, timeBased: false)
    guard let fromDate = from.date, var toDate = to.date else { return 0 }
    var toNanos = to.nanoOfDay ?? 0
    let fromNanos = from.nanoOfDay ?? 0
    if let fromZone = from.zone, let toOffset = to.offset, let toTime = to.nanoOfDay {
      // See the end in the start's zone, as ZonedDateTime.until does.
      let end = CypherDateTime(
        local: CypherLocalDateTime(date: toDate, time: CypherLocalTime(nanoOfDay: toTime)),
        offsetSeconds: toOffset)
      let seen = try end.converted(to: fromZone)
      toDate = seen.local.date
      toNanos = seen.local.time.nanoOfDay
    }
    // Only complete units count: an end earlier in its day loses a day.
    if toDate.epochDay > fromDate.epochDay && toNanos < fromNanos {
      toDate = CypherDate(epochDay: toDate.epochDay - 1)
    } else if toDate.epochDay < fromDate.epochDay && toNanos > fromNanos {
      toDate = CypherDate(epochDay: toDate.epochDay + 1)
    }
    guard months else { return toDate.epochDay - fromDate.epochDay }
    let start = fromDate.yearMonthDay
    let end = toDate.yearMonthDay
    let packedStart = (start.year * 12 + start.month - 1) * 32 + start.day
    let packedEnd = (end.year * 12 + end.month - 1) * 32 + end.day
    return (packedEnd - packedStart) / 32
  }

  /// The exact time from `a` to `b` as (seconds, nanoseconds).
  private static func timeUntil(_ a: TemporalParts, _ b: TemporalParts) throws -> (Int64, Int64) {
    let (from, to) = try align(a, b, timeBased: true)
    let fromNanos = from.nanoOfDay ?? 0
    let toNanos = to.nanoOfDay ?? 0
    var seconds = toNanos / nanosPerSecond - fromNanos / nanosPerSecond
    if let fromDate = from.date, let toDate = to.date {
      seconds += (toDate.epochDay - fromDate.epochDay) * 86_400
    }
    if let fromOffset = from.offset, let toOffset = to.offset {
      seconds -= Int64(toOffset) - Int64(fromOffset)
    }
    return (seconds, toNanos % nanosPerSecond - fromNanos % nanosPerSecond)
  }

  /// Gives each operand the parts only the other has, in Neo4j's order:
  /// time of day, then date, then zone.
  private static func align(_ a: TemporalParts, _ b: TemporalParts, timeBased: Bool) throws
    -> (Aligned, Aligned)
  {
    var from = Aligned(a)
    var to = Aligned(b)
    if timeBased {
      from.attachMidnight()
      to.attachMidnight()
    } else if from.nanoOfDay != nil && to.nanoOfDay == nil {
      to.attachMidnight()
    } else if to.nanoOfDay != nil && from.nanoOfDay == nil {
      from.attachMidnight()
    }
    if from.date != nil && to.date == nil {
      to.date = from.date
    } else if to.date != nil && from.date == nil {
      from.date = to.date
    }
    if let zone = from.zone, to.zone == nil {
      try to.attach(zone, offset: from.offset)
    } else if let zone = to.zone, from.zone == nil {
      try from.attach(zone, offset: to.offset)
    }
    return (from, to)
  }
}

/// An operand of a duration computation while parts are borrowed.
private struct Aligned {
  var date: CypherDate?
  var nanoOfDay: Int64?
  var zone: TemporalZone?
  var offset: Int32?

  init(_ parts: TemporalParts) {
    date = parts.date
    nanoOfDay = parts.nanoOfDay
    zone = parts.zone
    offset = parts.offset
  }

  mutating func attachMidnight() {
    if date != nil && nanoOfDay == nil { nanoOfDay = 0 }
  }

  /// Puts this local value in `zone`: a named zone resolves the offset at
  /// this local date-time; without a date the other operand's offset is used.
  mutating func attach(_ newZone: TemporalZone, offset otherOffset: Int32?) throws {
    zone = newZone
    if let date, case .named = newZone {
      let local = CypherLocalDateTime(date: date, time: CypherLocalTime(nanoOfDay: nanoOfDay ?? 0))
      let resolved = try CypherDateTime.resolving(local, in: newZone)
      self.date = resolved.local.date
      nanoOfDay = resolved.local.time.nanoOfDay
      offset = resolved.offsetSeconds
    } else if case .offset(let seconds) = newZone {
      offset = seconds
    } else {
      offset = otherOffset
    }
  }
}
