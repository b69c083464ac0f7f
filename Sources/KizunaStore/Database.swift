#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A graph database: the in-memory store, and, for an on-disk database, its
/// directory (snapshot, write-ahead log, lock).
///
/// Many readers or one writer at a time. A write runs as one transaction:
/// it commits whole (logged and fsynced before `write` returns) or, when the
/// body throws, rolls back whole; readers never see it half applied.
///
/// ```swift
/// let db = try Database.open(path: "people.kzdb")
/// try db.write { tx in
///   try tx.createNode(labels: [tx.labelID("Person")], properties: [(tx.keyID("name"), .string("Ito Naoki"))])
/// }
/// let people = db.read { $0.nodeCount(withLabel: $0.labels.id(of: "Person") ?? -1) }
/// ```
public final class Database: @unchecked Sendable {
  public let store: GraphStore
  /// The directory, or nil for an in-memory database.
  public let directory: String?
  private let lock: UnsafeMutablePointer<pthread_rwlock_t>
  private let fileLock: FileLock?
  private let log: WriteAheadLog?
  private var sequence: UInt64
  private var loggedNames: (labels: Int, types: Int, keys: Int)
  /// A checkpoint runs after a commit once the log is larger than this.
  public var checkpointThreshold = 64 << 20
  /// What recovery found when the database was opened.
  public let recovery: RecoveryReport

  /// Facts from opening a database, for tools and tests.
  public struct RecoveryReport: Sendable {
    public var replayedTransactions = 0
    public var droppedTailBytes = 0
  }

  /// An empty database that lives in memory only.
  public init() {
    store = GraphStore()
    directory = nil
    fileLock = nil
    log = nil
    sequence = 0
    loggedNames = (0, 0, 0)
    recovery = RecoveryReport()
    lock = Self.makeLock()
  }

  private init(directory: String, store: GraphStore, sequence: UInt64, log: WriteAheadLog, fileLock: FileLock,
    recovery: RecoveryReport)
  {
    self.store = store
    self.directory = directory
    self.sequence = sequence
    self.log = log
    self.fileLock = fileLock
    self.recovery = recovery
    loggedNames = (store.labels.count, store.types.count, store.keys.count)
    lock = Self.makeLock()
  }

  /// Opens the database in `path`, creating the directory when missing:
  /// loads the last snapshot and replays the log after it.
  public static func open(path: String) throws -> Database {
    try FileIO.makeDirectory(path)
    let fileLock = try FileLock(directory: path)
    let (store, snapshotSequence) = try Snapshot.read(directory: path) ?? (GraphStore(), 0)
    let log = try WriteAheadLog(path: path + "/wal.log")
    var report = RecoveryReport(droppedTailBytes: log.droppedTailBytes)
    var sequence = snapshotSequence
    for record in log.records where record.sequence > snapshotSequence {
      do {
        for change in record.changes { try store.apply(change) }
      } catch let e as StoreError {
        throw StoreError(.storage, "\(path)/wal.log: transaction \(record.sequence) cannot be replayed: \(e.message)")
      }
      sequence = record.sequence
      report.replayedTransactions += 1
    }
    store.normalize()
    return Database(
      directory: path, store: store, sequence: sequence, log: log, fileLock: fileLock, recovery: report)
  }

  deinit {
    pthread_rwlock_destroy(lock)
    lock.deallocate()
  }

  private static func makeLock() -> UnsafeMutablePointer<pthread_rwlock_t> {
    let l = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
    pthread_rwlock_init(l, nil)
    return l
  }

  /// Runs `body` with shared access to the store.
  public func read<T>(_ body: (GraphStore) throws -> T) rethrows -> T {
    pthread_rwlock_rdlock(lock)
    defer { pthread_rwlock_unlock(lock) }
    return try body(store)
  }

  /// Runs `body` as one write transaction: committed (and durable) when it
  /// returns, rolled back when it throws.
  public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
    pthread_rwlock_wrlock(lock)
    defer { pthread_rwlock_unlock(lock) }
    let tx = WriteTransaction(store: store)
    do {
      let result = try body(tx)
      try tx.validate()
      try commit(tx)
      store.normalize()
      return result
    } catch {
      tx.rollback()
      store.normalize()
      throw error
    }
  }

  private func commit(_ tx: WriteTransaction) throws {
    guard !tx.redo.isEmpty else { return }
    guard let log else {
      sequence += 1
      return
    }
    var changes = newNameDefinitions()
    changes.append(contentsOf: tx.redo)
    try log.append(sequence: sequence + 1, changes: changes)
    sequence += 1
    loggedNames = (store.labels.count, store.types.count, store.keys.count)
    if log.size > checkpointThreshold { try? checkpointLocked() }
  }

  /// Names interned since the last logged transaction, which the log must
  /// define before changes that use their ids.
  private func newNameDefinitions() -> [GraphChange] {
    var out: [GraphChange] = []
    for i in loggedNames.labels..<store.labels.count {
      out.append(.defineName(.label, Int32(i), store.labels.name(Int32(i))))
    }
    for i in loggedNames.types..<store.types.count {
      out.append(.defineName(.type, Int32(i), store.types.name(Int32(i))))
    }
    for i in loggedNames.keys..<store.keys.count {
      out.append(.defineName(.key, Int32(i), store.keys.name(Int32(i))))
    }
    return out
  }

  /// Writes a snapshot and empties the log.
  public func checkpoint() throws {
    pthread_rwlock_wrlock(lock)
    defer { pthread_rwlock_unlock(lock) }
    try checkpointLocked()
  }

  private func checkpointLocked() throws {
    store.compactAdjacency()
    guard let directory, let log else { return }
    try Snapshot.write(store, sequence: sequence, directory: directory)
    try log.reset()
    loggedNames = (store.labels.count, store.types.count, store.keys.count)
  }

  /// Runs `body` with the writer's lock and no transaction: bulk loading.
  /// The caller must leave the store consistent or throw; on throw the
  /// in-memory graph is reloaded from disk.
  func exclusive<T>(_ body: (GraphStore) throws -> T) throws -> T {
    pthread_rwlock_wrlock(lock)
    defer { pthread_rwlock_unlock(lock) }
    return try body(store)
  }

  /// Advances the sequence past a bulk load and checkpoints it.
  func commitBulkLoad() throws {
    pthread_rwlock_wrlock(lock)
    defer { pthread_rwlock_unlock(lock) }
    sequence += 1
    store.normalize()
    try checkpointLocked()
  }
}
