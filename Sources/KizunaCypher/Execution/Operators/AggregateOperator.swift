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
  let calls: [Call]
  /// Indexes of the calls other than count(*): count(*) is read off the
  /// group's row count instead of going through an aggregator per row.
  private let aggregated: [Int]
  /// Groups by their key values; one key needs no array per row.
  private var groups: [[Value]: Int] = [:]
  private var singleKeyGroups: [Value: Int] = [:]
  private var states: [GroupState] = []
  /// The row a subquery's run starts from: without input rows and keys the
  /// single output row starts from it, so the outer variables stay readable.
  private var argument: Row?

  private struct GroupState {
    var row: Row
    var rows: Int
    var aggregators: [any Aggregator]
    var seen: [Set<[Value]>]
  }

  init(keys: [Int], calls: [Call]) {
    self.keys = keys
    self.calls = calls
    aggregated = calls.indices.filter { calls[$0].name != nil }
  }

  override var summary: String { keys.isEmpty ? "Aggregation" : "EagerAggregation" }

  private func fresh(_ row: Row) throws -> GroupState {
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
    return GroupState(
      row: row, rows: 0, aggregators: aggregators, seen: Array(repeating: [], count: calls.count))
  }

  @inline(__always) private func group(of row: Row) throws -> Int {
    switch keys.count {
    case 0:
      if states.isEmpty { states.append(try fresh(row)) }
      return 0
    case 1:
      let key = row[keys[0]]
      if let i = singleKeyGroups[key] { return i }
      singleKeyGroups[key] = states.count
    default:
      let key = keys.map { row[$0] }
      if let i = groups[key] { return i }
      groups[key] = states.count
    }
    states.append(try fresh(row))
    return states.count - 1
  }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    let index = try group(of: row)
    states[index].rows &+= 1
    for i in aggregated {
      let c = calls[i]
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
          r[c.slot] = c.name == nil ? .int(Int64(state.rows)) : try state.aggregators[i].result()
        }
        try emit(r, ctx)
      }
    } catch is Stop {}
    try next?.finish(ctx)
  }

  override func reset(_ argument: Row) {
    groups = [:]
    singleKeyGroups = [:]
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
