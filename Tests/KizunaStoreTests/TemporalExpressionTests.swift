import Testing

@testable import KizunaStore

// A tiny evaluator for the Cypher expressions in the openCypher TCK temporal
// tables (`date({year: 1984, week: 10})`, `duration.between(a, b)`), so the
// tests can quote TCK rows verbatim.

struct TemporalExpression {
  private var bytes: [UInt8]
  private var index = 0
  private let variables: [String: Value]

  /// Evaluates `text`, where `variables` gives the values of the names it uses.
  static func evaluate(_ text: String, variables: [String: Value] = [:]) throws -> Value {
    var parser = TemporalExpression(bytes: Array(text.utf8), variables: variables)
    let value = try parser.expression()
    parser.skipSpace()
    guard parser.index == parser.bytes.count else { throw TemporalError.invalid("trailing text in \(text)") }
    return value
  }

  private init(bytes: [UInt8], variables: [String: Value]) {
    self.bytes = bytes
    self.variables = variables
  }

  private mutating func skipSpace() {
    while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
  }

  private mutating func expect(_ char: Character) throws {
    skipSpace()
    guard index < bytes.count, bytes[index] == char.asciiValue else {
      throw TemporalError.invalid("expected \(char) at \(index)")
    }
    index += 1
  }

  private mutating func peek() -> UInt8? {
    skipSpace()
    return index < bytes.count ? bytes[index] : nil
  }

  private mutating func name() -> String {
    skipSpace()
    let start = index
    while index < bytes.count,
      Character(Unicode.Scalar(bytes[index])).isLetter || bytes[index] == UInt8(ascii: ".")
    {
      index += 1
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
  }

  private mutating func expression() throws -> Value {
    guard let first = peek() else { throw TemporalError.invalid("missing expression") }
    switch first {
    case UInt8(ascii: "'"):
      index += 1
      let start = index
      while index < bytes.count && bytes[index] != UInt8(ascii: "'") { index += 1 }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      index += 1
      return .string(text)
    case UInt8(ascii: "{"):
      index += 1
      var map: [String: Value] = [:]
      while peek() != UInt8(ascii: "}") {
        let key = name()
        try expect(":")
        map[key] = try expression()
        if peek() == UInt8(ascii: ",") { index += 1 }
      }
      index += 1
      return .map(map)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = index
      index += 1
      while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if text.contains("."), let number = Double(text) { return .float(number) }
      guard let number = Int64(text) else { throw TemporalError.invalid("bad number \(text)") }
      return .int(number)
    default:
      let function = name()
      if let value = variables[function] { return value }
      if function == "null" { return .null }
      try expect("(")
      var arguments: [Value] = []
      while peek() != UInt8(ascii: ")") {
        arguments.append(try expression())
        if peek() == UInt8(ascii: ",") { index += 1 }
      }
      index += 1
      return try call(function.lowercased(), arguments)
    }
  }

  private func call(_ function: String, _ args: [Value]) throws -> Value {
    let overrides: [String: Value]
    if args.count > 2, case .map(let map) = args[2] { overrides = map } else { overrides = [:] }
    func unit() -> String {
      if case .string(let text) = args.first { return text }
      return ""
    }
    let now = Instant(epochSecond: 1_500_000_000, nano: 0)
    switch (function, args.count) {
    case ("date", 0): return .date(try CypherDate.now(now))
    case ("localtime", 0): return .localTime(try CypherLocalTime.now(now))
    case ("time", 0): return .time(try CypherTime.now(now))
    case ("localdatetime", 0): return .localDateTime(try CypherLocalDateTime.now(now))
    case ("datetime", 0): return .dateTime(try CypherDateTime.now(now))
    case ("date", _): return .date(try CypherDate.construct(from: args[0]))
    case ("localtime", _): return .localTime(try CypherLocalTime.construct(from: args[0]))
    case ("time", _): return .time(try CypherTime.construct(from: args[0]))
    case ("localdatetime", _): return .localDateTime(try CypherLocalDateTime.construct(from: args[0]))
    case ("datetime", _): return .dateTime(try CypherDateTime.construct(from: args[0]))
    case ("duration", _):
      if case .string(let text) = args[0] { return .duration(try CypherDuration.parse(text)) }
      if case .map(let map) = args[0] { return .duration(try CypherDuration.from(map: map)) }
      throw TemporalError.invalid("duration of \(args[0].typeName)")
    case ("date.truncate", _): return .date(try CypherDate.truncate(unit(), args[1], overrides: overrides))
    case ("localtime.truncate", _):
      return .localTime(try CypherLocalTime.truncate(unit(), args[1], overrides: overrides))
    case ("time.truncate", _): return .time(try CypherTime.truncate(unit(), args[1], overrides: overrides))
    case ("localdatetime.truncate", _):
      return .localDateTime(try CypherLocalDateTime.truncate(unit(), args[1], overrides: overrides))
    case ("datetime.truncate", _):
      return .dateTime(try CypherDateTime.truncate(unit(), args[1], overrides: overrides))
    case ("duration.between", _): return .duration(try CypherDuration.between(args[0], args[1]))
    case ("duration.inmonths", _): return .duration(try CypherDuration.inMonths(args[0], args[1]))
    case ("duration.indays", _): return .duration(try CypherDuration.inDays(args[0], args[1]))
    case ("duration.inseconds", _): return .duration(try CypherDuration.inSeconds(args[0], args[1]))
    case ("datetime.fromepoch", _):
      guard case .int(let seconds) = args[0], case .int(let nanos) = args[1] else { break }
      return .dateTime(try CypherDateTime.fromEpoch(seconds: seconds, nanoseconds: nanos))
    case ("datetime.fromepochmillis", _):
      guard case .int(let millis) = args[0] else { break }
      return .dateTime(try CypherDateTime.fromEpochMillis(millis))
    default: break
    }
    throw TemporalError.invalid("unknown function \(function)")
  }
}

/// The text Neo4j shows for a temporal value (what TCK tables quote).
func rendered(_ value: Value) -> String {
  switch value {
  case .date(let v): return v.description
  case .localTime(let v): return v.description
  case .time(let v): return v.description
  case .localDateTime(let v): return v.description
  case .dateTime(let v): return v.description
  case .duration(let v): return v.description
  case .int(let v): return String(v)
  case .string(let v): return v
  default: return "\(value)"
  }
}

/// Evaluates `expression` and renders the result; `variables` maps names to
/// expressions evaluated first.
func show(_ expression: String, _ variables: [String: String] = [:]) throws -> String {
  let values = try variables.mapValues { try TemporalExpression.evaluate($0) }
  return rendered(try TemporalExpression.evaluate(expression, variables: values))
}

/// Evaluates `expression` with `other` bound to the value of `otherExpression`.
func show(_ expression: String, other otherExpression: String) throws -> String {
  try show(expression, ["other": otherExpression])
}

@Suite struct TemporalExpressionTests {
  @Test func evaluatesNestedCallsAndMaps() throws {
    #expect(try show("date({date: date('1816-12-30'), week: 2, dayOfWeek: 3})") == "1817-01-08")
    #expect(try show("duration({days: 1.5})") == "P1DT12H")
  }

  @Test func bindsOther() throws {
    #expect(try show("date({date: other, day: 28})", other: "date('1984-11-11')") == "1984-11-28")
    #expect(
      try show("localdatetime({date: d, time: t})", ["d": "date('2015-07-21')", "t": "localtime('12:00')"])
        == "2015-07-21T12:00")
  }
}
