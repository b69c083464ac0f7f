// Duration text: `P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`, where any number may
// be signed and fractional (`P5M1.5D`, `PT-1H`, `PT0.75M`), a leading sign
// negating the whole; or the date-time form `P2012-02-02T14:37:21.545`.

extension CypherDuration {
  /// Parses ISO 8601 duration text as Neo4j does; fractions cascade.
  public static func parse(_ text: String) throws -> CypherDuration {
    let failure = TemporalError.invalid("Text cannot be parsed to a Duration: '\(text)'")
    var bytes = Array(text.utf8)[...]
    var negate = false
    if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negate = sign == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    guard bytes.first == UInt8(ascii: "P") || bytes.first == UInt8(ascii: "p") else { throw failure }
    bytes = bytes.dropFirst()
    guard !bytes.isEmpty else { throw failure }
    let duration: CypherDuration
    if isDateTimeForm(bytes) {
      duration = try parseDateTimeForm(bytes, failure: failure)
    } else {
      duration = try parseUnitForm(bytes, failure: failure)
    }
    return negate ? try duration.negated() : duration
  }

  private static func parseUnitForm(_ input: ArraySlice<UInt8>, failure: TemporalError) throws
    -> CypherDuration
  {
    var bytes = input
    var parts = DurationParts()
    var inTime = false
    var lastRank = -1
    var sawAny = false
    while !bytes.isEmpty {
      if bytes.first == UInt8(ascii: "T") || bytes.first == UInt8(ascii: "t") {
        guard !inTime else { throw failure }
        inTime = true
        bytes = bytes.dropFirst()
        guard !bytes.isEmpty else { throw failure }
        continue
      }
      let number = try readNumber(&bytes, failure: failure)
      guard let letter = bytes.first else { throw failure }
      bytes = bytes.dropFirst()
      let unit: DurationUnit
      let rank: Int
      switch (inTime, Character(Unicode.Scalar(letter)).uppercased()) {
      case (false, "Y"): (unit, rank) = (.years, 0)
      case (false, "M"): (unit, rank) = (.months, 1)
      case (false, "W"): (unit, rank) = (.weeks, 2)
      case (false, "D"): (unit, rank) = (.days, 3)
      case (true, "H"): (unit, rank) = (.hours, 4)
      case (true, "M"): (unit, rank) = (.minutes, 5)
      case (true, "S"): (unit, rank) = (.seconds, 6)
      default: throw failure
      }
      guard rank > lastRank else { throw failure }
      lastRank = rank
      sawAny = true
      if unit == .seconds {
        // Seconds keep their fraction exactly, as nanoseconds.
        guard number.fractionDigits.count <= 9 else { throw failure }
        var nanos: Int64 = 0
        for digit in number.fractionDigits { nanos = nanos * 10 + Int64(digit - 48) }
        for _ in number.fractionDigits.count..<9 { nanos *= 10 }
        try parts.add(whole: number.negative ? -number.whole : number.whole, fraction: 0, .seconds)
        try parts.add(whole: number.negative ? -nanos : nanos, fraction: 0, .nanoseconds)
      } else {
        var fraction = 0.0
        if !number.fractionDigits.isEmpty {
          fraction = Double("0." + String(decoding: number.fractionDigits, as: UTF8.self)) ?? 0
        }
        try parts.add(
          whole: number.negative ? -number.whole : number.whole,
          fraction: number.negative ? -fraction : fraction,
          unit)
      }
    }
    guard sawAny else { throw failure }
    return try parts.duration()
  }

  /// `P2012-02-02T14:37:21.545` or `P20120202T143721.545`: a date-time shaped
  /// duration, each field an amount of its unit.
  private static func parseDateTimeForm(_ input: ArraySlice<UInt8>, failure: TemporalError) throws
    -> CypherDuration
  {
    var text = String(decoding: input, as: UTF8.self)
    // A leading `T`-less date is allowed: `P2012-02-02` means years, months, days.
    if !text.contains("T") { text += "T00" }
    let pieces = text.split(separator: "T", omittingEmptySubsequences: false)
    guard pieces.count == 2 else { throw failure }
    let date = String(pieces[0].filter { $0 != "-" })
    let time = String(pieces[1].filter { $0 != ":" })
    guard date.count == 8, date.allSatisfy(\.isASCIIDigitCharacter) else { throw failure }
    let dateDigits = Array(date.utf8)
    func field(_ range: Range<Int>) -> Int64 {
      dateDigits[range].reduce(Int64(0)) { $0 * 10 + Int64($1 - 48) }
    }
    let timeNanos: Int64
    do {
      timeNanos = try parseDurationClock(Array(time.utf8)[...])
    } catch { throw failure }
    var parts = DurationParts()
    try parts.add(whole: field(0..<4), fraction: 0, .years)
    try parts.add(whole: field(4..<6), fraction: 0, .months)
    try parts.add(whole: field(6..<8), fraction: 0, .days)
    try parts.add(whole: timeNanos / nanosPerSecond, fraction: 0, .seconds)
    try parts.add(whole: timeNanos % nanosPerSecond, fraction: 0, .nanoseconds)
    return try parts.duration()
  }
}

/// `HHMMSS.fff` (separators already removed) as nanoseconds; hours may exceed 23.
private func parseDurationClock(_ bytes: ArraySlice<UInt8>) throws -> Int64 {
  var main = bytes
  var fraction: ArraySlice<UInt8> = []
  if let dot = bytes.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) {
    main = bytes[..<dot]
    fraction = bytes[(dot + 1)...]
  }
  guard [2, 4, 6].contains(main.count), main.allSatisfy(isDurationDigit), fraction.count <= 9,
    fraction.allSatisfy(isDurationDigit), fraction.isEmpty || main.count == 6
  else { throw ParseFailure(offset: nil) }
  let values = stride(from: 0, to: main.count, by: 2).map { offset -> Int64 in
    let a = main[main.startIndex + offset]
    let b = main[main.startIndex + offset + 1]
    return Int64(a - 48) * 10 + Int64(b - 48)
  }
  var nanos: Int64 = 0
  for digit in fraction { nanos = nanos * 10 + Int64(digit - 48) }
  for _ in fraction.count..<9 { nanos *= 10 }
  let hours = values[0]
  let minutes = values.count > 1 ? values[1] : 0
  let seconds = values.count > 2 ? values[2] : 0
  return (hours * 3600 + minutes * 60 + seconds) * nanosPerSecond + nanos
}

/// `P2012-...` or `P20120202[T...]`, as opposed to `P12345D`.
private func isDateTimeForm(_ bytes: ArraySlice<UInt8>) -> Bool {
  let head = Array(bytes.prefix(9))
  if head.count >= 5 && head[0..<4].allSatisfy(isDurationDigit) && head[4] == UInt8(ascii: "-") {
    return true
  }
  guard head.count >= 8, head[0..<8].allSatisfy(isDurationDigit) else { return false }
  return head.count == 8 || head[8] == UInt8(ascii: "T")
}

private func isDurationDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

private struct DurationNumber {
  var negative: Bool
  var whole: Int64
  var fractionDigits: [UInt8]
}

private func readNumber(_ bytes: inout ArraySlice<UInt8>, failure: TemporalError) throws -> DurationNumber {
  var negative = false
  if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
    negative = sign == UInt8(ascii: "-")
    bytes = bytes.dropFirst()
  }
  let integerDigits = bytes.prefix(while: isDurationDigit)
  guard !integerDigits.isEmpty, integerDigits.count <= 18 else { throw failure }
  let whole = integerDigits.reduce(Int64(0)) { $0 * 10 + Int64($1 - 48) }
  bytes = bytes.dropFirst(integerDigits.count)
  var fractionDigits: [UInt8] = []
  if let mark = bytes.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
    bytes = bytes.dropFirst()
    fractionDigits = Array(bytes.prefix(while: isDurationDigit))
    guard !fractionDigits.isEmpty else { throw failure }
    bytes = bytes.dropFirst(fractionDigits.count)
  }
  return DurationNumber(negative: negative, whole: whole, fractionDigits: fractionDigits)
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
