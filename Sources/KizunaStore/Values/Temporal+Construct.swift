import Foundation

// What `date(x)`, `localtime(x)`, `time(x)`, `localdatetime(x)` and
// `datetime(x)` do for a string (parse), a map (build, possibly selecting from
// other temporals under `date`, `time` or `datetime`) or a temporal value
// (select the parts the result type has).

/// The date and time parts of a temporal value, and its zone if it has one.
struct TemporalParts {
  var date: CypherDate?
  var nanoOfDay: Int64?
  /// The zone for datetimes; a fixed offset for times.
  var zone: TemporalZone?
  /// The value itself when it is a datetime (for instant conversions).
  var dateTime: CypherDateTime?

  init?(_ value: Value) {
    switch value {
    case .date(let d): date = d
    case .localTime(let t): nanoOfDay = t.nanoOfDay
    case .time(let t):
      nanoOfDay = t.nanoOfDay
      zone = .offset(t.offsetSeconds)
    case .localDateTime(let l):
      date = l.date
      nanoOfDay = l.time.nanoOfDay
    case .dateTime(let d):
      date = d.local.date
      nanoOfDay = d.local.time.nanoOfDay
      zone = d.zone
      dateTime = d
    default: return nil
    }
  }

  /// The offset of this value (the datetime's own, or a time's).
  var offset: Int32? {
    if let dateTime { return dateTime.offsetSeconds }
    if case .offset(let seconds) = zone { return seconds }
    return nil
  }
}

private func temporalArgument(_ fields: TemporalFieldset, _ key: String) throws -> TemporalParts? {
  guard let value = fields.value(key) else { return nil }
  guard let parts = TemporalParts(value) else {
    throw TemporalError.invalid("Field '\(key)' must be a temporal value, not \(value.typeName)")
  }
  return parts
}

private func unsupported(_ value: Value, _ typeName: String) -> TemporalError {
  TemporalError.invalid("Cannot construct a \(typeName) from \(value.typeName)")
}

/// The statement's instant, or the system clock's when none is given.
func statementInstant(_ clock: Instant?) -> Instant {
  clock ?? Instant(secondsSince1970: Date().timeIntervalSince1970)
}

/// The offset a zone has at the statement's instant: times carry only
/// offsets, so a named zone given to `time()` is fixed at that instant.
func offsetNow(_ zone: TemporalZone, clock: Instant? = nil) -> Int32 {
  zone.offset(atEpochSecond: statementInstant(clock).epochSecond)
}

/// The zone of a map holding only `timezone`: `date({timezone: 'Europe/Paris'})`
/// is today in Paris.
private func onlyTimezone(_ map: [String: Value]) throws -> TemporalZone? {
  guard map.count == 1, let (key, value) = map.first, key.lowercased() == "timezone" else { return nil }
  guard case .string(let text) = value else {
    throw TemporalError.invalid("Field 'timezone' must be a string, not \(value.typeName)")
  }
  return try TemporalZone(parsing: text)
}

extension CypherDate {
  /// `date(value)` for a string, a map or another temporal value. `clock`
  /// is the statement's instant, for `{timezone: ...}` alone (today there).
  public static func construct(from value: Value, clock: Instant? = nil) throws -> CypherDate {
    switch value {
    case .string(let text): return try parse(text)
    case .map(let map):
      if let zone = try onlyTimezone(map) { return try now(statementInstant(clock), zone: zone) }
      let fields = try TemporalFieldset(
        map, allowed: TemporalFieldset.dateKeys.union(["date"]), typeName: "Date")
      let base = try temporalArgument(fields, "date")
      if base != nil && base?.date == nil {
        throw TemporalError.invalid("Field 'date' must be a value with a date")
      }
      guard let date = try fields.date(base: base?.date) else {
        throw TemporalError.invalid("A date needs 'year' (or a base value under 'date')")
      }
      return date
    default:
      guard let date = TemporalParts(value)?.date else { throw unsupported(value, "Date") }
      return date
    }
  }
}

extension CypherLocalTime {
  /// `localtime(value)` for a string, a map or another temporal value.
  /// `clock` is the statement's instant, for `{timezone: ...}` alone.
  public static func construct(from value: Value, clock: Instant? = nil) throws -> CypherLocalTime {
    switch value {
    case .string(let text): return try parse(text)
    case .map(let map):
      if let zone = try onlyTimezone(map) { return try now(statementInstant(clock), zone: zone) }
      let fields = try TemporalFieldset(
        map, allowed: TemporalFieldset.timeKeys.union(["time"]), typeName: "LocalTime")
      let base = try temporalArgument(fields, "time")
      if base != nil && base?.nanoOfDay == nil {
        throw TemporalError.invalid("Field 'time' must be a value with a time")
      }
      guard let nanos = try fields.nanoOfDay(base: base?.nanoOfDay) else {
        throw TemporalError.invalid("A time needs 'hour' (or a base value under 'time')")
      }
      return CypherLocalTime(nanoOfDay: nanos)
    default:
      guard let nanos = TemporalParts(value)?.nanoOfDay else { throw unsupported(value, "LocalTime") }
      return CypherLocalTime(nanoOfDay: nanos)
    }
  }
}

extension CypherTime {
  /// `time(value)` for a string, a map or another temporal value; values
  /// without an offset take `defaultZone`'s offset at `clock` (the
  /// statement's instant, else the system clock), as do named zones.
  public static func construct(
    from value: Value, defaultZone: TemporalZone = .offset(0), clock: Instant? = nil
  ) throws -> CypherTime {
    switch value {
    case .string(let text): return try parse(text, defaultOffset: offsetNow(defaultZone, clock: clock))
    case .map(let map):
      if let zone = try onlyTimezone(map) { return try now(statementInstant(clock), zone: zone) }
      let fields = try TemporalFieldset(
        map, allowed: TemporalFieldset.timeKeys.union(["time", "timezone"]), typeName: "Time")
      let base = try temporalArgument(fields, "time")
      if base != nil && base?.nanoOfDay == nil {
        throw TemporalError.invalid("Field 'time' must be a value with a time")
      }
      guard let nanos = try fields.nanoOfDay(base: base?.nanoOfDay) else {
        throw TemporalError.invalid("A time needs 'hour' (or a base value under 'time')")
      }
      let requested = try fields.zone().map { zone -> Int32 in
        if let instant = base?.dateTime?.instant { return zone.offset(atEpochSecond: instant.epochSecond) }
        return offsetNow(zone, clock: clock)
      }
      if let baseOffset = base?.offset {
        let time = CypherTime(nanoOfDay: nanos, offsetSeconds: baseOffset)
        return requested.map { time.converted(toOffset: $0) } ?? time
      }
      return CypherTime(nanoOfDay: nanos, offsetSeconds: requested ?? offsetNow(defaultZone, clock: clock))
    default:
      guard let parts = TemporalParts(value), let nanos = parts.nanoOfDay else {
        throw unsupported(value, "Time")
      }
      return CypherTime(nanoOfDay: nanos, offsetSeconds: parts.offset ?? offsetNow(defaultZone, clock: clock))
    }
  }
}

extension CypherLocalDateTime {
  /// `localdatetime(value)` for a string, a map or another temporal value.
  /// `clock` is the statement's instant, for `{timezone: ...}` alone.
  public static func construct(from value: Value, clock: Instant? = nil) throws -> CypherLocalDateTime {
    switch value {
    case .string(let text): return try parse(text)
    case .map(let map):
      if let zone = try onlyTimezone(map) { return try now(statementInstant(clock), zone: zone) }
      let fields = try TemporalFieldset(
        map,
        allowed: TemporalFieldset.dateKeys.union(TemporalFieldset.timeKeys).union([
          "date", "time", "datetime",
        ]),
        typeName: "LocalDateTime")
      let (date, nanos, _) = try localParts(fields)
      return CypherLocalDateTime(date: date, time: CypherLocalTime(nanoOfDay: nanos))
    default:
      guard let parts = TemporalParts(value), let date = parts.date else {
        throw unsupported(value, "LocalDateTime")
      }
      return CypherLocalDateTime(date: date, time: CypherLocalTime(nanoOfDay: parts.nanoOfDay ?? 0))
    }
  }

  /// The date, time of day and base zone described by a datetime-like map:
  /// `datetime` gives both parts, `date` and `time` one each, fields override.
  static func localParts(_ fields: TemporalFieldset) throws -> (CypherDate, Int64, TemporalParts?) {
    let whole = try temporalArgument(fields, "datetime")
    let datePart = try temporalArgument(fields, "date")
    let timePart = try temporalArgument(fields, "time")
    if whole != nil && (datePart != nil || timePart != nil) {
      throw TemporalError.invalid("Cannot combine 'datetime' with 'date' or 'time'")
    }
    let baseDate = whole?.date ?? datePart?.date
    if (whole ?? datePart) != nil && baseDate == nil {
      throw TemporalError.invalid("Field '\(whole != nil ? "datetime" : "date")' must be a value with a date")
    }
    guard let date = try fields.date(base: baseDate) else {
      throw TemporalError.invalid("A date needs 'year' (or a base value under 'date')")
    }
    let timeSource = whole ?? timePart
    if let timeSource, timeSource.nanoOfDay == nil, timePart != nil {
      throw TemporalError.invalid("Field 'time' must be a value with a time")
    }
    if timeSource == nil && !fields.hasTimeFields && !fields.has("year") && baseDate == nil {
      throw TemporalError.invalid("A date needs 'year' (or a base value under 'date')")
    }
    let nanos = try fields.nanoOfDay(base: timeSource?.nanoOfDay) ?? 0
    return (date, nanos, timeSource)
  }
}

extension CypherDateTime {
  /// `datetime(value)` for a string, a map or another temporal value; values
  /// without a zone take `defaultZone`. `clock` is the statement's instant,
  /// for `{timezone: ...}` alone (now in that zone).
  public static func construct(
    from value: Value, defaultZone: TemporalZone = .offset(0), clock: Instant? = nil
  ) throws -> CypherDateTime {
    switch value {
    case .string(let text): return try parse(text, defaultZone: defaultZone)
    case .map(let map):
      if let zone = try onlyTimezone(map) { return try now(statementInstant(clock), zone: zone) }
      var allowed = TemporalFieldset.dateKeys.union(TemporalFieldset.timeKeys)
      allowed.formUnion(["date", "time", "datetime", "timezone", "epochseconds", "epochmillis"])
      let fields = try TemporalFieldset(map, allowed: allowed, typeName: "DateTime")
      let requested = try fields.zone()
      if fields.has("epochseconds") || fields.has("epochmillis") {
        return try fromEpoch(fields, zone: requested ?? defaultZone)
      }
      let (date, nanos, timeSource) = try CypherLocalDateTime.localParts(fields)
      let local = CypherLocalDateTime(date: date, time: CypherLocalTime(nanoOfDay: nanos))
      guard let baseZone = timeSource?.zone else {
        return try resolving(local, in: requested ?? defaultZone)
      }
      // A zoned base keeps its zone for the fields, then moves to the requested one.
      let zoned = try resolving(local, in: baseZone, preferredOffset: timeSource?.offset)
      return try requested.map { try zoned.converted(to: $0) } ?? zoned
    case .dateTime(let value): return value
    default:
      guard let parts = TemporalParts(value), let date = parts.date else {
        throw unsupported(value, "DateTime")
      }
      let local = CypherLocalDateTime(date: date, time: CypherLocalTime(nanoOfDay: parts.nanoOfDay ?? 0))
      return try resolving(local, in: defaultZone)
    }
  }

  private static func fromEpoch(_ fields: TemporalFieldset, zone: TemporalZone) throws -> CypherDateTime {
    if fields.hasDateFields
      || ["date", "time", "datetime", "hour", "minute", "second"].contains(where: fields.has)
    {
      throw TemporalError.invalid(
        "'epochSeconds' and 'epochMillis' combine only with fractions of a second and 'timezone'")
    }
    var seconds: Int64
    var nanos: Int64 = 0
    if let epochSeconds = try fields.int("epochseconds") {
      guard !fields.has("epochmillis") else {
        throw TemporalError.invalid("Cannot combine 'epochSeconds' and 'epochMillis'")
      }
      seconds = epochSeconds
    } else {
      let millis = try fields.int("epochmillis") ?? 0
      seconds = floorDiv(millis, 1000)
      nanos = floorMod(millis, 1000) * 1_000_000
    }
    nanos += (try fields.int("millisecond", in: 0...999, "MilliOfSecond") ?? 0) * 1_000_000
    nanos += (try fields.int("microsecond", in: 0...999_999, "MicroOfSecond") ?? 0) * 1000
    nanos += try fields.int("nanosecond", in: 0...999_999_999, "NanoOfSecond") ?? 0
    seconds = try Checked.add(seconds, floorDiv(nanos, nanosPerSecond))
    return try CypherDateTime(epochSecond: seconds, nano: floorMod(nanos, nanosPerSecond), zone: zone)
  }

  /// `datetime.fromepoch(seconds, nanoseconds)`.
  public static func fromEpoch(seconds: Int64, nanoseconds: Int64) throws -> CypherDateTime {
    let total = try Checked.add(seconds, floorDiv(nanoseconds, nanosPerSecond))
    return try CypherDateTime(
      epochSecond: total, nano: floorMod(nanoseconds, nanosPerSecond), zone: .offset(0))
  }

  /// `datetime.fromepochmillis(milliseconds)`.
  public static func fromEpochMillis(_ millis: Int64) throws -> CypherDateTime {
    try CypherDateTime(
      epochSecond: floorDiv(millis, 1000), nano: floorMod(millis, 1000) * 1_000_000, zone: .offset(0))
  }
}
