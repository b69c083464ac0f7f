import Testing

@testable import KizunaCypher
@testable import KizunaStore

@Suite struct FunctionsAggregateTests {
  /// One row per value, each holding just that value.
  private func rows(_ values: Value...) -> [[Value]] { values.map { [$0] } }

  private func duration(_ text: String) throws -> Value { .duration(try CypherDuration.parse(text)) }

  @Test func countCollectMinMax() throws {
    let mixed = rows(.int(3), .null, .string("a"), .int(1))
    #expect(identical(try aggregate("count", mixed), .int(3)))
    #expect(identical(try aggregate("count", []), .int(0)))
    #expect(identical(try aggregate("collect", mixed), .list([.int(3), .string("a"), .int(1)])))
    #expect(identical(try aggregate("collect", rows(.null)), .list([])))
    #expect(identical(try aggregate("min", rows(.int(3), .null, .int(1), .int(2))), .int(1)))
    #expect(identical(try aggregate("max", rows(.int(3), .null, .float(3.5), .int(2))), .float(3.5)))
    // Orderability across types: strings sort before numbers.
    #expect(identical(try aggregate("min", mixed), .string("a")))
    #expect(identical(try aggregate("max", mixed), .int(3)))
    #expect(identical(try aggregate("min", []), .null))
    #expect(identical(try aggregate("max", rows(.null, .null)), .null))
    #expect(identical(try aggregate("min", rows(.string("b"), .string("a"))), .string("a")))
  }

  @Test func sumAndAverage() throws {
    #expect(identical(try aggregate("sum", rows(.int(1), .int(2), .int(3))), .int(6)))
    #expect(identical(try aggregate("sum", rows(.int(1), .null, .float(2.5))), .float(3.5)))
    #expect(identical(try aggregate("sum", []), .int(0)))
    #expect(identical(try aggregate("sum", rows(.int(Int64.max), .int(-1), .int(1))), .int(Int64.max)))
    #expect(
      identical(try aggregate("sum", rows(try duration("P1D"), try duration("PT1H"))), try duration("P1DT1H"))
    )
    #expect(identical(try aggregate("avg", rows(.int(1), .int(2))), .float(1.5)))
    #expect(identical(try aggregate("avg", rows(.float(1), .null, .int(4))), .float(2.5)))
    #expect(identical(try aggregate("avg", []), .null))
    #expect(
      identical(try aggregate("avg", rows(try duration("P2D"), try duration("P4D"))), try duration("P3D")))
    let failures: [(String, [[Value]], String)] = [
      ("sum", rows(.int(Int64.max), .int(1)), "ArithmeticError.IntegerOverflow"),
      ("sum", rows(.int(1), .string("a")), "TypeError.InvalidArgumentType"),
      ("sum", rows(try duration("P1D"), .int(1)), "TypeError.InvalidArgumentType"),
      ("sum", rows(.int(1), try duration("P1D")), "TypeError.InvalidArgumentType"),
      ("avg", rows(.bool(true)), "TypeError.InvalidArgumentType"),
    ]
    for (name, input, expected) in failures {
      #expect(
        errorName { () throws(CypherError) -> Value in try aggregate(name, input) } == expected,
        "\(name)(\(input))")
    }
  }

  @Test func percentiles() throws {
    let values = [10, 40, 30, 20].map { [Value.int($0), Value.float(0.5)] }
    #expect(identical(try aggregate("percentileDisc", values), .int(20)))
    #expect(identical(try aggregate("percentileCont", values), .float(25)))
    let at = { (p: Double) in [10, 20, 30, 40].map { [Value.int($0), Value.float(p)] } }
    #expect(identical(try aggregate("percentileDisc", at(0)), .int(10)))
    #expect(identical(try aggregate("percentileDisc", at(1)), .int(40)))
    #expect(identical(try aggregate("percentileDisc", at(0.26)), .int(20)))
    #expect(identical(try aggregate("percentileCont", at(1)), .float(40)))
    #expect(identical(try aggregate("percentileCont", at(0.1)), .float(13)))
    #expect(identical(try aggregate("percentileCont", [[.int(1), .float(0.3)]]), .float(1)))
    #expect(identical(try aggregate("percentileCont", [[.null, .float(0.3)]]), .null))
    #expect(identical(try aggregate("percentileDisc", [[.float(1.5), .int(1)]]), .float(1.5)))
    for (name, row, expected) in [
      ("percentileDisc", [Value.int(1), .float(1.5)], "ArgumentError.NumberOutOfRange"),
      ("percentileCont", [Value.int(1), .float(-0.1)], "ArgumentError.NumberOutOfRange"),
      ("percentileCont", [Value.int(1), .string("half")], "TypeError.InvalidArgumentType"),
      ("percentileCont", [Value.string("x"), .float(0.5)], "TypeError.InvalidArgumentType"),
    ] {
      #expect(errorName { () throws(CypherError) -> Value in try aggregate(name, [row]) } == expected)
    }
  }

  @Test func standardDeviation() throws {
    let data = rows(.int(2), .int(4), .int(4), .int(4), .null, .int(5), .int(5), .int(7), .float(9))
    guard case .float(let sample) = try aggregate("stDev", data) else {
      Issue.record("stDev is not a float")
      return
    }
    #expect(abs(sample - 2.138089935299395) < 1e-12)
    #expect(identical(try aggregate("stDevP", data), .float(2)))
    #expect(identical(try aggregate("stDev", rows(.int(1))), .float(0)))
    #expect(identical(try aggregate("stDevP", []), .float(0)))
    #expect(
      errorName { () throws(CypherError) -> Value in try aggregate("stDev", rows(.string("x"))) }
        == "TypeError.InvalidArgumentType")
  }

  @Test func distinctDropsEquivalentValues() throws {
    let input = rows(.int(1), .float(1), .int(2), .null, .int(2))
    #expect(identical(try aggregate("count", distinct: true, input), .int(2)))
    #expect(identical(try aggregate("sum", distinct: true, input), .int(3)))
    #expect(identical(try aggregate("collect", distinct: true, input), .list([.int(1), .int(2)])))
    #expect(identical(try aggregate("count", distinct: false, input), .int(4)))
    #expect(
      identical(
        try aggregate("collect", distinct: true, rows(.list([.int(1)]), .list([.int(1)]), .list([.null]))),
        .list([.list([.int(1)]), .list([.null])])))
  }
}
