import KizunaStore

/// Recognizes a MATCH of one relationship whose matches are only counted,
///
///     MATCH (a:Person)-[r:KNOWS]->(b:Person) WHERE b.born > a.born RETURN count(*)
///
/// and plans a `RelationshipCountScan` for it instead of rows and an
/// aggregation. Any direction, any relationship types, labels on either
/// end. WHERE conjuncts it understands: comparisons (and chains of them)
/// between numeric properties of `a`, `b` and `r` and number literals or
/// parameters; label checks on `a` or `b`; `IS [NOT] NULL` on their
/// properties. The projection may hold only `count(*)` and `count(v)` for a
/// pattern variable (never null here), inside expressions that read nothing
/// else. Anything else, or a node the generic planner would find through an
/// index seek, is left to the generic plan, which gives the same count.
struct CountScanPlanner {
  let store: GraphStore
  let parameters: [String: Value]

  private enum Role {
    case left, right, relationship
  }

  private enum Term {
    case property(Role, key: String)
    case constant(ScanNumber)
  }

  /// The scan and the aggregate calls it answers, or nil for the generic plan.
  func plan(_ match: MatchClause, _ projection: Projection) -> (
    scan: RelationshipCountScan, calls: [Expression]
  )? {
    guard !match.optional, match.pattern.parts.count == 1 else { return nil }
    let part = match.pattern.parts[0]
    guard part.kind == .plain, part.variable == nil, part.element.chain.count == 1 else { return nil }
    let leftNode = part.element.start
    let rel = part.element.chain[0].relationship
    let rightNode = part.element.chain[0].node
    guard leftNode.properties == nil, rightNode.properties == nil, rel.properties == nil, rel.length == nil
    else { return nil }
    var roles: [String: Role] = [:]
    if let v = leftNode.variable { roles[v] = .left }
    if let v = rightNode.variable {
      guard roles[v] == nil else { return nil }
      roles[v] = .right
    }
    if let v = rel.variable {
      guard roles[v] == nil else { return nil }
      roles[v] = .relationship
    }
    guard let calls = countCalls(projection, Set(roles.keys)) else { return nil }

    var builder = Builder(store: store)
    guard builder.addLabels(leftNode.labels, .left), builder.addLabels(rightNode.labels, .right) else {
      return nil
    }
    for conjunct in match.predicate?.conjuncts ?? [] {
      guard add(conjunct, roles, &builder) else { return nil }
    }
    var types: [Int32] = []
    if rel.types.isEmpty {
      types = (0..<store.types.count).map { Int32($0) }
    } else {
      for name in rel.types {
        if let t = store.types.id(of: name), !types.contains(t) { types.append(t) }
      }
      if types.isEmpty { builder.matchesNothing = true }
    }
    let scan = RelationshipCountScan(
      types: types, direction: Direction(rel.direction), left: builder.left, right: builder.right,
      relationshipPresent: builder.relationshipPresent, relationshipAbsent: builder.relationshipAbsent,
      comparisons: builder.comparisons, matchesNothing: builder.matchesNothing,
      text: Self.describe(leftNode, rel, rightNode, filters: match.predicate?.conjuncts.count ?? 0))
    return (scan, calls)
  }

  // MARK: Projection

  /// The aggregate calls of a projection made only of counts of rows.
  private func countCalls(_ p: Projection, _ variables: Set<String>) -> [Expression]? {
    guard !p.includesAll, p.orderBy.isEmpty, !p.items.isEmpty else { return nil }
    var calls: [Expression] = []
    for item in p.items {
      let found = item.expression.aggregateCalls
      guard !found.isEmpty, readsOnlyAggregates(item.expression) else { return nil }
      for call in found {
        switch call.kind {
        case .countStar: break
        case .functionCall(let f)
        where f.namespace.isEmpty && f.name.lowercased() == "count" && !f.distinct && f.arguments.count == 1:
          guard case .variable(let v) = f.arguments[0].kind, variables.contains(v) else { return nil }
        default: return nil
        }
        calls.append(call)
      }
    }
    return calls
  }

  /// True when the expression reads no variable outside its aggregate calls
  /// (there are no grouping keys to read them from).
  private func readsOnlyAggregates(_ e: Expression) -> Bool {
    switch e.kind {
    case .countStar, .literal, .parameter: return true
    case .functionCall(let f) where FunctionTable.isAggregate(f.qualifiedName): return true
    case .binary, .unary, .list, .map, .functionCall: return e.children.allSatisfy(readsOnlyAggregates)
    default: return false
    }
  }

  // MARK: WHERE

  private func add(_ e: Expression, _ roles: [String: Role], _ b: inout Builder) -> Bool {
    switch e.kind {
    case .binary(let op, let x, let y):
      guard let op = ScanOperator(op), let l = term(x, roles), let r = term(y, roles) else { return false }
      return b.addComparison(op, l, r)
    case .comparisonChain(let first, let links):
      guard var previous = term(first, roles) else { return false }
      for link in links {
        guard let op = ScanOperator(link.op), let next = term(link.operand, roles),
          b.addComparison(op, previous, next)
        else { return false }
        previous = next
      }
      return true
    case .hasLabels(let subject, let labels):
      guard case .variable(let v) = subject.kind, let role = roles[v], role != .relationship else {
        return false
      }
      return b.addLabels(labels, role == .left ? .left : .right)
    case .isNull(let subject, let negated):
      guard case .property(let s, let key) = subject.kind, case .variable(let v) = s.kind, let role = roles[v]
      else { return false }
      b.addPresence(role, key, present: negated)
      return true
    default:
      return false
    }
  }

  private func term(_ e: Expression, _ roles: [String: Role]) -> Term? {
    switch e.kind {
    case .property(let subject, let key):
      guard case .variable(let v) = subject.kind, let role = roles[v] else { return nil }
      return .property(role, key: key)
    case .literal(.integer(let i)): return .constant(.int(i))
    case .literal(.float(let f)): return .constant(.float(f))
    case .unary(.minus, let inner):
      switch inner.kind {
      case .literal(.integer(let i)) where i != Int64.min: return .constant(.int(-i))
      case .literal(.float(let f)): return .constant(.float(-f))
      default: return nil
      }
    case .parameter(let name):
      return parameters[name].flatMap(ScanNumber.init).map { .constant($0) }
    default:
      return nil
    }
  }

  private static func describe(_ l: NodePattern, _ r: RelationshipPattern, _ n: NodePattern, filters: Int)
    -> String
  {
    func node(_ p: NodePattern) -> String {
      "(" + (p.variable ?? "") + p.labels.map { ":" + $0 }.joined() + ")"
    }
    let types = r.types.isEmpty ? "" : ":" + r.types.joined(separator: "|")
    let body = "[" + (r.variable ?? "") + types + "]"
    let arrow: String
    switch r.direction {
    case .outgoing: arrow = "-" + body + "->"
    case .incoming: arrow = "<-" + body + "-"
    case .both: arrow = "-" + body + "-"
    }
    return node(l) + arrow + node(n)
      + (filters > 0 ? " WHERE \(filters) condition\(filters == 1 ? "" : "s")" : "")
  }

  // MARK: Building the scan

  /// The conditions gathered from the pattern and WHERE, per end.
  private struct Builder {
    let store: GraphStore
    var left = NodeCondition()
    var right = NodeCondition()
    var relationshipPresent: [ScanColumn] = []
    var relationshipAbsent: [ScanColumn] = []
    var comparisons: [RelationshipCountScan.Comparison] = []
    var matchesNothing = false

    init(store: GraphStore) { self.store = store }

    mutating func addLabels(_ names: [String], _ side: RelationshipCountScan.Side) -> Bool {
      for name in names {
        guard let l = store.labels.id(of: name) else {
          matchesNothing = true
          continue
        }
        // Labels past 64 live outside the label words; rare, left to the generic plan.
        guard l < 64 else { return false }
        if side == .left { left.labels.append(l) } else { right.labels.append(l) }
      }
      return true
    }

    func column(_ role: Role, _ key: String) -> ScanColumn {
      let k = store.keys.id(of: key).map(Int.init) ?? -1
      if role == .relationship {
        let column = k >= 0 && k < store.relationshipProperties.count ? store.relationshipProperties[k] : nil
        return ScanColumn(column, name: key, limit: store.relationshipIDLimit)
      }
      let column = k >= 0 && k < store.nodeProperties.count ? store.nodeProperties[k] : nil
      return ScanColumn(column, name: key, limit: store.nodeIDLimit)
    }

    mutating func addPresence(_ role: Role, _ key: String, present: Bool) {
      let c = column(role, key)
      if c.populated == 0 {
        // Nobody has it: IS NULL always holds, IS NOT NULL never does.
        if present { matchesNothing = true }
        return
      }
      switch (role, present) {
      case (.left, true): left.present.append(c)
      case (.left, false): left.absent.append(c)
      case (.right, true): right.present.append(c)
      case (.right, false): right.absent.append(c)
      case (.relationship, true): relationshipPresent.append(c)
      case (.relationship, false): relationshipAbsent.append(c)
      }
    }

    /// Whether the generic planner could seek `side`'s nodes by an index on `key`.
    func indexed(_ side: RelationshipCountScan.Side, _ key: String) -> Bool {
      guard let k = store.keys.id(of: key) else { return false }
      let labels = side == .left ? left.labels : right.labels
      return labels.contains { store.schema.index(label: $0, key: k) != nil }
    }

    mutating func addComparison(_ op: ScanOperator, _ x: Term, _ y: Term) -> Bool {
      var roles: [Role] = []
      for t in [x, y] {
        if case .property(let role, _) = t, !roles.contains(role) { roles.append(role) }
      }
      guard !roles.isEmpty else { return false }
      // One node against itself or constants: a condition on that node alone.
      if roles.count == 1, roles[0] != .relationship {
        let side: RelationshipCountScan.Side = roles[0] == .left ? .left : .right
        var operands: [NodeCondition.Operand] = []
        let terms = [x, y]
        for (i, t) in terms.enumerated() {
          switch t {
          case .constant(let n): operands.append(.constant(n))
          case .property(_, let key):
            if op != .notEqual, case .constant = terms[1 - i], indexed(side, key) { return false }
            guard let c = numericColumn(roles[0], key) else { return false }
            operands.append(.column(c))
            if side == .left { left.present.append(c) } else { right.present.append(c) }
          }
        }
        let comparison = NodeCondition.Comparison(op: op, left: operands[0], right: operands[1])
        if side == .left { left.comparisons.append(comparison) } else { right.comparisons.append(comparison) }
        return true
      }
      var operands: [RelationshipCountScan.Operand] = []
      for t in [x, y] {
        switch t {
        case .constant(let n): operands.append(.constant(n))
        case .property(let role, let key):
          guard let c = numericColumn(role, key) else { return false }
          switch role {
          case .left:
            left.present.append(c)
            operands.append(.node(.left, c))
          case .right:
            right.present.append(c)
            operands.append(.node(.right, c))
          case .relationship:
            operands.append(.relationship(c))
          }
        }
      }
      comparisons.append(RelationshipCountScan.Comparison(op: op, left: operands[0], right: operands[1]))
      return true
    }

    /// The column when it holds only numbers (or nothing); nil otherwise.
    private mutating func numericColumn(_ role: Role, _ key: String) -> ScanColumn? {
      let c = column(role, key)
      guard c.isNumeric else { return nil }
      // A comparison with a missing value is null: no match anywhere.
      if c.populated == 0 { matchesNothing = true }
      return c
    }
  }
}
