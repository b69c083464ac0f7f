import Foundation

/// A time zone as openCypher uses it: a fixed UTC offset (`+01:00`, `Z`) or a
/// named region (`Europe/Stockholm`) whose offset depends on the instant.
public enum TemporalZone: Sendable, Hashable {
  case offset(Int32)
  case named(String)

  /// Parses `Z`, `+01`, `+0100`, `+01:00`, `+01:00:30` or a zone id known to
  /// the system's time zone database.
  public init(parsing text: String) throws {
    if let seconds = TemporalZone.parseOffset(Substring(text)) {
      self = .offset(seconds)
    } else if TemporalZone.systemZone(text) != nil {
      self = .named(text)
    } else {
      throw TemporalError.invalid("Invalid time zone: '\(text)'")
    }
  }

  /// The zone a datetime carries: its name when it has one, else its offset.
  init(of value: CypherDateTime) {
    if let name = value.zoneName { self = .named(name) } else { self = .offset(value.offsetSeconds) }
  }

  /// The name to keep on a datetime (nil for fixed offsets).
  var name: String? {
    if case .named(let name) = self { return name }
    return nil
  }

  /// The offset in effect at the UTC instant `epochSecond`.
  public func offset(atEpochSecond epochSecond: Int64) -> Int32 {
    switch self {
    case .offset(let seconds): return seconds
    case .named(let name):
      guard let zone = TemporalZone.systemZone(name) else { return 0 }
      return Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epochSecond))))
    }
  }

  /// The offset for a local date-time (given as seconds since the epoch on
  /// the local time line), resolved as java.time does: in an overlap the
  /// `preferred` offset if valid, else the earlier one; in a gap the local
  /// time moves forward by the gap's length. Returns the offset and the
  /// local seconds shift applied (non-zero only in a gap).
  func resolve(localSecond: Int64, preferred: Int32? = nil) -> (offset: Int32, shift: Int64) {
    guard case .named = self else { return (offset(atEpochSecond: localSecond), 0) }
    // Offsets in effect well before and well after: at most one transition
    // lies between them in any real zone.
    let before = offset(atEpochSecond: localSecond - 86_400)
    let after = offset(atEpochSecond: localSecond + 86_400)
    let valid = [before, after].filter { offset(atEpochSecond: localSecond - Int64($0)) == $0 }
    if valid.count == 2, before != after {
      if let preferred, valid.contains(preferred) { return (preferred, 0) }
      return (max(before, after), 0)
    }
    if let first = valid.first { return (first, 0) }
    return (after, Int64(after) - Int64(before))
  }

  /// `Z`, `+01:00` or `+02:05:59`, as java.time prints offsets.
  public static func format(offset seconds: Int32) -> String {
    if seconds == 0 { return "Z" }
    let magnitude = abs(Int(seconds))
    let h = magnitude / 3600
    let m = magnitude / 60 % 60
    let s = magnitude % 60
    var text = (seconds < 0 ? "-" : "+") + pad2(h) + ":" + pad2(m)
    if s != 0 { text += ":" + pad2(s) }
    return text
  }

  /// Parses an offset: `Z`, or a sign then `HH`, `HHMM`, `HH:MM`, `HHMMSS`
  /// or `HH:MM:SS`, within +-18:00. Nil when the text is not an offset.
  static func parseOffset(_ text: Substring) -> Int32? {
    if text == "Z" || text == "z" { return 0 }
    guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
    let body = Array(text.utf8.dropFirst())
    var parts: [Int] = []
    var index = 0
    let colons = body.contains(UInt8(ascii: ":"))
    while index < body.count {
      if colons && !parts.isEmpty {
        guard body[index] == UInt8(ascii: ":") else { return nil }
        index += 1
      }
      guard index + 2 <= body.count, let pair = twoDigits(body[index], body[index + 1]) else { return nil }
      parts.append(pair)
      index += 2
    }
    guard (1...3).contains(parts.count) else { return nil }
    let hours = parts[0]
    let minutes = parts.count > 1 ? parts[1] : 0
    let seconds = parts.count > 2 ? parts[2] : 0
    guard minutes < 60, seconds < 60 else { return nil }
    let total = hours * 3600 + minutes * 60 + seconds
    guard total <= 18 * 3600 else { return nil }
    return Int32(sign == "-" ? -total : total)
  }

  static func systemZone(_ name: String) -> TimeZone? {
    // Foundation also accepts abbreviations and "GMT+1"-style names; openCypher
    // only region ids, which always contain a letter and no spaces.
    guard !name.isEmpty, name.first?.isLetter == true, !name.contains(" ") else { return nil }
    return TimeZone(identifier: name)
  }
}

private func twoDigits(_ a: UInt8, _ b: UInt8) -> Int? {
  let zero = UInt8(ascii: "0")
  let nine = UInt8(ascii: "9")
  guard a >= zero, a <= nine, b >= zero, b <= nine else { return nil }
  return Int(a - zero) * 10 + Int(b - zero)
}

func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
