import Testing

@testable import KizunaStore

/// openCypher equality, comparability and orderability between values,
/// especially integers against floats at the edges of Int64's range.
@Suite struct ValueComparisonTests {
  @Test func integersEqualFloatsOfTheSameValue() {
    #expect(Value.int(1).cypherEquals(.float(1.0)) == true)
    #expect(Value.float(1.0).cypherEquals(.int(1)) == true)
    #expect(Value.int(1).cypherEquals(.float(1.5)) == false)
    #expect(Value.int(1) == Value.float(1.0), "equivalence (DISTINCT, grouping) too")
    #expect(Value.int(1).hashValue == Value.float(1.0).hashValue)
  }

  @Test(arguments: [
    9.25e18, 1e19, 9_223_372_036_854_775_808.0, Double.greatestFiniteMagnitude, Double.infinity,
  ])
  func floatsAboveInt64MaxAreGreaterThanEveryInteger(_ f: Double) {
    for i in [Int64.max, Int64.min, 0, 1] {
      #expect(Value.int(i).cypherCompare(.float(f)) == -1, "\(i) < \(f)")
      #expect(Value.float(f).cypherCompare(.int(i)) == 1)
      #expect(Value.int(i).cypherEquals(.float(f)) == false)
      // -2^63 is Int64.min itself; anything below it is below every integer.
      if f > 9_223_372_036_854_775_808.0 {
        #expect(Value.int(i).cypherCompare(.float(-f)) == 1, "\(i) > \(-f)")
        #expect(Value.int(i).cypherEquals(.float(-f)) == false)
      }
      #expect(Value.int(i).orderCompare(.float(f)) == -1)
    }
  }

  @Test func int64MinEqualsItsExactFloat() {
    let f = -9_223_372_036_854_775_808.0
    #expect(Value.int(.min).cypherEquals(.float(f)) == true)
    #expect(Value.int(.min).cypherCompare(.float(f)) == 0)
    #expect(Value.int(.min + 1).cypherCompare(.float(f)) == 1)
    #expect(Value.int(.min).cypherCompare(.float(f.nextDown)) == 1)
  }

  @Test func largeIntegersCompareExactlyWithFloats() {
    // 2^53 + 1 has no double; the nearest is 2^53.
    let big = Int64(1) << 53
    #expect(Value.int(big + 1).cypherCompare(.float(Double(big))) == 1)
    #expect(Value.int(big + 1).cypherEquals(.float(Double(big))) == false)
    #expect(Value.int(big).cypherEquals(.float(Double(big))) == true)
    #expect(Value.int(Int64.max).cypherCompare(.float(9.2e18)) == 1)
  }

  @Test func nullAndNaNAreNotComparable() {
    #expect(Value.null.cypherEquals(.null) == nil)
    #expect(Value.int(1).cypherCompare(.null) == nil)
    #expect(Value.int(1).cypherCompare(.float(.nan)) == nil)
    #expect(Value.float(.nan).cypherEquals(.float(.nan)) == false)
    #expect(Value.list([.int(1), .null]).cypherEquals(.list([.int(1), .null])) == nil)
    #expect(Value.list([.int(2), .null]).cypherEquals(.list([.int(1), .null])) == false)
    #expect(Value.int(1).cypherCompare(.string("1")) == nil, "different types are not comparable")
    #expect(Value.int(1).cypherEquals(.string("1")) == false)
  }

  @Test func orderingAcrossTypesIsTotal() throws {
    let ascending: [Value] = [
      .map(["a": .int(1)]), .list([.int(1)]), .dateTime(try CypherDateTime.parse("2020-01-01T00:00Z")),
      .date(try CypherDate.parse("2020-01-01")),
      .duration(CypherDuration(months: 1, days: 0, seconds: 0, nanoseconds: 0)),
      .string("a"), .bool(false), .int(1), .float(2.5), .float(.nan), .null,
    ]
    for (i, a) in ascending.enumerated() {
      for (j, b) in ascending.enumerated() {
        #expect(a.orderCompare(b) == (i < j ? -1 : (i == j ? 0 : 1)), "\(a) vs \(b)")
      }
    }
  }
}
