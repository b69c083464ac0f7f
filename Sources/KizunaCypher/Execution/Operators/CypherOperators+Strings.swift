import KizunaStore

// String predicates. They compare Unicode code points exactly (as string
// ordering does), so `'é'` written precomposed and decomposed differ; a
// non-string operand makes the answer null rather than an error.

extension CypherOperators {
  /// `text STARTS WITH prefix`.
  public static func startsWith(_ text: Value, _ prefix: Value) -> Value {
    guard case .string(let a) = text, case .string(let b) = prefix else { return .null }
    return .bool(a.utf8.starts(with: b.utf8))
  }

  /// `text ENDS WITH suffix`.
  public static func endsWith(_ text: Value, _ suffix: Value) -> Value {
    guard case .string(let a) = text, case .string(let b) = suffix else { return .null }
    return .bool(a.utf8.reversed().starts(with: b.utf8.reversed()))
  }

  /// `text CONTAINS part`.
  public static func contains(_ text: Value, _ part: Value) -> Value {
    guard case .string(let a) = text, case .string(let b) = part else { return .null }
    return .bool(utf8Contains(a, b))
  }

  /// Byte search over UTF-8: a code-point match is exactly a byte match,
  /// because UTF-8 never starts a code point inside another.
  static func utf8Contains(_ text: String, _ part: String) -> Bool {
    let needle = Array(part.utf8)
    guard !needle.isEmpty else { return true }
    let haystack = Array(text.utf8)
    guard haystack.count >= needle.count else { return false }
    let first = needle[0]
    var start = 0
    while start <= haystack.count - needle.count {
      if haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) {
        return true
      }
      start += 1
    }
    return false
  }
}
