// Variables, functions and aggregates inside expressions.

/// Where an expression sits, as far as aggregation is concerned.
enum AggregationContext: Sendable {
  /// A projection item or ORDER BY of WITH/RETURN.
  case allowed
  /// Inside an aggregate's arguments.
  case insideAggregate
  /// Anywhere else; the associated text names the place for the message.
  case forbidden(String)
}

extension SemanticChecker {
  func checkExpression(_ expression: Expression, in scope: Scope, _ context: AggregationContext)
    throws(CypherError)
  {
    try checkStaticTypes(expression, in: scope)
    switch expression.kind {
    case .literal, .parameter:
      return
    case .variable(let name):
      try requireDefined(name, in: scope, at: expression.position)
    case .list(let items):
      for item in items { try checkExpression(item, in: scope, context) }
    case .map(let entries):
      for entry in entries { try checkExpression(entry.value, in: scope, context) }
    case .property(let subject, _):
      if case .variable(let name) = subject.kind, let kind = scope.kind(of: name),
        kind == .path || kind == .relationshipList
      {
        throw CypherError.compile(
          "InvalidArgumentType", "Type mismatch: `\(name)` is a \(kind.description), which has no properties",
          at: expression.position)
      }
      try checkExpression(subject, in: scope, context)
    case .hasLabels(let subject, _), .isNull(let subject, _),
      .unary(_, let subject), .exists(let subject):
      try checkExpression(subject, in: scope, context)
    case .subscript(let subject, let index):
      try checkExpression(subject, in: scope, context)
      try checkExpression(index, in: scope, context)
    case .slice(let subject, let from, let to):
      try checkExpression(subject, in: scope, context)
      if let from { try checkExpression(from, in: scope, context) }
      if let to { try checkExpression(to, in: scope, context) }
    case .binary(_, let left, let right):
      try checkExpression(left, in: scope, context)
      try checkExpression(right, in: scope, context)
    case .comparisonChain(let first, let links):
      try checkExpression(first, in: scope, context)
      for link in links { try checkExpression(link.operand, in: scope, context) }
    case .functionCall(let call):
      try checkFunction(call, at: expression.position)
      if case .insideAggregate = context, call.namespace.isEmpty, call.name.lowercased() == "rand" {
        throw CypherError.compile(
          "NonConstantExpression", "rand() cannot be used inside an aggregate function",
          at: expression.position)
      }
      var argumentContext = context
      if call.namespace.isEmpty && FunctionNames.aggregates.contains(call.name.lowercased()) {
        try checkAggregateAllowed(call.name, context, at: expression.position)
        argumentContext = .insideAggregate
      }
      for argument in call.arguments { try checkExpression(argument, in: scope, argumentContext) }
    case .countStar:
      try checkAggregateAllowed("count", context, at: expression.position)
    case .caseExpression(let value):
      if let subject = value.subject { try checkExpression(subject, in: scope, context) }
      for alternative in value.alternatives {
        try checkExpression(alternative.condition, in: scope, context)
        try checkExpression(alternative.result, in: scope, context)
      }
      if let elseValue = value.elseValue { try checkExpression(elseValue, in: scope, context) }
    case .listComprehension(let value):
      try checkExpression(value.list, in: scope, context)
      let inner = scope.with(value.variable, elementsOf: value.list)
      // The per-element parts run once per list element, not once per
      // group: an aggregate there has nothing to aggregate over.
      let elementContext: AggregationContext =
        if case .insideAggregate = context { context } else { .forbidden("a list comprehension") }
      if let predicate = value.predicate { try checkExpression(predicate, in: inner, elementContext) }
      if let projection = value.projection { try checkExpression(projection, in: inner, elementContext) }
    case .quantifier(_, let variable, let list, let predicate):
      try checkExpression(list, in: scope, context)
      if let predicate {
        try checkExpression(predicate, in: scope.with(variable, elementsOf: list), context)
      }
    case .reduce(let accumulator, let initial, let variable, let list, let step):
      try checkExpression(initial, in: scope, context)
      try checkExpression(list, in: scope, context)
      try checkExpression(step, in: scope.with(accumulator).with(variable), context)
    case .mapProjection(let variable, let items):
      try requireDefined(variable, in: scope, at: expression.position)
      for item in items {
        switch item.kind {
        case .literal(_, let value): try checkExpression(value, in: scope, context)
        case .variable(let name): try requireDefined(name, in: scope, at: item.position)
        case .property, .allProperties: break
        }
      }
    case .pattern(let part):
      try checkPatternExpression(part, in: scope)
    case .subquery(let value):
      try checkSubquery(value, in: scope)
    case .patternComprehension(let value):
      var inner = scope
      var seen = Set<String>()
      try declareMatched(value.pattern, in: &inner, relationshipsSeen: &seen)
      try checkPatternProperties([value.pattern], in: inner)
      if let predicate = value.predicate { try checkExpression(predicate, in: inner, context) }
      try checkExpression(value.projection, in: inner, context)
    }
  }

  /// A pattern used as a predicate may only mention variables that are already bound.
  private func checkPatternExpression(_ part: PatternPart, in scope: Scope) throws(CypherError) {
    var inner = scope
    for node in part.element.nodes {
      guard let variable = node.variable else { continue }
      try requireDefined(variable, in: scope, at: node.position)
      try bindCompatible(variable, as: .node, in: &inner, at: node.position)
    }
    for step in part.element.chain {
      guard let variable = step.relationship.variable else { continue }
      try requireDefined(variable, in: scope, at: step.relationship.position)
    }
    try checkPatternProperties([part], in: scope)
  }

  private func checkAggregateAllowed(
    _ name: String, _ context: AggregationContext, at position: SourcePosition
  )
    throws(CypherError)
  {
    switch context {
    case .allowed:
      return
    case .insideAggregate:
      throw CypherError.compile(
        "NestedAggregation",
        "Can't use aggregate functions inside of aggregate functions (found \(name))", at: position)
    case .forbidden(let place):
      throw CypherError.compile(
        "InvalidAggregation",
        "Invalid use of aggregating function \(name)(...) in \(place); aggregate in WITH or RETURN instead",
        at: position)
    }
  }

  private func checkFunction(_ call: FunctionCall, at position: SourcePosition) throws(CypherError) {
    guard let functions else { return }
    let name = call.qualifiedName
    guard functions[name.lowercased()] == nil else { return }
    var message = "Unknown function '\(name)'"
    if let suggestion = FunctionNames.suggestion(for: name, among: Array(functions.values)) {
      message += "; did you mean '\(suggestion)'?"
    }
    throw CypherError.compile("UnknownFunction", message, at: position)
  }
}

extension Scope {
  /// This scope plus a local variable (of a comprehension, quantifier or reduce).
  func with(_ name: String) -> Scope {
    var copy = self
    copy.bind(name, as: .value)
    return copy
  }

  /// `name` bound to the elements of `list`; when `list` is a list literal
  /// whose elements share one scalar type, `name` has that type.
  func with(_ name: String, elementsOf list: Expression) -> Scope {
    var copy = with(name)
    if case .list(let items) = list.kind, !items.isEmpty {
      let types = items.map { SemanticChecker.staticType(of: $0, in: self) }
      if let t = types[0], [.boolean, .integer, .float, .string].contains(t), types.allSatisfy({ $0 == t }) {
        copy.setValueType(t, of: name)
      }
    }
    return copy
  }
}
