/// Compile-time checks on a parsed statement, in the spirit of openCypher and
/// Neo4j: variables are defined before use and not rebound, aggregates appear
/// only where they may, `CREATE` patterns can be created, unions agree, and
/// so on. Errors are `CypherError`s of type `SyntaxError` (the openCypher TCK
/// classifies every compile-time error so) with phase `compile`, an openCypher
/// detail name and the position of the offending syntax.
public struct SemanticChecker: Sendable {
  /// Known function names, lower-cased, mapped to how they are shown in suggestions.
  /// Nil turns the `UnknownFunction` check off.
  let functions: [String: String]?

  /// - Parameter knownFunctions: every function the executor implements, including namespaced ones
  ///   (`date.truncate`), in any case (`toLower` or `tolower`; the spelling given is the one suggested
  ///   to users). Nil skips the `UnknownFunction` check.
  public init(knownFunctions: Set<String>? = nil) {
    functions = knownFunctions.map(Self.functionTable)
  }

  /// A checker over a table made once by `functionTable(_:)`: building it
  /// costs more than checking a typical statement.
  public init(functionTable: [String: String]) {
    functions = functionTable
  }

  /// Lower-cased name to spelling, for case-insensitive lookups and
  /// "did you mean" suggestions.
  public static func functionTable(_ knownFunctions: Set<String>) -> [String: String] {
    var table: [String: String] = [:]
    for name in knownFunctions { table[name.lowercased()] = name }
    return table
  }

  /// Checks one statement; schema commands need no checks.
  public func check(_ statement: Statement) throws(CypherError) {
    guard case .query(let query) = statement.kind else { return }
    try checkQuery(query)
  }

  /// Checks one statement with a throwaway checker.
  public static func check(_ statement: Statement, knownFunctions: Set<String>? = nil) throws(CypherError) {
    try SemanticChecker(knownFunctions: knownFunctions).check(statement)
  }

  private func checkQuery(_ query: Query) throws(CypherError) {
    let firstColumns = try checkSingleQuery(query.first)
    guard let firstUnion = query.unions.first else { return }
    for part in query.unions {
      guard part.all == firstUnion.all else {
        throw CypherError.compile(
          "InvalidClauseComposition", "Invalid combination of UNION and UNION ALL", at: part.position)
      }
      let columns = try checkSingleQuery(part.query)
      guard columns == firstColumns else {
        throw CypherError.compile(
          "DifferentColumnsInUnion",
          "All sub queries in a UNION must have the same return column names: "
            + "\(firstColumns.joined(separator: ", ")) versus \(columns.joined(separator: ", "))",
          at: part.position)
      }
    }
  }

  /// Checks the clauses in order; returns the column names of the final RETURN.
  private func checkSingleQuery(_ query: SingleQuery) throws(CypherError) -> [String] {
    var scope = Scope()
    var columns: [String] = []
    for (offset, clause) in query.clauses.enumerated() {
      if case .return = clause, offset != query.clauses.count - 1 {
        throw CypherError.compile(
          "InvalidClauseComposition", "RETURN can only be used at the end of the query", at: clause.position)
      }
      columns = try checkClause(clause, scope: &scope)
    }
    if let last = query.clauses.last {
      try checkConclusion(last, isOnlyClause: query.clauses.count == 1)
    }
    return columns
  }

  /// A query must end with RETURN, an updating clause or a procedure call.
  private func checkConclusion(_ clause: Clause, isOnlyClause: Bool) throws(CypherError) {
    let name: String
    switch clause {
    case .match(let match): name = match.optional ? "OPTIONAL MATCH" : "MATCH"
    case .with: name = "WITH"
    case .unwind: name = "UNWIND"
    case .call(let call) where call.yieldItems != nil && !isOnlyClause: name = "CALL ... YIELD"
    default: return
    }
    throw CypherError.compile(
      "InvalidClauseComposition",
      "Query cannot conclude with \(name) (must be a RETURN clause, an update clause or a procedure call)",
      at: clause.position)
  }

  // MARK: - Clauses

  /// Checks a clause against the variables in scope and updates the scope; returns the
  /// column names when the clause is a RETURN.
  func checkClause(_ clause: Clause, scope: inout Scope) throws(CypherError) -> [String] {
    switch clause {
    case .match(let match):
      var seen = Set<String>()
      for part in match.pattern.parts {
        try declareMatched(part, in: &scope, relationshipsSeen: &seen)
      }
      try checkPatternProperties(match.pattern.parts, in: scope)
      if let predicate = match.predicate {
        try checkExpression(predicate, in: scope, .forbidden("WHERE"))
        try checkPredicate(predicate, in: scope)
      }
    case .unwind(let unwind):
      try checkExpression(unwind.expression, in: scope, .forbidden("UNWIND"))
      try checkPatternPositions(unwind.expression)
      try declareNew(unwind.variable, as: .value, in: &scope, at: unwind.position)
    case .with(let with):
      let (projected, _) = try checkProjection(with.projection, in: scope, clause: "WITH", at: with.position)
      if let predicate = with.predicate {
        // Without aggregation the rows still carry what came in, so WHERE
        // sees those variables too (the projected names win).
        var predicateScope = projected
        if !with.projection.items.contains(where: { $0.expression.containsAggregate }) {
          predicateScope = scope
          for name in projected.order { predicateScope.bind(name, as: projected.kind(of: name) ?? .value) }
        }
        try checkExpression(predicate, in: predicateScope, .forbidden("WHERE"))
        try checkPredicate(predicate, in: predicateScope)
      }
      scope = projected
    case .return(let ret):
      let (projected, columns) = try checkProjection(
        ret.projection, in: scope, clause: "RETURN", at: ret.position)
      scope = projected
      return columns
    case .create(let create):
      for part in create.pattern.parts {
        try declareCreated(part, in: &scope, clause: "CREATE")
      }
      try checkPatternProperties(create.pattern.parts, in: scope)
    case .merge(let merge):
      for node in merge.part.element.nodes { try rejectParameterMap(node.properties) }
      for step in merge.part.element.chain { try rejectParameterMap(step.relationship.properties) }
      try declareCreated(merge.part, in: &scope, clause: "MERGE")
      try checkPatternProperties([merge.part], in: scope)
      for action in merge.actions {
        try checkSetItems(action.items, in: scope)
      }
    case .set(let set):
      try checkSetItems(set.items, in: scope)
    case .remove(let remove):
      for item in remove.items {
        switch item.kind {
        case .property(let entity, _): try checkExpression(entity, in: scope, .forbidden("REMOVE"))
        case .labels(let variable, _): try requireDefined(variable, in: scope, at: item.position)
        }
      }
    case .delete(let delete):
      for expression in delete.expressions {
        try checkDeletable(expression)
        try checkExpression(expression, in: scope, .forbidden("DELETE"))
      }
    case .call(let call):
      for argument in call.arguments ?? [] {
        try checkExpression(argument, in: scope, .forbidden("CALL"))
      }
      for item in call.yieldItems ?? [] {
        try declareNew(item.variable, as: .value, in: &scope, at: item.position)
      }
      if let predicate = call.predicate { try checkExpression(predicate, in: scope, .forbidden("WHERE")) }
    case .foreach(let foreach):
      try checkExpression(foreach.list, in: scope, .forbidden("FOREACH"))
      var inner = scope
      try declareNew(foreach.variable, as: .value, in: &inner, at: foreach.position)
      for nested in foreach.clauses {
        _ = try checkClause(nested, scope: &inner)
      }
    }
    return []
  }

  private func checkSetItems(_ items: [SetItem], in scope: Scope) throws(CypherError) {
    for item in items {
      switch item.kind {
      case .property(let entity, _, let value):
        try checkExpression(entity, in: scope, .forbidden("SET"))
        try checkExpression(value, in: scope, .forbidden("SET"))
        try checkPatternPositions(value)
      case .replaceProperties(let variable, let value), .mergeProperties(let variable, let value):
        try requireDefined(variable, in: scope, at: item.position)
        try checkExpression(value, in: scope, .forbidden("SET"))
        try checkPatternPositions(value)
      case .labels(let variable, _):
        try requireDefined(variable, in: scope, at: item.position)
      }
    }
  }

  /// Literals and arithmetic can never be nodes, relationships or paths.
  private func checkDeletable(_ expression: Expression) throws(CypherError) {
    let isEntity: Bool
    switch expression.kind {
    case .literal(.null): isEntity = true
    case .literal, .list, .map, .binary, .unary, .comparisonChain, .isNull, .hasLabels, .listComprehension,
      .quantifier, .countStar, .mapProjection:
      isEntity = false
    default: isEntity = true
    }
    guard !isEntity else { return }
    if case .hasLabels = expression.kind {
      throw CypherError.compile(
        "InvalidDelete",
        "DELETE removes nodes, relationships and paths; use REMOVE n:Label to remove a label",
        at: expression.position)
    }
    throw CypherError.compile(
      "InvalidArgumentType", "Type mismatch: DELETE expects a node, relationship or path",
      at: expression.position)
  }

  func requireDefined(_ name: String, in scope: Scope, at position: SourcePosition) throws(CypherError) {
    guard scope.contains(name) else {
      throw CypherError.compile("UndefinedVariable", "Variable `\(name)` not defined", at: position)
    }
  }

  func declareNew(_ name: String, as kind: VariableKind, in scope: inout Scope, at position: SourcePosition)
    throws(CypherError)
  {
    guard !scope.contains(name) else {
      throw CypherError.compile(
        "VariableAlreadyBound", "Variable `\(name)` already declared", at: position)
    }
    scope.bind(name, as: kind)
  }
}
