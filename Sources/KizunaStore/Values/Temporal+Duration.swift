// Duration construction and arithmetic with Neo4j's semantics: months, days
// and seconds stay independent (`PT36H` is not `P1DT12H`); fractions cascade
// into smaller components, a month counting as the mean Gregorian month of
// 30.436875 days and a day as 86,400 seconds.

extension CypherDuration {
  /// The mean length of a Gregorian month (146,097 days / 4,800 months), used
  /// when a fraction of a month cascades into days.
  public static let averageDaysPerMonth = 30.436875

  /// The zero duration, printed `PT0S`.
  public static let zero = CypherDuration(months: 0, days: 0, seconds: 0, nanoseconds: 0)

  /// A duration whose nanoseconds may be any value: they are folded into
  /// seconds so that `0 <= nanoseconds < 1_000_000_000`.
  public static func normalized(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) throws
    -> CypherDuration
  {
    let carried = try Checked.add(seconds, floorDiv(nanoseconds, nanosPerSecond))
    return CypherDuration(
      months: months, days: days, seconds: carried, nanoseconds: floorMod(nanoseconds, nanosPerSecond))
  }

  /// `self + other`, component by component.
  public func adding(_ other: CypherDuration) throws -> CypherDuration {
    try .normalized(
      months: Checked.add(months, other.months), days: Checked.add(days, other.days),
      seconds: Checked.add(seconds, other.seconds), nanoseconds: nanoseconds + other.nanoseconds)
  }

  /// `self - other`, component by component.
  public func subtracting(_ other: CypherDuration) throws -> CypherDuration {
    try adding(other.negated())
  }

  /// `-self`.
  public func negated() throws -> CypherDuration {
    try .normalized(
      months: Checked.sub(0, months), days: Checked.sub(0, days), seconds: Checked.sub(0, seconds),
      nanoseconds: -nanoseconds)
  }

  /// `self * factor` for an integer factor: exact.
  public func multiplied(by factor: Int64) throws -> CypherDuration {
    try .normalized(
      months: Checked.mul(months, factor), days: Checked.mul(days, factor),
      seconds: Checked.mul(seconds, factor), nanoseconds: Checked.mul(nanoseconds, factor))
  }

  /// `self * factor` for a float factor: fractions cascade into smaller units.
  public func multiplied(by factor: Double) throws -> CypherDuration {
    var parts = DurationParts()
    try parts.add(Double(months) * factor, .months)
    try parts.add(Double(days) * factor, .days)
    try parts.add(Double(seconds) * factor, .seconds)
    try parts.add(Double(nanoseconds) * factor, .nanoseconds)
    return try parts.duration()
  }

  /// `self / divisor`; fractions cascade into smaller units.
  public func divided(by divisor: Double) throws -> CypherDuration {
    guard divisor != 0 else { throw TemporalError.invalid("Cannot divide a duration by zero") }
    var parts = DurationParts()
    try parts.add(Double(months) / divisor, .months)
    try parts.add(Double(days) / divisor, .days)
    try parts.add(Double(seconds) / divisor, .seconds)
    try parts.add(Double(nanoseconds) / divisor, .nanoseconds)
    return try parts.duration()
  }

  /// `self * number` or `self / number` for a Cypher number value.
  public func multiplied(by number: Value) throws -> CypherDuration {
    switch number {
    case .int(let factor): return try multiplied(by: factor)
    case .float(let factor): return try multiplied(by: factor)
    default: throw TemporalError.invalid("Cannot multiply a duration by \(number.typeName)")
    }
  }

  /// `self / number` for a Cypher number value.
  public func divided(by number: Value) throws -> CypherDuration {
    switch number {
    case .int(let divisor): return try divided(by: Double(divisor))
    case .float(let divisor): return try divided(by: divisor)
    default: throw TemporalError.invalid("Cannot divide a duration by \(number.typeName)")
    }
  }

  /// `duration({years: 1, days: 1.5, ...})`: every unit optional, integer or
  /// float; unknown keys are an error.
  public static func from(map: [String: Value]) throws -> CypherDuration {
    var parts = DurationParts()
    for (key, value) in map {
      guard let unit = DurationUnit(name: key) else {
        throw TemporalError.invalid("No such field in a duration map: '\(key)'")
      }
      switch value {
      case .int(let whole): try parts.add(whole: whole, fraction: 0, unit)
      case .float(let number):
        guard number.isFinite else {
          throw TemporalError.invalid("Duration field '\(key)' must be finite, not \(number)")
        }
        try parts.add(number, unit)
      default:
        throw TemporalError.invalid("Duration field '\(key)' must be a number, not \(value.typeName)")
      }
    }
    return try parts.duration()
  }
}

/// The units a duration can be given in, with their place and scale.
enum DurationUnit: CaseIterable {
  case years, quarters, months, weeks, days, hours, minutes, seconds
  case milliseconds, microseconds, nanoseconds

  init?(name: String) {
    switch name.lowercased() {
    case "years": self = .years
    case "quarters": self = .quarters
    case "months": self = .months
    case "weeks": self = .weeks
    case "days": self = .days
    case "hours": self = .hours
    case "minutes": self = .minutes
    case "seconds": self = .seconds
    case "milliseconds": self = .milliseconds
    case "microseconds": self = .microseconds
    case "nanoseconds": self = .nanoseconds
    default: return nil
    }
  }

  /// Which component (0 months, 1 days, 2 seconds, 3 nanoseconds) and how
  /// many of it one unit makes.
  var placement: (component: Int, scale: Int64) {
    switch self {
    case .years: return (0, 12)
    case .quarters: return (0, 3)
    case .months: return (0, 1)
    case .weeks: return (1, 7)
    case .days: return (1, 1)
    case .hours: return (2, 3600)
    case .minutes: return (2, 60)
    case .seconds: return (2, 1)
    case .milliseconds: return (3, 1_000_000)
    case .microseconds: return (3, 1000)
    case .nanoseconds: return (3, 1)
    }
  }
}

/// Accumulates whole components exactly and fractional leftovers as doubles,
/// then cascades the leftovers down (months -> days -> seconds -> nanos).
struct DurationParts {
  var whole: [Int64] = [0, 0, 0, 0]
  var fraction: [Double] = [0, 0, 0, 0]

  mutating func add(whole value: Int64, fraction extra: Double, _ unit: DurationUnit) throws {
    let (component, scale) = unit.placement
    whole[component] = try Checked.add(whole[component], try Checked.mul(value, scale))
    if extra != 0 { try add(extra * Double(scale), component: component) }
  }

  mutating func add(_ value: Double, _ unit: DurationUnit) throws {
    let (component, scale) = unit.placement
    try add(value * Double(scale), component: component)
  }

  private mutating func add(_ scaled: Double, component: Int) throws {
    let integral = scaled.rounded(.towardZero)
    whole[component] = try Checked.add(whole[component], try Checked.int(integral))
    fraction[component] += scaled - integral
  }

  func duration() throws -> CypherDuration {
    let days = fraction[1] + fraction[0] * CypherDuration.averageDaysPerMonth
    let wholeDays = days.rounded(.towardZero)
    let seconds = fraction[2] + (days - wholeDays) * 86_400
    let wholeSeconds = seconds.rounded(.towardZero)
    // Truncated as Neo4j does (half a nanosecond is none), except that values
    // within a thousandth of a whole number are binary noise: 0.1 s must be
    // 100,000,000 ns, not 99,999,999.
    let exactNanos = fraction[3] + (seconds - wholeSeconds) * 1e9
    let nearest = exactNanos.rounded()
    let nanos = abs(exactNanos - nearest) < 1e-3 ? nearest : exactNanos.rounded(.towardZero)
    return try .normalized(
      months: whole[0],
      days: Checked.add(whole[1], try Checked.int(wholeDays)),
      seconds: Checked.add(whole[2], try Checked.int(wholeSeconds)),
      nanoseconds: Checked.add(whole[3], try Checked.int(nanos)))
  }
}
