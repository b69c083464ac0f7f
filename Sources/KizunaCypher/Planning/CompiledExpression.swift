import KizunaStore

/// An expression turned into a closure over slot indexes: evaluated once per
/// row without walking the syntax tree or looking names up.
struct CompiledExpression {
  let run: (Row, ExecutionContext) throws -> Value
  /// The value when it does not depend on the row (literals, parameters).
  var constant: Value?

  init(_ run: @escaping (Row, ExecutionContext) throws -> Value) {
    self.run = run
    constant = nil
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
