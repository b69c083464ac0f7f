/// A finite double as its shortest round-tripping decimal digits:
/// `value = ±0.d₁d₂…dₙ × 10^exponent`. Formatting (`toString`) and
/// decimal rounding (`round(x, precision)`) both work on these digits, as
/// Neo4j does with Java's `Double.toString` and `BigDecimal.valueOf`.
struct DecimalDigits {
  var negative: Bool
  /// ASCII digits without leading or trailing zeros; empty for zero.
  var digits: [UInt8]
  var exponent: Int

  /// Nil for NaN and infinities.
  init?(_ value: Double) {
    guard value.isFinite else { return nil }
    negative = value.sign == .minus
    digits = []
    exponent = 0
    // Swift's description is the shortest text that reads back as `value`.
    var text = Substring(value.magnitude.description)
    var power = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      power = Int(text[text.index(after: e)...]) ?? 0
      text = text[..<e]
    }
    var pointAt = text.count
    var index = 0
    for character in text {
      if character == "." {
        pointAt = index
      } else if let ascii = character.asciiValue {
        digits.append(ascii)
        index += 1
      }
    }
    var leading = 0
    while leading < digits.count && digits[leading] == UInt8(ascii: "0") { leading += 1 }
    digits.removeFirst(leading)
    while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
    exponent = digits.isEmpty ? 0 : pointAt - leading + power
  }

  /// Java's `Double.toString` layout: plain between 10⁻³ and 10⁷, else
  /// `d.dddE±n`; always at least one digit after the point.
  var javaText: String {
    let sign = negative ? "-" : ""
    guard !digits.isEmpty else { return sign + "0.0" }
    let text = String(decoding: digits, as: UTF8.self)
    if exponent > -3 && exponent <= 7 {
      if exponent <= 0 { return sign + "0." + String(repeating: "0", count: -exponent) + text }
      if digits.count <= exponent {
        return sign + text + String(repeating: "0", count: exponent - digits.count) + ".0"
      }
      let split = text.index(text.startIndex, offsetBy: exponent)
      return sign + text[..<split] + "." + text[split...]
    }
    let rest = digits.count > 1 ? String(text.dropFirst()) : "0"
    return sign + String(text.prefix(1)) + "." + rest + "E" + String(exponent - 1)
  }
}

extension Double {
  /// The text `toString()` and string concatenation give a float: Java's
  /// spelling (`1.0`, `1.0E20`, `NaN`, `Infinity`), as Neo4j prints it.
  var cypherText: String {
    if isNaN { return "NaN" }
    if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
    return DecimalDigits(self)?.javaText ?? description
  }
}
