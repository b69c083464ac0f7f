import KizunaStore

/// The expression operators of openCypher as pure functions over evaluated
/// operands: arithmetic, comparison, boolean logic, string predicates,
/// list membership, subscripts, slices and property access.
///
/// Null propagates unless an operator's three-valued logic says otherwise;
/// a wrong operand type is a `TypeError.InvalidArgumentType` whose message
/// names both operand types.
public enum CypherOperators {
  /// The type error for `left op right`.
  static func mismatch(_ symbol: String, _ left: Value, _ right: Value) -> CypherError {
    .runtime(
      .typeError, "InvalidArgumentType",
      "Cannot apply \(symbol) to \(left.typeName) and \(right.typeName)")
  }

  /// The type error for a unary `op operand`.
  static func mismatch(_ symbol: String, _ operand: Value) -> CypherError {
    .runtime(.typeError, "InvalidArgumentType", "Cannot apply \(symbol) to \(operand.typeName)")
  }
}
