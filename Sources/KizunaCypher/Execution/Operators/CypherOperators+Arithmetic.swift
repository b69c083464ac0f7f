import Foundation
import KizunaStore

// Arithmetic: integers are exact and overflow is an error; an integer meeting
// a float widens to float; temporal values move by durations through the
// temporal API.

extension CypherOperators {
  /// `left + right`: numbers, string concatenation (a string with a number
  /// or boolean uses its text, as Neo4j does), list concatenation (a list with
  /// a non-list appends or prepends it), temporal plus duration.
  public static func add(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    switch (left, right) {
    case (.null, _), (_, .null): return .null
    case (.int(let a), .int(let b)):
      let (sum, overflow) = a.addingReportingOverflow(b)
      if overflow { throw CypherError.integerOverflow("\(a) + \(b) does not fit a 64-bit INTEGER") }
      return .int(sum)
    case (.int(let a), .float(let b)): return .float(Double(a) + b)
    case (.float(let a), .int(let b)): return .float(a + Double(b))
    case (.float(let a), .float(let b)): return .float(a + b)
    case (.list(let a), .list(let b)): return .list(a + b)
    case (.list(let a), _): return .list(a + [right])
    case (_, .list(let b)): return .list([left] + b)
    case (.string(let a), .string(let b)): return .string(a + b)
    case (.string(let a), _):
      guard let text = concatenationText(right) else { throw mismatch("+", left, right) }
      return .string(a + text)
    case (_, .string(let b)):
      guard let text = concatenationText(left) else { throw mismatch("+", left, right) }
      return .string(text + b)
    default:
      guard let sum = try temporalCall("+", { try left.temporalAdding(right) }) else {
        throw mismatch("+", left, right)
      }
      return sum
    }
  }

  /// `left - right`: numbers, temporal minus duration, duration minus duration.
  public static func subtract(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    switch (left, right) {
    case (.null, _), (_, .null): return .null
    case (.int(let a), .int(let b)):
      let (difference, overflow) = a.subtractingReportingOverflow(b)
      if overflow { throw CypherError.integerOverflow("\(a) - \(b) does not fit a 64-bit INTEGER") }
      return .int(difference)
    case (.int(let a), .float(let b)): return .float(Double(a) - b)
    case (.float(let a), .int(let b)): return .float(a - Double(b))
    case (.float(let a), .float(let b)): return .float(a - b)
    default:
      guard let difference = try temporalCall("-", { try left.temporalSubtracting(right) }) else {
        throw mismatch("-", left, right)
      }
      return difference
    }
  }

  /// `left * right`: numbers, duration times number (either order).
  public static func multiply(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    switch (left, right) {
    case (.null, _), (_, .null): return .null
    case (.int(let a), .int(let b)):
      let (product, overflow) = a.multipliedReportingOverflow(by: b)
      if overflow { throw CypherError.integerOverflow("\(a) * \(b) does not fit a 64-bit INTEGER") }
      return .int(product)
    case (.int(let a), .float(let b)): return .float(Double(a) * b)
    case (.float(let a), .int(let b)): return .float(a * Double(b))
    case (.float(let a), .float(let b)): return .float(a * b)
    case (.duration(let d), .int), (.duration(let d), .float):
      return .duration(try temporalCall("*") { try d.multiplied(by: right) })
    case (.int, .duration(let d)), (.float, .duration(let d)):
      return .duration(try temporalCall("*") { try d.multiplied(by: left) })
    default: throw mismatch("*", left, right)
    }
  }

  /// `left / right`: integer division truncates toward zero and fails on a
  /// zero divisor; float division follows IEEE 754 (±Infinity, NaN);
  /// a duration divides by a number.
  public static func divide(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    switch (left, right) {
    case (.null, _), (_, .null): return .null
    case (.int(let a), .int(let b)):
      guard b != 0 else { throw CypherError.divisionByZero("\(a) / 0: cannot divide an INTEGER by zero") }
      let (quotient, overflow) = a.dividedReportingOverflow(by: b)
      if overflow { throw CypherError.integerOverflow("\(a) / \(b) does not fit a 64-bit INTEGER") }
      return .int(quotient)
    case (.int(let a), .float(let b)): return .float(Double(a) / b)
    case (.float(let a), .int(let b)): return .float(a / Double(b))
    case (.float(let a), .float(let b)): return .float(a / b)
    case (.duration(let d), .int), (.duration(let d), .float):
      return .duration(try temporalCall("/") { try d.divided(by: right) })
    default: throw mismatch("/", left, right)
    }
  }

  /// `left % right`: the remainder takes the dividend's sign (Java's `%`);
  /// an integer zero divisor is an error, a float one gives NaN.
  public static func modulo(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    switch (left, right) {
    case (.null, _), (_, .null): return .null
    case (.int(let a), .int(let b)):
      guard b != 0 else { throw CypherError.divisionByZero("\(a) % 0: cannot divide an INTEGER by zero") }
      // Int64.min % -1 overflows in hardware; its remainder is 0.
      return .int(a.remainderReportingOverflow(dividingBy: b).partialValue)
    case (.int(let a), .float(let b)): return .float(Double(a).truncatingRemainder(dividingBy: b))
    case (.float(let a), .int(let b)): return .float(a.truncatingRemainder(dividingBy: Double(b)))
    case (.float(let a), .float(let b)): return .float(a.truncatingRemainder(dividingBy: b))
    default: throw mismatch("%", left, right)
    }
  }

  /// `left ^ right`: always a float, as in Neo4j (`2 ^ 3` is 8.0).
  public static func power(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    switch (left, right) {
    case (.null, _), (_, .null): return .null
    case (.int, .int), (.int, .float), (.float, .int), (.float, .float):
      return .float(Foundation.pow(asDouble(left), asDouble(right)))
    default: throw mismatch("^", left, right)
    }
  }

  /// `-operand`: numbers and durations; `-Int64.min` overflows.
  public static func negate(_ operand: Value) throws(CypherError) -> Value {
    switch operand {
    case .null: return .null
    case .int(let a):
      guard a != .min else { throw CypherError.integerOverflow("-(\(a)) does not fit a 64-bit INTEGER") }
      return .int(-a)
    case .float(let a): return .float(-a)
    case .duration(let d): return .duration(try temporalCall("-") { try d.negated() })
    default: throw mismatch("unary -", operand)
    }
  }

  /// `+operand`: numbers and durations unchanged.
  public static func identity(_ operand: Value) throws(CypherError) -> Value {
    switch operand {
    case .null, .int, .float, .duration: return operand
    default: throw mismatch("unary +", operand)
    }
  }

  private static func asDouble(_ value: Value) -> Double {
    switch value {
    case .int(let a): return Double(a)
    case .float(let a): return a
    default: return .nan
    }
  }

  /// The text a non-string operand contributes to `+` with a string.
  private static func concatenationText(_ value: Value) -> String? {
    switch value {
    case .int(let a): return String(a)
    case .float(let a): return a.cypherText
    case .bool(let a): return a ? "true" : "false"
    default: return nil
    }
  }
}
