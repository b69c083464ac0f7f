#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The write-ahead log: `wal.log` in the database directory.
///
/// Layout (docs/storage-format.md): an 8-byte header `KZWAL` 0 0 1, then one
/// record per committed transaction: `u32 length`, `u32 CRC-32C of the
/// payload`, payload = `u64 sequence`, `varint change count`, changes. A
/// commit returns only after its record is fsynced.
final class WriteAheadLog {
  static let magic: [UInt8] = Array("KZWAL".utf8) + [0, 0, 1]
  let path: String
  private let fd: Int32
  private(set) var size: Int

  /// One transaction read back from the log.
  struct Record {
    var sequence: UInt64
    var changes: [GraphChange]
  }

  /// Opens (creating if needed) the log and reads every intact record. A
  /// torn record at the tail (a commit that never returned) is cut off;
  /// damage before the tail throws, naming the file and offset.
  init(path: String) throws {
    self.path = path
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileIO.error("open", path) }
    size = 0
    records = []
    let bytes = try FileIO.readAll(path) ?? []
    if bytes.isEmpty {
      try reset()
      return
    }
    guard bytes.count >= 8, Array(bytes[0..<8]) == Self.magic else {
      close(fd)
      throw StoreError(.storage, "\(path): not a Kizuna log (bad header at offset 0)")
    }
    var offset = 8
    var good = 8
    while offset < bytes.count {
      guard bytes.count - offset >= 8 else { break }  // torn header
      var header = ByteReader(bytes, from: offset)
      let length = Int(try header.u32())
      let crc = try header.u32()
      let start = offset + 8
      guard length <= bytes.count - start else { break }  // torn payload
      let end = start + length
      if CRC32C.checksum(bytes, start..<end) != crc {
        if end == bytes.count { break }  // the last record, half written
        close(fd)
        throw StoreError(
          .storage,
          "\(path): damaged record at offset \(offset) (checksum mismatch); the database cannot be opened safely. Restore from a backup, or move the log away to open the last checkpoint."
        )
      }
      do {
        var r = ByteReader(bytes, from: start, to: end)
        let sequence = try r.u64()
        let n = try r.count()
        var changes: [GraphChange] = []
        changes.reserveCapacity(n)
        for _ in 0..<n { changes.append(try r.change()) }
        records.append(Record(sequence: sequence, changes: changes))
      } catch {
        close(fd)
        throw StoreError(.storage, "\(path): record at offset \(offset) passes its checksum but cannot be decoded")
      }
      offset = end
      good = end
    }
    if good < bytes.count {
      guard ftruncate(fd, off_t(good)) == 0, fsync(fd) == 0 else { throw FileIO.error("truncate", path) }
      droppedTailBytes = bytes.count - good
    }
    size = good
    _ = lseek(fd, off_t(size), SEEK_SET)
  }

  private(set) var records: [Record]
  /// Bytes of a torn tail record dropped on open (0 when the log was clean).
  private(set) var droppedTailBytes = 0

  deinit { close(fd) }

  /// Appends one transaction and fsyncs it.
  func append(sequence: UInt64, changes: [GraphChange]) throws {
    var payload = ByteWriter(capacity: 64)
    payload.u64(sequence)
    payload.varint(UInt64(changes.count))
    for c in changes { payload.change(c) }
    var frame = ByteWriter(capacity: payload.bytes.count + 8)
    frame.u32(UInt32(payload.bytes.count))
    frame.u32(payload.bytes.withUnsafeBytes { CRC32C.checksum($0) })
    frame.bytes.append(contentsOf: payload.bytes)
    do {
      try frame.bytes.withUnsafeBytes { try FileIO.writeAll(fd, $0, path) }
      guard fsync(fd) == 0 else { throw FileIO.error("fsync", path) }
    } catch {
      // Leave no partial record behind for the next commit to follow.
      _ = ftruncate(fd, off_t(size))
      _ = lseek(fd, off_t(size), SEEK_SET)
      throw error
    }
    size += frame.bytes.count
  }

  /// Empties the log after a checkpoint.
  func reset() throws {
    guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else { throw FileIO.error("truncate", path) }
    try Self.magic.withUnsafeBytes { try FileIO.writeAll(fd, $0, path) }
    guard fsync(fd) == 0 else { throw FileIO.error("fsync", path) }
    size = 8
    records = []
  }
}
