import Foundation
import KizunaStore
import Synchronization

// `=~`: the whole string must match, as Java's `Pattern.matches` (which Neo4j
// uses) requires. ICU's syntax, which NSRegularExpression implements, agrees
// with Java's for the constructs queries use.

extension CypherOperators {
  /// `text =~ pattern`: null when either side is not a string; a pattern
  /// that does not compile is `ArgumentError.InvalidArgumentValue`.
  public static func regexMatch(_ text: Value, _ pattern: Value) throws(CypherError) -> Value {
    guard case .string(let subject) = text, case .string(let source) = pattern else { return .null }
    let expression = try RegexCache.shared.expression(for: source)
    let whole = NSRange(location: 0, length: subject.utf16.count)
    return .bool(expression.regex.firstMatch(in: subject, options: [], range: whole) != nil)
  }
}

/// A compiled pattern; NSRegularExpression is immutable and documented thread-safe.
struct CompiledRegex: @unchecked Sendable {
  let regex: NSRegularExpression
}

/// Compiled patterns by source text, so a regex in a WHERE clause compiles
/// once per query rather than once per row. Bounded: it empties when full.
final class RegexCache: Sendable {
  static let shared = RegexCache()
  private static let capacity = 256
  private let entries = Mutex<[String: CompiledRegex]>([:])

  func expression(for source: String) throws(CypherError) -> CompiledRegex {
    if let cached = entries.withLock({ $0[source] }) { return cached }
    let compiled: CompiledRegex
    do {
      // \A and \z anchor the whole input; the group keeps alternations inside.
      compiled = CompiledRegex(regex: try NSRegularExpression(pattern: "\\A(?:" + source + ")\\z"))
    } catch {
      throw CypherError.invalidArgumentValue(
        "Invalid regular expression '\(source)': \(error.localizedDescription)")
    }
    entries.withLock { table in
      if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
      table[source] = compiled
    }
    return compiled
  }
}
