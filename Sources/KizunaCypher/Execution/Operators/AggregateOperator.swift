import KizunaStore

/// Grouping and aggregation for WITH/RETURN. Rows are grouped by the key
/// slots; each group keeps its first row (so grouping variables stay
/// readable) and one aggregator per aggregate call.
final class AggregateOperator: Operator {
  struct Call {
    var slot: Int
    /// nil for count(*).
    var name: String?
    var arguments: [CompiledExpression]
    var distinct: Bool
  }

  let keys: [Int]
  var calls: [Call]
  private var groups: [[Value]: Int] = [:]
  private var states: [(row: Row, aggregators: [any Aggregator], counts: [Int], seen: [Set<[Value]>])] = []
  /// The row a subquery's run starts from: without input rows and keys the
  /// single output row starts from it, so the outer variables stay readable.
  private var argument: Row?

  init(keys: [Int], calls: [Call]) {
    self.keys = keys
    self.calls = calls
  }

  override var summary: String { keys.isEmpty ? "Aggregation" : "EagerAggregation" }

  private func fresh(_ row: Row) throws -> (
    row: Row, aggregators: [any Aggregator], counts: [Int], seen: [Set<[Value]>]
  ) {
    var aggregators: [any Aggregator] = []
    for c in calls {
      if let name = c.name {
        guard let a = FunctionTable.makeAggregator(named: name, distinct: false) else {
          throw CypherError.runtime(.syntaxError, "UnknownFunction", "Unknown aggregate function '\(name)'")
        }
        aggregators.append(a)
      } else {
        aggregators.append(CountRows())
      }
    }
    return (
      row, aggregators, Array(repeating: 0, count: calls.count), Array(repeating: [], count: calls.count)
    )
  }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    let key = keys.map { row[$0] }
    let index: Int
    if let i = groups[key] {
      index = i
    } else {
      index = states.count
      groups[key] = index
      states.append(try fresh(row))
    }
    for (i, c) in calls.enumerated() {
      let args = try c.arguments.map { try $0.evaluate(row, ctx) }
      if c.distinct {
        if args.first?.isNull == true { continue }
        if !states[index].seen[i].insert(args).inserted { continue }
      }
      try states[index].aggregators[i].add(args)
    }
  }

  override func finish(_ ctx: ExecutionContext) throws {
    if states.isEmpty && keys.isEmpty {
      // Aggregating nothing still yields one row: count 0, collect [], ...
      states.append(try fresh(argument ?? Row(repeating: .null, count: ctx.rowWidth)))
    }
    let all = states
    states = []
    do {
      for state in all {
        var r = state.row
        for (i, c) in calls.enumerated() {
          ExpressionCompiler.widen(&r, c.slot)
          r[c.slot] = try state.aggregators[i].result()
        }
        try emit(r, ctx)
      }
    } catch is Stop {}
    try next?.finish(ctx)
  }

  override func reset(_ argument: Row) {
    groups = [:]
    states = []
    self.argument = argument
  }
}

/// count(*): counts rows, nulls included.
struct CountRows: Aggregator {
  var n: Int64 = 0
  mutating func add(_ arguments: [Value]) throws(CypherError) { n += 1 }
  func result() throws(CypherError) -> Value { .int(n) }
}
