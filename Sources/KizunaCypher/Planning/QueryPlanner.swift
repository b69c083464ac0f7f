import KizunaStore

/// A planned single query: a pipeline from `start` to `sink`.
struct PlannedQuery {
  let start: StartOperator
  let sink: ResultSink
  let columns: [String]
  let operators: [Operator]
}

/// Turns the clauses of one query into a pipeline of operators, clause by
/// clause, keeping the variable scope as it goes.
final class QueryPlanner {
  let plan: PlanContext
  let compiler: ExpressionCompiler
  private var start = StartOperator()
  private var tail: Operator
  private(set) var operators: [Operator] = []
  /// Statements that write read clause by clause: each clause sees all the
  /// effects of the previous one (openCypher semantics).
  let eager: Bool
  /// Set when a count scan already computed the next projection's aggregates.
  private var aggregatesComputed = false
  /// For a subquery: the variables of the enclosing scopes, visible throughout.
  let outer: VariableScope?

  init(plan: PlanContext, eager: Bool) {
    self.plan = plan
    self.eager = eager
    outer = nil
    compiler = ExpressionCompiler(plan: plan, scope: VariableScope())
    tail = start
    operators = [start]
  }

  /// A planner for a subquery whose rows start as copies of outer rows laid
  /// out by `outer`. It shares `plan`'s slot allocator, so the inner
  /// variables get slots of their own in the same rows.
  init(plan: PlanContext, outer: VariableScope) {
    self.plan = plan
    eager = false
    self.outer = outer
    compiler = ExpressionCompiler(plan: plan, scope: outer)
    tail = start
    operators = [start]
  }

  private var scope: VariableScope {
    get { compiler.scope }
    set { compiler.scope = newValue }
  }

  private func append(_ op: Operator) {
    tail.next = op
    tail = op
    operators.append(op)
  }

  func planQuery(_ query: SingleQuery) throws -> PlannedQuery {
    var columns: [String] = []
    var resultSlots: [Int] = []
    var returns = false
    for (i, clause) in query.clauses.enumerated() {
      if eager && i > 0 { append(EagerOperator()) }
      if i == 0, planCountScan(query.clauses) { continue }
      switch clause {
      case .return(let r):
        (columns, resultSlots) = try planProjection(r.projection, where: nil)
        returns = true
      default:
        try planClause(clause)
      }
    }
    if columns.isEmpty, case .call(let c)? = query.clauses.last {
      columns = standaloneCallColumns(c)
      resultSlots = slots(for: columns)
      returns = true
    }
    let sink = ResultSink(columns: resultSlots, keepsRows: returns)
    append(sink)
    return PlannedQuery(start: start, sink: sink, columns: columns, operators: operators)
  }

  /// EXISTS { ... } / COUNT { ... }: the clauses, then for EXISTS a LIMIT 1
  /// (one row decides it), then a row counter.
  func planSubquery(_ subquery: Subquery, at position: SourcePosition) throws -> SubqueryPipeline {
    for clause in subquery.query.clauses {
      // The checker rejects these; a subquery runs once per outer row and must never write.
      if let name = clause.updatingName {
        throw CypherError.compile(
          "InvalidClauseComposition", "A subquery cannot contain \(name)", at: clause.position)
      }
      try planClause(clause)
    }
    if subquery.kind == .exists { append(SliceOperator(skip: nil, limit: .fixed(1))) }
    let counter = RowCounter()
    append(counter)
    return SubqueryPipeline(
      kind: subquery.kind, position: position, start: start, counter: counter, operators: operators)
  }

  /// A leading MATCH whose matches the next WITH or RETURN only counts:
  /// planned as a `RelationshipCountScan` when `CountScanPlanner` accepts it.
  private func planCountScan(_ clauses: [Clause]) -> Bool {
    // Not in a subquery: the scan counts the whole graph, ignoring the
    // outer variables the pattern may be bound to.
    guard plan.fastPaths, !eager, outer == nil, clauses.count > 1, case .match(let m) = clauses[0] else {
      return false
    }
    let projection: Projection
    switch clauses[1] {
    case .with(let w): projection = w.projection
    case .return(let r): projection = r.projection
    default: return false
    }
    guard
      let (scan, calls) = CountScanPlanner(store: plan.store, parameters: plan.parameters).plan(m, projection)
    else { return false }
    var slots: [Int] = []
    for call in calls where compiler.aggregateSlots[call.position.offset] == nil {
      let slot = plan.slots.next()
      compiler.aggregateSlots[call.position.offset] = slot
      slots.append(slot)
    }
    append(CountScanOperator(scan: scan, slots: slots))
    aggregatesComputed = true
    return true
  }

  private func planClause(_ clause: Clause) throws {
    switch clause {
    case .match(let m):
      let before = Set(scope.names.compactMap { scope[$0] })
      let (matcher, leftover) = try PatternPlanner(plan: plan, compiler: compiler).plan(
        m.pattern.parts, predicates: m.predicate?.conjuncts ?? [])
      let newSlots = matcher.scopeAfter.names.compactMap { matcher.scopeAfter[$0] }.filter {
        !before.contains($0)
      }
      scope = matcher.scopeAfter
      append(MatchOperator(matcher: matcher, optional: m.optional, newSlots: newSlots))
      for e in leftover { append(FilterOperator(try compiler.compile(e))) }
    case .unwind(let u):
      let list = try compiler.compile(u.expression)
      let slot = plan.slots.next()
      scope.bind(u.variable, slot)
      append(UnwindOperator(list: list, slot: slot))
    case .with(let w):
      _ = try planProjection(w.projection, where: w.predicate)
    case .return(let r):
      _ = try planProjection(r.projection, where: nil)
    case .create(let c):
      let before = scope
      append(CreateOperator(try createPlan(c.pattern.parts, before: before)))
    case .merge(let m):
      let before = scope
      let (matcher, _) = try PatternPlanner(plan: plan, compiler: compiler).plan([m.part], predicates: [])
      scope = matcher.scopeAfter
      let create = try createPlan([m.part], before: before)
      let onMatch = try m.actions.filter { $0.trigger == .onMatch }.flatMap { try $0.items.map(setAction) }
      let onCreate = try m.actions.filter { $0.trigger == .onCreate }.flatMap { try $0.items.map(setAction) }
      append(MergeOperator(matcher: matcher, create: create, onMatch: onMatch, onCreate: onCreate))
    case .set(let s):
      append(SetOperator(try s.items.map(setAction)))
    case .remove(let r):
      let actions: [SetAction] = try r.items.map { item in
        switch item.kind {
        case .property(let entity, let key):
          return .property(entity: try compiler.compile(entity), key: key, value: .literal(.null))
        case .labels(let variable, let labels):
          guard let slot = scope[variable] else { throw compiler.undefined(variable, item.position) }
          return .removeLabels(slot: slot, labels: labels)
        }
      }
      append(SetOperator(actions))
    case .delete(let d):
      append(DeleteOperator(expressions: try d.expressions.map(compiler.compile), detach: d.detach))
    case .call(let c):
      try planCall(c)
    case .foreach(let f):
      let list = try compiler.compile(f.list)
      let saved = scope
      let slot = plan.slots.next()
      scope.bind(f.variable, slot)
      let outerStart = start, outerTail = tail
      let body = StartOperator()
      start = body
      tail = body
      for inner in f.clauses { try planClause(inner) }
      append(DiscardOperator())
      start = outerStart
      tail = outerTail
      scope = saved
      append(ForeachOperator(list: list, slot: slot, body: body))
    }
  }

  // MARK: Projection

  /// WITH / RETURN. Returns the column names and their slots.
  private func planProjection(_ p: Projection, where predicate: Expression?) throws -> ([String], [Int]) {
    var items: [(name: String, expression: Expression)] = []
    if p.includesAll {
      for name in scope.names.sorted() where !name.hasPrefix("  ") {
        items.append(
          (
            name,
            Expression(
              .variable(name), at: p.items.first?.position ?? SourcePosition(offset: 0, line: 1, column: 1))
          ))
      }
    }
    items += p.items.map { ($0.name, $0.expression) }
    let old = scope
    var newScope = VariableScope()
    var slots: [Int] = []
    let aggregating = items.contains { !$0.expression.aggregateCalls.isEmpty }
    if !aggregating {
      var projections: [(slot: Int, expression: CompiledExpression)] = []
      for item in items {
        let slot = plan.slots.next()
        projections.append((slot, try compiler.compile(item.expression)))
        slots.append(slot)
      }
      append(ProjectOperator(items: projections))
    } else {
      var keyProjections: [(slot: Int, expression: CompiledExpression)] = []
      var keySlots: [Int] = []
      var itemSlots = [Int](repeating: -1, count: items.count)
      for (i, item) in items.enumerated() where item.expression.aggregateCalls.isEmpty {
        let slot = plan.slots.next()
        keyProjections.append((slot, try compiler.compile(item.expression)))
        keySlots.append(slot)
        itemSlots[i] = slot
      }
      if !keyProjections.isEmpty { append(ProjectOperator(items: keyProjections)) }
      var calls: [AggregateOperator.Call] = []
      let sortAggregates = p.orderBy.flatMap { $0.expression.aggregateCalls }
      for call in items.flatMap({ $0.expression.aggregateCalls }) + sortAggregates {
        guard compiler.aggregateSlots[call.position.offset] == nil else { continue }
        let slot = plan.slots.next()
        compiler.aggregateSlots[call.position.offset] = slot
        switch call.kind {
        case .functionCall(let f):
          calls.append(
            AggregateOperator.Call(
              slot: slot, name: f.qualifiedName, arguments: try f.arguments.map(compiler.compile),
              distinct: f.distinct))
        default:
          calls.append(AggregateOperator.Call(slot: slot, name: nil, arguments: [], distinct: false))
        }
      }
      if aggregatesComputed {
        // A count scan set every aggregate slot already; there are no keys.
        aggregatesComputed = false
      } else {
        append(AggregateOperator(keys: keySlots, calls: calls))
      }
      var post: [(slot: Int, expression: CompiledExpression)] = []
      for (i, item) in items.enumerated() where itemSlots[i] < 0 {
        let slot = plan.slots.next()
        post.append((slot, try compiler.compile(item.expression)))
        itemSlots[i] = slot
      }
      if !post.isEmpty { append(ProjectOperator(items: post)) }
      slots = itemSlots
    }
    for (i, item) in items.enumerated() { newScope.bind(item.name, slots[i]) }
    // In a subquery the outer variables stay visible after WITH: every row
    // of one run carries the same outer values, even after aggregation.
    if let outer {
      for name in outer.names where newScope[name] == nil {
        if let slot = outer[name] { newScope.bind(name, slot) }
      }
    }
    if p.distinct { append(DistinctOperator(slots: slots)) }
    // Rows still hold the incoming slots: ORDER BY (and, without
    // aggregation, WITH's WHERE) may read incoming variables the projection
    // dropped.
    var wideScope = old
    for name in newScope.names { if let s = newScope[name] { wideScope.bind(name, s) } }
    if !p.orderBy.isEmpty {
      scope = wideScope
      let keys = try p.orderBy.map { (try compiler.compile($0.expression), $0.ascending) }
      append(SortOperator(keys: keys))
    }
    let skip = try p.skip.map { try rowCount($0, "SKIP") }
    let limit = try p.limit.map { try rowCount($0, "LIMIT") }
    if skip != nil || limit != nil { append(SliceOperator(skip: skip, limit: limit)) }
    if let predicate {
      scope = aggregating ? newScope : wideScope
      append(FilterOperator(try compiler.compile(predicate)))
    }
    scope = newScope
    return (items.map(\.name), slots)
  }

  /// SKIP and LIMIT: a literal is checked now; a parameter or an expression
  /// such as `toInteger(rand() * 9)` when the slice first runs.
  private func rowCount(_ e: Expression, _ clause: String) throws -> SliceOperator.Count {
    let c = try compiler.compile(e)
    if case .literal = e.kind, let v = c.constant {
      return .fixed(try SliceOperator.count(v, clause, phase: .compile, at: e.position))
    }
    if case .unary(.minus, let inner) = e.kind, case .literal = inner.kind, let v = c.constant {
      return .fixed(try SliceOperator.count(v, clause, phase: .compile, at: e.position))
    }
    return .computed(c, clause)
  }

  // MARK: Updates

  private func createPlan(_ parts: [PatternPart], before: VariableScope) throws -> CreatePlan {
    var nodes: [CreatePlan.NodeItem] = []
    var rels: [CreatePlan.RelationshipItem] = []
    var paths: [(slot: Int, nodes: [Int], relationships: [Int])] = []
    var created: [String: Int] = [:]  // variable -> node item index
    for part in parts {
      var partNodes: [Int] = [], partRels: [Int] = []
      for (i, n) in part.element.nodes.enumerated() {
        if let v = n.variable, let existing = created[v] {
          partNodes.append(existing)
        } else if let v = n.variable, let slot = before[v] {
          nodes.append(CreatePlan.NodeItem(slot: slot, bound: true, labels: [], properties: []))
          created[v] = nodes.count - 1
          partNodes.append(nodes.count - 1)
        } else {
          let slot = n.variable.flatMap { scope[$0] } ?? plan.slots.next()
          if let v = n.variable { scope.bind(v, slot) }
          nodes.append(
            CreatePlan.NodeItem(
              slot: slot, bound: false, labels: n.labels, properties: try entries(n.properties)))
          if let v = n.variable { created[v] = nodes.count - 1 }
          partNodes.append(nodes.count - 1)
        }
        if i > 0 {
          let r = part.element.chain[i - 1].relationship
          guard r.types.count == 1, let type = r.types.first else {
            throw CypherError.compile(
              "NoSingleRelationshipType", "A relationship must have exactly one type to be created.",
              at: r.position)
          }
          let slot = r.variable.flatMap { scope[$0] } ?? plan.slots.next()
          if let v = r.variable { scope.bind(v, slot) }
          let a = partNodes[i - 1], b = partNodes[i]
          let (from, to) = r.direction == .incoming ? (b, a) : (a, b)
          rels.append(
            CreatePlan.RelationshipItem(
              slot: slot, type: type, from: from, to: to, properties: try entries(r.properties)))
          partRels.append(rels.count - 1)
        }
      }
      if let v = part.variable {
        let slot = scope[v] ?? plan.slots.next()
        scope.bind(v, slot)
        paths.append((slot, partNodes, partRels))
      }
    }
    return CreatePlan(nodes: nodes, relationships: rels, paths: paths)
  }

  private func entries(_ e: Expression?) throws -> [(String, CompiledExpression)] {
    guard let e else { return [] }
    switch e.kind {
    case .map(let entries): return try entries.map { ($0.key, try compiler.compile($0.value)) }
    case .parameter:
      guard case .map(let m) = try compiler.compile(e).constant ?? .null else {
        throw CypherError.compile("InvalidArgumentType", "Properties must be given as a map.", at: e.position)
      }
      return m.sorted { $0.key < $1.key }.map { ($0.key, CompiledExpression.literal($0.value)) }
    default:
      throw CypherError.compile("InvalidArgumentType", "Properties must be given as a map.", at: e.position)
    }
  }

  private func setAction(_ item: SetItem) throws -> SetAction {
    switch item.kind {
    case .property(let entity, let key, let value):
      return .property(entity: try compiler.compile(entity), key: key, value: try compiler.compile(value))
    case .replaceProperties(let variable, let value):
      guard let slot = scope[variable] else { throw compiler.undefined(variable, item.position) }
      return .replace(slot: slot, value: try compiler.compile(value))
    case .mergeProperties(let variable, let value):
      guard let slot = scope[variable] else { throw compiler.undefined(variable, item.position) }
      return .merge(slot: slot, value: try compiler.compile(value))
    case .labels(let variable, let labels):
      guard let slot = scope[variable] else { throw compiler.undefined(variable, item.position) }
      return .addLabels(slot: slot, labels: labels)
    }
  }

  // MARK: Procedures

  private func planCall(_ c: CallClause) throws {
    guard let procedure = Procedures.all[c.qualifiedName.lowercased()] else {
      throw CypherError(
        type: .procedureError, detail: "ProcedureNotFound", phase: .compile,
        message:
          "There is no procedure with the name `\(c.qualifiedName)`; known: \(Procedures.all.values.map(\.name).sorted().joined(separator: ", ")).",
        line: c.position.line, column: c.position.column)
    }
    var yields: [(Int, Int)] = []
    let wanted =
      c.yieldItems ?? procedure.outputs.map { YieldItem(field: $0, alias: nil, position: c.position) }
    for y in wanted {
      guard let column = procedure.outputs.firstIndex(of: y.field) else {
        throw CypherError.compile(
          "UndefinedVariable",
          "Procedure \(procedure.name) has no output `\(y.field)`; it yields \(procedure.outputs.joined(separator: ", ")).",
          at: y.position)
      }
      let slot = plan.slots.next()
      scope.bind(y.variable, slot)
      yields.append((column, slot))
    }
    append(CallOperator(procedure: procedure, yields: yields))
    if let predicate = c.predicate { append(FilterOperator(try compiler.compile(predicate))) }
  }

  /// For a standalone CALL: its yielded columns become the result.
  func standaloneCallColumns(_ c: CallClause) -> [String] {
    c.yieldItems?.map(\.variable) ?? Procedures.all[c.qualifiedName.lowercased()]?.outputs ?? []
  }

  func slots(for names: [String]) -> [Int] { names.compactMap { scope[$0] } }
}
