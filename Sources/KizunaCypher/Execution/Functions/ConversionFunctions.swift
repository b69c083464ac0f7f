import KizunaStore

// Type conversions: toInteger, toFloat, toString, toBoolean, their OrNull
// forms, and the list forms (toIntegerList, ...), which convert each element
// leniently and never fail on one.

extension FunctionTable {
  static let conversionFunctions: [ScalarFunction] = [
    unary("toInteger") { (value) throws(CypherError) -> Value in try toInteger(value, lenient: false) },
    unary("toIntegerOrNull") { (value) throws(CypherError) -> Value in try toInteger(value, lenient: true) },
    unary("toFloat") { (value) throws(CypherError) -> Value in try toFloat(value, lenient: false) },
    unary("toFloatOrNull") { (value) throws(CypherError) -> Value in try toFloat(value, lenient: true) },
    unary("toString") { (value) throws(CypherError) -> Value in try toText(value, lenient: false) },
    unary("toStringOrNull") { (value) throws(CypherError) -> Value in try toText(value, lenient: true) },
    unary("toBoolean") { (value) throws(CypherError) -> Value in try toBoolean(value, lenient: false) },
    unary("toBooleanOrNull") { (value) throws(CypherError) -> Value in try toBoolean(value, lenient: true) },
    listConversion("toIntegerList") { (value) throws(CypherError) -> Value in
      try toInteger(value, lenient: true)
    },
    listConversion("toFloatList") { (value) throws(CypherError) -> Value in try toFloat(value, lenient: true)
    },
    listConversion("toStringList") { (value) throws(CypherError) -> Value in try toText(value, lenient: true)
    },
    listConversion("toBooleanList") { (value) throws(CypherError) -> Value in
      try toBoolean(value, lenient: true)
    },
  ]

  private static func listConversion(
    _ name: String, _ element: @escaping @Sendable (Value) throws(CypherError) -> Value
  ) -> ScalarFunction {
    unary(name) { (value) throws(CypherError) -> Value in
      var converted: [Value] = []
      for item in try value.listArgument(name) { converted.append(item.isNull ? .null : try element(item)) }
      return .list(converted)
    }
  }

  /// Reject `value`, or give null when converting leniently. The TCK
  /// (TypeConversion1-4) classifies this as `TypeError.InvalidArgumentValue`.
  private static func unconvertible(_ value: Value, _ name: String, _ expected: String, lenient: Bool)
    throws(CypherError) -> Value
  {
    if lenient { return .null }
    throw CypherError.runtime(
      .typeError, "InvalidArgumentValue", "\(name)() expected \(expected) but got \(value.typeName)")
  }

  static func toInteger(_ value: Value, lenient: Bool) throws(CypherError) -> Value {
    switch value {
    case .null, .int: return value
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .float(let number):
      if let whole = integer(truncating: number) { return .int(whole) }
      if lenient { return .null }
      throw CypherError.numberOutOfRange("toInteger() cannot represent \(number.cypherText) as an INTEGER")
    case .string(let text):
      let trimmed = text.trimmingWhitespace
      if let whole = Int64(trimmed) { return .int(whole) }
      if let number = Double(trimmed), let whole = integer(truncating: number) { return .int(whole) }
      return .null
    default: return try unconvertible(value, "toInteger", "a STRING, number or BOOLEAN", lenient: lenient)
    }
  }

  /// `number` rounded toward zero, or nil when it is not finite or outside 64 bits.
  static func integer(truncating number: Double) -> Int64? {
    guard number.isFinite, number >= -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0
    else { return nil }
    return Int64(number.rounded(.towardZero))
  }

  static func toFloat(_ value: Value, lenient: Bool) throws(CypherError) -> Value {
    switch value {
    case .null, .float: return value
    case .int(let whole): return .float(Double(whole))
    case .string(let text):
      // Only Java-style decimal text: Swift would also read hexadecimal floats.
      let trimmed = text.trimmingWhitespace
      guard !trimmed.lowercased().contains("x"), let number = Double(trimmed) else { return .null }
      return .float(number)
    default: return try unconvertible(value, "toFloat", "a STRING or number", lenient: lenient)
    }
  }

  static func toText(_ value: Value, lenient: Bool) throws(CypherError) -> Value {
    switch value {
    case .null, .string: return value
    case .bool(let flag): return .string(flag ? "true" : "false")
    case .int(let whole): return .string(String(whole))
    case .float(let number): return .string(number.cypherText)
    case .date(let v): return .string(v.description)
    case .localTime(let v): return .string(v.description)
    case .time(let v): return .string(v.description)
    case .localDateTime(let v): return .string(v.description)
    case .dateTime(let v): return .string(v.description)
    case .duration(let v): return .string(v.description)
    default:
      return try unconvertible(
        value, "toString", "a STRING, number, BOOLEAN or temporal value", lenient: lenient)
    }
  }

  static func toBoolean(_ value: Value, lenient: Bool) throws(CypherError) -> Value {
    switch value {
    case .null, .bool: return value
    case .int(let whole): return .bool(whole != 0)
    case .string(let text):
      switch text.trimmingWhitespace.lowercased() {
      case "true": return .bool(true)
      case "false": return .bool(false)
      default: return .null
      }
    default: return try unconvertible(value, "toBoolean", "a STRING, INTEGER or BOOLEAN", lenient: lenient)
    }
  }
}

extension String {
  /// Without leading and trailing white space (Unicode's definition).
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
