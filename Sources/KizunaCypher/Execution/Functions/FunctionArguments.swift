import KizunaStore

// Argument readers shared by the function families: each names the function
// in its error, so a person sees which call got the wrong type.

extension Value {
  /// The integer, or a `TypeError` naming `function`.
  func integerArgument(_ function: String) throws(CypherError) -> Int64 {
    guard case .int(let value) = self else {
      throw CypherError.invalidArgumentType("\(function)()", self, expected: "an INTEGER")
    }
    return value
  }

  /// The number as a double (integers widen), or a `TypeError` naming `function`.
  func numberArgument(_ function: String) throws(CypherError) -> Double {
    switch self {
    case .int(let value): return Double(value)
    case .float(let value): return value
    default: throw CypherError.invalidArgumentType("\(function)()", self, expected: "a number")
    }
  }

  /// The string, or a `TypeError` naming `function`.
  func stringArgument(_ function: String) throws(CypherError) -> String {
    guard case .string(let value) = self else {
      throw CypherError.invalidArgumentType("\(function)()", self, expected: "a STRING")
    }
    return value
  }

  /// The list, or a `TypeError` naming `function`.
  func listArgument(_ function: String) throws(CypherError) -> [Value] {
    guard case .list(let value) = self else {
      throw CypherError.invalidArgumentType("\(function)()", self, expected: "a LIST")
    }
    return value
  }
}

extension Int64 {
  /// This integer as an `Int` index or count, clamped so huge values cannot trap.
  var clampedInt: Int { Int(clamping: self) }
}
