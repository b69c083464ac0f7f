import KizunaStore

/// A push-based operator: its producer calls `push` once per row and
/// `finish` at the end; it pushes its own output to `next`. Operators that
/// must see every row first (ORDER BY, aggregation) emit in `finish`.
class Operator {
  var next: Operator?
  /// Rows pushed out, for PROFILE. Counted behind a pointer held in a
  /// `let`, so counting a row is a plain increment rather than a checked
  /// access to a class property.
  var rowsOut: Int {
    get { rowCounter.pointee }
    set { rowCounter.pointee = newValue }
  }
  private let rowCounter: UnsafeMutablePointer<Int> = {
    let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
  }()
  /// Time spent in this operator and everything after it, for PROFILE.
  var seconds = 0.0

  deinit { rowCounter.deallocate() }

  /// One line for EXPLAIN.
  var summary: String { String(describing: type(of: self)) }

  func push(_ row: Row, _ ctx: ExecutionContext) throws {
    try emit(row, ctx)
  }

  func finish(_ ctx: ExecutionContext) throws {
    try next?.finish(ctx)
  }

  /// Forgets what one run kept (buffers, counters), so a pipeline can run
  /// again: a subquery's pipeline runs once per outer row. `argument` is the
  /// row the next run starts from. Operators that keep nothing between rows
  /// need not override this.
  func reset(_ argument: Row) {}

  @inline(__always) final func emit(_ row: Row, _ ctx: ExecutionContext) throws {
    rowCounter.pointee &+= 1
    try next?.push(row, ctx)
  }

  /// Thrown by LIMIT to stop producers early; caught at the pipeline's top.
  struct Stop: Error {}
}

/// Collects the final rows.
final class ResultSink: Operator {
  var rows: [Row] = []
  let columns: [Int]
  /// False for a query that ends in an update clause: it runs for its
  /// effects and returns no rows.
  let keepsRows: Bool

  init(columns: [Int], keepsRows: Bool = true) {
    self.columns = columns
    self.keepsRows = keepsRows
  }

  override var summary: String { "ProduceResults" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    guard keepsRows else { return }
    // Results are what grows without bound; the limits are checked here too.
    try ctx.tick()
    rowsOut &+= 1
    rows.append(columns.map { row[$0] })
  }

  override func finish(_ ctx: ExecutionContext) throws {}

  override func reset(_ argument: Row) { rows = [] }
}

/// Holds every row before passing them on, so an updating clause never sees
/// its own writes in the rows it is reading (openCypher's clause-at-a-time
/// semantics).
final class EagerOperator: Operator {
  private var buffer: [Row] = []
  override var summary: String { "Eager" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws { buffer.append(row) }

  override func reset(_ argument: Row) { buffer = [] }

  override func finish(_ ctx: ExecutionContext) throws {
    let rows = buffer
    buffer = []
    // A LIMIT further on may stop the emission early; the rows before this
    // point have all been read (and written), so the rest just goes unseen.
    do {
      for r in rows { try emit(r, ctx) }
    } catch is Stop {}
    try next?.finish(ctx)
  }
}

/// Keeps rows for which `predicate` is true (null and false drop the row).
final class FilterOperator: Operator {
  let predicate: CompiledExpression
  init(_ predicate: CompiledExpression) { self.predicate = predicate }
  override var summary: String { "Filter" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    if case .bool(true) = try predicate.evaluate(row, ctx) { try emit(row, ctx) }
  }
}

/// UNWIND list AS x.
final class UnwindOperator: Operator {
  let list: CompiledExpression
  let slot: Int
  init(list: CompiledExpression, slot: Int) {
    self.list = list
    self.slot = slot
  }
  override var summary: String { "Unwind" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    switch try list.evaluate(row, ctx) {
    case .null: return
    case .list(let items):
      var r = row
      for item in items {
        try ctx.tick()
        r[slot] = item
        try emit(r, ctx)
      }
    case let other:
      var r = row
      r[slot] = other
      try emit(r, ctx)
    }
  }
}

/// Evaluates expressions into slots (the non-aggregating part of WITH/RETURN).
final class ProjectOperator: Operator {
  let items: [(slot: Int, expression: CompiledExpression)]
  init(items: [(slot: Int, expression: CompiledExpression)]) { self.items = items }
  override var summary: String { "Projection" }

  /// The row last emitted, reused for the next one: copying the incoming
  /// row's values into it keeps its storage, where `var r = row` would
  /// allocate a new array per row (the producer still holds `row`). When a
  /// later operator kept the emitted row, the write copies as usual.
  private var scratch: Row = []

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    var r: Row = []
    swap(&r, &scratch)
    if r.count == row.count {
      for k in row.indices { r[k] = row[k] }
    } else {
      r = row
    }
    for item in items { r[item.slot] = try item.expression.evaluate(r, ctx) }
    try emit(r, ctx)
    swap(&r, &scratch)
  }

  override func reset(_ argument: Row) { scratch = [] }
}

/// Keeps only `slots` (the rest become null): what WITH hides is gone, so
/// DISTINCT and later clauses see only the projected values.
final class NarrowOperator: Operator {
  let keep: [Int]
  let width: Int
  init(keep: [Int], width: Int) {
    self.keep = keep
    self.width = width
  }
  override var summary: String { "Narrow" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    var r = Row(repeating: .null, count: width)
    for s in keep { r[s] = row[s] }
    try emit(r, ctx)
  }
}

/// DISTINCT over `slots`.
final class DistinctOperator: Operator {
  let slots: [Int]
  private var seen = Set<[Value]>()
  init(slots: [Int]) { self.slots = slots }
  override var summary: String { "Distinct" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    let key = slots.map { row[$0] }
    if seen.insert(key).inserted { try emit(row, ctx) }
  }

  override func reset(_ argument: Row) { seen = [] }
}

/// SKIP and LIMIT.
final class SliceOperator: Operator {
  /// A row count known when planning, or computed once when the first row arrives.
  enum Count {
    case fixed(Int)
    case computed(CompiledExpression, String)
  }

  private let skipCount: Count?
  private let limitCount: Count?
  private var skip = 0
  private var limit: Int?
  private var resolved = false
  private var seen = 0

  init(skip: Count?, limit: Count?) {
    skipCount = skip
    limitCount = limit
  }
  override var summary: String { "Skip/Limit" }

  /// Checks a SKIP or LIMIT value: a non-negative integer.
  static func count(_ v: Value, _ clause: String, phase: CypherError.Phase, at position: SourcePosition?)
    throws
    -> Int
  {
    func fail(_ detail: String, _ message: String) -> CypherError {
      var e = CypherError(type: .syntaxError, detail: detail, phase: phase, message: message)
      if let position {
        e.line = position.line
        e.column = position.column
        e.message += " (line \(position.line), column \(position.column))"
      }
      return e
    }
    switch v {
    case .int(let n) where n >= 0: return Int(n)
    case .int: throw fail("NegativeIntegerArgument", "\(clause) must be a non-negative integer, got \(v).")
    default: throw fail("InvalidArgumentType", "\(clause) must be an integer, got a \(v.typeName).")
    }
  }

  private func resolve(_ c: Count?, _ ctx: ExecutionContext) throws -> Int? {
    switch c {
    case nil: return nil
    case .fixed(let n): return n
    case .computed(let e, let clause):
      return try Self.count(try e.evaluate([], ctx), clause, phase: .runtime, at: nil)
    }
  }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    if !resolved {
      skip = try resolve(skipCount, ctx) ?? 0
      limit = try resolve(limitCount, ctx)
      resolved = true
    }
    seen += 1
    if seen <= skip { return }
    if let limit, seen - skip > limit { throw Stop() }
    try emit(row, ctx)
    if let limit, seen - skip >= limit { throw Stop() }
  }

  override func finish(_ ctx: ExecutionContext) throws {
    if !resolved {
      _ = try resolve(skipCount, ctx)
      _ = try resolve(limitCount, ctx)
      resolved = true
    }
    try super.finish(ctx)
  }

  override func reset(_ argument: Row) {
    skip = 0
    limit = nil
    resolved = false
    seen = 0
  }
}

/// ORDER BY: keeps every row, sorts stably in `finish`.
final class SortOperator: Operator {
  let keys: [(expression: CompiledExpression, ascending: Bool)]
  private var rows: [(keys: [Value], row: Row)] = []
  /// With a LIMIT after the sort only the first `top` rows matter.
  var top: Int?

  init(keys: [(expression: CompiledExpression, ascending: Bool)]) { self.keys = keys }
  override var summary: String { "Sort" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    rows.append((try keys.map { try $0.expression.evaluate(row, ctx) }, row))
  }

  override func reset(_ argument: Row) { rows = [] }

  override func finish(_ ctx: ExecutionContext) throws {
    let directions = keys.map(\.ascending)
    let indexed = rows.enumerated().map { ($0.offset, $0.element) }
    let sorted = indexed.sorted { a, b in
      for (i, ascending) in directions.enumerated() {
        let c = a.1.keys[i].orderCompare(b.1.keys[i])
        if c != 0 { return ascending ? c < 0 : c > 0 }
      }
      return a.0 < b.0
    }
    rows = []
    do {
      for (_, entry) in sorted { try emit(entry.row, ctx) }
    } catch is Stop {}
    try next?.finish(ctx)
  }
}
