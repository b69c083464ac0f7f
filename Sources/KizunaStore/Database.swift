import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A graph database: the in-memory store, and, for an on-disk database, its
/// directory (snapshot, write-ahead log, lock).
///
/// Many readers or one writer at a time; a waiting writer goes before new
/// readers, so a stream of reads cannot hold a commit off. A write runs as one transaction:
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
  /// Why the last checkpoint after a commit, or the emptying of the log after
  /// a checkpoint, failed; nil once a checkpoint succeeds. Such a failure
  /// loses nothing (the log keeps every transaction, and is emptied only
  /// once a snapshot holds them) but the log grows until one succeeds.
  public var checkpointFailure: StoreError? { lastCheckpointFailure.withLock { $0 } }
  /// Behind its own lock, so it can be read anywhere, even inside `read`.
  private let lastCheckpointFailure = Mutex<StoreError?>(nil)
  /// After a failed checkpoint, the log size at which the next is tried,
  /// so a full disk does not cost a snapshot attempt on every commit.
  private var retryCheckpointAt = 0
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

  private init(
    directory: String, store: GraphStore, sequence: UInt64, log: WriteAheadLog, fileLock: FileLock,
    recovery: RecoveryReport
  ) {
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
    try checkSequences(log.records, snapshot: snapshotSequence, log: log.path)
    for record in log.records where record.sequence > snapshotSequence {
      do {
        for change in record.changes { try store.apply(change) }
      } catch let e as StoreError {
        throw StoreError(
          .storage, "\(path)/wal.log: transaction \(record.sequence) cannot be replayed: \(e.message)")
      }
      sequence = record.sequence
      report.replayedTransactions += 1
    }
    store.normalize()
    return Database(
      directory: path, store: store, sequence: sequence, log: log, fileLock: fileLock, recovery: report)
  }

  /// The log holds consecutive transactions, and the first it adds to the
  /// snapshot comes right after the snapshot's last. Anything else means
  /// committed transactions are missing (a snapshot deleted or swapped for
  /// an older one, records cut out of the log): an error, not silent loss.
  static func checkSequences(_ records: [WriteAheadLog.Record], snapshot: UInt64, log path: String) throws {
    var previous: UInt64?
    for record in records {
      // The first record may be one the snapshot holds already (a
      // checkpoint that could not empty the log), or the one after it.
      let expected = previous.map { $0 &+ 1 } ?? Swift.min(record.sequence, snapshot &+ 1)
      if record.sequence != expected {
        let after =
          previous.map { "transaction \($0)" }
          ?? (snapshot == 0 ? "an empty database (no snapshot)" : "the snapshot's last, \(snapshot)")
        let problem =
          record.sequence < expected
          ? "the log is out of order"
          : record.sequence == expected + 1
            ? "transaction \(expected) is missing"
            : "transactions \(expected) to \(record.sequence &- 1) are missing"
        throw StoreError(
          .storage,
          "\(path): record at offset \(record.offset) holds transaction \(record.sequence), which cannot follow \(after): \(problem); the database cannot be opened safely"
        )
      }
      previous = record.sequence
    }
  }

  deinit {
    pthread_rwlock_destroy(lock)
    lock.deallocate()
  }

  /// A reader-writer lock that makes new readers wait while a writer waits:
  /// glibc's default prefers readers, and busy readers then starve commits.
  /// With writer preference a thread must never take the read lock twice
  /// (it would wait behind a writer that waits for it): `read` bodies get
  /// the store, not the database, and nothing under the lock calls back.
  private static func makeLock() -> UnsafeMutablePointer<pthread_rwlock_t> {
    let l = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
    #if canImport(Glibc)
      var attr = pthread_rwlockattr_t()
      pthread_rwlockattr_init(&attr)
      pthread_rwlockattr_setkind_np(&attr, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
      pthread_rwlock_init(l, &attr)
      pthread_rwlockattr_destroy(&attr)
    #else
      pthread_rwlock_init(l, nil)
    #endif
    return l
  }

  /// Runs `body` with shared access to the store. Not reentrant: `body`
  /// must not call `read` or `write` on this database again.
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
    if log.size > Swift.max(checkpointThreshold, retryCheckpointAt) { checkpointAfterCommit() }
  }

  /// The transaction is durable in the log already, so a failed snapshot
  /// must not fail the commit (the caller would roll back what the log
  /// keeps); it is kept in `checkpointFailure` and tried again later.
  private func checkpointAfterCommit() {
    do {
      try checkpointLocked(at: sequence)
    } catch {
      let failure = error as? StoreError ?? StoreError(.storage, "checkpoint failed: \(error)")
      lastCheckpointFailure.withLock { $0 = failure }
      retryCheckpointAt = (log?.size ?? 0) + checkpointThreshold
    }
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
    try checkpointLocked(at: sequence)
  }

  /// Writes a snapshot at `sequence` and empties the log. Throws only when
  /// the snapshot could not be written, and then nothing on disk changed.
  /// Once the snapshot is durable the checkpoint has happened: failing to
  /// empty the log is recorded in `checkpointFailure`, not thrown, since
  /// the records left are all in the snapshot (replay skips them) and the
  /// log is emptied before its next append.
  private func checkpointLocked(at sequence: UInt64) throws {
    store.compactAdjacency()
    guard let directory, let log else { return }
    try Snapshot.write(store, sequence: sequence, directory: directory)
    loggedNames = (store.labels.count, store.types.count, store.keys.count)
    lastCheckpointFailure.withLock { $0 = nil }
    retryCheckpointAt = 0
    do {
      try log.reset()
    } catch {
      let failure = error as? StoreError ?? StoreError(.storage, "\(log.path): \(error)")
      lastCheckpointFailure.withLock { $0 = failure }
    }
  }

  /// Runs `body` with the writer's lock and no transaction: bulk loading.
  /// The caller must leave the store consistent, and undo its changes
  /// itself when it throws.
  func exclusive<T>(_ body: (GraphStore) throws -> T) throws -> T {
    pthread_rwlock_wrlock(lock)
    defer { pthread_rwlock_unlock(lock) }
    return try body(store)
  }

  /// Makes a bulk load durable with a checkpoint at the next sequence.
  /// When this throws, nothing reached the disk and the caller undoes the
  /// load in memory.
  func commitBulkLoad() throws {
    pthread_rwlock_wrlock(lock)
    defer { pthread_rwlock_unlock(lock) }
    store.normalize()
    try checkpointLocked(at: sequence + 1)
    sequence += 1
  }
}
