// Aggregating projections: what an expression around an aggregate may use.

extension SemanticChecker {
  /// In `WITH a, a + count(*) AS n`, the part outside `count(*)` may only use
  /// grouping keys (a projected variable, or a projected property `v.p`);
  /// anything else has no single value per group.
  func checkAggregationGrouping(_ items: [ProjectionItem]) throws(CypherError) {
    let aggregating = items.filter { $0.expression.containsAggregate }
    guard !aggregating.isEmpty else { return }
    let keys = items.filter { !$0.expression.containsAggregate }.map(\.expression)
    var keyVariables = Set<String>()
    for key in keys {
      if case .variable(let name) = key.kind { keyVariables.insert(name) }
    }
    for item in aggregating {
      try checkGrouped(item.expression, keys: keys, keyVariables: keyVariables)
    }
  }

  private func checkGrouped(_ e: Expression, keys: [Expression], keyVariables: Set<String>)
    throws(CypherError)
  {
    func ambiguous() -> CypherError {
      CypherError.compile(
        "AmbiguousAggregationExpression",
        "An expression that mixes an aggregate with other values may only use grouping keys outside the aggregate; "
          + "project the values it needs in the same WITH or RETURN", at: e.position)
    }
    switch e.kind {
    case .countStar, .literal, .parameter:
      return
    case .functionCall(let call):
      if call.namespace.isEmpty && FunctionNames.aggregates.contains(call.name.lowercased()) { return }
      for a in call.arguments { try checkGrouped(a, keys: keys, keyVariables: keyVariables) }
    case .variable(let name):
      if !keyVariables.contains(name) { throw ambiguous() }
    case .property(let subject, _):
      if keys.contains(where: { Self.sameShape($0, e) }) { return }
      try checkGrouped(subject, keys: keys, keyVariables: keyVariables)
    case .binary(_, let left, let right):
      if keys.contains(where: { Self.sameShape($0, e) }) { throw ambiguous() }
      try checkGrouped(left, keys: keys, keyVariables: keyVariables)
      try checkGrouped(right, keys: keys, keyVariables: keyVariables)
    case .unary(_, let operand):
      try checkGrouped(operand, keys: keys, keyVariables: keyVariables)
    case .list(let items):
      for i in items { try checkGrouped(i, keys: keys, keyVariables: keyVariables) }
    case .map(let entries):
      for entry in entries { try checkGrouped(entry.value, keys: keys, keyVariables: keyVariables) }
    case .subscript(let subject, let index):
      try checkGrouped(subject, keys: keys, keyVariables: keyVariables)
      try checkGrouped(index, keys: keys, keyVariables: keyVariables)
    default:
      // Comprehensions, CASE and the like bind their own variables; leave them to run time.
      return
    }
  }

  /// Structural equality that ignores source positions, for the simple
  /// expressions grouping keys usually are.
  static func sameShape(_ a: Expression, _ b: Expression) -> Bool {
    switch (a.kind, b.kind) {
    case (.variable(let x), .variable(let y)): return x == y
    case (.parameter(let x), .parameter(let y)): return x == y
    case (.literal(let x), .literal(let y)): return x == y
    case (.property(let s, let k), .property(let t, let l)): return k == l && sameShape(s, t)
    case (.unary(let o, let x), .unary(let p, let y)): return o == p && sameShape(x, y)
    case (.binary(let o, let x1, let x2), .binary(let p, let y1, let y2)):
      return o == p && sameShape(x1, y1) && sameShape(x2, y2)
    case (.countStar, .countStar): return true
    case (.subscript(let x, let i), .subscript(let y, let j)): return sameShape(x, y) && sameShape(i, j)
    case (.functionCall(let f), .functionCall(let g)):
      return f.namespace == g.namespace && f.name.lowercased() == g.name.lowercased()
        && f.distinct == g.distinct
        && f.arguments.count == g.arguments.count
        && zip(f.arguments, g.arguments).allSatisfy { sameShape($0, $1) }
    default: return false
    }
  }

  /// `RETURN me.age AS age, count(*) AS c ORDER BY age + count(you.age)`: the
  /// aggregate reads the rows before the projection; everything around it may
  /// only use projected columns or simple projected expressions.
  func checkAggregatingSortItem(
    _ e: Expression, _ items: [ProjectionItem], projected: Scope, mixesAggregate: Bool
  ) throws(CypherError) {
    func check(_ child: Expression) throws(CypherError) {
      try checkAggregatingSortItem(child, items, projected: projected, mixesAggregate: mixesAggregate)
    }
    switch e.kind {
    case .countStar:
      return
    case .functionCall(let call)
    where call.namespace.isEmpty && FunctionNames.aggregates.contains(call.name.lowercased()):
      // An aggregate the projection computes is a column of its output;
      // any other may only read what the projection keeps.
      if items.contains(where: { Self.sameShape($0.expression, e) }) { return }
      try checkExpression(e, in: projected, .allowed)
      return
    default:
      break
    }
    if items.contains(where: { Self.sameShape($0.expression, e) }) {
      if mixesAggregate, case .binary = e.kind {
        throw CypherError.compile(
          "AmbiguousAggregationExpression",
          "Only projected columns and simple projected expressions may be combined with an aggregate in ORDER BY",
          at: e.position)
      }
      return
    }
    switch e.kind {
    case .literal, .parameter:
      return
    case .variable(let name):
      try requireDefined(name, in: projected, at: e.position)
    case .property(let subject, _), .unary(_, let subject):
      try check(subject)
    case .binary(_, let left, let right):
      try check(left)
      try check(right)
    case .functionCall(let call):
      for argument in call.arguments { try check(argument) }
    case .list(let elements):
      for element in elements { try check(element) }
    case .map(let entries):
      for entry in entries { try check(entry.value) }
    default:
      try checkExpression(e, in: projected, .allowed)
    }
  }
}
