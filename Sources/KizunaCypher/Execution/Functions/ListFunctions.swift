import KizunaStore

// Functions over lists (and strings where openCypher allows them): size,
// head, last, tail, reverse, range, coalesce, isEmpty.

extension FunctionTable {
  /// The most elements `range()` will build; a larger request is an error
  /// rather than an allocation that takes the process down.
  static let rangeLimit: Int64 = 100_000_000

  static let listFunctions: [ScalarFunction] = [
    // Strings count Unicode code points, the unit `substring`, `left` and
    // `right` index by too (Neo4j counts UTF-16 units; the TCK only uses BMP text).
    unary("size") { (value) throws(CypherError) -> Value in
      switch value {
      case .string(let text): return .int(Int64(text.unicodeScalars.count))
      case .list(let items): return .int(Int64(items.count))
      default: throw CypherError.invalidArgumentType("size()", value, expected: "a STRING or LIST")
      }
    },
    unary("head") { (value) throws(CypherError) -> Value in
      try value.listArgument("head").first ?? .null
    },
    unary("last") { (value) throws(CypherError) -> Value in
      try value.listArgument("last").last ?? .null
    },
    unary("tail") { (value) throws(CypherError) -> Value in
      .list(Array(try value.listArgument("tail").dropFirst()))
    },
    unary("reverse") { (value) throws(CypherError) -> Value in
      switch value {
      case .string(let text): return .string(String(String.UnicodeScalarView(text.unicodeScalars.reversed())))
      case .list(let items): return .list(items.reversed())
      default: throw CypherError.invalidArgumentType("reverse()", value, expected: "a STRING or LIST")
      }
    },
    unary("isEmpty") { (value) throws(CypherError) -> Value in
      switch value {
      case .string(let text): return .bool(text.isEmpty)
      case .list(let items): return .bool(items.isEmpty)
      case .map(let entries): return .bool(entries.isEmpty)
      default:
        // As Neo4j classifies it (`isEmpty(node)` is TypeError.InvalidArgumentValue).
        throw CypherError.runtime(
          .typeError, "InvalidArgumentValue",
          "isEmpty() expected a STRING, LIST or MAP but got \(value.typeName)")
      }
    },
    function("coalesce", 1...Int.max) { (arguments, _) throws(CypherError) -> Value in
      arguments.first { !$0.isNull } ?? .null
    },
    function("range", 2...3) { (arguments, _) throws(CypherError) -> Value in
      // The TCK (List11) classifies a non-integer bound as ArgumentError.InvalidArgumentType.
      var bounds: [Int64] = []
      for argument in arguments {
        guard case .int(let bound) = argument else {
          throw CypherError.runtime(
            .argumentError, "InvalidArgumentType",
            "range() expected INTEGER arguments but got \(argument.typeName)")
        }
        bounds.append(bound)
      }
      return .list(try range(bounds[0], bounds[1], bounds.count == 3 ? bounds[2] : 1))
    },
  ]

  /// `range(start, end, step)`: both ends inclusive, empty when `step` points away from `end`.
  static func range(_ start: Int64, _ end: Int64, _ step: Int64) throws(CypherError) -> [Value] {
    guard step != 0 else { throw CypherError.numberOutOfRange("range() step must not be 0") }
    if (step > 0 && start > end) || (step < 0 && start < end) { return [] }
    // Wrapping subtraction read as unsigned is the exact distance, even for extreme bounds.
    let span = step > 0 ? UInt64(bitPattern: end &- start) : UInt64(bitPattern: start &- end)
    let count = span / step.magnitude + 1
    guard count <= UInt64(rangeLimit) else {
      throw CypherError.numberOutOfRange(
        "range() would produce \(count) elements, more than the limit of \(rangeLimit)")
    }
    var items: [Value] = []
    items.reserveCapacity(Int(count))
    var current = start
    for index in 0..<count {
      items.append(.int(current))
      if index + 1 < count { current &+= step }
    }
    return items
  }
}
