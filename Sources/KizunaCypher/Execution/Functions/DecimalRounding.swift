/// The rounding modes of `round(x, precision, mode)`, as Java's `RoundingMode`
/// (which Neo4j exposes) names them. Rounding works on the shortest decimal
/// text of `x`, so `round(2.675, 2)` is 2.68 as a person expects, not 2.67.
enum DecimalRounding: String, CaseIterable, Sendable {
  case up = "UP"
  case down = "DOWN"
  case ceiling = "CEILING"
  case floor = "FLOOR"
  case halfUp = "HALF_UP"
  case halfDown = "HALF_DOWN"
  case halfEven = "HALF_EVEN"

  /// `number` rounded to `fractionDigits` digits after the point (negative: before it).
  func round(_ number: Double, toFractionDigits fractionDigits: Int) -> Double {
    guard let decimal = DecimalDigits(number), !decimal.digits.isEmpty else { return number }
    let keep = decimal.exponent + fractionDigits
    if keep >= decimal.digits.count { return number }
    let zero = UInt8(ascii: "0")
    // The first dropped digit and whether anything non-zero follows it.
    let firstDropped = keep >= 0 ? Int(decimal.digits[keep] - zero) : 0
    let restNonZero = keep >= 0 ? decimal.digits.count > keep + 1 : true
    let droppedNonZero = firstDropped != 0 || restNonZero
    var kept = Array(decimal.digits.prefix(Swift.max(keep, 0)))
    let lastKeptOdd = (kept.last.map { Int($0 - zero) } ?? 0) % 2 == 1
    let increment: Bool
    switch self {
    case .up: increment = droppedNonZero
    case .down: increment = false
    case .ceiling: increment = droppedNonZero && !decimal.negative
    case .floor: increment = droppedNonZero && decimal.negative
    case .halfUp: increment = firstDropped >= 5
    case .halfDown: increment = firstDropped > 5 || (firstDropped == 5 && restNonZero)
    case .halfEven: increment = firstDropped > 5 || (firstDropped == 5 && (restNonZero || lastKeptOdd))
    }
    if increment { kept = Self.incremented(kept) }
    if kept.isEmpty { kept = [zero] }
    let text =
      (decimal.negative ? "-" : "") + String(decoding: kept, as: UTF8.self) + "e" + String(-fractionDigits)
    return Double(text) ?? number
  }

  /// The decimal digit string plus one.
  private static func incremented(_ digits: [UInt8]) -> [UInt8] {
    var result = digits
    var index = result.count - 1
    while index >= 0 {
      if result[index] == UInt8(ascii: "9") {
        result[index] = UInt8(ascii: "0")
        index -= 1
      } else {
        result[index] += 1
        return result
      }
    }
    return [UInt8(ascii: "1")] + result
  }
}
