/// CRC-32C (Castagnoli), table-driven with slicing-by-8: the checksum of
/// every log record and snapshot section.
public enum CRC32C {
  /// Eight 256-entry tables, one after the other.
  static let table: [UInt32] = {
    var t = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
    for i in 0..<256 {
      var c = UInt32(i)
      for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
      t[0][i] = c
    }
    for i in 0..<256 {
      for k in 1..<8 { t[k][i] = (t[k - 1][i] >> 8) ^ t[0][Int(t[k - 1][i] & 0xff)] }
    }
    return t.flatMap { $0 }
  }()

  public static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
    guard let base = bytes.baseAddress else { return seed }
    return table.withUnsafeBufferPointer { tables in
      // The table has exactly 8 × 256 entries and every index below is a
      // byte plus a multiple of 256, so unchecked reads stay in bounds.
      guard let t = tables.baseAddress else { return seed }
      var crc = ~seed
      var p = base
      let n = bytes.count
      let end8 = base + (n & ~7)
      while p < end8 {
        let word = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        let one = crc ^ UInt32(truncatingIfNeeded: word)
        let two = UInt32(truncatingIfNeeded: word &>> 32)
        crc =
          t[1792 &+ Int(one & 0xff)] ^ t[1536 &+ Int((one &>> 8) & 0xff)]
          ^ t[1280 &+ Int((one &>> 16) & 0xff)] ^ t[1024 &+ Int(one &>> 24)]
          ^ t[768 &+ Int(two & 0xff)] ^ t[512 &+ Int((two &>> 8) & 0xff)]
          ^ t[256 &+ Int((two &>> 16) & 0xff)] ^ t[Int(two &>> 24)]
        p += 8
      }
      let end = base + n
      while p < end {
        crc = t[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xff)] ^ (crc &>> 8)
        p += 1
      }
      return ~crc
    }
  }

  public static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
    bytes.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[range])) }
  }

  /// The checksum of `bytes` computed on two threads: each half on its own,
  /// then joined with `combine`. Large snapshots open about twice as fast.
  static func parallelChecksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    let n = bytes.count
    guard n >= 1 << 22 else { return checksum(bytes) }
    let mid = n / 2
    let halves = inParallel {
      checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<mid]))
    } second: {
      checksum(UnsafeRawBufferPointer(rebasing: bytes[mid..<n]))
    }
    return combine(halves.0, halves.1, secondLength: n - mid)
  }

  /// The CRC of A followed by B from `crc(A)`, `crc(B)` and B's length
  /// (zlib's crc32_combine, for this polynomial): shifts `crc(A)` through
  /// `length` zero bytes with GF(2) matrix squaring, then adds `crc(B)`.
  static func combine(_ first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
    guard secondLength > 0 else { return first }
    var odd = [UInt32](repeating: 0, count: 32)
    var even = [UInt32](repeating: 0, count: 32)
    odd[0] = 0x82F6_3B78
    var row: UInt32 = 1
    for i in 1..<32 {
      odd[i] = row
      row <<= 1
    }
    square(&even, odd)  // two zero bits
    square(&odd, even)  // four zero bits
    var crc = first
    var length = secondLength
    repeat {
      square(&even, odd)
      if length & 1 != 0 { crc = times(even, crc) }
      length >>= 1
      if length == 0 { break }
      square(&odd, even)
      if length & 1 != 0 { crc = times(odd, crc) }
      length >>= 1
    } while length != 0
    return crc ^ second
  }

  private static func times(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
    var sum: UInt32 = 0
    var v = vector
    var i = 0
    while v != 0 {
      if v & 1 != 0 { sum ^= matrix[i] }
      v >>= 1
      i += 1
    }
    return sum
  }

  private static func square(_ result: inout [UInt32], _ matrix: [UInt32]) {
    for i in 0..<32 { result[i] = times(matrix, matrix[i]) }
  }
}
