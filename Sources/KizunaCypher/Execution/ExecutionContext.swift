import KizunaStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One row of intermediate results: a value per slot. The planner gives
/// every variable of the statement its own slot, so rows never need maps.
typealias Row = [Value]

/// Everything a running statement shares: the store, the transaction when
/// writing, parameters, the clock, and the limits that stop runaway queries.
final class ExecutionContext {
  let store: GraphStore
  let transaction: WriteTransaction?
  let parameters: [String: Value]
  let functions: FunctionContext
  /// Seconds on the monotonic clock after which the statement is cancelled.
  let deadline: Double?
  let cancellation: CancellationFlag?
  /// Reusable per-node arrays for shortest-path searches.
  let searchScratch: SearchScratchPool
  /// Slots per row for this statement.
  var rowWidth = 0
  private var ticks = 0

  init(
    store: GraphStore, transaction: WriteTransaction?, parameters: [String: Value], clock: Instant,
    deadline: Double?, cancellation: CancellationFlag?, searchScratch: SearchScratchPool = SearchScratchPool()
  ) {
    self.store = store
    self.transaction = transaction
    self.parameters = parameters
    self.functions = FunctionContext(store: store, clock: clock)
    self.deadline = deadline
    self.cancellation = cancellation
    self.searchScratch = searchScratch
  }

  /// Called from inner loops; checks the time limit every few thousand calls.
  @inline(__always) func tick() throws {
    ticks &+= 1
    if ticks & 0xFFF == 0 { try checkLimits() }
  }

  func checkLimits() throws {
    if let cancellation, cancellation.isCancelled {
      throw CypherError.runtime(.argumentError, "Cancelled", "The query was cancelled.")
    }
    if let deadline, monotonicNow() > deadline {
      throw CypherError.runtime(
        .argumentError, "TransactionTimedOut",
        "The query took longer than its time limit and was stopped; nothing it wrote was kept.")
    }
  }

  /// The write transaction; the planner only builds updating operators for
  /// statements it runs in one, so its absence is an internal error.
  func writer() throws -> WriteTransaction {
    guard let transaction else {
      throw CypherError.runtime(.semanticError, "ReadOnly", "internal: an update ran without a transaction")
    }
    return transaction
  }
}

/// Lets another thread cancel a running statement.
public final class CancellationFlag: @unchecked Sendable {
  private var flag = false
  public init() {}
  public func cancel() { flag = true }
  public var isCancelled: Bool { flag }
}

func monotonicNow() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
