import Testing

@testable import KizunaCypher
@testable import KizunaStore

// Shared fixture and helpers for the Functions*/Operators* tests, and tests of
// the table itself (lookup, names, arity).

/// A small graph: (0:Person {name: 'An', age: 30})-[0:LIVES_IN {since: 2001}]->(1:City:Capital
/// {name: 'Hà Nội'}), and node 2 with relationship 1 to node 1, both created then deleted.
enum Fixture {
  static let store: GraphStore = {
    let store = GraphStore()
    let person = store.labels.intern("Person")
    let city = store.labels.intern("City")
    let capital = store.labels.intern("Capital")
    let name = store.keys.intern("name")
    let age = store.keys.intern("age")
    let since = store.keys.intern("since")
    let livesIn = store.types.intern("LIVES_IN")
    store.createNode(id: 0, labels: [person], properties: [(name, .string("An")), (age, .int(30))])
    store.createNode(id: 1, labels: [city, capital], properties: [(name, .string("H\u{E0} N\u{1ED9}i"))])
    store.createNode(id: 2, labels: [person], properties: [(name, .string("Gone"))])
    store.createRelationship(id: 0, type: livesIn, start: 0, end: 1, properties: [(since, .int(2001))])
    store.createRelationship(id: 1, type: livesIn, start: 2, end: 1, properties: [])
    store.deleteRelationship(1)
    store.deleteNode(2)
    return store
  }()

  /// 2023-11-14T22:13:20.123Z.
  static let clock = Instant(epochSecond: 1_700_000_000, nano: 123_000_000)
  static let context = FunctionContext(store: store, clock: clock, defaultZone: .offset(0))
}

/// Calls the scalar function `name` with `arguments` in the fixture context.
func call(_ name: String, _ arguments: Value...) throws(CypherError) -> Value {
  try call(name, arguments)
}

/// Calls the scalar function `name` with an argument array.
func call(_ name: String, _ arguments: [Value]) throws(CypherError) -> Value {
  guard let function = FunctionTable.scalar(named: name) else {
    throw CypherError.runtime(.syntaxError, "UnknownFunction", "test asked for unknown function \(name)")
  }
  return try function.body(arguments, Fixture.context)
}

/// Runs the aggregate `name` over one argument list per row.
func aggregate(_ name: String, distinct: Bool = false, _ rows: [[Value]]) throws(CypherError) -> Value {
  guard var aggregator = FunctionTable.makeAggregator(named: name, distinct: distinct) else {
    throw CypherError.runtime(.syntaxError, "UnknownFunction", "test asked for unknown aggregate \(name)")
  }
  for row in rows { try aggregator.add(row) }
  return try aggregator.result()
}

/// Same case and same contents: unlike `==` (equivalence), `1` and `1.0` differ,
/// and NaN is identical to NaN.
func identical(_ a: Value, _ b: Value) -> Bool {
  switch (a, b) {
  case (.int(let x), .int(let y)): return x == y
  case (.float(let x), .float(let y)): return x == y || (x.isNaN && y.isNaN)
  case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy(identical)
  case (.map(let x), .map(let y)):
    return x.count == y.count && x.allSatisfy { key, value in y[key].map { identical(value, $0) } ?? false }
  default: return a.typeName == b.typeName && a == b
  }
}

/// The error `body` throws, or nil when it returns.
func thrownError(_ body: () throws(CypherError) -> Value) -> CypherError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}

/// "Type.Detail" of the error `body` throws, or "no error: <value>".
func errorName(_ body: () throws(CypherError) -> Value) -> String {
  do {
    return "no error: \(try body())"
  } catch {
    return "\(error.type.rawValue).\(error.detail)"
  }
}

/// One row of a table-driven test: `name(arguments)` should give `expected`.
struct Expectation: Sendable, CustomStringConvertible {
  let name: String
  let arguments: [Value]
  let expected: Value
  init(_ name: String, _ arguments: [Value], _ expected: Value) {
    self.name = name
    self.arguments = arguments
    self.expected = expected
  }
  var description: String { "\(name)(\(arguments))" }
}

/// One row of a table-driven test: `name(arguments)` should fail as `error` ("Type.Detail").
struct Failure: Sendable, CustomStringConvertible {
  let name: String
  let arguments: [Value]
  let error: String
  init(_ name: String, _ arguments: [Value], _ error: String) {
    self.name = name
    self.arguments = arguments
    self.error = error
  }
  var description: String { "\(name)(\(arguments))" }
}

/// Checks every row, naming the failing call.
func check(_ rows: [Expectation], sourceLocation: SourceLocation = #_sourceLocation) {
  for row in rows {
    do {
      let result = try call(row.name, row.arguments)
      #expect(identical(result, row.expected), "\(row) gave \(result)", sourceLocation: sourceLocation)
    } catch {
      Issue.record("\(row) threw \(error)", sourceLocation: sourceLocation)
    }
  }
}

/// Checks that every row fails with its error.
func check(_ rows: [Failure], sourceLocation: SourceLocation = #_sourceLocation) {
  for row in rows {
    let name = errorName { () throws(CypherError) -> Value in try call(row.name, row.arguments) }
    #expect(name == row.error, "\(row)", sourceLocation: sourceLocation)
  }
}

/// A float list from numbers.
func floats(_ numbers: Double...) -> Value { .list(numbers.map(Value.float)) }
/// An integer list from numbers.
func ints(_ numbers: Int64...) -> Value { .list(numbers.map(Value.int)) }

@Suite struct FunctionsHarnessTests {
  @Test func lookupIgnoresCaseAndKeepsNamespaces() {
    #expect(FunctionTable.scalar(named: "TOLOWER")?.name == "toLower")
    #expect(FunctionTable.scalar(named: "Date.Truncate")?.name == "date.truncate")
    #expect(FunctionTable.scalar(named: "datetime.fromEpochMillis") != nil)
    #expect(FunctionTable.scalar(named: "noSuchFunction") == nil)
    #expect(FunctionTable.scalar(named: "count") == nil)
  }

  @Test func knownNamesCoverScalarsAndAggregatesOnce() {
    let names = FunctionTable.knownNames
    #expect(Set(names.map { $0.lowercased() }).count == names.count)
    for name in [
      "toLower", "percentileCont", "stDevP", "duration.between", "localtime.realtime", "timestamp",
    ] {
      #expect(names.contains(name), "missing \(name)")
    }
  }

  @Test func aggregatesAreFoundByAnyCase() {
    #expect(FunctionTable.makeAggregator(named: "COUNT") != nil)
    #expect(FunctionTable.makeAggregator(named: "percentiledisc") != nil)
    #expect(FunctionTable.makeAggregator(named: "toLower") == nil)
    #expect(FunctionTable.isAggregate("Collect"))
    #expect(!FunctionTable.isAggregate("size"))
  }

  @Test func wrongArgumentCountIsAnErrorNotATrap() {
    #expect(FunctionTable.scalar(named: "substring")?.arity == 2...3)
    #expect(
      errorName { () throws(CypherError) -> Value in try call("substring", .string("a")) }
        == "SyntaxError.InvalidNumberOfArguments")
    #expect(
      errorName { () throws(CypherError) -> Value in try call("pi", .int(1)) }
        == "SyntaxError.InvalidNumberOfArguments")
  }
}
