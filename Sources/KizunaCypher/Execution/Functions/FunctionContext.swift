import KizunaStore

/// What a function sees besides its arguments: the graph it reads entities
/// from and the statement's clock (every `date()`/`timestamp()` in one
/// statement sees the same instant, as openCypher requires).
public struct FunctionContext: @unchecked Sendable {
  public let store: GraphStore
  /// The statement's start, the value `timestamp()` and the `now` forms use.
  public let clock: Instant
  /// The zone `datetime()` and friends use when none is given.
  public let defaultZone: TemporalZone

  public init(store: GraphStore, clock: Instant, defaultZone: TemporalZone = .offset(0)) {
    self.store = store
    self.clock = clock
    self.defaultZone = defaultZone
  }
}

/// A scalar function: arguments already evaluated. Null handling is the
/// function's own (most return null for a null argument).
public typealias ScalarFunctionBody =
  @Sendable (_ arguments: [Value], _ context: FunctionContext)
  throws(CypherError) -> Value

/// One entry of the function table.
public struct ScalarFunction: Sendable {
  /// The name as documented (`toLower`, `date.truncate`).
  public let name: String
  public let arity: ClosedRange<Int>
  public let body: ScalarFunctionBody

  public init(_ name: String, arity: ClosedRange<Int>, _ body: @escaping ScalarFunctionBody) {
    self.name = name
    self.arity = arity
    self.body = body
  }
}

/// An aggregate's running state: one per group. `add` sees each row's
/// argument values (DISTINCT is applied before `add` by the executor).
public protocol Aggregator {
  mutating func add(_ arguments: [Value]) throws(CypherError)
  func result() throws(CypherError) -> Value
}
