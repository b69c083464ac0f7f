import KizunaStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs Cypher against a `Database`: parse, check, plan, execute, one
/// statement per transaction.
///
/// ```swift
/// let engine = CypherEngine(database: Database())
/// let results = try engine.run("CREATE (:Person {name: 'Ito Naoki'}); MATCH (p:Person) RETURN p.name")
/// ```
public final class CypherEngine: @unchecked Sendable {
  public let database: Database
  /// Time limit per statement in seconds; nil for none.
  public var timeout: Double?
  public var cancellation: CancellationFlag?
  /// Resident memory (bytes) past which a statement is stopped with
  /// `MemoryLimitExceeded`; nil for none. Defaults to 3/4 of physical memory.
  public var memoryLimit: Int? = defaultMemoryLimit()
  /// Whether the planner may use specialized operators such as the
  /// relationship count scan. They return what the generic plan returns;
  /// turning them off is for comparing the two.
  public var fastPaths = true
  /// Per-node search arrays kept between statements (shortestPath).
  private let searchScratch = SearchScratchPool()

  public init(database: Database) { self.database = database }

  /// Parses and runs every statement of `text` in order, each in its own
  /// transaction; stops at the first failure (earlier statements stay).
  public func run(_ text: String, parameters: [String: Value] = [:]) throws(CypherError) -> [QueryResult] {
    let statements = try Parser.parseScript(text)
    var out: [QueryResult] = []
    for s in statements { out.append(try run(s, parameters: parameters)) }
    return out
  }

  /// Runs the statements one by one, calling `body` after each, so a caller
  /// can print results as they come and stop at the first error.
  public func runEach(
    _ text: String, parameters: [String: Value] = [:],
    _ body: (Result<QueryResult, CypherError>) -> Void
  ) {
    let started = monotonicNow()
    let statements: [Statement]
    do {
      statements = try Parser.parseScript(text)
    } catch {
      body(.failure(error))
      return
    }
    var parseShare = (monotonicNow() - started) / Double(max(1, statements.count))
    for s in statements {
      do {
        var r = try run(s, parameters: parameters)
        r.timeMs += parseShare * 1000
        parseShare = 0
        body(.success(r))
      } catch {
        body(.failure(error))
        return
      }
    }
  }

  public static let knownFunctions: Set<String> = Set(FunctionTable.knownNames)
  private static let functionTable = SemanticChecker.functionTable(knownFunctions)

  /// Runs one parsed statement.
  public func run(_ statement: Statement, parameters: [String: Value] = [:]) throws(CypherError)
    -> QueryResult
  {
    let started = monotonicNow()
    do {
      try SemanticChecker(functionTable: Self.functionTable).check(statement)
      var result: QueryResult
      switch statement.kind {
      case .schema(let command):
        result = try runSchema(command)
      case .query(let query):
        if query.isUpdating && statement.mode != .explain {
          result = try database.write { tx in
            try self.execute(query, statement.mode, parameters, tx.store, tx)
          }
        } else {
          result = try database.read { store in
            try self.execute(query, statement.mode, parameters, store, nil)
          }
        }
      }
      result.timeMs = (monotonicNow() - started) * 1000
      return result
    } catch let e as CypherError {
      throw e
    } catch let e as StoreError {
      throw cypherError(e)
    } catch {
      throw CypherError.runtime(.semanticError, "Internal", "internal error: \(error)")
    }
  }

  private func execute(
    _ query: Query, _ mode: Statement.Mode, _ parameters: [String: Value], _ store: GraphStore,
    _ tx: WriteTransaction?
  ) throws -> QueryResult {
    let plan = PlanContext(store: store, parameters: parameters, fastPaths: fastPaths)
    let parts = [query.first] + query.unions.map(\.query)
    var planned: [PlannedQuery] = []
    for part in parts {
      planned.append(try QueryPlanner(plan: plan, eager: query.isUpdating).planQuery(part))
    }
    let columns = planned[0].columns
    let clock = Instant.now()
    let ctx = ExecutionContext(
      store: store, transaction: tx, parameters: parameters, clock: clock,
      deadline: timeout.map { monotonicNow() + $0 }, cancellation: cancellation,
      memoryLimit: memoryLimit, searchScratch: searchScratch)
    ctx.rowWidth = plan.slots.count
    if mode == .explain {
      var r = QueryResult(columns: columns, rows: [], statistics: UpdateStatistics())
      r.plan = describe(planned, plan.subqueries, profile: false)
      return r
    }
    var rows: [[Value]] = []
    for p in planned {
      try p.start.run(width: plan.slots.count, ctx)
      rows += p.sink.rows
    }
    if query.unions.contains(where: { !$0.all }) {
      var seen = Set<[Value]>()
      rows = rows.filter { seen.insert($0).inserted }
    }
    var result = QueryResult(columns: columns, rows: rows, statistics: tx?.statistics ?? UpdateStatistics())
    if mode == .profile { result.plan = describe(planned, plan.subqueries, profile: true) }
    result.capture(from: store)
    return result
  }

  private func describe(_ planned: [PlannedQuery], _ subqueries: [SubqueryPipeline], profile: Bool) -> String
  {
    var lines: [String] = []
    for (i, p) in planned.enumerated() {
      if i > 0 { lines.append("UNION") }
      for op in p.operators.reversed() where !(op is StartOperator) {
        lines.append("+" + op.summary + (profile ? "  (rows: \(op.rowsOut))" : ""))
      }
    }
    // Subqueries run inside expressions of the operators above; each is
    // listed after the main plan, in source order.
    for subquery in subqueries.sorted(by: { $0.position.offset < $1.position.offset }) {
      lines += subquery.describe(profile: profile)
    }
    return lines.joined(separator: "\n")
  }

  private func runSchema(_ command: SchemaCommand) throws -> QueryResult {
    func single(_ entity: SchemaEntity, _ properties: [String]) throws -> (String, String) {
      guard case .node(let label) = entity, properties.count == 1, let key = properties.first else {
        throw CypherError.runtime(
          .semanticError, "UnsupportedSchema",
          "Only single-property indexes and constraints on node labels are supported.")
      }
      return (label, key)
    }
    switch command {
    case .showIndexes:
      let rows = database.read { Procedures.indexRows($0) }
      return QueryResult(
        columns: ["name", "labelsOrTypes", "properties", "uniqueness"], rows: rows,
        statistics: UpdateStatistics())
    case .showConstraints:
      let rows = database.read { Procedures.constraintRows($0) }
      return QueryResult(
        columns: ["name", "labelsOrTypes", "properties", "type"], rows: rows, statistics: UpdateStatistics())
    case .createIndex(let d):
      let (label, key) = try single(d.entity, d.properties)
      let stats = try database.write { tx in
        try tx.createIndex(name: d.name, label: label, key: key, ifNotExists: d.ifNotExists)
        return tx.statistics
      }
      return QueryResult(columns: [], rows: [], statistics: stats)
    case .dropIndex(let name, let ifExists):
      let stats = try database.write { tx in
        try tx.dropIndex(name: name, ifExists: ifExists)
        return tx.statistics
      }
      return QueryResult(columns: [], rows: [], statistics: stats)
    case .createConstraint(let d):
      guard d.kind == .unique else {
        throw CypherError.runtime(
          .semanticError, "UnsupportedSchema", "Only uniqueness constraints are supported.")
      }
      let (label, key) = try single(d.entity, d.properties)
      let stats = try database.write { tx in
        try tx.createUniqueConstraint(name: d.name, label: label, key: key, ifNotExists: d.ifNotExists)
        return tx.statistics
      }
      return QueryResult(columns: [], rows: [], statistics: stats)
    case .dropConstraint(let name, let ifExists):
      let stats = try database.write { tx in
        try tx.dropConstraint(name: name, ifExists: ifExists)
        return tx.statistics
      }
      return QueryResult(columns: [], rows: [], statistics: stats)
    }
  }
}

extension Query {
  /// Whether any part writes (or calls FOREACH).
  var isUpdating: Bool {
    ([first] + unions.map(\.query)).contains { q in q.clauses.contains { $0.isUpdating } }
  }
}

extension Clause {
  var isUpdating: Bool {
    switch self {
    case .create, .merge, .set, .remove, .delete, .foreach: return true
    default: return false
    }
  }
}

extension Instant {
  static func now() -> Instant {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Instant(epochSecond: Int64(ts.tv_sec), nano: Int64(ts.tv_nsec))
  }
}
