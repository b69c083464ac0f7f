#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams a snapshot to disk: small fields through an 8 MiB buffer, large
/// arrays straight from their memory, a running CRC-32C over everything
/// after the magic, written as the file's last four bytes.
final class SnapshotSink {
  private let fd: Int32
  let path: String
  var buffer = ByteWriter(capacity: 1 << 23)
  private var crc: UInt32 = 0

  init(path: String) throws {
    self.path = path
    // Assigned only when valid: a throw before then skips `deinit`.
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileIO.error("open", path) }
    self.fd = fd
  }

  deinit { close(fd) }

  func flush() throws {
    guard !buffer.bytes.isEmpty else { return }
    try buffer.bytes.withUnsafeBytes { try raw($0) }
    buffer.bytes.removeAll(keepingCapacity: true)
  }

  private func raw(_ bytes: UnsafeRawBufferPointer) throws {
    crc = CRC32C.checksum(bytes, seed: crc)
    try FileIO.writeAll(fd, bytes, path)
  }

  func flushIfLarge() throws { if buffer.bytes.count > 1 << 23 { try flush() } }

  /// Writes an array's element count and raw little-endian bytes.
  func array<T>(_ a: [T]) throws {
    buffer.varint(UInt64(a.count))
    try flush()
    try a.withUnsafeBytes { try raw($0) }
  }

  /// Writes the first `count` elements of `a` (the live prefix of a store
  /// array whose tail is growth room) without copying them first.
  func array<T>(_ a: [T], prefix count: Int) throws {
    let n = Swift.min(Swift.max(count, 0), a.count)
    buffer.varint(UInt64(n))
    try flush()
    try a.withUnsafeBytes { try raw(UnsafeRawBufferPointer(rebasing: $0[0..<n * MemoryLayout<T>.stride])) }
  }

  /// Writes the CRC and fsyncs.
  func finish() throws {
    try flush()
    var tail = ByteWriter()
    tail.u32(crc)
    try tail.bytes.withUnsafeBytes { try FileIO.writeAll(fd, $0, path) }
    guard fsync(fd) == 0 else { throw FileIO.error("fsync", path) }
  }

  /// The magic goes first and outside the checksum.
  func magic(_ m: [UInt8]) throws { try m.withUnsafeBytes { try FileIO.writeAll(fd, $0, path) } }
}
