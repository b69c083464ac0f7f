import Testing

@testable import KizunaCypher
@testable import KizunaStore

@Suite struct FunctionsStringTests {
  @Test func caseAndTrimming() {
    check([
      Expectation("toUpper", [.string("h\u{E0} n\u{1ED9}i")], .string("H\u{C0} N\u{1ED8}I")),
      Expectation("toLower", [.string("\u{110}\u{C0} N\u{1EB4}NG")], .string("\u{111}\u{E0} n\u{1EB5}ng")),
      Expectation("upper", [.string("abc")], .string("ABC")),
      Expectation("lower", [.string("ABC")], .string("abc")),
      Expectation("toUpper", [.null], .null),
      Expectation("trim", [.string("  x y \n")], .string("x y")),
      Expectation("ltrim", [.string("  x ")], .string("x ")),
      Expectation("rtrim", [.string(" x  ")], .string(" x")),
      Expectation("trim", [.string("   ")], .string("")),
      Expectation("btrim", [.string("xxaxx"), .string("x")], .string("a")),
      Expectation("ltrim", [.string("xyxa"), .string("xy")], .string("a")),
      Expectation("rtrim", [.string("axx"), .string("x")], .string("a")),
      Expectation("btrim", [.string("a"), .null], .null),
    ])
    check([
      Failure("toUpper", [.int(1)], "TypeError.InvalidArgumentType"),
      Failure("trim", [.list([])], "TypeError.InvalidArgumentType"),
    ])
  }

  @Test func splitAndReplace() {
    check([
      Expectation("split", [.string("a,b,,c"), .string(",")], strings("a", "b", "", "c")),
      Expectation("split", [.string("a,b,"), .string(",")], strings("a", "b", "")),
      Expectation("split", [.string("a,b;c"), .list([.string(","), .string(";")])], strings("a", "b", "c")),
      Expectation("split", [.string("ab"), .string("")], strings("a", "b")),
      Expectation("split", [.string(""), .string(",")], strings("")),
      Expectation("split", [.string("\u{6771}-\u{4EAC}"), .string("-")], strings("\u{6771}", "\u{4EAC}")),
      Expectation("split", [.null, .string(",")], .null),
      Expectation("replace", [.string("hello"), .string("l"), .string("L")], .string("heLLo")),
      Expectation("replace", [.string("ab"), .string(""), .string("-")], .string("-a-b-")),
      Expectation("replace", [.string("aaa"), .string("aa"), .string("b")], .string("ba")),
      Expectation("replace", [.string("x"), .null, .string("y")], .null),
    ])
    check([
      Failure("split", [.string("a"), .int(1)], "TypeError.InvalidArgumentType"),
      Failure("replace", [.int(1), .string("a"), .string("b")], "TypeError.InvalidArgumentType"),
    ])
  }

  @Test func substringLeftRight() {
    check([
      Expectation("substring", [.string("0123456789"), .int(1)], .string("123456789")),
      Expectation("substring", [.string("0123456789"), .int(1), .int(3)], .string("123")),
      Expectation("substring", [.string("abc"), .int(5)], .string("")),
      Expectation("substring", [.string("abc"), .int(1), .int(Int64.max)], .string("bc")),
      Expectation("substring", [.string("\u{6771}\u{4EAC}\u{90FD}"), .int(1), .int(1)], .string("\u{4EAC}")),
      Expectation("substring", [.null, .int(1)], .null),
      Expectation("left", [.string("hello"), .int(2)], .string("he")),
      Expectation("right", [.string("hello"), .int(2)], .string("lo")),
      Expectation("left", [.string("hi"), .int(10)], .string("hi")),
      Expectation("right", [.string("h\u{E0} n\u{1ED9}i"), .int(3)], .string("n\u{1ED9}i")),
      Expectation("left", [.null, .int(1)], .null),
      Expectation("reverse", [.string("")], .string("")),
    ])
    check([
      Failure("substring", [.string("abc"), .int(-1)], "ArgumentError.NegativeIntegerArgument"),
      Failure("substring", [.string("abc"), .int(0), .int(-1)], "ArgumentError.NegativeIntegerArgument"),
      Failure("substring", [.string("abc"), .float(1)], "TypeError.InvalidArgumentType"),
      Failure("left", [.string("hello"), .int(-1)], "ArgumentError.NegativeIntegerArgument"),
      Failure("right", [.string("hello"), .int(-1)], "ArgumentError.NegativeIntegerArgument"),
      Failure("left", [.string("hello"), .null], "TypeError.InvalidArgumentType"),
    ])
  }

  private func strings(_ texts: String...) -> Value { .list(texts.map(Value.string)) }
}
