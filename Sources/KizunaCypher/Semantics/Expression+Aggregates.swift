extension Expression {
  /// Whether the expression calls an aggregating function (`count(*)`, `sum(...)`, ...) anywhere
  /// outside a nested pattern comprehension's own scope. Planners use this to tell grouping keys
  /// from aggregates in WITH and RETURN.
  public var containsAggregate: Bool {
    switch kind {
    case .countStar:
      return true
    case .functionCall(let call):
      if call.namespace.isEmpty && FunctionNames.aggregates.contains(call.name.lowercased()) { return true }
      return call.arguments.contains { $0.containsAggregate }
    case .literal, .parameter, .variable, .pattern, .patternComprehension:
      return false
    case .subquery:
      // Aggregates inside belong to the subquery's own WITH or RETURN.
      return false
    case .list(let items): return items.contains { $0.containsAggregate }
    case .map(let entries): return entries.contains { $0.value.containsAggregate }
    case .property(let subject, _), .hasLabels(let subject, _), .isNull(let subject, _),
      .unary(_, let subject), .exists(let subject):
      return subject.containsAggregate
    case .subscript(let subject, let index): return subject.containsAggregate || index.containsAggregate
    case .slice(let subject, let from, let to):
      return subject.containsAggregate || (from?.containsAggregate ?? false)
        || (to?.containsAggregate ?? false)
    case .binary(_, let left, let right): return left.containsAggregate || right.containsAggregate
    case .comparisonChain(let first, let links):
      return first.containsAggregate || links.contains { $0.operand.containsAggregate }
    case .caseExpression(let value):
      return (value.subject?.containsAggregate ?? false) || (value.elseValue?.containsAggregate ?? false)
        || value.alternatives.contains { $0.condition.containsAggregate || $0.result.containsAggregate }
    case .listComprehension(let value):
      return value.list.containsAggregate || (value.predicate?.containsAggregate ?? false)
        || (value.projection?.containsAggregate ?? false)
    case .quantifier(_, _, let list, let predicate):
      return list.containsAggregate || (predicate?.containsAggregate ?? false)
    case .reduce(_, let initial, _, let list, let step):
      return initial.containsAggregate || list.containsAggregate || step.containsAggregate
    case .mapProjection(_, let items):
      return items.contains {
        if case .literal(_, let value) = $0.kind { return value.containsAggregate }
        return false
      }
    }
  }
}
