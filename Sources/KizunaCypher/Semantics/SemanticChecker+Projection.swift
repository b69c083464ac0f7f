// WITH and RETURN: aliases, column names, ORDER BY, SKIP and LIMIT.

extension SemanticChecker {
  /// Returns the scope after the projection and its column names.
  func checkProjection(
    _ projection: Projection, in scope: Scope, clause: String, at position: SourcePosition
  ) throws(CypherError) -> (Scope, [String]) {
    var projected = scope.startingProjection()
    var columns: [String] = []
    // Reported after ORDER BY is checked: an ambiguous aggregation there is
    // the more useful message (openCypher reports it first too).
    var missingAlias: CypherError?
    if projection.includesAll {
      // `WITH *` may pass on an empty scope (e.g. between two CREATEs of
      // anonymous nodes); `RETURN *` must have something to return.
      guard !scope.isEmpty || clause == "WITH" else {
        throw CypherError.compile(
          "NoVariablesInScope", "\(clause) * is not allowed when there are no variables in scope",
          at: position)
      }
      projected = scope
      columns = scope.order.sorted()
    }
    for item in projection.items {
      try checkExpression(item.expression, in: scope, .allowed)
      try checkPatternPositions(item.expression)
      let kind = VariableKind.of(item.expression, in: scope)
      var isVariable = false
      if case .variable = item.expression.kind { isVariable = true }
      if !isVariable && clause == "WITH" && item.alias == nil && missingAlias == nil {
        missingAlias = CypherError.compile(
          "NoExpressionAlias", "Expression in WITH must be aliased (use AS)", at: item.position)
      }
      guard !columns.contains(item.name) else {
        throw CypherError.compile(
          "ColumnNameConflict",
          "Multiple result columns with the same name `\(item.name)` are not supported; use AS to rename one",
          at: item.position)
      }
      columns.append(item.name)
      projected.bind(item.name, as: kind)
      projected.setValueType(Self.staticType(of: item.expression, in: scope), of: item.name)
    }
    try checkAggregationGrouping(projection.items)
    var orderScope = scope
    for name in projected.order {
      orderScope.bind(name, as: projected.kind(of: name) ?? .value)
    }
    // After DISTINCT or aggregation only the projected columns exist: ORDER
    // BY may name them, or repeat a projected expression.
    let aggregating = projection.items.contains { $0.expression.containsAggregate }
    let onlyProjected = projection.distinct || aggregating
    for sortItem in projection.orderBy {
      if onlyProjected {
        if projection.items.contains(where: { Self.sameShape($0.expression, sortItem.expression) }) {
          continue
        }
        // A sort key over grouping keys, e.g. `ORDER BY a.name + 'x'` after
        // `WITH a.name AS name, count(*) AS n`, has one value per group too.
        if aggregating {
          try checkAggregatingSortItem(
            sortItem.expression, projection.items, projected: projected,
            mixesAggregate: sortItem.expression.containsAggregate)
          continue
        }
        try checkExpression(sortItem.expression, in: projected, .allowed)
      } else {
        try checkExpression(sortItem.expression, in: orderScope, .allowed)
      }
    }
    if let missingAlias { throw missingAlias }
    if let skip = projection.skip { try checkRowCount(skip, clause: "SKIP") }
    if let limit = projection.limit { try checkRowCount(limit, clause: "LIMIT") }
    return (projected, columns)
  }

  /// SKIP and LIMIT take a constant non-negative integer (parameters allowed).
  private func checkRowCount(_ expression: Expression, clause: String) throws(CypherError) {
    if Self.mentionsVariable(expression) {
      throw CypherError.compile(
        "NonConstantExpression",
        "It is not allowed to refer to variables in \(clause); use a literal or a parameter",
        at: expression.position)
    }
    guard case .literal(let literal) = expression.kind else { return }
    switch literal {
    case .integer(let value) where value < 0:
      throw CypherError.compile(
        "NegativeIntegerArgument",
        "Invalid input. '\(value)' is not a valid value for \(clause): "
          + "it must be a non-negative integer", at: expression.position)
    case .integer:
      return
    default:
      throw CypherError.compile(
        "InvalidArgumentType", "Invalid input for \(clause): it must be a non-negative integer",
        at: expression.position)
    }
  }

  /// Whether any variable is read (local variables of comprehensions included, which is what
  /// "not constant" means for SKIP and LIMIT).
  static func mentionsVariable(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .variable, .mapProjection, .pattern, .patternComprehension, .listComprehension, .quantifier,
      .reduce, .subquery:
      return true
    case .literal, .parameter, .countStar:
      return false
    case .list(let items): return items.contains(where: mentionsVariable)
    case .map(let entries): return entries.contains { mentionsVariable($0.value) }
    case .property(let subject, _), .hasLabels(let subject, _), .isNull(let subject, _),
      .unary(_, let subject), .exists(let subject):
      return mentionsVariable(subject)
    case .subscript(let subject, let index): return mentionsVariable(subject) || mentionsVariable(index)
    case .slice(let subject, let from, let to):
      return mentionsVariable(subject) || (from.map(mentionsVariable) ?? false)
        || (to.map(mentionsVariable) ?? false)
    case .binary(_, let left, let right): return mentionsVariable(left) || mentionsVariable(right)
    case .comparisonChain(let first, let links):
      return mentionsVariable(first) || links.contains { mentionsVariable($0.operand) }
    case .functionCall(let call): return call.arguments.contains(where: mentionsVariable)
    case .caseExpression(let value):
      return (value.subject.map(mentionsVariable) ?? false)
        || (value.elseValue.map(mentionsVariable) ?? false)
        || value.alternatives.contains { mentionsVariable($0.condition) || mentionsVariable($0.result) }
    }
  }
}
