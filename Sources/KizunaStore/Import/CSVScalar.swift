#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parsers for numbers and booleans straight from a field's bytes, without
/// building a `String`. Each returns nil when the bytes are not a valid value.
///
/// Spaces and tabs around numbers and booleans are ignored, as Neo4j's
/// importer does.
public enum CSVScalar {
  /// A decimal integer with an optional `+` or `-` sign, in the Int64 range.
  @inlinable
  public static func int64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    var start = 0
    var end = bytes.count
    while start < end && isBlank(bytes[start]) { start += 1 }
    while end > start && isBlank(bytes[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    var negative = false
    let first = bytes[start]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      start += 1
      guard start < end else { return nil }
    }
    var magnitude: UInt64 = 0
    if end - start <= 18 {
      // At most 18 digits cannot overflow, so the common case skips the checks.
      for index in start..<end {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        magnitude = magnitude &* 10 &+ UInt64(digit)
      }
    } else {
      for index in start..<end {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
        guard !overflow1 && !overflow2 else { return nil }
        magnitude = sum
      }
    }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return Int64(truncatingIfNeeded: 0 &- magnitude)
    }
    guard magnitude <= UInt64(Int64.max) else { return nil }
    return Int64(magnitude)
  }

  /// A decimal floating-point number (`1`, `-2.5`, `.5`, `6.02e23`), or
  /// `NaN` / `Infinity` in the spellings C's `strtod` accepts.
  public static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end && isBlank(bytes[start]) { start += 1 }
    while end > start && isBlank(bytes[end - 1]) { end -= 1 }
    let length = end - start
    guard length > 0 else { return nil }
    // Hexadecimal floats are a C curiosity nobody means in a CSV file.
    for index in start..<end where bytes[index] | 0x20 == UInt8(ascii: "x") { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { text -> Double? in
      guard let base = text.baseAddress else { return nil }
      for offset in 0..<length { base[offset] = CChar(bitPattern: bytes[start + offset]) }
      base[length] = 0
      var parsedEnd: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(base, &parsedEnd)
      guard let parsedEnd, parsedEnd == base + length else { return nil }
      return value
    }
  }

  /// `true` or `false`, in any letter case.
  public static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var start = 0
    var end = bytes.count
    while start < end && isBlank(bytes[start]) { start += 1 }
    while end > start && isBlank(bytes[end - 1]) { end -= 1 }
    if matches(bytes, start, end, "true") { return true }
    if matches(bytes, start, end, "false") { return false }
    return nil
  }

  @inlinable
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// Whether `bytes[start..<end]` spells the lowercase ASCII `word`, ignoring case.
  private static func matches(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString
  ) -> Bool {
    guard end - start == word.utf8CodeUnitCount else { return false }
    let letters = word.utf8Start
    for offset in 0..<(end - start) where bytes[start + offset] | 0x20 != letters[offset] {
      return false
    }
    return true
  }
}
