import KizunaStore

// The aggregating functions' running states. Every aggregate but count
// ignores nulls; each reads only its first argument except the percentiles.

/// `count(expr)`: the number of non-null values.
struct CountAggregator: Aggregator {
  private var count: Int64 = 0
  mutating func add(_ arguments: [Value]) throws(CypherError) {
    if let value = arguments.first, !value.isNull { count += 1 }
  }
  func result() throws(CypherError) -> Value { .int(count) }
}

/// `collect(expr)`: the non-null values in arrival order.
struct CollectAggregator: Aggregator {
  private var items: [Value] = []
  mutating func add(_ arguments: [Value]) throws(CypherError) {
    if let value = arguments.first, !value.isNull { items.append(value) }
  }
  func result() throws(CypherError) -> Value { .list(items) }
}

/// `min(expr)` / `max(expr)` under openCypher's orderability, so mixed
/// types have an answer (`min([1, 'a'])` is `'a'`).
struct ExtremumAggregator: Aggregator {
  let keepsLarger: Bool
  private var best: Value = .null
  init(keepsLarger: Bool) { self.keepsLarger = keepsLarger }
  mutating func add(_ arguments: [Value]) throws(CypherError) {
    guard let value = arguments.first, !value.isNull else { return }
    if best.isNull {
      best = value
      return
    }
    let order = value.orderCompare(best)
    if keepsLarger ? order > 0 : order < 0 { best = value }
  }
  func result() throws(CypherError) -> Value { best }
}

/// A running numeric or duration total, shared by sum and avg: integers stay
/// exact until a float arrives, durations add component-wise, and mixing a
/// duration with a number is a type error.
struct RunningTotal {
  enum Total {
    case integer(Int64)
    case float(Double)
    case duration(CypherDuration)
  }

  private(set) var total: Total?
  private(set) var count: Int64 = 0

  mutating func add(_ value: Value, _ function: String) throws(CypherError) {
    switch (total, value) {
    case (_, .null): return
    case (nil, .int(let whole)): total = .integer(whole)
    case (nil, .float(let number)): total = .float(number)
    case (nil, .duration(let duration)): total = .duration(duration)
    case (.integer(let sum)?, .int(let whole)):
      let (next, overflow) = sum.addingReportingOverflow(whole)
      if overflow { throw CypherError.integerOverflow("\(function)() overflowed 64-bit integers") }
      total = .integer(next)
    case (.integer(let sum)?, .float(let number)): total = .float(Double(sum) + number)
    case (.float(let sum)?, .int(let whole)): total = .float(sum + Double(whole))
    case (.float(let sum)?, .float(let number)): total = .float(sum + number)
    case (.duration(let sum)?, .duration(let duration)):
      total = .duration(try temporalCall("\(function)()") { try sum.adding(duration) })
    case (.duration?, _), (nil, _):
      throw CypherError.invalidArgumentType("\(function)()", value, expected: "a number or DURATION")
    default:
      throw CypherError.invalidArgumentType(
        "\(function)()", value, expected: "a number (not mixed with DURATION)")
    }
    count += 1
  }
}

/// `sum(expr)`: 0 over no values.
struct SumAggregator: Aggregator {
  private var running = RunningTotal()
  mutating func add(_ arguments: [Value]) throws(CypherError) {
    if let value = arguments.first { try running.add(value, "sum") }
  }
  func result() throws(CypherError) -> Value {
    switch running.total {
    case nil: return .int(0)
    case .integer(let sum)?: return .int(sum)
    case .float(let sum)?: return .float(sum)
    case .duration(let sum)?: return .duration(sum)
    }
  }
}

/// `avg(expr)`: a float for numbers, a duration for durations, null over no values.
struct AverageAggregator: Aggregator {
  private var running = RunningTotal()
  mutating func add(_ arguments: [Value]) throws(CypherError) {
    if let value = arguments.first { try running.add(value, "avg") }
  }
  func result() throws(CypherError) -> Value {
    let count = Double(running.count)
    switch running.total {
    case nil: return .null
    case .integer(let sum)?: return .float(Double(sum) / count)
    case .float(let sum)?: return .float(sum / count)
    case .duration(let sum)?:
      return .duration(try temporalCall("avg()") { try sum.divided(by: count) })
    }
  }
}

/// DISTINCT in front of another aggregate: only the first time a value
/// (by openCypher equivalence: `1` and `1.0` are one) reaches `inner`.
struct DistinctAggregator: Aggregator {
  var inner: any Aggregator
  private var seen: Set<Value> = []
  init(inner: any Aggregator) { self.inner = inner }
  mutating func add(_ arguments: [Value]) throws(CypherError) {
    guard let value = arguments.first, !value.isNull, seen.insert(value).inserted else { return }
    try inner.add(arguments)
  }
  func result() throws(CypherError) -> Value { try inner.result() }
}
