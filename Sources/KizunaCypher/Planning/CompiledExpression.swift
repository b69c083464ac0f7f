import KizunaStore

/// An expression turned into a closure over slot indexes: evaluated once per
/// row without walking the syntax tree or looking names up.
struct CompiledExpression {
  let run: (Row, ExecutionContext) throws -> Value
  /// The value when it does not depend on the row (literals, parameters).
  var constant: Value?
  /// The slot when the expression just reads a variable, so a caller can
  /// read the row directly instead of calling through the closure.
  var slot: Int?

  init(_ run: @escaping (Row, ExecutionContext) throws -> Value) {
    self.run = run
    constant = nil
    slot = nil
  }

  static func variable(_ slot: Int) -> CompiledExpression {
    var e = CompiledExpression { row, _ in row[slot] }
    e.slot = slot
    return e
  }

  static func literal(_ v: Value) -> CompiledExpression {
    var e = CompiledExpression { _, _ in v }
    e.constant = v
    return e
  }

  @inline(__always) func evaluate(_ row: Row, _ ctx: ExecutionContext) throws -> Value {
    try run(row, ctx)
  }
}
