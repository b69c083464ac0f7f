import Testing

@testable import KizunaCypher
@testable import KizunaStore

@Suite struct OperatorsArithmeticTests {
  typealias Binary = (Value, Value) throws(CypherError) -> Value

  private func date(_ text: String) throws -> Value { .date(try CypherDate.parse(text)) }
  private func duration(_ text: String) throws -> Value { .duration(try CypherDuration.parse(text)) }

  /// Every row must give exactly `expected`.
  private func expect(
    _ op: Binary, _ symbol: String, _ rows: [(Value, Value, Value)],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (left, right, expected) in rows {
      do {
        let result = try op(left, right)
        #expect(
          identical(result, expected), "\(left) \(symbol) \(right) gave \(result)",
          sourceLocation: sourceLocation)
      } catch {
        Issue.record("\(left) \(symbol) \(right) threw \(error)", sourceLocation: sourceLocation)
      }
    }
  }

  /// Every row must fail as "Type.Detail".
  private func expectError(
    _ op: Binary, _ symbol: String, _ rows: [(Value, Value, String)],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (left, right, expected) in rows {
      let name = errorName { () throws(CypherError) -> Value in try op(left, right) }
      #expect(name == expected, "\(left) \(symbol) \(right)", sourceLocation: sourceLocation)
    }
  }

  @Test func addition() throws {
    expect(
      CypherOperators.add, "+",
      [
        (.int(1), .int(2), .int(3)),
        (.int(Int64.max), .int(-1), .int(Int64.max - 1)),
        (.int(1), .float(1.5), .float(2.5)),
        (.float(0.5), .float(0.25), .float(0.75)),
        (.string("a"), .string("b"), .string("ab")),
        (.string("a"), .int(1), .string("a1")),
        (.float(1.5), .string("a"), .string("1.5a")),
        (.string("a"), .float(2), .string("a2.0")),
        (.string("a"), .bool(true), .string("atrue")),
        (ints(1), ints(2), ints(1, 2)),
        (ints(1), .int(2), ints(1, 2)),
        (.int(0), ints(1), ints(0, 1)),
        (ints(1), .list([]), ints(1)),
        (ints(1), .null, .null),
        (.null, .int(1), .null),
        (try date("2020-02-28"), try duration("P1D"), try date("2020-02-29")),
        (try duration("P1M"), try date("2020-01-31"), try date("2020-02-29")),
        (try duration("P1D"), try duration("PT1H"), try duration("P1DT1H")),
      ])
    expectError(
      CypherOperators.add, "+",
      [
        (.int(Int64.max), .int(1), "ArithmeticError.IntegerOverflow"),
        (.int(Int64.min), .int(-1), "ArithmeticError.IntegerOverflow"),
        (.bool(true), .int(1), "TypeError.InvalidArgumentType"),
        (.map([:]), .int(1), "TypeError.InvalidArgumentType"),
        (try date("2020-01-01"), try date("2020-01-01"), "TypeError.InvalidArgumentType"),
        (.string("a"), try date("2020-01-01"), "TypeError.InvalidArgumentType"),
        (.node(0), .string("a"), "TypeError.InvalidArgumentType"),
      ])
    let message = thrownError { () throws(CypherError) -> Value in
      try CypherOperators.add(.bool(true), .int(1))
    }?.message
    #expect(message?.contains("BOOLEAN") == true && message?.contains("INTEGER") == true)
  }

  @Test func subtractionAndMultiplication() throws {
    expect(
      CypherOperators.subtract, "-",
      [
        (.int(5), .int(7), .int(-2)),
        (.int(5), .float(7.5), .float(-2.5)),
        (.null, .int(1), .null),
        (try date("2020-03-01"), try duration("P1D"), try date("2020-02-29")),
        (try duration("P1D"), try duration("PT1H"), try duration("P1DT-1H")),  // days and seconds stay apart
      ])
    expectError(
      CypherOperators.subtract, "-",
      [
        (.int(Int64.min), .int(1), "ArithmeticError.IntegerOverflow"),
        (.string("a"), .string("b"), "TypeError.InvalidArgumentType"),
        (try duration("P1D"), try date("2020-01-01"), "TypeError.InvalidArgumentType"),
        (ints(1), ints(1), "TypeError.InvalidArgumentType"),
      ])
    expect(
      CypherOperators.multiply, "*",
      [
        (.int(2), .int(3), .int(6)),
        (.float(1.5), .int(2), .float(3)),
        (.int(-1), .null, .null),
        (try duration("P1DT1H"), .int(2), try duration("P2DT2H")),
        (.float(0.5), try duration("P2D"), try duration("P1D")),
      ])
    expectError(
      CypherOperators.multiply, "*",
      [
        (.int(Int64.max), .int(2), "ArithmeticError.IntegerOverflow"),
        (.int(Int64.min), .int(-1), "ArithmeticError.IntegerOverflow"),
        (.string("a"), .int(2), "TypeError.InvalidArgumentType"),
        (try duration("P1D"), try duration("P1D"), "TypeError.InvalidArgumentType"),
      ])
  }

  @Test func divisionModuloPower() throws {
    expect(
      CypherOperators.divide, "/",
      [
        (.int(7), .int(2), .int(3)),
        (.int(-7), .int(2), .int(-3)),
        (.int(7), .float(2), .float(3.5)),
        (.float(7), .int(0), .float(.infinity)),
        (.int(-7), .float(0), .float(-.infinity)),
        (.float(0), .float(0), .float(.nan)),
        (.null, .int(0), .null),
        (try duration("P2D"), .int(2), try duration("P1D")),
      ])
    expectError(
      CypherOperators.divide, "/",
      [
        (.int(7), .int(0), "ArithmeticError.DivisionByZero"),
        (.int(Int64.min), .int(-1), "ArithmeticError.IntegerOverflow"),
        (.string("a"), .int(1), "TypeError.InvalidArgumentType"),
        (.int(1), try duration("P1D"), "TypeError.InvalidArgumentType"),
      ])
    expect(
      CypherOperators.modulo, "%",
      [
        (.int(7), .int(3), .int(1)),
        (.int(-7), .int(3), .int(-1)),
        (.int(Int64.min), .int(-1), .int(0)),
        (.float(7.5), .int(2), .float(1.5)),
        (.float(1), .float(0), .float(.nan)),
        (.int(1), .null, .null),
      ])
    expectError(
      CypherOperators.modulo, "%",
      [
        (.int(7), .int(0), "ArithmeticError.DivisionByZero"),
        (.bool(true), .int(2), "TypeError.InvalidArgumentType"),
      ])
    expect(
      CypherOperators.power, "^",
      [
        (.int(2), .int(3), .float(8)),
        (.int(2), .int(-1), .float(0.5)),
        (.float(4), .float(0.5), .float(2)),
        (.int(2), .int(2000), .float(.infinity)),
        (.null, .int(2), .null),
      ])
    expectError(CypherOperators.power, "^", [(.string("a"), .int(2), "TypeError.InvalidArgumentType")])
  }

  @Test func unaryMinusAndPlus() throws {
    #expect(identical(try CypherOperators.negate(.int(5)), .int(-5)))
    #expect(identical(try CypherOperators.negate(.int(Int64.max)), .int(-Int64.max)))
    #expect(identical(try CypherOperators.negate(.float(1.5)), .float(-1.5)))
    #expect(identical(try CypherOperators.negate(.null), .null))
    #expect(identical(try CypherOperators.negate(try duration("P1DT2H")), try duration("P-1DT-2H")))
    #expect(
      errorName { () throws(CypherError) -> Value in try CypherOperators.negate(.int(Int64.min)) }
        == "ArithmeticError.IntegerOverflow")
    #expect(
      errorName { () throws(CypherError) -> Value in try CypherOperators.negate(.string("a")) }
        == "TypeError.InvalidArgumentType")
    #expect(identical(try CypherOperators.identity(.int(3)), .int(3)))
    #expect(
      errorName { () throws(CypherError) -> Value in try CypherOperators.identity(.list([])) }
        == "TypeError.InvalidArgumentType")
  }
}
