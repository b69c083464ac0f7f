// Moving between local date-times, zones and instants.

extension CypherLocalDateTime {
  /// Seconds since 1970-01-01T00:00 on the local time line.
  var localEpochSecond: Int64 { date.epochDay * 86_400 + time.nanoOfDay / nanosPerSecond }

  /// The local date-time `seconds` (plus `nano`) after 1970-01-01T00:00.
  init(localEpochSecond seconds: Int64, nano: Int64) throws {
    let day = floorDiv(seconds, 86_400)
    self.init(
      date: try CypherDate(checkedEpochDay: day),
      time: CypherLocalTime(nanoOfDay: floorMod(seconds, 86_400) * nanosPerSecond + nano))
  }
}

extension CypherDateTime {
  /// The zoned value for a local date-time, resolving gaps and overlaps of
  /// named zones as java.time does.
  public static func resolving(
    _ local: CypherLocalDateTime, in zone: TemporalZone, preferredOffset: Int32? = nil
  ) throws -> CypherDateTime {
    let (offset, shift) = zone.resolve(localSecond: local.localEpochSecond, preferred: preferredOffset)
    var shifted = local
    if shift != 0 {
      shifted = try CypherLocalDateTime(
        localEpochSecond: local.localEpochSecond + shift, nano: local.time.nanoOfDay % nanosPerSecond)
    }
    return CypherDateTime(local: shifted, offsetSeconds: offset, zoneName: zone.name)
  }

  /// The value at UTC instant `epochSecond` + `nano` seen in `zone`.
  public init(epochSecond: Int64, nano: Int64, zone: TemporalZone) throws {
    guard (0..<nanosPerSecond).contains(nano) else {
      throw TemporalError.invalid("Invalid value for NanoOfSecond (valid values 0 - 999999999): \(nano)")
    }
    let offset = zone.offset(atEpochSecond: epochSecond)
    let local = try CypherLocalDateTime(
      localEpochSecond: try Checked.add(epochSecond, Int64(offset)), nano: nano)
    self.init(local: local, offsetSeconds: offset, zoneName: zone.name)
  }

  /// The same instant seen in another zone.
  public func converted(to zone: TemporalZone) throws -> CypherDateTime {
    let instant = self.instant
    return try CypherDateTime(epochSecond: instant.epochSecond, nano: instant.nano, zone: zone)
  }

  /// The zone this value carries.
  public var zone: TemporalZone { TemporalZone(of: self) }
}

extension CypherTime {
  /// The same instant of the day at another offset (wrapping around midnight).
  public func converted(toOffset offset: Int32) -> CypherTime {
    let shifted = nanoOfDay + (Int64(offset) - Int64(offsetSeconds)) * nanosPerSecond
    return CypherTime(nanoOfDay: floorMod(shifted, nanosPerDay), offsetSeconds: offset)
  }
}
