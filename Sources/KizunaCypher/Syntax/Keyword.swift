/// Words with a meaning in Cypher's grammar. They are matched
/// case-insensitively. Only the `isReserved` ones are refused as variable names.
enum Keyword: UInt8, Sendable, CaseIterable {
  /// Not a keyword: an ordinary identifier.
  case plain
  case match, optional, `where`, `return`, with, unwind, `as`, create, merge, on, set, remove, delete,
    detach, call, yield, foreach, union, all, distinct, order, by, asc, ascending, desc, descending, skip,
    limit, and, or, xor, not, `in`, starts, ends, contains, `is`, null, `true`, `false`, `case`, when,
    then, `else`, end, exists, any, none, single, reduce, count, index, constraint, drop, `if`, `for`,
    require, unique, show, indexes, constraints, explain, profile, assert, key, node, shortestPath,
    allShortestPaths

  /// The upper-case spelling.
  var spelling: String {
    switch self {
    case .plain: return ""
    case .shortestPath: return "SHORTESTPATH"
    case .allShortestPaths: return "ALLSHORTESTPATHS"
    default: return String(describing: self).uppercased()
    }
  }

  /// Words that cannot be used as bare variable names because they would make
  /// the grammar ambiguous (clause starters and operator words).
  var isReserved: Bool {
    switch self {
    case .match, .optional, .where, .return, .with, .unwind, .as, .create, .merge, .set, .remove,
      .delete, .detach, .call, .foreach, .union, .order, .skip, .limit, .and, .or, .xor, .not, .in,
      .starts, .ends, .contains, .is, .null, .true, .false, .case, .when, .then, .else, .end,
      .distinct:
      return true
    default: return false
    }
  }

  /// Looks up an identifier's bytes; ASCII letters only, compared case-insensitively.
  /// Packs up to 16 upper-cased bytes into two integers so that no string is allocated.
  static func lookup(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Keyword {
    let length = end - start
    guard length >= 2, length <= 16 else { return .plain }
    var key = KeywordKey(low: 0, high: 0)
    for index in 0..<length {
      var byte = bytes[start + index]
      if byte >= 0x61 && byte <= 0x7A {
        byte -= 0x20
      } else if byte < 0x41 || byte > 0x5A {
        return .plain
      }
      if index < 8 {
        key.low |= UInt64(byte) << UInt64(index * 8)
      } else {
        key.high |= UInt64(byte) << UInt64((index - 8) * 8)
      }
    }
    return table[key] ?? .plain
  }

  private static let table: [KeywordKey: Keyword] = {
    var result: [KeywordKey: Keyword] = [:]
    for keyword in Keyword.allCases where keyword != .plain {
      var key = KeywordKey(low: 0, high: 0)
      for (index, byte) in keyword.spelling.utf8.enumerated() {
        if index < 8 {
          key.low |= UInt64(byte) << UInt64(index * 8)
        } else {
          key.high |= UInt64(byte) << UInt64((index - 8) * 8)
        }
      }
      result[key] = keyword
    }
    return result
  }()
}

private struct KeywordKey: Hashable {
  var low: UInt64
  var high: UInt64
}
