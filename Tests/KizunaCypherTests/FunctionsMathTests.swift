import Foundation
import Testing

@testable import KizunaCypher
@testable import KizunaStore

@Suite struct FunctionsMathTests {
  @Test func exactResults() {
    check([
      Expectation("abs", [.int(-3)], .int(3)),
      Expectation("abs", [.int(Int64.max)], .int(Int64.max)),
      Expectation("abs", [.float(-3.5)], .float(3.5)),
      Expectation("abs", [.null], .null),
      Expectation("sign", [.int(-3)], .int(-1)),
      Expectation("sign", [.float(2.5)], .int(1)),
      Expectation("sign", [.int(0)], .int(0)),
      Expectation("sign", [.float(-0.5)], .int(-1)),
      Expectation("sign", [.float(.nan)], .int(0)),
      Expectation("ceil", [.float(1.1)], .float(2)),
      Expectation("ceil", [.int(1)], .float(1)),
      Expectation("floor", [.float(-1.1)], .float(-2)),
      Expectation("sqrt", [.int(16)], .float(4)),
      Expectation("sqrt", [.int(-1)], .float(.nan)),
      Expectation("exp", [.int(0)], .float(1)),
      Expectation("log", [.int(0)], .float(-.infinity)),
      Expectation("log10", [.int(1000)], .float(3)),
      Expectation("sin", [.int(0)], .float(0)),
      Expectation("cos", [.int(0)], .float(1)),
      Expectation("cot", [.int(0)], .float(.infinity)),
      Expectation("acos", [.int(1)], .float(0)),
      Expectation("asin", [.int(2)], .float(.nan)),
      Expectation("degrees", [.float(Double.pi)], .float(180)),
      Expectation("radians", [.int(180)], .float(Double.pi)),
      Expectation("haversin", [.int(0)], .float(0)),
      Expectation("e", [], .float(M_E)),
      Expectation("pi", [], .float(Double.pi)),
      Expectation("atan2", [.int(1), .null], .null),
      Expectation("isNaN", [.float(.nan)], .bool(true)),
      Expectation("isNaN", [.float(1)], .bool(false)),
      Expectation("isNaN", [.int(1)], .bool(false)),
      Expectation("isNaN", [.null], .null),
    ])
    check([
      Failure("abs", [.int(Int64.min)], "ArithmeticError.IntegerOverflow"),
      Failure("abs", [.string("x")], "TypeError.InvalidArgumentType"),
      Failure("sqrt", [.bool(true)], "TypeError.InvalidArgumentType"),
      Failure("atan2", [.int(1), .string("x")], "TypeError.InvalidArgumentType"),
      Failure("isNaN", [.string("NaN")], "TypeError.InvalidArgumentType"),
    ])
  }

  @Test func approximateResults() throws {
    let rows: [(String, [Value], Double)] = [
      ("atan", [.int(1)], Double.pi / 4),
      ("atan2", [.int(1), .int(1)], Double.pi / 4),
      ("asin", [.int(1)], Double.pi / 2),
      ("tan", [.float(Double.pi / 4)], 1),
      ("log", [.float(M_E)], 1),
      ("haversin", [.float(Double.pi)], 1),
    ]
    for (name, arguments, expected) in rows {
      guard case .float(let result) = try call(name, arguments) else {
        Issue.record("\(name) did not give a float")
        continue
      }
      #expect(abs(result - expected) < 1e-12, "\(name)(\(arguments)) = \(result)")
    }
  }

  @Test func roundFollowsJavaAndBigDecimal() {
    check([
      Expectation("round", [.float(2.5)], .float(3)),
      Expectation("round", [.float(-2.5)], .float(-2)),  // Math.round: halves toward +infinity
      Expectation("round", [.float(-2.6)], .float(-3)),
      Expectation("round", [.int(5)], .float(5)),
      Expectation("round", [.float(3.14159), .int(2)], .float(3.14)),
      Expectation("round", [.float(2.675), .int(2)], .float(2.68)),  // decimal text, not binary
      Expectation("round", [.float(-2.5), .int(0)], .float(-3)),  // HALF_UP: away from zero
      Expectation("round", [.float(1234.5), .int(-2)], .float(1200)),
      Expectation("round", [.float(9.99), .int(1)], .float(10)),
      Expectation("round", [.int(5), .int(1)], .float(5)),
      Expectation("round", [.float(2.5), .int(0), .string("HALF_EVEN")], .float(2)),
      Expectation("round", [.float(3.5), .int(0), .string("half_even")], .float(4)),
      Expectation("round", [.float(1.234), .int(1), .string("CEILING")], .float(1.3)),
      Expectation("round", [.float(-1.234), .int(1), .string("CEILING")], .float(-1.2)),
      Expectation("round", [.float(-1.234), .int(1), .string("FLOOR")], .float(-1.3)),
      Expectation("round", [.float(-1.234), .int(1), .string("UP")], .float(-1.3)),
      Expectation("round", [.float(1.29), .int(1), .string("DOWN")], .float(1.2)),
      Expectation("round", [.float(1.25), .int(1), .string("HALF_DOWN")], .float(1.2)),
      Expectation("round", [.float(1.251), .int(1), .string("HALF_DOWN")], .float(1.3)),
      Expectation("round", [.float(0.0001), .int(2), .string("UP")], .float(0.01)),
      Expectation("round", [.float(0.0001), .int(2)], .float(0)),
      Expectation("round", [.null, .int(2)], .null),
      Expectation("round", [.float(.nan), .int(2)], .float(.nan)),
    ])
    check([
      Failure("round", [.float(1.5), .int(0), .string("SIDEWAYS")], "ArgumentError.InvalidArgumentValue"),
      Failure("round", [.float(1.5), .float(1)], "TypeError.InvalidArgumentType"),
      Failure("round", [.string("1.5")], "TypeError.InvalidArgumentType"),
    ])
  }
}
