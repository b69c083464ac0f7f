import Testing

@testable import KizunaCypher
@testable import KizunaStore

@Suite struct FunctionsScalarTests {
  let path = Value.path(PathValue(nodes: [0, 1], relationships: [0]))

  @Test func entityFunctions() {
    check([
      Expectation("id", [.node(1)], .int(1)),
      Expectation("id", [.relationship(0)], .int(0)),
      Expectation("id", [.node(2)], .int(2)),  // a deleted entity keeps its id
      Expectation("id", [.null], .null),
      Expectation("elementId", [.node(1)], .string("1")),
      Expectation("labels", [.node(1)], .list([.string("City"), .string("Capital")])),
      Expectation("labels", [.null], .null),
      Expectation("type", [.relationship(0)], .string("LIVES_IN")),
      Expectation("type", [.relationship(1)], .string("LIVES_IN")),  // deleted, type still readable
      Expectation("keys", [.node(0)], .list([.string("age"), .string("name")])),
      Expectation("keys", [.relationship(0)], .list([.string("since")])),
      Expectation("keys", [.map(["b": .int(1), "a": .null])], .list([.string("a"), .string("b")])),
      Expectation("properties", [.node(0)], .map(["name": .string("An"), "age": .int(30)])),
      Expectation("properties", [.relationship(0)], .map(["since": .int(2001)])),
      Expectation("properties", [.map(["x": .int(1)])], .map(["x": .int(1)])),
      Expectation("startNode", [.relationship(0)], .node(0)),
      Expectation("endNode", [.relationship(0)], .node(1)),
      Expectation("nodes", [path], .list([.node(0), .node(1)])),
      Expectation("relationships", [path], .list([.relationship(0)])),
      Expectation("length", [path], .int(1)),
      Expectation("length", [.null], .null),
    ])
    check([
      Failure("labels", [.node(2)], "EntityNotFound.DeletedEntityAccess"),
      Failure("type", [.relationship(7)], "EntityNotFound.DeletedEntityAccess"),
      Failure("startNode", [.relationship(1)], "EntityNotFound.DeletedEntityAccess"),
      Failure("properties", [.relationship(1)], "EntityNotFound.DeletedEntityAccess"),
      Failure("keys", [.node(2)], "EntityNotFound.DeletedEntityAccess"),
      Failure("properties", [.node(2)], "EntityNotFound.DeletedEntityAccess"),
      Failure("labels", [.int(1)], "TypeError.InvalidArgumentValue"),
      Failure("type", [.node(0)], "TypeError.InvalidArgumentValue"),
      Failure("keys", [.list([])], "TypeError.InvalidArgumentType"),
      Failure("id", [.string("x")], "TypeError.InvalidArgumentType"),
      Failure("length", [.string("abc")], "TypeError.InvalidArgumentType"),
      Failure("nodes", [.list([])], "TypeError.InvalidArgumentType"),
    ])
  }

  @Test func listFunctions() {
    check([
      Expectation("coalesce", [.null, .int(1), .int(2)], .int(1)),
      Expectation("coalesce", [.null, .null], .null),
      Expectation("head", [ints(1, 2)], .int(1)),
      Expectation("head", [.list([])], .null),
      Expectation("head", [.null], .null),
      Expectation("last", [ints(1, 2)], .int(2)),
      Expectation("last", [.list([])], .null),
      Expectation("tail", [ints(1, 2, 3)], ints(2, 3)),
      Expectation("tail", [.list([])], .list([])),
      Expectation("size", [ints(1, 2, 3)], .int(3)),
      Expectation("size", [.string("\u{6771}\u{4EAC}")], .int(2)),  // 東京
      Expectation("size", [.string("h\u{E0} n\u{1ED9}i")], .int(6)),
      Expectation("size", [.string("e\u{301}")], .int(2)),  // code points, not characters
      Expectation("size", [.string("\u{1F600}")], .int(1)),  // one code point outside the BMP
      Expectation("size", [.null], .null),
      Expectation("reverse", [.string("abc")], .string("cba")),
      Expectation("reverse", [.string("\u{6771}\u{4EAC}")], .string("\u{4EAC}\u{6771}")),
      Expectation("reverse", [ints(1, 2)], ints(2, 1)),
      Expectation("isEmpty", [.string("")], .bool(true)),
      Expectation("isEmpty", [.list([.null])], .bool(false)),
      Expectation("isEmpty", [.map([:])], .bool(true)),
      Expectation("isEmpty", [.null], .null),
      Expectation("range", [.int(0), .int(10), .int(3)], ints(0, 3, 6, 9)),
      Expectation("range", [.int(10), .int(0), .int(-3)], ints(10, 7, 4, 1)),
      Expectation("range", [.int(0), .int(-1)], .list([])),
      Expectation("range", [.int(1), .int(1)], ints(1)),
      Expectation("range", [.int(Int64.max - 1), .int(Int64.max)], ints(Int64.max - 1, Int64.max)),
      Expectation(
        "range", [.int(Int64.min), .int(Int64.max), .int(Int64.max)], ints(Int64.min, -1, Int64.max - 1)),
    ])
    check([
      Failure("range", [.int(0), .int(5), .int(0)], "ArgumentError.NumberOutOfRange"),
      Failure("range", [.int(0), .int(Int64.max)], "ArgumentError.NumberOutOfRange"),
      Failure("range", [.float(1), .int(2)], "ArgumentError.InvalidArgumentType"),
      Failure("range", [.int(0), .int(1), .bool(true)], "ArgumentError.InvalidArgumentType"),
      Failure("size", [.int(1)], "TypeError.InvalidArgumentType"),
      Failure("size", [.map([:])], "TypeError.InvalidArgumentType"),
      Failure("head", [.string("abc")], "TypeError.InvalidArgumentType"),
      Failure("isEmpty", [.node(0)], "TypeError.InvalidArgumentValue"),
    ])
  }

  @Test func conversions() {
    check([
      Expectation("toInteger", [.string("42")], .int(42)),
      Expectation("toInteger", [.string("42.9")], .int(42)),
      Expectation("toInteger", [.string(" 7 ")], .int(7)),
      Expectation("toInteger", [.string("x")], .null),
      Expectation("toInteger", [.float(3.99)], .int(3)),
      Expectation("toInteger", [.float(-3.99)], .int(-3)),
      Expectation("toInteger", [.bool(true)], .int(1)),
      Expectation("toInteger", [.null], .null),
      Expectation("toIntegerOrNull", [.list([])], .null),
      Expectation("toIntegerOrNull", [.float(1e30)], .null),
      Expectation("toFloat", [.string("1.5")], .float(1.5)),
      Expectation("toFloat", [.int(2)], .float(2)),
      Expectation("toFloat", [.string("abc")], .null),
      Expectation("toFloat", [.string("0x10")], .null),
      Expectation("toFloatOrNull", [.bool(true)], .null),
      Expectation("toString", [.int(-12)], .string("-12")),
      Expectation("toString", [.float(1)], .string("1.0")),
      Expectation("toString", [.float(-0.5)], .string("-0.5")),
      Expectation("toString", [.float(123.456)], .string("123.456")),
      Expectation("toString", [.float(0.001)], .string("0.001")),
      Expectation("toString", [.float(0.0001)], .string("1.0E-4")),
      Expectation("toString", [.float(1_234_567)], .string("1234567.0")),
      Expectation("toString", [.float(1e7)], .string("1.0E7")),
      Expectation("toString", [.float(1.5e20)], .string("1.5E20")),
      Expectation("toString", [.float(.infinity)], .string("Infinity")),
      Expectation("toString", [.float(.nan)], .string("NaN")),
      Expectation("toString", [.bool(false)], .string("false")),
      Expectation("toString", [.date(CypherDate(epochDay: 18263))], .string("2020-01-02")),
      Expectation("toStringOrNull", [.list([])], .null),
      Expectation("toBoolean", [.string("TRUE")], .bool(true)),
      Expectation("toBoolean", [.string(" false ")], .bool(false)),
      Expectation("toBoolean", [.string("yes")], .null),
      Expectation("toBoolean", [.int(0)], .bool(false)),
      Expectation("toBoolean", [.int(-2)], .bool(true)),
      Expectation("toBooleanOrNull", [.float(1)], .null),
      Expectation(
        "toIntegerList", [.list([.string("1"), .string("x"), .null, .float(2.5), .list([])])],
        .list([.int(1), .null, .null, .int(2), .null])),
      Expectation("toIntegerList", [.null], .null),
      Expectation("toFloatList", [.list([.int(1), .string("2.5")])], floats(1, 2.5)),
      Expectation(
        "toStringList", [.list([.int(1), .float(1.5), .bool(true)])],
        .list([.string("1"), .string("1.5"), .string("true")])),
      Expectation(
        "toBooleanList", [.list([.string("true"), .int(0), .float(1.5)])],
        .list([.bool(true), .bool(false), .null])),
    ])
    check([
      Failure("toInteger", [.list([])], "TypeError.InvalidArgumentValue"),
      Failure("toInteger", [.float(1e30)], "ArgumentError.NumberOutOfRange"),
      Failure("toInteger", [.float(.nan)], "ArgumentError.NumberOutOfRange"),
      Failure("toFloat", [.bool(true)], "TypeError.InvalidArgumentValue"),
      Failure("toString", [.list([])], "TypeError.InvalidArgumentValue"),
      Failure("toString", [.node(0)], "TypeError.InvalidArgumentValue"),
      Failure("toBoolean", [.float(1)], "TypeError.InvalidArgumentValue"),
      Failure("toIntegerList", [.int(1)], "TypeError.InvalidArgumentType"),
    ])
  }

  @Test func clockAndRandomFunctions() throws {
    #expect(identical(try call("timestamp"), .int(1_700_000_000_123)))
    for _ in 0..<50 {
      guard case .float(let number) = try call("rand") else {
        Issue.record("rand() is not a float")
        return
      }
      #expect(number >= 0 && number < 1)
    }
    guard case .string(let first) = try call("randomUUID"), case .string(let second) = try call("randomUUID")
    else {
      Issue.record("randomUUID() is not a string")
      return
    }
    #expect(first.count == 36 && first != second)
    #expect(first == first.lowercased())
  }
}
