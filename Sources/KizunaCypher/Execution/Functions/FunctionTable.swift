import KizunaStore

/// The openCypher function library: scalar functions by name and the
/// aggregating functions as `Aggregator` factories. Names are matched
/// without regard to case, namespaced ones with their dots (`date.truncate`).
public enum FunctionTable {
  /// The scalar function called `name` (any case), or nil when there is none.
  public static func scalar(named name: String) -> ScalarFunction? {
    scalars[name.lowercased()]
  }

  /// Every function name, scalar and aggregate, spelled as documented
  /// (`toLower`, `percentileCont`), for the checker's `UnknownFunction` test
  /// and its suggestions.
  public static let knownNames: [String] = scalarList.map(\.name) + aggregateNames

  /// True when `name` (any case) is an aggregating function.
  public static func isAggregate(_ name: String) -> Bool {
    loweredAggregateNames.contains(name.lowercased())
  }

  private static let loweredAggregateNames = Set(aggregateNames.map { $0.lowercased() })

  /// A fresh running state for the aggregate `name` (any case), or nil when
  /// `name` is not an aggregate. `count(*)` is not here: it counts rows, which
  /// is the executor's business. With `distinct`, the returned aggregator
  /// drops repeated first arguments (by openCypher equivalence) itself, so an
  /// executor that dedups on its own passes `false`.
  public static func makeAggregator(named name: String, distinct: Bool = false) -> (any Aggregator)? {
    guard let inner = plainAggregator(name.lowercased()) else { return nil }
    return distinct ? DistinctAggregator(inner: inner) : inner
  }

  static let aggregateNames = [
    "count", "sum", "avg", "min", "max", "collect", "percentileDisc", "percentileCont", "stDev", "stDevP",
  ]

  private static func plainAggregator(_ lowered: String) -> (any Aggregator)? {
    switch lowered {
    case "count": return CountAggregator()
    case "sum": return SumAggregator()
    case "avg": return AverageAggregator()
    case "min": return ExtremumAggregator(keepsLarger: false)
    case "max": return ExtremumAggregator(keepsLarger: true)
    case "collect": return CollectAggregator()
    case "percentiledisc": return PercentileAggregator(continuous: false)
    case "percentilecont": return PercentileAggregator(continuous: true)
    case "stdev": return DeviationAggregator(population: false)
    case "stdevp": return DeviationAggregator(population: true)
    default: return nil
    }
  }

  static let scalarList: [ScalarFunction] =
    entityFunctions + listFunctions + conversionFunctions + mathFunctions + stringFunctions
    + temporalFunctions + clockAndRandomFunctions

  private static let scalars: [String: ScalarFunction] = Dictionary(
    scalarList.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

  /// A table entry whose body may index its arguments freely: the count is
  /// checked once here, so a caller that skipped `arity` gets an error, not a trap.
  static func function(
    _ name: String, _ arity: ClosedRange<Int>, _ body: @escaping ScalarFunctionBody
  ) -> ScalarFunction {
    ScalarFunction(name, arity: arity) { (arguments, context) throws(CypherError) -> Value in
      guard arity.contains(arguments.count) else {
        throw CypherError.runtime(
          .syntaxError, "InvalidNumberOfArguments",
          "\(name)() takes \(arityText(arity)) but was given \(arguments.count)")
      }
      return try body(arguments, context)
    }
  }

  /// A one-argument entry that returns null for a null argument.
  static func unary(_ name: String, _ body: @escaping @Sendable (Value) throws(CypherError) -> Value)
    -> ScalarFunction
  {
    function(name, 1...1) { (arguments, _) throws(CypherError) -> Value in
      arguments[0].isNull ? .null : try body(arguments[0])
    }
  }

  private static func arityText(_ arity: ClosedRange<Int>) -> String {
    let noun = arity.upperBound == 1 ? "argument" : "arguments"
    if arity.upperBound == Int.max { return "at least \(arity.lowerBound) \(noun)" }
    if arity.lowerBound == arity.upperBound { return "\(arity.lowerBound) \(noun)" }
    return "\(arity.lowerBound) to \(arity.upperBound) \(noun)"
  }
}
