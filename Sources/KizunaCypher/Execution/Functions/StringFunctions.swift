import KizunaStore

// String functions. Positions and lengths count Unicode code points, like
// `size()`, so a character outside the BMP is one position, not two.

extension FunctionTable {
  static let stringFunctions: [ScalarFunction] = [
    unary("toUpper") { (value) throws(CypherError) -> Value in
      .string(try value.stringArgument("toUpper").uppercased())
    },
    unary("upper") { (value) throws(CypherError) -> Value in
      .string(try value.stringArgument("upper").uppercased())
    },
    unary("toLower") { (value) throws(CypherError) -> Value in
      .string(try value.stringArgument("toLower").lowercased())
    },
    unary("lower") { (value) throws(CypherError) -> Value in
      .string(try value.stringArgument("lower").lowercased())
    },
    trimming("trim", leading: true, trailing: true, arity: 1...1),
    trimming("btrim", leading: true, trailing: true, arity: 1...2),
    trimming("ltrim", leading: true, trailing: false, arity: 1...2),
    trimming("rtrim", leading: false, trailing: true, arity: 1...2),
    function("split", 2...2) { (arguments, _) throws(CypherError) -> Value in
      if arguments[0].isNull || arguments[1].isNull { return .null }
      let text = try arguments[0].stringArgument("split")
      let separators: [String]
      switch arguments[1] {
      case .string(let one): separators = [one]
      case .list(let many):
        var texts: [String] = []
        for item in many {
          guard case .string(let separator) = item else { return .null }
          texts.append(separator)
        }
        separators = texts
      default: throw CypherError.invalidArgumentType("split()", arguments[1], expected: "a STRING or LIST")
      }
      return .list(split(text, by: separators).map(Value.string))
    },
    function("replace", 3...3) { (arguments, _) throws(CypherError) -> Value in
      if arguments.contains(where: \.isNull) { return .null }
      return .string(
        replace(
          try arguments[0].stringArgument("replace"), try arguments[1].stringArgument("replace"),
          with: try arguments[2].stringArgument("replace")))
    },
    function("substring", 2...3) { (arguments, _) throws(CypherError) -> Value in
      if arguments[0].isNull { return .null }
      let scalars = Array(try arguments[0].stringArgument("substring").unicodeScalars)
      let start = try arguments[1].integerArgument("substring")
      guard start >= 0 else {
        throw CypherError.negativeIntegerArgument("substring() start must not be negative, got \(start)")
      }
      var length = Int64(scalars.count)
      if arguments.count == 3 {
        length = try arguments[2].integerArgument("substring")
        guard length >= 0 else {
          throw CypherError.negativeIntegerArgument("substring() length must not be negative, got \(length)")
        }
      }
      let from = min(start.clampedInt, scalars.count)
      let to = min(from + min(length.clampedInt, scalars.count), scalars.count)
      return .string(scalarString(scalars[from..<to]))
    },
    function("left", 2...2) { (arguments, _) throws(CypherError) -> Value in
      try edge(arguments, "left", fromStart: true)
    },
    function("right", 2...2) { (arguments, _) throws(CypherError) -> Value in
      try edge(arguments, "right", fromStart: false)
    },
  ]

  private static func trimming(_ name: String, leading: Bool, trailing: Bool, arity: ClosedRange<Int>)
    -> ScalarFunction
  {
    function(name, arity) { (arguments, _) throws(CypherError) -> Value in
      if arguments.contains(where: \.isNull) { return .null }
      let text = try arguments[0].stringArgument(name)
      var scalars = Substring(text).unicodeScalars
      let trimmed: (Unicode.Scalar) -> Bool
      if arguments.count == 2 {
        let characters = Set(try arguments[1].stringArgument(name).unicodeScalars)
        trimmed = { characters.contains($0) }
      } else {
        trimmed = { $0.properties.isWhitespace }
      }
      if leading { scalars = scalars.drop(while: trimmed) }
      if trailing {
        while let last = scalars.last, trimmed(last) { scalars.removeLast() }
      }
      return .string(String(scalars))
    }
  }

  /// `left(s, n)` / `right(s, n)`: the first or last `n` code points.
  private static func edge(_ arguments: [Value], _ name: String, fromStart: Bool) throws(CypherError) -> Value
  {
    if arguments[0].isNull { return .null }
    let text = try arguments[0].stringArgument(name)
    if arguments[1].isNull {
      throw CypherError.invalidArgumentType("\(name)() length", arguments[1], expected: "an INTEGER")
    }
    let count = try arguments[1].integerArgument(name)
    guard count >= 0 else {
      throw CypherError.negativeIntegerArgument("\(name)() length must not be negative, got \(count)")
    }
    let scalars = text.unicodeScalars
    let taken = fromStart ? scalars.prefix(count.clampedInt) : scalars.suffix(count.clampedInt)
    return .string(String(String.UnicodeScalarView(taken)))
  }

  private static func scalarString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Splits at every occurrence of any separator, keeping empty pieces; an
  /// empty separator splits into single code points.
  static func split(_ text: String, by separators: [String]) -> [String] {
    let scalars = Array(text.unicodeScalars)
    let patterns = separators.map { Array($0.unicodeScalars) }
    if patterns.count == 1, patterns[0].isEmpty { return scalars.map { String($0) } }
    var pieces: [String] = []
    var pieceStart = 0
    var index = 0
    while index < scalars.count {
      if let match = patterns.first(where: { !$0.isEmpty && scalars[index...].starts(with: $0) }) {
        pieces.append(scalarString(scalars[pieceStart..<index]))
        index += match.count
        pieceStart = index
      } else {
        index += 1
      }
    }
    pieces.append(scalarString(scalars[pieceStart..<scalars.count]))
    return pieces
  }

  /// Every occurrence of `search` replaced; an empty `search` inserts
  /// `replacement` around every code point, as Java's `String.replace` does.
  static func replace(_ text: String, _ search: String, with replacement: String) -> String {
    let scalars = Array(text.unicodeScalars)
    let pattern = Array(search.unicodeScalars)
    var result = String.UnicodeScalarView()
    let insert = replacement.unicodeScalars
    if pattern.isEmpty {
      for scalar in scalars {
        result.append(contentsOf: insert)
        result.append(scalar)
      }
      result.append(contentsOf: insert)
      return String(result)
    }
    var index = 0
    while index < scalars.count {
      if scalars[index...].starts(with: pattern) {
        result.append(contentsOf: insert)
        index += pattern.count
      } else {
        result.append(scalars[index])
        index += 1
      }
    }
    return String(result)
  }
}
