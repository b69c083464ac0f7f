import Foundation
import KizunaStore

// The temporal constructors (`date`, `localtime`, `time`, `localdatetime`,
// `datetime`) with their `.transaction`, `.statement`, `.realtime` and
// `.truncate` forms, the epoch constructors, and `duration` with its
// `between`/`inMonths`/`inDays`/`inSeconds` forms.

/// How one temporal type is built; the table derives each family's entries from it.
private struct TemporalKind: Sendable {
  let name: String
  let construct: @Sendable (Value, FunctionContext) throws -> Value
  let now: @Sendable (Instant, TemporalZone) throws -> Value
  let truncate: @Sendable (String, Value, [String: Value], FunctionContext) throws -> Value
}

private let temporalKinds: [TemporalKind] = [
  TemporalKind(
    name: "date",
    construct: { .date(try CypherDate.construct(from: $0, clock: $1.clock)) },
    now: { .date(try CypherDate.now($0, zone: $1)) },
    truncate: { unit, value, map, _ in .date(try CypherDate.truncate(unit, value, overrides: map)) }),
  TemporalKind(
    name: "localtime",
    construct: { .localTime(try CypherLocalTime.construct(from: $0, clock: $1.clock)) },
    now: { .localTime(try CypherLocalTime.now($0, zone: $1)) },
    truncate: { unit, value, map, _ in .localTime(try CypherLocalTime.truncate(unit, value, overrides: map)) }
  ),
  TemporalKind(
    name: "time",
    construct: { .time(try CypherTime.construct(from: $0, defaultZone: $1.defaultZone, clock: $1.clock)) },
    now: { .time(try CypherTime.now($0, zone: $1)) },
    truncate: { unit, value, map, context in
      .time(
        try CypherTime.truncate(
          unit, value, overrides: map, defaultZone: context.defaultZone, clock: context.clock))
    }),
  TemporalKind(
    name: "localdatetime",
    construct: { .localDateTime(try CypherLocalDateTime.construct(from: $0, clock: $1.clock)) },
    now: { .localDateTime(try CypherLocalDateTime.now($0, zone: $1)) },
    truncate: { unit, value, map, _ in
      .localDateTime(try CypherLocalDateTime.truncate(unit, value, overrides: map))
    }),
  TemporalKind(
    name: "datetime",
    construct: {
      .dateTime(try CypherDateTime.construct(from: $0, defaultZone: $1.defaultZone, clock: $1.clock))
    },
    now: { .dateTime(try CypherDateTime.now($0, zone: $1)) },
    truncate: { unit, value, map, context in
      .dateTime(try CypherDateTime.truncate(unit, value, overrides: map, defaultZone: context.defaultZone))
    }),
]

extension FunctionTable {
  static let temporalFunctions: [ScalarFunction] =
    temporalKinds.flatMap(entries) + epochFunctions + durationFunctions

  private static func entries(_ kind: TemporalKind) -> [ScalarFunction] {
    let name = kind.name
    return [
      function(name, 0...1) { (arguments, context) throws(CypherError) -> Value in
        guard let argument = arguments.first else {
          return try temporalCall("\(name)()") { try kind.now(context.clock, context.defaultZone) }
        }
        switch argument {
        case .null: return .null
        case .string, .map, .date, .localTime, .time, .localDateTime, .dateTime:
          return try temporalCall("\(name)()") { try kind.construct(argument, context) }
        default:
          throw CypherError.invalidArgumentType(
            "\(name)()", argument, expected: "a STRING, MAP or temporal value")
        }
      },
      // One statement runs in one transaction here, so both see the statement's clock.
      clockFunction(kind, "transaction") { $0.clock },
      clockFunction(kind, "statement") { $0.clock },
      clockFunction(kind, "realtime") { _ in Instant(secondsSince1970: Date().timeIntervalSince1970) },
      function("\(name).truncate", 2...3) { (arguments, context) throws(CypherError) -> Value in
        if arguments[1].isNull { return .null }
        let unit = try arguments[0].stringArgument("\(name).truncate")
        var overrides: [String: Value] = [:]
        if arguments.count == 3 {
          switch arguments[2] {
          case .null: break
          case .map(let map): overrides = map
          default:
            throw CypherError.invalidArgumentType("\(name).truncate()", arguments[2], expected: "a MAP")
          }
        }
        return try temporalCall("\(name).truncate()") {
          try kind.truncate(unit, arguments[1], overrides, context)
        }
      },
    ]
  }

  /// `kind.variant([zone])`: now at the chosen clock, in the given or default zone.
  private static func clockFunction(
    _ kind: TemporalKind, _ variant: String, _ clock: @escaping @Sendable (FunctionContext) -> Instant
  ) -> ScalarFunction {
    let name = "\(kind.name).\(variant)"
    return function(name, 0...1) { (arguments, context) throws(CypherError) -> Value in
      var zone = context.defaultZone
      switch arguments.first {
      case nil: break
      case .null?: return .null
      case .string(let text)?: zone = try temporalCall("\(name)()") { try TemporalZone(parsing: text) }
      case .map(let map)?:
        guard map.count == 1,
          case .string(let text)? = map.first(where: { $0.key.lowercased() == "timezone" })?.value
        else { throw CypherError.invalidArgumentValue("\(name)() takes a map holding only 'timezone'") }
        zone = try temporalCall("\(name)()") { try TemporalZone(parsing: text) }
      case let other?:
        throw CypherError.invalidArgumentType("\(name)()", other, expected: "a time zone STRING")
      }
      return try temporalCall("\(name)()") { try kind.now(clock(context), zone) }
    }
  }

  private static let epochFunctions: [ScalarFunction] = [
    function("datetime.fromepoch", 2...2) { (arguments, _) throws(CypherError) -> Value in
      if arguments.contains(where: \.isNull) { return .null }
      let seconds = try arguments[0].integerArgument("datetime.fromepoch")
      let nanos = try arguments[1].integerArgument("datetime.fromepoch")
      return .dateTime(
        try temporalCall("datetime.fromepoch()") {
          try CypherDateTime.fromEpoch(seconds: seconds, nanoseconds: nanos)
        })
    },
    unary("datetime.fromepochmillis") { (value) throws(CypherError) -> Value in
      let millis = try value.integerArgument("datetime.fromepochmillis")
      return .dateTime(
        try temporalCall("datetime.fromepochmillis()") { try CypherDateTime.fromEpochMillis(millis) })
    },
  ]

  private static let durationFunctions: [ScalarFunction] = [
    unary("duration") { (value) throws(CypherError) -> Value in
      switch value {
      case .string(let text):
        return .duration(try temporalCall("duration()") { try CypherDuration.parse(text) })
      case .map(let map):
        return .duration(try temporalCall("duration()") { try CypherDuration.from(map: map) })
      case .duration: return value
      default: throw CypherError.invalidArgumentType("duration()", value, expected: "a STRING or MAP")
      }
    },
    between("duration.between", CypherDuration.between),
    between("duration.inMonths", CypherDuration.inMonths),
    between("duration.inDays", CypherDuration.inDays),
    between("duration.inSeconds", CypherDuration.inSeconds),
  ]

  private static func between(
    _ name: String, _ body: @escaping @Sendable (Value, Value) throws -> CypherDuration
  ) -> ScalarFunction {
    function(name, 2...2) { (arguments, _) throws(CypherError) -> Value in
      if arguments[0].isNull || arguments[1].isNull { return .null }
      for argument in arguments where !isInstantLike(argument) {
        throw CypherError.invalidArgumentType("\(name)()", argument, expected: "a temporal value")
      }
      return .duration(try temporalCall("\(name)()") { try body(arguments[0], arguments[1]) })
    }
  }

  private static func isInstantLike(_ value: Value) -> Bool {
    switch value {
    case .date, .localTime, .time, .localDateTime, .dateTime: return true
    default: return false
    }
  }
}
