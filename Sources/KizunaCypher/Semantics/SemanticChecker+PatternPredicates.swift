// Where a bare pattern such as `(n)-->()` may stand.

extension SemanticChecker {
  /// A pattern on its own is a predicate: it may be a WHERE condition, an
  /// operand of NOT/AND/OR/XOR, a CASE condition or the argument of exists(),
  /// but not a value to project or store (use a pattern comprehension).
  /// `predicatePosition` says whether `e` itself stands where a predicate is expected.
  func checkPatternPositions(_ e: Expression, predicatePosition: Bool = false) throws(CypherError) {
    func check(_ child: Expression, _ predicate: Bool = false) throws(CypherError) {
      try checkPatternPositions(child, predicatePosition: predicate)
    }
    switch e.kind {
    case .pattern(let part):
      // shortestPath(...) and allShortestPaths(...) are values (paths), not predicates.
      guard predicatePosition || part.kind != .plain else {
        throw CypherError.compile(
          "UnexpectedSyntax",
          "A pattern can only be used as a predicate (in WHERE or exists()); use a pattern comprehension "
            + "[p = (a)-->(b) | p] for a list of paths", at: e.position)
      }
    case .unary(.not, let operand):
      try check(operand, true)
    case .binary(let op, let left, let right):
      let boolean = op == .and || op == .or || op == .xor
      try check(left, boolean)
      try check(right, boolean)
    case .exists(let inner):
      try check(inner, true)
    case .unary(_, let operand), .property(let operand, _), .isNull(let operand, _),
      .hasLabels(let operand, _):
      try check(operand)
    case .functionCall(let call):
      for argument in call.arguments { try check(argument) }
    case .list(let items):
      for item in items { try check(item) }
    case .map(let entries):
      for entry in entries { try check(entry.value) }
    case .subscript(let subject, let index):
      try check(subject)
      try check(index)
    case .comparisonChain(let first, let links):
      try check(first)
      for link in links { try check(link.operand) }
    case .caseExpression(let value):
      if let subject = value.subject { try check(subject) }
      for alternative in value.alternatives {
        try check(alternative.condition, value.subject == nil)
        try check(alternative.result)
      }
      if let elseValue = value.elseValue { try check(elseValue) }
    case .listComprehension(let value):
      try check(value.list)
      if let predicate = value.predicate { try check(predicate, true) }
      if let projection = value.projection { try check(projection) }
    case .quantifier(_, _, let list, let predicate):
      try check(list)
      if let predicate { try check(predicate, true) }
    default:
      return
    }
  }

  /// A WHERE condition: patterns are allowed at its top, and a node,
  /// relationship or path variable alone is not a boolean.
  func checkPredicate(_ e: Expression, in scope: Scope) throws(CypherError) {
    if case .variable(let name) = e.kind, let kind = scope.kind(of: name),
      kind == .node || kind == .relationship || kind == .path
    {
      throw CypherError.compile(
        "InvalidArgumentType",
        "Type mismatch: WHERE expects a boolean, but `\(name)` is a \(kind.description)",
        at: e.position)
    }
    try checkPatternPositions(e, predicatePosition: true)
  }
}
