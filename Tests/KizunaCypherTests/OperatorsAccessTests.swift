import Testing

@testable import KizunaCypher
@testable import KizunaStore

@Suite struct OperatorsAccessTests {
  private let store = Fixture.store
  private let list = Value.list([.int(1), .int(2), .int(3), .int(4)])

  private func at(_ container: Value, _ index: Value) throws(CypherError) -> Value {
    try CypherOperators.subscriptValue(container, index, store: store)
  }

  private func dot(_ subject: Value, _ key: String) throws(CypherError) -> Value {
    try CypherOperators.property(subject, key, store: store)
  }

  @Test func subscripts() throws {
    let rows: [(Value, Value, Value)] = [
      (list, .int(0), .int(1)),
      (list, .int(-1), .int(4)),
      (list, .int(-4), .int(1)),
      (list, .int(4), .null),
      (list, .int(-5), .null),
      (list, .int(Int64.min), .null),
      (list, .null, .null),
      (.null, .int(0), .null),
      (.map(["a": .int(1)]), .string("a"), .int(1)),
      (.map(["a": .int(1)]), .string("b"), .null),
      (.node(0), .string("name"), .string("An")),
      (.relationship(0), .string("since"), .int(2001)),
      (.node(0), .string("since"), .null),
    ]
    for (container, index, expected) in rows {
      #expect(identical(try at(container, index), expected), "\(container)[\(index)]")
    }
    let failures: [(Value, Value, String)] = [
      (list, .float(1), "TypeError.ListElementAccessByNonInteger"),
      (list, .string("a"), "TypeError.ListElementAccessByNonInteger"),
      (.map([:]), .int(0), "TypeError.MapElementAccessByNonString"),
      (.node(0), .list([]), "TypeError.MapElementAccessByNonString"),
      (.int(1), .int(0), "TypeError.InvalidArgumentType"),
      (.string("abc"), .int(0), "TypeError.InvalidArgumentType"),
      (.node(2), .string("name"), "EntityNotFound.DeletedEntityAccess"),
    ]
    for (container, index, expected) in failures {
      #expect(
        errorName { () throws(CypherError) -> Value in try at(container, index) } == expected,
        "\(container)[\(index)]")
    }
  }

  @Test func slices() throws {
    let rows: [(Value?, Value?, Value)] = [
      (.int(1), .int(3), ints(2, 3)),
      (nil, .int(2), ints(1, 2)),
      (.int(-2), nil, ints(3, 4)),
      (.int(2), .int(1), .list([])),
      (.int(0), .int(10), list),
      (.int(-10), .int(-3), ints(1)),
      (nil, nil, list),
      (.null, .int(2), .null),
      (.int(1), .null, .null),
    ]
    for (from, to, expected) in rows {
      #expect(
        identical(try CypherOperators.slice(list, from: from, to: to), expected),
        "[\(String(describing: from))..\(String(describing: to))]")
    }
    #expect(identical(try CypherOperators.slice(.null, from: .int(0), to: nil), .null))
    #expect(
      errorName { () throws(CypherError) -> Value in try CypherOperators.slice(list, from: .float(1), to: nil)
      }
        == "TypeError.InvalidArgumentType")
    #expect(
      errorName { () throws(CypherError) -> Value in
        try CypherOperators.slice(.string("abc"), from: .int(1), to: nil)
      }
        == "TypeError.InvalidArgumentType")
  }

  @Test func propertyAccess() throws {
    let date = Value.date(try CypherDate.parse("2020-01-02"))
    let duration = Value.duration(try CypherDuration.parse("P1DT2H3M"))
    let rows: [(Value, String, Value)] = [
      (.map(["a": .int(1)]), "a", .int(1)),
      (.map(["a": .int(1)]), "b", .null),
      (.null, "a", .null),
      (.node(1), "name", .string("H\u{E0} N\u{1ED9}i")),
      (.node(0), "neverInterned", .null),
      (.relationship(0), "since", .int(2001)),
      (date, "year", .int(2020)),
      (date, "dayOfWeek", .int(4)),
      (duration, "days", .int(1)),
      (duration, "minutes", .int(123)),
    ]
    for (subject, key, expected) in rows {
      #expect(identical(try dot(subject, key), expected), "\(subject).\(key)")
    }
    let failures: [(Value, String, String)] = [
      (date, "hour", "ArgumentError.InvalidArgumentValue"),
      (.int(1), "x", "TypeError.InvalidArgumentType"),
      (list, "x", "TypeError.InvalidArgumentType"),
      (.node(2), "name", "EntityNotFound.DeletedEntityAccess"),
    ]
    for (subject, key, expected) in failures {
      #expect(
        errorName { () throws(CypherError) -> Value in try dot(subject, key) } == expected,
        "\(subject).\(key)")
    }
  }

  @Test func labelTests() throws {
    let rows: [(Value, [String], Value)] = [
      (.node(1), ["City"], .bool(true)),
      (.node(1), ["Capital", "City"], .bool(true)),
      (.node(1), ["City", "Person"], .bool(false)),
      (.node(0), ["NeverInterned"], .bool(false)),
      (.node(0), [], .bool(true)),
      (.null, ["City"], .null),
    ]
    for (subject, labels, expected) in rows {
      #expect(
        identical(try CypherOperators.hasLabels(subject, labels, store: store), expected),
        "\(subject):\(labels)")
    }
    #expect(
      errorName { () throws(CypherError) -> Value in
        try CypherOperators.hasLabels(.node(2), ["Person"], store: store)
      }
        == "EntityNotFound.DeletedEntityAccess")
    #expect(
      errorName { () throws(CypherError) -> Value in
        try CypherOperators.hasLabels(.int(1), ["Person"], store: store)
      }
        == "TypeError.InvalidArgumentType")
  }
}
