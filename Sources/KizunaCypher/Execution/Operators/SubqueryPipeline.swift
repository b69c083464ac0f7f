import KizunaStore

/// A planned `EXISTS { ... }` or `COUNT { ... }`: a pipeline of its own,
/// planned once and run once per outer row on a copy of that row.
final class SubqueryPipeline {
  let kind: Subquery.Kind
  /// Where the subquery expression starts, for EXPLAIN.
  let position: SourcePosition
  let start: StartOperator
  let counter: RowCounter
  /// Every operator from `start` to `counter`, in pipeline order.
  let operators: [Operator]
  /// Guards the operators' per-run state, which a nested run would clobber.
  private var running = false

  init(
    kind: Subquery.Kind, position: SourcePosition, start: StartOperator, counter: RowCounter,
    operators: [Operator]
  ) {
    self.kind = kind
    self.position = position
    self.start = start
    self.counter = counter
    self.operators = operators
  }

  /// The number of rows the subquery yields for `row` (for EXISTS a LIMIT 1
  /// at the end stops it at the first).
  func rowCount(_ row: Row, _ ctx: ExecutionContext) throws -> Int {
    guard !running else {
      throw CypherError.runtime(
        .semanticError, "Internal", "internal: a subquery was re-entered while running")
    }
    running = true
    defer { running = false }
    for op in operators { op.reset(row) }
    try start.run(argument: row, ctx)
    return counter.count
  }

  /// EXPLAIN / PROFILE lines: a heading, then the operators, last first.
  func describe(profile: Bool) -> [String] {
    var lines = ["\(kind.rawValue) subquery (line \(position.line), column \(position.column)):"]
    for op in operators.reversed() where !(op is StartOperator) {
      lines.append("  +" + op.summary + (profile ? "  (rows: \(op.rowsOut))" : ""))
    }
    return lines
  }
}

/// Ends a subquery's pipeline: counts the rows that reach it.
final class RowCounter: Operator {
  private(set) var count = 0
  override var summary: String { "CountRows" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    rowsOut &+= 1
    count += 1
  }

  override func finish(_ ctx: ExecutionContext) throws {}

  override func reset(_ argument: Row) { count = 0 }
}
