#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends the binary encodings used by the log and the snapshot:
/// little-endian fixed-width integers, LEB128 varints, zigzag for signed.
public struct ByteWriter: Sendable {
  public var bytes: [UInt8] = []

  public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  @inlinable public mutating func u8(_ v: UInt8) { bytes.append(v) }

  @inlinable public mutating func u32(_ v: UInt32) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }

  @inlinable public mutating func u64(_ v: UInt64) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }

  @inlinable public mutating func varint(_ v: UInt64) {
    var v = v
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  @inlinable public mutating func signed(_ v: Int64) {
    varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
  }

  public mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { utf8 in
      varint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// Raw array contents, prefixed with the element count.
  public mutating func array<T: FixedWidthInteger>(_ a: [T]) {
    varint(UInt64(a.count))
    a.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  public mutating func doubles(_ a: [Double]) {
    varint(UInt64(a.count))
    a.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and throws
/// `ByteReader.Truncated` rather than trapping on damaged input.
public struct ByteReader {
  public struct Truncated: Error {
    public let offset: Int
  }

  public let bytes: [UInt8]
  public private(set) var offset: Int
  let end: Int

  public init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    self.offset = start
    self.end = Swift.min(end ?? bytes.count, bytes.count)
  }

  public var isAtEnd: Bool { offset >= end }

  mutating func need(_ n: Int) throws {
    if n < 0 || end - offset < n { throw Truncated(offset: offset) }
  }

  public mutating func u8() throws -> UInt8 {
    try need(1)
    defer { offset += 1 }
    return bytes[offset]
  }

  public mutating func u32() throws -> UInt32 {
    try need(4)
    var v: UInt32 = 0
    for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * UInt32(i)) }
    offset += 4
    return v
  }

  public mutating func u64() throws -> UInt64 {
    try need(8)
    var v: UInt64 = 0
    for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
    offset += 8
    return v
  }

  public mutating func varint() throws -> UInt64 {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try u8()
      if shift >= 64 { throw Truncated(offset: offset) }
      v |= UInt64(b & 0x7f) << shift
      if b < 0x80 { return v }
      shift += 7
    }
  }

  public mutating func signed() throws -> Int64 {
    let u = try varint()
    return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
  }

  public mutating func count() throws -> Int {
    let n = try varint()
    guard n <= UInt64(end - offset) else { throw Truncated(offset: offset) }
    return Int(n)
  }

  public mutating func string() throws -> String {
    let n = try count()
    defer { offset += n }
    return String(decoding: bytes[offset..<offset + n], as: UTF8.self)
  }

  public mutating func array<T: FixedWidthInteger>(of: T.Type) throws -> [T] {
    let n = try count()
    let size = MemoryLayout<T>.size
    try need(n * size)
    let out = [T](unsafeUninitializedCapacity: n) { buf, initialized in
      bytes.withUnsafeBytes { raw in
        let src = UnsafeRawBufferPointer(rebasing: raw[offset..<offset + n * size])
        UnsafeMutableRawBufferPointer(buf).copyMemory(from: src)
      }
      initialized = n
    }
    offset += n * size
    return out
  }

  public mutating func doubles() throws -> [Double] {
    try array(of: UInt64.self).map { Double(bitPattern: $0) }
  }
}

/// `ByteReader` over borrowed memory (a mapped snapshot): the same formats
/// and bounds checks, and arrays are copied straight into their final
/// storage with one `memcpy` each.
struct RawByteReader: BinaryDecoding {
  let bytes: UnsafeRawBufferPointer
  private(set) var offset: Int
  let end: Int
  /// Set for a private file mapping that is read once, front to back: the
  /// pages of each large array are handed back once it is copied, so the
  /// mapped file and the graph built from it are never both resident.
  var releasesConsumedPages = false

  init(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
    self.bytes = bytes
    self.offset = start
    self.end = Swift.min(end, bytes.count)
  }

  mutating func need(_ n: Int) throws {
    if n < 0 || end - offset < n { throw ByteReader.Truncated(offset: offset) }
  }

  mutating func u8() throws -> UInt8 {
    try need(1)
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func u32() throws -> UInt32 {
    try need(4)
    defer { offset += 4 }
    return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  mutating func u64() throws -> UInt64 {
    try need(8)
    defer { offset += 8 }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  mutating func varint() throws -> UInt64 {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try u8()
      if shift >= 64 { throw ByteReader.Truncated(offset: offset) }
      v |= UInt64(b & 0x7f) << shift
      if b < 0x80 { return v }
      shift += 7
    }
  }

  mutating func signed() throws -> Int64 {
    let u = try varint()
    return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
  }

  mutating func count() throws -> Int {
    let n = try varint()
    guard n <= UInt64(end - offset) else { throw ByteReader.Truncated(offset: offset) }
    return Int(n)
  }

  mutating func string() throws -> String {
    let n = try count()
    defer { offset += n }
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
  }

  /// A count-prefixed array of fixed-width integers (little-endian on disk,
  /// which is every platform Kizuna builds for).
  mutating func array<T: FixedWidthInteger>(of: T.Type) throws -> [T] {
    let n = try count()
    let size = MemoryLayout<T>.size
    guard n <= (end - offset) / size else { throw ByteReader.Truncated(offset: offset) }
    let src = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n * size])
    let out = [T](unsafeUninitializedCapacity: n) { buf, initialized in
      UnsafeMutableRawBufferPointer(buf).copyMemory(from: src)
      initialized = n
    }
    releasePages(offset..<offset + n * size)
    offset += n * size
    return out
  }

  /// Drops the whole pages inside `range` from the mapping (only with
  /// `releasesConsumedPages`; reading them again would reread the file).
  private func releasePages(_ range: Range<Int>) {
    guard releasesConsumedPages, range.count >= 1 << 20, let base = bytes.baseAddress else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = base + range.lowerBound, stop = base + range.upperBound
    let first = (Int(bitPattern: start) + page - 1) / page * page
    let last = Int(bitPattern: stop) / page * page
    guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(pointer, last - first, MADV_DONTNEED)
  }

  mutating func doubles() throws -> [Double] {
    let n = try count()
    guard n <= (end - offset) / 8 else { throw ByteReader.Truncated(offset: offset) }
    let src = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n * 8])
    let out = [Double](unsafeUninitializedCapacity: n) { buf, initialized in
      UnsafeMutableRawBufferPointer(buf).copyMemory(from: src)
      initialized = n
    }
    releasePages(offset..<offset + n * 8)
    offset += n * 8
    return out
  }
}
