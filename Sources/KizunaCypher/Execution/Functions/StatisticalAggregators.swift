import Foundation
import KizunaStore

/// `percentileDisc(expr, p)` / `percentileCont(expr, p)`. `p` must be a
/// number in 0...1 on every row; the values are kept and sorted once at the end.
struct PercentileAggregator: Aggregator {
  let continuous: Bool
  private var values: [Value] = []
  private var percentile: Double?
  init(continuous: Bool) { self.continuous = continuous }

  private var name: String { continuous ? "percentileCont" : "percentileDisc" }

  mutating func add(_ arguments: [Value]) throws(CypherError) {
    guard arguments.count == 2 else {
      throw CypherError.runtime(.syntaxError, "InvalidNumberOfArguments", "\(name)() takes 2 arguments")
    }
    let p = try arguments[1].numberArgument(name)
    guard p >= 0 && p <= 1 else {
      throw CypherError.numberOutOfRange(
        "\(name)() percentile must be between 0.0 and 1.0, got \(p.cypherText)")
    }
    percentile = p
    switch arguments[0] {
    case .null: return
    case .int, .float: values.append(arguments[0])
    default: throw CypherError.invalidArgumentType("\(name)()", arguments[0], expected: "a number")
    }
  }

  func result() throws(CypherError) -> Value {
    guard let p = percentile, !values.isEmpty else { return .null }
    let sorted = values.sorted { $0.orderCompare($1) < 0 }
    let count = sorted.count
    if !continuous {
      let index = p == 1 ? count - 1 : max(0, Int((p * Double(count)).rounded(.up)) - 1)
      return sorted[min(index, count - 1)]
    }
    let position = p * Double(count - 1)
    let lower = Int(position.rounded(.down))
    let upper = Int(position.rounded(.up))
    let low = number(sorted[lower])
    let high = number(sorted[min(upper, count - 1)])
    return .float(low + (high - low) * (position - Double(lower)))
  }

  private func number(_ value: Value) -> Double {
    switch value {
    case .int(let whole): return Double(whole)
    case .float(let number): return number
    default: return .nan
    }
  }
}

/// `stDev(expr)` (sample) and `stDevP(expr)` (population), by Welford's
/// running mean so large values do not lose precision; 0.0 over too few values.
struct DeviationAggregator: Aggregator {
  let population: Bool
  private var count = 0.0
  private var mean = 0.0
  private var squares = 0.0
  init(population: Bool) { self.population = population }

  mutating func add(_ arguments: [Value]) throws(CypherError) {
    guard let value = arguments.first, !value.isNull else { return }
    let x = try value.numberArgument(population ? "stDevP" : "stDev")
    count += 1
    let delta = x - mean
    mean += delta / count
    squares += delta * (x - mean)
  }

  func result() throws(CypherError) -> Value {
    let divisor = population ? count : count - 1
    guard divisor > 0 else { return .float(0) }
    return .float((squares / divisor).squareRoot())
  }
}
