extension Expression {
  /// The aggregate calls in this expression (outermost only: the arguments
  /// of an aggregate are not searched).
  var aggregateCalls: [Expression] {
    var out: [Expression] = []
    collectAggregates(into: &out)
    return out
  }

  private func collectAggregates(into out: inout [Expression]) {
    switch kind {
    case .countStar:
      out.append(self)
      return
    case .functionCall(let call) where FunctionTable.isAggregate(call.qualifiedName):
      out.append(self)
      return
    default:
      for c in children { c.collectAggregates(into: &out) }
    }
  }

  /// Direct sub-expressions (not those inside patterns).
  var children: [Expression] {
    switch kind {
    // A subquery's expressions belong to its own clauses (its aggregates too).
    case .literal, .parameter, .variable, .countStar, .pattern, .mapProjection, .subquery: return []
    case .list(let items): return items
    case .map(let entries): return entries.map(\.value)
    case .property(let e, _), .hasLabels(let e, _), .unary(_, let e), .isNull(let e, _), .exists(let e):
      return [e]
    case .subscript(let a, let b), .binary(_, let a, let b): return [a, b]
    case .slice(let a, let b, let c): return [a] + [b, c].compactMap { $0 }
    case .comparisonChain(let first, let links): return [first] + links.map(\.operand)
    case .functionCall(let call): return call.arguments
    case .caseExpression(let c):
      return [c.subject].compactMap { $0 } + c.alternatives.flatMap { [$0.condition, $0.result] }
        + [c.elseValue].compactMap { $0 }
    case .listComprehension(let c): return [c.list] + [c.predicate, c.projection].compactMap { $0 }
    case .patternComprehension(let c): return [c.predicate].compactMap { $0 } + [c.projection]
    case .quantifier(_, _, let list, let predicate): return [list] + [predicate].compactMap { $0 }
    case .reduce(_, let initial, _, let list, let step): return [initial, list, step]
    }
  }
}
