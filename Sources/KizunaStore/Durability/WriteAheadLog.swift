#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The write-ahead log: `wal.log` in the database directory.
///
/// Layout (docs/storage-format.md): an 8-byte header `KZWAL` 0 0 2, then one
/// record per committed transaction: a 20-byte record header (`u32 length`,
/// `u32 CRC-32C of the payload`, `u64 sequence`, `u32 CRC-32C of those 16
/// bytes`), then the payload (`varint change count`, changes). A commit
/// returns only after its record is fsynced.
///
/// The header has its own checksum so that a damaged length is recognised
/// as damage: without it, a length pointing past the end of the file looks
/// just like the torn tail of a crash, and recovery would drop every later
/// committed record.
final class WriteAheadLog {
  static let version: UInt8 = 2
  static let magic: [UInt8] = Array("KZWAL".utf8) + [0, 0, version]
  static let recordHeaderSize = 20
  let path: String
  private let fd: Int32
  private(set) var size: Int

  /// One transaction read back from the log.
  struct Record {
    var sequence: UInt64
    var changes: [GraphChange]
    /// Where the record starts in the file, for error messages.
    var offset: Int
  }

  private(set) var records: [Record]
  /// Bytes of a torn tail record dropped on open (0 when the log was clean).
  let droppedTailBytes: Int
  /// A `reset` failed part way: the file may hold a partial header, so the
  /// next append writes a fresh one first (what the log held is all in the
  /// snapshot that preceded the reset).
  private var headerPending = false

  /// Opens (creating if needed) the log and reads every intact record. A
  /// torn record at the tail (a commit that never returned) is cut off;
  /// damage before the tail throws, naming the file and offset.
  init(path: String) throws {
    // The descriptor is stored only after the last throwing call: a failed
    // init closes it here, a finished one in `deinit`, never both.
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileIO.error("open", path) }
    let recovered: Recovered
    do {
      let bytes = try FileIO.readAll(path) ?? []
      recovered = try Self.recover(bytes, path: path)
      if recovered.needsHeader {
        try Self.writeHeader(fd, path)
        // A new log's directory entry must be durable before a commit
        // that the log holds can be: fsync the directory once.
        try FileIO.fsyncDirectory(FileIO.parent(of: path))
      } else if recovered.intactEnd < bytes.count {
        guard ftruncate(fd, off_t(recovered.intactEnd)) == 0, fsync(fd) == 0 else {
          throw FileIO.error("truncate", path)
        }
      }
      guard lseek(fd, off_t(recovered.intactEnd), SEEK_SET) == off_t(recovered.intactEnd) else {
        throw FileIO.error("seek", path)
      }
    } catch {
      close(fd)
      throw error
    }
    self.path = path
    self.fd = fd
    size = recovered.intactEnd
    records = recovered.records
    droppedTailBytes = recovered.droppedTailBytes
  }

  deinit { close(fd) }

  /// A record's bytes as `append` writes them.
  static func frame(sequence: UInt64, payload: [UInt8]) -> [UInt8] {
    var frame = ByteWriter(capacity: payload.count + recordHeaderSize)
    frame.u32(UInt32(truncatingIfNeeded: payload.count))
    frame.u32(payload.withUnsafeBytes { CRC32C.checksum($0) })
    frame.u64(sequence)
    frame.u32(frame.bytes.withUnsafeBytes { CRC32C.checksum($0) })
    frame.bytes.append(contentsOf: payload)
    return frame.bytes
  }

  static func payload(_ changes: [GraphChange]) -> [UInt8] {
    var payload = ByteWriter(capacity: 64)
    payload.varint(UInt64(changes.count))
    for c in changes { payload.change(c) }
    return payload.bytes
  }

  /// Appends one transaction and fsyncs it.
  func append(sequence: UInt64, changes: [GraphChange]) throws {
    if headerPending { try reset() }
    let frame = Self.frame(sequence: sequence, payload: Self.payload(changes))
    do {
      try frame.withUnsafeBytes { try FileIO.writeAll(fd, $0, path) }
      guard fsync(fd) == 0 else { throw FileIO.error("fsync", path) }
    } catch {
      // Leave no partial record behind for the next commit to follow.
      _ = ftruncate(fd, off_t(size))
      _ = lseek(fd, off_t(size), SEEK_SET)
      throw error
    }
    size += frame.count
  }

  /// Empties the log after a checkpoint.
  func reset() throws {
    headerPending = true
    try Self.writeHeader(fd, path)
    headerPending = false
    size = Self.magic.count
    records = []
  }

  private static func writeHeader(_ fd: Int32, _ path: String) throws {
    guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else { throw FileIO.error("truncate", path) }
    try magic.withUnsafeBytes { try FileIO.writeAll(fd, $0, path) }
    guard fsync(fd) == 0 else { throw FileIO.error("fsync", path) }
  }
}
