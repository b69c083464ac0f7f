import Foundation
import KizunaStore

// Numeric functions. Integers stay integers where openCypher says so
// (abs, sign); everything else answers a float, as Neo4j does.

extension FunctionTable {
  static let mathFunctions: [ScalarFunction] =
    [
      unary("abs") { (value) throws(CypherError) -> Value in
        switch value {
        case .int(let whole):
          guard whole != .min else {
            throw CypherError.integerOverflow("abs(\(whole)) does not fit an INTEGER")
          }
          return .int(Swift.abs(whole))
        case .float(let number): return .float(Swift.abs(number))
        default: throw CypherError.invalidArgumentType("abs()", value, expected: "a number")
        }
      },
      unary("sign") { (value) throws(CypherError) -> Value in
        switch value {
        case .int(let whole): return .int(whole.signum())
        // NaN has no sign; Neo4j answers 0 (Java's `(long) Math.signum(NaN)`).
        case .float(let number): return .int(number > 0 ? 1 : (number < 0 ? -1 : 0))
        default: throw CypherError.invalidArgumentType("sign()", value, expected: "a number")
        }
      },
      function("round", 1...3) { (arguments, _) throws(CypherError) -> Value in
        try round(arguments)
      },
      unary("isNaN") { (value) throws(CypherError) -> Value in
        switch value {
        case .float(let number): return .bool(number.isNaN)
        case .int: return .bool(false)
        default: throw CypherError.invalidArgumentType("isNaN()", value, expected: "a number")
        }
      },
      function("e", 0...0) { (_, _) throws(CypherError) -> Value in .float(M_E) },
      function("pi", 0...0) { (_, _) throws(CypherError) -> Value in .float(Double.pi) },
      function("rand", 0...0) { (_, _) throws(CypherError) -> Value in .float(Double.random(in: 0..<1)) },
      function("atan2", 2...2) { (arguments, _) throws(CypherError) -> Value in
        if arguments[0].isNull || arguments[1].isNull { return .null }
        return .float(
          Foundation.atan2(try arguments[0].numberArgument("atan2"), try arguments[1].numberArgument("atan2"))
        )
      },
    ]
    + floatFunctions.map { entry in
      unary(entry.name) { (value) throws(CypherError) -> Value in
        .float(entry.body(try value.numberArgument(entry.name)))
      }
    }

  /// The one-number functions whose answer is always a float.
  private static let floatFunctions: [(name: String, body: @Sendable (Double) -> Double)] = [
    ("ceil", { $0.rounded(.up) }),
    ("floor", { $0.rounded(.down) }),
    ("sqrt", { $0.squareRoot() }),
    ("exp", { Foundation.exp($0) }),
    ("log", { Foundation.log($0) }),
    ("log10", { Foundation.log10($0) }),
    ("sin", { Foundation.sin($0) }),
    ("cos", { Foundation.cos($0) }),
    ("tan", { Foundation.tan($0) }),
    ("cot", { 1 / Foundation.tan($0) }),
    ("asin", { Foundation.asin($0) }),
    ("acos", { Foundation.acos($0) }),
    ("atan", { Foundation.atan($0) }),
    ("degrees", { $0 * 180 / Double.pi }),
    ("radians", { $0 * Double.pi / 180 }),
    ("haversin", { (1 - Foundation.cos($0)) / 2 }),
  ]

  /// `round(x)`, `round(x, precision)`, `round(x, precision, mode)`.
  private static func round(_ arguments: [Value]) throws(CypherError) -> Value {
    if arguments.contains(where: \.isNull) { return .null }
    let number = try arguments[0].numberArgument("round")
    guard arguments.count > 1 else { return .float(halfUpTowardPositive(number)) }
    let precision = try arguments[1].integerArgument("round")
    var mode = DecimalRounding.halfUp
    if arguments.count == 3 {
      let name = try arguments[2].stringArgument("round")
      guard let chosen = DecimalRounding(rawValue: name.uppercased()) else {
        throw CypherError.invalidArgumentValue(
          "round() does not know the rounding mode '\(name)'; use one of "
            + DecimalRounding.allCases.map(\.rawValue).joined(separator: ", "))
      }
      mode = chosen
    }
    guard Swift.abs(precision) <= 400 else {
      throw CypherError.numberOutOfRange("round() precision \(precision) is outside -400...400")
    }
    return .float(mode.round(number, toFractionDigits: Int(precision)))
  }

  /// Java's `Math.round`: halves go toward positive infinity (`round(-2.5)` is -2.0).
  static func halfUpTowardPositive(_ number: Double) -> Double {
    guard number.isFinite else { return number }
    let below = number.rounded(.down)
    return number - below >= 0.5 ? below + 1 : below
  }
}
