// Queries and their clauses.

extension Parser {
  static let clauseExpectation =
    "a clause such as MATCH, OPTIONAL MATCH, RETURN, WITH, UNWIND, CREATE, MERGE, SET, REMOVE, DELETE, CALL or FOREACH"

  mutating func parseQuery() throws(CypherError) -> Query {
    let position = current.position
    let first = try parseSingleQuery()
    var unions: [UnionPart] = []
    while at(.union) {
      let unionPosition = advance().position
      let all = accept(.all)
      unions.append(UnionPart(all: all, query: try parseSingleQuery(), position: unionPosition))
    }
    return Query(first: first, unions: unions, position: position)
  }

  private mutating func parseSingleQuery() throws(CypherError) -> SingleQuery {
    let position = current.position
    var clauses: [Clause] = []
    while let clause = try parseClause() {
      clauses.append(clause)
    }
    guard !clauses.isEmpty, at(.union) || at(.semicolon) || at(.endOfInput) else {
      throw unexpected(Parser.clauseExpectation)
    }
    return SingleQuery(clauses: clauses, position: position)
  }

  /// The next clause, or nil when the current token does not start one.
  mutating func parseClause() throws(CypherError) -> Clause? {
    let position = current.position
    switch current.keyword {
    case .match:
      index += 1
      return .match(try parseMatchBody(optional: false, at: position))
    case .optional where peekIs(1, .match):
      index += 2
      return .match(try parseMatchBody(optional: true, at: position))
    case .unwind:
      index += 1
      let expression = try parseExpression()
      try expect(.as)
      let variable = try parseVariable()
      return .unwind(UnwindClause(expression: expression, variable: variable, position: position))
    case .with:
      index += 1
      let projection = try parseProjection()
      let predicate = accept(.where) ? try parseExpression() : nil
      return .with(WithClause(projection: projection, predicate: predicate, position: position))
    case .return:
      index += 1
      return .return(ReturnClause(projection: try parseProjection(), position: position))
    case .create:
      index += 1
      return .create(CreateClause(pattern: try parsePattern(), position: position))
    case .merge:
      index += 1
      return .merge(try parseMergeBody(at: position))
    case .set:
      index += 1
      return .set(SetClause(items: try parseSetItems(), position: position))
    case .remove:
      index += 1
      return .remove(try parseRemoveBody(at: position))
    case .delete:
      index += 1
      return .delete(try parseDeleteBody(detach: false, at: position))
    case .detach where peekIs(1, .delete):
      index += 2
      return .delete(try parseDeleteBody(detach: true, at: position))
    case .call:
      index += 1
      return .call(try parseCallBody(at: position))
    case .foreach:
      index += 1
      return .foreach(try parseForeachBody(at: position))
    default:
      return nil
    }
  }

  private mutating func parseMatchBody(optional: Bool, at position: SourcePosition)
    throws(CypherError) -> MatchClause
  {
    let pattern = try parsePattern()
    let predicate = accept(.where) ? try parseExpression() : nil
    return MatchClause(optional: optional, pattern: pattern, predicate: predicate, position: position)
  }

  private mutating func parseProjection() throws(CypherError) -> Projection {
    let distinct = accept(.distinct)
    var includesAll = false
    var items: [ProjectionItem] = []
    if accept(.star) {
      includesAll = true
      if accept(.comma) { items = try parseProjectionItems() }
    } else {
      items = try parseProjectionItems()
    }
    var orderBy: [SortItem] = []
    if at(.order) {
      index += 1
      try expect(.by)
      repeat {
        let position = current.position
        let expression = try parseExpression()
        var ascending = true
        if accept(.desc) || accept(.descending) {
          ascending = false
        } else if !accept(.asc) {
          _ = accept(.ascending)
        }
        orderBy.append(SortItem(expression: expression, ascending: ascending, position: position))
      } while accept(.comma)
    }
    let skip = accept(.skip) ? try parseExpression() : nil
    let limit = accept(.limit) ? try parseExpression() : nil
    return Projection(
      distinct: distinct, includesAll: includesAll, items: items, orderBy: orderBy, skip: skip,
      limit: limit)
  }

  private mutating func parseProjectionItems() throws(CypherError) -> [ProjectionItem] {
    var items: [ProjectionItem] = []
    repeat {
      let start = current
      let expression = try parseExpression()
      let text = text(from: start.start, to: previousEnd)
      let alias = accept(.as) ? try parseVariable() : nil
      items.append(
        ProjectionItem(expression: expression, alias: alias, text: text, position: start.position))
    } while accept(.comma)
    return items
  }

  private mutating func parseMergeBody(at position: SourcePosition) throws(CypherError) -> MergeClause {
    let part = try parsePatternPart()
    var actions: [MergeAction] = []
    while at(.on) {
      let actionPosition = advance().position
      let trigger: MergeAction.Trigger
      if accept(.create) {
        trigger = .onCreate
      } else if accept(.match) {
        trigger = .onMatch
      } else {
        throw unexpected("CREATE or MATCH after ON")
      }
      try expect(.set)
      actions.append(MergeAction(trigger: trigger, items: try parseSetItems(), position: actionPosition))
    }
    return MergeClause(part: part, actions: actions, position: position)
  }

  private mutating func parseSetItems() throws(CypherError) -> [SetItem] {
    var items: [SetItem] = []
    repeat {
      let position = current.position
      if atVariable && peek(1).kind == .equal {
        let variable = try parseVariable()
        index += 1
        let value = try parseExpression()
        items.append(SetItem(kind: .replaceProperties(variable: variable, value: value), position: position))
      } else if atVariable && peek(1).kind == .plusEqual {
        let variable = try parseVariable()
        index += 1
        let value = try parseExpression()
        items.append(SetItem(kind: .mergeProperties(variable: variable, value: value), position: position))
      } else if atVariable && peek(1).kind == .colon {
        let variable = try parseVariable()
        let labels = try parseLabels()
        items.append(SetItem(kind: .labels(variable: variable, labels: labels), position: position))
      } else {
        let (entity, key) = try parsePropertyTarget()
        try expect(.equal, "'='")
        let value = try parseExpression()
        items.append(SetItem(kind: .property(entity: entity, key: key, value: value), position: position))
      }
    } while accept(.comma)
    return items
  }

  /// `subject.key`, as assigned by SET or removed by REMOVE.
  private mutating func parsePropertyTarget() throws(CypherError) -> (Expression, String) {
    let start = current
    let target = try parsePostfix(try parseAtom())
    guard case .property(let entity, let key) = target.kind else {
      throw CypherError.syntax(
        "UnexpectedSyntax",
        "Invalid input '\(text(from: start.start, to: previousEnd))': expected a property such as n.name, "
          + "a label such as n:Label, or a variable assignment",
        line: start.line, column: start.column)
    }
    return (entity, key)
  }

  private mutating func parseRemoveBody(at position: SourcePosition) throws(CypherError) -> RemoveClause {
    var items: [RemoveItem] = []
    repeat {
      let itemPosition = current.position
      if atVariable && peek(1).kind == .colon {
        let variable = try parseVariable()
        let labels = try parseLabels()
        items.append(RemoveItem(kind: .labels(variable: variable, labels: labels), position: itemPosition))
      } else {
        let (entity, key) = try parsePropertyTarget()
        items.append(RemoveItem(kind: .property(entity: entity, key: key), position: itemPosition))
      }
    } while accept(.comma)
    return RemoveClause(items: items, position: position)
  }

  private mutating func parseDeleteBody(detach: Bool, at position: SourcePosition)
    throws(CypherError) -> DeleteClause
  {
    var expressions: [Expression] = []
    repeat {
      expressions.append(try parseExpression())
    } while accept(.comma)
    return DeleteClause(detach: detach, expressions: expressions, position: position)
  }

  private mutating func parseCallBody(at position: SourcePosition) throws(CypherError) -> CallClause {
    var names = [try parseName("a procedure name")]
    while accept(.dot) {
      names.append(try parseName("a procedure name"))
    }
    var arguments: [Expression]?
    if accept(.leftParen) {
      var list: [Expression] = []
      if !at(.rightParen) {
        repeat {
          list.append(try parseExpression())
        } while accept(.comma)
      }
      try expect(.rightParen, "',' or ')'")
      arguments = list
    }
    var yieldItems: [YieldItem]?
    var predicate: Expression?
    if accept(.yield) {
      if !accept(.star) {
        var items: [YieldItem] = []
        repeat {
          let itemPosition = current.position
          let field = try parseName("a procedure result field")
          let alias = accept(.as) ? try parseVariable() : nil
          items.append(YieldItem(field: field, alias: alias, position: itemPosition))
        } while accept(.comma)
        yieldItems = items
      }
      predicate = accept(.where) ? try parseExpression() : nil
    }
    let name = names.removeLast()
    return CallClause(
      namespace: names, name: name, arguments: arguments, yieldItems: yieldItems, predicate: predicate,
      position: position)
  }

  private mutating func parseForeachBody(at position: SourcePosition) throws(CypherError) -> ForeachClause {
    try expect(.leftParen, "'('")
    let variable = try parseVariable()
    try expect(.in)
    let list = try parseExpression()
    try expect(.pipe, "'|'")
    var clauses: [Clause] = []
    while let clause = try parseClause() {
      clauses.append(clause)
    }
    guard !clauses.isEmpty else { throw unexpected("an updating clause such as CREATE, MERGE or SET") }
    try expect(.rightParen, "')'")
    return ForeachClause(variable: variable, list: list, clauses: clauses, position: position)
  }
}
