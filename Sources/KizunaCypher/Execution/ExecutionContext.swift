import KizunaStore
import Synchronization

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
  /// Resident memory (bytes) past which the statement is stopped; nil for none.
  let memoryLimit: Int?
  /// Slots per row for this statement.
  var rowWidth = 0
  /// The tick counter lives behind a pointer held in a `let`, so the
  /// per-row `tick()` in inner loops is a plain increment rather than a
  /// dynamically checked access to a class property.
  private let ticks: UnsafeMutablePointer<Int> = {
    let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
  }()
  private var limitChecks = 0

  init(
    store: GraphStore, transaction: WriteTransaction?, parameters: [String: Value], clock: Instant,
    deadline: Double?, cancellation: CancellationFlag?, memoryLimit: Int? = nil,
    searchScratch: SearchScratchPool = SearchScratchPool()
  ) {
    self.store = store
    self.transaction = transaction
    self.parameters = parameters
    self.functions = FunctionContext(store: store, clock: clock)
    self.deadline = deadline
    self.cancellation = cancellation
    self.memoryLimit = memoryLimit
    self.searchScratch = searchScratch
  }

  deinit { ticks.deallocate() }

  /// Called from inner loops; checks the time limit every few thousand calls.
  @inline(__always) func tick() throws {
    let t = ticks.pointee &+ 1
    ticks.pointee = t
    if t & 0xFFF == 0 { try checkLimits() }
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
    // A runaway pattern fills memory with rows; stop it before the machine
    // starts swapping or the kernel kills the process. Reading the resident
    // size costs a system call, so only every 16th check does.
    limitChecks &+= 1
    if let memoryLimit, limitChecks & 0xF == 0, let resident = residentBytes(), resident > memoryLimit {
      throw CypherError.runtime(
        .argumentError, "MemoryLimitExceeded",
        "The query needed more than \(memoryLimit >> 20) MB of memory and was stopped; nothing it wrote "
          + "was kept. Narrow the pattern (a label, a bound on *, LIMIT) or raise --max-memory.")
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

/// Lets another thread (or a signal handler's thread) cancel a running statement.
public final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)
  public init() {}
  public func cancel() { flag.store(true, ordering: .relaxed) }
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// The process's resident memory in bytes (Linux `/proc/self/statm`); nil
/// where it cannot be read.
func residentBytes() -> Int? {
  #if os(Linux)
    let fd = open("/proc/self/statm", O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
    guard n > 0 else { return nil }
    let fields = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  #else
    return nil
  #endif
}

/// Three quarters of the machine's physical memory: the default ceiling for
/// one statement's process.
public func defaultMemoryLimit() -> Int? {
  let pages = sysconf(Int32(_SC_PHYS_PAGES))
  let size = sysconf(Int32(_SC_PAGESIZE))
  guard pages > 0, size > 0 else { return nil }
  return pages / 4 * 3 * size
}

func monotonicNow() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
