/// Why a temporal operation failed: bad text or arguments, or a result outside
/// the supported range.
public struct TemporalError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// Text that does not parse, an unknown field or unit, a missing or
    /// conflicting field, a field value outside its valid range.
    case invalidArgument
    /// A result that does not fit the supported range (years
    /// -999,999,999 ... 999,999,999, 64-bit components).
    case outOfRange
  }

  public var kind: Kind
  /// A sentence for a person, naming the offending value.
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  static func invalid(_ message: String) -> TemporalError { TemporalError(.invalidArgument, message) }
  static func range(_ message: String) -> TemporalError { TemporalError(.outOfRange, message) }
}

/// Overflow-checked Int64 arithmetic that throws instead of trapping.
enum Checked {
  static func add(_ a: Int64, _ b: Int64) throws -> Int64 {
    let (r, o) = a.addingReportingOverflow(b)
    if o { throw TemporalError.range("Temporal arithmetic overflowed 64-bit integers") }
    return r
  }

  static func sub(_ a: Int64, _ b: Int64) throws -> Int64 {
    let (r, o) = a.subtractingReportingOverflow(b)
    if o { throw TemporalError.range("Temporal arithmetic overflowed 64-bit integers") }
    return r
  }

  static func mul(_ a: Int64, _ b: Int64) throws -> Int64 {
    let (r, o) = a.multipliedReportingOverflow(by: b)
    if o { throw TemporalError.range("Temporal arithmetic overflowed 64-bit integers") }
    return r
  }

  /// `value` converted to Int64, throwing when it is not finite or too large.
  static func int(_ value: Double) throws -> Int64 {
    guard value.isFinite, value > -9.2e18, value < 9.2e18 else {
      throw TemporalError.range("The number \(value) does not fit a 64-bit temporal component")
    }
    return Int64(value)
  }
}

/// Division and remainder rounding toward negative infinity.
@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
  let q = a / b
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
}

@inline(__always) func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
  let r = a % b
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
}
