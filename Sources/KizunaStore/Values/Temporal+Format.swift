// ISO 8601 text exactly as Neo4j prints temporal values (java.time's
// `toString`): seconds appear only when non-zero or fractional, fractions in
// groups of 3, 6 or 9 digits, offsets as `Z` or `+HH:MM[:SS]`.

extension CypherDate: CustomStringConvertible {
  /// `2015-07-21`; years beyond four digits carry a sign (`+10000-01-01`).
  public var description: String {
    let ymd = yearMonthDay
    return formatYear(ymd.year) + "-" + pad2(Int(ymd.month)) + "-" + pad2(Int(ymd.day))
  }
}

extension CypherLocalTime: CustomStringConvertible {
  /// `21:40`, `21:40:32`, `21:40:32.142`, `21:40:32.142001`, ...
  public var description: String { formatTimeOfDay(nanoOfDay) }
}

extension CypherTime: CustomStringConvertible {
  /// `21:40:32.142+01:00`, `12:00Z`.
  public var description: String {
    formatTimeOfDay(nanoOfDay) + TemporalZone.format(offset: offsetSeconds)
  }
}

extension CypherLocalDateTime: CustomStringConvertible {
  /// `2015-07-21T21:40:32.142`.
  public var description: String { date.description + "T" + time.description }
}

extension CypherDateTime: CustomStringConvertible {
  /// `2015-07-21T21:40:32.142+02:00[Europe/Stockholm]`; no brackets for a
  /// fixed offset.
  public var description: String {
    var text = local.description + TemporalZone.format(offset: offsetSeconds)
    if let zoneName { text += "[" + zoneName + "]" }
    return text
  }
}

extension CypherDuration: CustomStringConvertible {
  /// `P1Y2M10DT12H45M30.25S`, `PT0S` for zero. Each component keeps its own
  /// sign (`P-6M-15DT-17H-45M-3.5S`); hours, minutes and seconds share the
  /// sign of the whole time part.
  public var description: String {
    if months == 0 && days == 0 && seconds == 0 && nanoseconds == 0 { return "PT0S" }
    var text = "P"
    appendComponent(&text, months / 12, "Y")
    appendComponent(&text, months % 12, "M")
    appendComponent(&text, days, "D")
    if seconds != 0 || nanoseconds != 0 {
      var s = seconds
      var n = nanoseconds
      // Give the seconds and the fraction one sign: -1s + 0.3s prints -0.7S.
      if s < 0 && n != 0 {
        s += 1
        n -= nanosPerSecond
      }
      text += "T"
      appendComponent(&text, s / 3600, "H")
      s %= 3600
      appendComponent(&text, s / 60, "M")
      s %= 60
      if s != 0 {
        text += String(s)
        if n != 0 { text += fraction(abs(n)) }
        text += "S"
      } else if n != 0 {
        text += (n < 0 ? "-0" : "0") + fraction(abs(n)) + "S"
      }
    }
    return text
  }
}

private func appendComponent(_ text: inout String, _ value: Int64, _ unit: Character) {
  if value != 0 {
    text += String(value)
    text.append(unit)
  }
}

/// `.5`, `.000000001`: the nanoseconds as a decimal fraction, trailing zeros dropped.
private func fraction(_ nanos: Int64) -> String {
  var digits = String(nanos)
  digits = String(repeating: "0", count: max(0, 9 - digits.count)) + digits
  while digits.last == "0" { digits.removeLast() }
  return "." + digits
}

func formatYear(_ year: Int64) -> String {
  let magnitude = year.magnitude
  if magnitude > 9999 { return (year < 0 ? "-" : "+") + String(magnitude) }
  let digits = String(magnitude)
  return (year < 0 ? "-" : "") + String(repeating: "0", count: 4 - digits.count) + digits
}

func formatTimeOfDay(_ nanoOfDay: Int64) -> String {
  let totalSeconds = nanoOfDay / nanosPerSecond
  let nanos = nanoOfDay % nanosPerSecond
  let hour = Int(totalSeconds / 3600)
  let minute = Int(totalSeconds / 60 % 60)
  let second = Int(totalSeconds % 60)
  var text = pad2(hour) + ":" + pad2(minute)
  if second == 0 && nanos == 0 { return text }
  text += ":" + pad2(second)
  if nanos == 0 { return text }
  let (value, width): (Int64, Int) =
    nanos % 1_000_000 == 0 ? (nanos / 1_000_000, 3) : nanos % 1000 == 0 ? (nanos / 1000, 6) : (nanos, 9)
  let digits = String(value)
  return text + "." + String(repeating: "0", count: width - digits.count) + digits
}
