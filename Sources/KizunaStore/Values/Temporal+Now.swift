// The current date and time, for `date()`, `datetime()`, `localtime()`, ...
// The engine fixes one instant per statement and passes it here, so every
// call in a statement sees the same time.

extension Instant {
  /// The instant `seconds` (may be fractional) after 1970-01-01T00:00Z.
  public init(secondsSince1970 seconds: Double) {
    let whole = seconds.rounded(.down)
    let nano = ((seconds - whole) * 1e9).rounded(.down)
    self.init(epochSecond: Int64(whole), nano: min(Int64(nano), nanosPerSecond - 1))
  }
}

extension CypherDateTime {
  /// `datetime()` at `instant` in `zone`.
  public static func now(_ instant: Instant, zone: TemporalZone = .offset(0)) throws -> CypherDateTime {
    try CypherDateTime(epochSecond: instant.epochSecond, nano: instant.nano, zone: zone)
  }
}

extension CypherLocalDateTime {
  /// `localdatetime()` at `instant` in `zone`.
  public static func now(_ instant: Instant, zone: TemporalZone = .offset(0)) throws -> CypherLocalDateTime {
    try CypherDateTime.now(instant, zone: zone).local
  }
}

extension CypherDate {
  /// `date()` at `instant` in `zone`.
  public static func now(_ instant: Instant, zone: TemporalZone = .offset(0)) throws -> CypherDate {
    try CypherDateTime.now(instant, zone: zone).local.date
  }
}

extension CypherLocalTime {
  /// `localtime()` at `instant` in `zone`.
  public static func now(_ instant: Instant, zone: TemporalZone = .offset(0)) throws -> CypherLocalTime {
    try CypherDateTime.now(instant, zone: zone).local.time
  }
}

extension CypherTime {
  /// `time()` at `instant` in `zone` (the zone's offset at that instant).
  public static func now(_ instant: Instant, zone: TemporalZone = .offset(0)) throws -> CypherTime {
    let current = try CypherDateTime.now(instant, zone: zone)
    return CypherTime(nanoOfDay: current.local.time.nanoOfDay, offsetSeconds: current.offsetSeconds)
  }
}
