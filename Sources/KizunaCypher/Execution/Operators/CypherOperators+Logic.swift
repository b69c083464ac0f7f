import KizunaStore

// Comparison, equality, boolean connectives and list membership, all in
// openCypher's three-valued logic: `.null` stands for "unknown".

extension CypherOperators {
  /// `left = right`.
  @inlinable public static func equals(_ left: Value, _ right: Value) -> Value {
    left.cypherEquals(right).map(Value.bool) ?? .null
  }

  /// `left <> right`.
  @inlinable public static func notEquals(_ left: Value, _ right: Value) -> Value {
    left.cypherEquals(right).map { .bool(!$0) } ?? .null
  }

  /// `left < right`; null when the two are not comparable (different types, null, NaN).
  @inlinable public static func lessThan(_ left: Value, _ right: Value) -> Value {
    left.cypherCompare(right).map { .bool($0 < 0) } ?? unordered(left, right)
  }

  /// `left <= right`.
  @inlinable public static func lessThanOrEqual(_ left: Value, _ right: Value) -> Value {
    left.cypherCompare(right).map { .bool($0 <= 0) } ?? unordered(left, right)
  }

  /// `left > right`.
  @inlinable public static func greaterThan(_ left: Value, _ right: Value) -> Value {
    left.cypherCompare(right).map { .bool($0 > 0) } ?? unordered(left, right)
  }

  /// `left >= right`.
  @inlinable public static func greaterThanOrEqual(_ left: Value, _ right: Value) -> Value {
    left.cypherCompare(right).map { .bool($0 >= 0) } ?? unordered(left, right)
  }

  /// The answer of `<`, `<=`, `>`, `>=` for two values that have no order:
  /// false when NaN meets a number (like IEEE 754), null otherwise.
  @usableFromInline static func unordered(_ left: Value, _ right: Value) -> Value {
    switch (left, right) {
    case (.float(let a), .float(let b)): return a.isNaN || b.isNaN ? .bool(false) : .null
    case (.float(let a), .int), (.int, .float(let a)): return a.isNaN ? .bool(false) : .null
    default: return .null
    }
  }

  /// `left AND right`: false wins over null.
  public static func and(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    let (a, b) = try (truth(left, "AND"), truth(right, "AND"))
    if a == false || b == false { return .bool(false) }
    if a == nil || b == nil { return .null }
    return .bool(true)
  }

  /// `left OR right`: true wins over null.
  public static func or(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    let (a, b) = try (truth(left, "OR"), truth(right, "OR"))
    if a == true || b == true { return .bool(true) }
    if a == nil || b == nil { return .null }
    return .bool(false)
  }

  /// `left XOR right`: null when either is null.
  public static func xor(_ left: Value, _ right: Value) throws(CypherError) -> Value {
    let (a, b) = try (truth(left, "XOR"), truth(right, "XOR"))
    guard let a, let b else { return .null }
    return .bool(a != b)
  }

  /// `NOT operand`.
  public static func not(_ operand: Value) throws(CypherError) -> Value {
    try truth(operand, "NOT").map { .bool(!$0) } ?? .null
  }

  /// A boolean operand: nil for null, a type error for anything else.
  public static func truth(_ value: Value, _ symbol: String) throws(CypherError) -> Bool? {
    switch value {
    case .bool(let flag): return flag
    case .null: return nil
    default:
      throw CypherError.runtime(
        .typeError, "InvalidArgumentType", "\(symbol) expects BOOLEAN operands but got \(value.typeName)")
    }
  }

  /// `element IN list`: true when some item equals `element`; null when none
  /// does but some comparison was unknown (a null item, or a null `element`
  /// with a non-empty list).
  public static func isIn(_ element: Value, _ list: Value) throws(CypherError) -> Value {
    switch list {
    case .null: return .null
    case .list(let items):
      var unknown = false
      for item in items {
        switch element.cypherEquals(item) {
        case .some(true): return .bool(true)
        case .none: unknown = true
        case .some(false): continue
        }
      }
      return unknown ? .null : .bool(false)
    default: throw mismatch("IN", element, list)
    }
  }
}
