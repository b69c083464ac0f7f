// The openCypher temporal value types. Parsing, formatting, arithmetic,
// truncation and field access live in the `Temporal+*.swift` files.

/// A calendar date in the proleptic Gregorian calendar.
public struct CypherDate: Sendable, Hashable {
  /// Days since 1970-01-01.
  public var epochDay: Int64
  public init(epochDay: Int64) { self.epochDay = epochDay }
}

/// A time of day without a zone.
public struct CypherLocalTime: Sendable, Hashable {
  /// Nanoseconds since midnight, `0 ..< 86_400 * 1_000_000_000`.
  public var nanoOfDay: Int64
  public init(nanoOfDay: Int64) { self.nanoOfDay = nanoOfDay }
}

/// A time of day with a UTC offset.
public struct CypherTime: Sendable, Hashable {
  public var nanoOfDay: Int64
  /// Seconds east of UTC.
  public var offsetSeconds: Int32
  public init(nanoOfDay: Int64, offsetSeconds: Int32) {
    self.nanoOfDay = nanoOfDay
    self.offsetSeconds = offsetSeconds
  }
}

/// A date and time without a zone.
public struct CypherLocalDateTime: Sendable, Hashable {
  public var date: CypherDate
  public var time: CypherLocalTime
  public init(date: CypherDate, time: CypherLocalTime) {
    self.date = date
    self.time = time
  }
}

/// A date and time with a UTC offset and, optionally, a named zone
/// (`Europe/Stockholm`), which is kept for display and round-tripping.
public struct CypherDateTime: Sendable, Hashable {
  /// The local date and time at `offsetSeconds`.
  public var local: CypherLocalDateTime
  public var offsetSeconds: Int32
  public var zoneName: String?
  public init(local: CypherLocalDateTime, offsetSeconds: Int32, zoneName: String? = nil) {
    self.local = local
    self.offsetSeconds = offsetSeconds
    self.zoneName = zoneName
  }
}

/// An amount of time, kept in openCypher's four independent components.
public struct CypherDuration: Sendable, Hashable {
  public var months: Int64
  public var days: Int64
  public var seconds: Int64
  /// `0 ..< 1_000_000_000` after normalisation; the sign lives in `seconds`.
  public var nanoseconds: Int64
  public init(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) {
    self.months = months
    self.days = days
    self.seconds = seconds
    self.nanoseconds = nanoseconds
  }
}

/// A point on the UTC time line, for comparing zoned values.
public struct Instant: Sendable, Hashable {
  public var epochSecond: Int64
  public var nano: Int64
  public init(epochSecond: Int64, nano: Int64) {
    self.epochSecond = epochSecond
    self.nano = nano
  }
  public func compare(_ other: Instant) -> Int {
    if epochSecond != other.epochSecond { return epochSecond < other.epochSecond ? -1 : 1 }
    return nano < other.nano ? -1 : (nano == other.nano ? 0 : 1)
  }
}

let nanosPerSecond: Int64 = 1_000_000_000
let nanosPerDay: Int64 = 86_400 * 1_000_000_000

extension CypherTime {
  /// The time of day at UTC, possibly outside one day; used for comparison.
  public var utcNanoOfDay: Int64 { nanoOfDay - Int64(offsetSeconds) * nanosPerSecond }
}

extension CypherLocalDateTime {
  public func compare(_ other: CypherLocalDateTime) -> Int {
    if date.epochDay != other.date.epochDay { return date.epochDay < other.date.epochDay ? -1 : 1 }
    return time.nanoOfDay < other.time.nanoOfDay ? -1 : (time.nanoOfDay == other.time.nanoOfDay ? 0 : 1)
  }
}

extension CypherDateTime {
  /// The UTC instant this value denotes.
  public var instant: Instant {
    let localSeconds = local.date.epochDay * 86_400 + local.time.nanoOfDay / nanosPerSecond
    return Instant(
      epochSecond: localSeconds - Int64(offsetSeconds), nano: local.time.nanoOfDay % nanosPerSecond)
  }
}
