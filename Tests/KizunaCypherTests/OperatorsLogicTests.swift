import Testing

@testable import KizunaCypher
@testable import KizunaStore

@Suite struct OperatorsLogicTests {
  private let t = Value.bool(true)
  private let f = Value.bool(false)
  private let n = Value.null

  @Test func comparisonIsNullAcrossTypes() {
    let rows: [(Value, Value, lt: Value, le: Value, gt: Value, ge: Value)] = [
      (.int(1), .int(2), t, t, f, f),
      (.int(2), .float(1.5), f, f, t, t),
      (.int(1), .float(1), f, t, f, t),
      (.string("a"), .string("b"), t, t, f, f),
      (.int(1), .string("a"), n, n, n, n),
      (.null, .int(1), n, n, n, n),
      // NaN against a number is unordered: false, as in IEEE 754 (TCK Comparison2 [5]).
      (.float(.nan), .int(1), f, f, f, f),
      (.float(.nan), .float(.nan), f, f, f, f),
      (.float(.nan), .string("a"), n, n, n, n),
      (ints(1, 2), ints(1, 3), t, t, f, f),
    ]
    for row in rows {
      let (a, b) = (row.0, row.1)
      #expect(identical(CypherOperators.lessThan(a, b), row.lt), "\(a) < \(b)")
      #expect(identical(CypherOperators.lessThanOrEqual(a, b), row.le), "\(a) <= \(b)")
      #expect(identical(CypherOperators.greaterThan(a, b), row.gt), "\(a) > \(b)")
      #expect(identical(CypherOperators.greaterThanOrEqual(a, b), row.ge), "\(a) >= \(b)")
    }
  }

  @Test func equalityIsThreeValued() {
    let rows: [(Value, Value, Value)] = [
      (.int(1), .float(1), t),
      (.int(1), .null, n),
      (.list([.int(1), .null]), .list([.int(1), .null]), n),
      (ints(1, 2), ints(1, 3), f),
      (ints(1), ints(1, 2), f),
      (.string("a"), .int(1), f),
      (.node(0), .node(0), t),
      (.node(0), .relationship(0), f),
    ]
    for (a, b, expected) in rows {
      #expect(identical(CypherOperators.equals(a, b), expected), "\(a) = \(b)")
      let negated: Value = expected.isNull ? .null : .bool(expected != t)
      #expect(identical(CypherOperators.notEquals(a, b), negated), "\(a) <> \(b)")
    }
  }

  @Test func booleanTruthTables() throws {
    // (left, right, AND, OR, XOR)
    let rows: [(Value, Value, Value, Value, Value)] = [
      (t, t, t, t, f), (t, f, f, t, t), (f, f, f, f, f),
      (t, n, n, t, n), (f, n, f, n, n), (n, n, n, n, n),
      (n, t, n, t, n), (n, f, f, n, n),
    ]
    for (a, b, and, or, xor) in rows {
      #expect(identical(try CypherOperators.and(a, b), and), "\(a) AND \(b)")
      #expect(identical(try CypherOperators.or(a, b), or), "\(a) OR \(b)")
      #expect(identical(try CypherOperators.xor(a, b), xor), "\(a) XOR \(b)")
    }
    #expect(identical(try CypherOperators.not(t), f))
    #expect(identical(try CypherOperators.not(n), n))
    for (a, b) in [(Value.int(1), t), (f, .string("x")), (n, .list([]))] {
      #expect(
        errorName { () throws(CypherError) -> Value in try CypherOperators.and(a, b) }
          == "TypeError.InvalidArgumentType")
      #expect(
        errorName { () throws(CypherError) -> Value in try CypherOperators.or(a, b) }
          == "TypeError.InvalidArgumentType")
      #expect(
        errorName { () throws(CypherError) -> Value in try CypherOperators.xor(a, b) }
          == "TypeError.InvalidArgumentType")
    }
    #expect(
      errorName { () throws(CypherError) -> Value in try CypherOperators.not(.int(0)) }
        == "TypeError.InvalidArgumentType")
  }

  @Test func listMembership() throws {
    let rows: [(Value, Value, Value)] = [
      (.int(2), ints(1, 2), t),
      (.float(2), ints(1, 2), t),
      (.int(3), ints(1, 2), f),
      (.int(3), .list([.int(1), .null]), n),
      (.int(1), .list([.int(1), .null]), t),
      (.null, .list([]), f),
      (.null, ints(1), n),
      (.int(1), .null, n),
      (ints(1), .list([ints(1), ints(2)]), t),
      (.list([.int(1), .null]), .list([ints(1, 2)]), n),
      (.list([.int(1), .null]), .list([ints(2, 2)]), f),
      (.list([.int(1), .null]), .list([ints(1)]), f),
    ]
    for (element, list, expected) in rows {
      #expect(identical(try CypherOperators.isIn(element, list), expected), "\(element) IN \(list)")
    }
    #expect(
      errorName { () throws(CypherError) -> Value in try CypherOperators.isIn(.int(1), .string("1")) }
        == "TypeError.InvalidArgumentType")
  }

  @Test func stringPredicates() {
    let tokyo = Value.string("\u{6771}\u{4EAC}\u{90FD}")
    let rows: [(Value, Value, starts: Value, ends: Value, contains: Value)] = [
      (.string("hello"), .string("he"), t, f, t),
      (.string("hello"), .string("lo"), f, t, t),
      (.string("hello"), .string("ell"), f, f, t),
      (.string("hello"), .string(""), t, t, t),
      (.string(""), .string("a"), f, f, f),
      (tokyo, .string("\u{4EAC}"), f, f, t),
      (tokyo, .string("\u{90FD}"), f, t, t),
      (.string("\u{E9}"), .string("e\u{301}"), f, f, f),  // code points, not canonical equivalence
      (.int(1), .string("1"), n, n, n),
      (.string("a"), .null, n, n, n),
    ]
    for row in rows {
      #expect(
        identical(CypherOperators.startsWith(row.0, row.1), row.starts), "\(row.0) STARTS WITH \(row.1)")
      #expect(identical(CypherOperators.endsWith(row.0, row.1), row.ends), "\(row.0) ENDS WITH \(row.1)")
      #expect(identical(CypherOperators.contains(row.0, row.1), row.contains), "\(row.0) CONTAINS \(row.1)")
    }
  }

  @Test func regularExpressionsMatchWholeStrings() throws {
    let rows: [(String, String, Bool)] = [
      ("abc", "a.c", true),
      ("abcd", "a.c", false),
      ("xabc", "abc", false),
      ("ab", "a|ab", true),
      ("ABC", "(?i)abc", true),
      ("a\nb", "a.b", false),
      ("H\u{E0} N\u{1ED9}i", "H.*i", true),
      ("2023-11-14", "\\d{4}-\\d{2}-\\d{2}", true),
    ]
    for (text, pattern, expected) in rows {
      #expect(
        identical(try CypherOperators.regexMatch(.string(text), .string(pattern)), .bool(expected)),
        "\(text) =~ \(pattern)")
    }
    #expect(identical(try CypherOperators.regexMatch(.int(1), .string("1")), .null))
    #expect(identical(try CypherOperators.regexMatch(.string("a"), .null), .null))
    #expect(
      errorName { () throws(CypherError) -> Value in
        try CypherOperators.regexMatch(.string("a"), .string("["))
      }
        == "ArgumentError.InvalidArgumentValue")
    // A cached pattern answers the same the second time.
    #expect(identical(try CypherOperators.regexMatch(.string("abc"), .string("a.c")), .bool(true)))
  }
}
