// ISO 8601 text as Neo4j accepts it. Dates: `2015-07-21`, `20150721`,
// `2015-07`, `201507`, `2015-W30-2`, `2015W302`, `2015-W30`, `2015W30`,
// `2015-202`, `2015202`, `2015`, and signed years (`-0044-03-15`,
// `+10000-01-01`, extended form only). Times: `21:40:32.142`,
// `214032.142`, `21:40`, `2140`, `21` with up to nine fraction digits (`.`
// or `,`). Offsets: `Z`, `+01`, `+0100`, `+01:00`, `+01:00:30`. Datetimes:
// date, optionally `T` and a time, then offset and/or `[Region/City]`.

extension CypherDate {
  /// Parses a date; throws `invalidArgument` for text Neo4j rejects.
  public static func parse(_ text: String) throws -> CypherDate {
    try withParseContext(text, "Date") { try parseDate(Array(text.utf8)[...]) }
  }
}

extension CypherLocalTime {
  /// Parses a local time such as `21:40:32.142` or `2140`.
  public static func parse(_ text: String) throws -> CypherLocalTime {
    try withParseContext(text, "LocalTime") {
      CypherLocalTime(nanoOfDay: try parseTime(Array(text.utf8)[...]))
    }
  }
}

extension CypherTime {
  /// Parses a time with an optional offset (`21:40:32+01:00`); without one
  /// it takes `defaultOffset` seconds.
  public static func parse(_ text: String, defaultOffset: Int32 = 0) throws -> CypherTime {
    try withParseContext(text, "Time") {
      let bytes = Array(text.utf8)[...]
      let (timePart, offset) = try splitOffset(bytes)
      return CypherTime(nanoOfDay: try parseTime(timePart), offsetSeconds: offset ?? defaultOffset)
    }
  }
}

extension CypherLocalDateTime {
  /// Parses `<date>[T<time>]`, e.g. `2015-W30-2T214032.142`.
  public static func parse(_ text: String) throws -> CypherLocalDateTime {
    try withParseContext(text, "LocalDateTime") { try parseLocalDateTime(Array(text.utf8)[...]) }
  }
}

extension CypherDateTime {
  /// Parses `<date>[T<time>][offset][[Zone/Name]]`. With a zone name the
  /// offset is the one in effect at that local time (a given offset is
  /// preferred when the local time is ambiguous); with neither, `defaultZone`.
  public static func parse(_ text: String, defaultZone: TemporalZone = .offset(0)) throws -> CypherDateTime {
    try withParseContext(text, "DateTime") {
      var bytes = Array(text.utf8)[...]
      var zoneName: String?
      if bytes.last == UInt8(ascii: "]") {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "[")) else {
          throw ParseFailure(offset: bytes.endIndex - 1)
        }
        zoneName = String(decoding: bytes[(open + 1)..<(bytes.endIndex - 1)], as: UTF8.self)
        bytes = bytes[..<open]
      }
      var offset: Int32?
      var localBytes = bytes
      if let t = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) {
        let (timePart, parsedOffset) = try splitOffset(bytes[(t + 1)...])
        offset = parsedOffset
        localBytes = bytes[..<t] + [UInt8(ascii: "T")] + timePart
      }
      let local = try parseLocalDateTime(localBytes[...])
      if let zoneName {
        guard TemporalZone.systemZone(zoneName) != nil else {
          throw TemporalError.invalid("Invalid time zone: '\(zoneName)' in '\(text)'")
        }
        return try CypherDateTime.resolving(local, in: .named(zoneName), preferredOffset: offset)
      }
      if let offset { return CypherDateTime(local: local, offsetSeconds: offset) }
      return try CypherDateTime.resolving(local, in: defaultZone)
    }
  }
}

/// Text that does not fit the grammar, with the byte offset where it stops fitting.
struct ParseFailure: Error {
  var offset: Int?
}

/// Runs a parser, turning its failures into Neo4j's message for `text`.
private func withParseContext<T>(_ text: String, _ typeName: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let failure as ParseFailure {
    let position = failure.offset.map { " (unexpected text at offset \($0))" } ?? ""
    throw TemporalError.invalid("Text cannot be parsed to a \(typeName): '\(text)'\(position)")
  } catch let error as TemporalError {
    if error.message.hasPrefix("Invalid time zone") { throw error }
    throw TemporalError(error.kind, "Text cannot be parsed to a \(typeName): '\(text)': \(error.message)")
  }
}

private let dash = UInt8(ascii: "-")
private let plus = UInt8(ascii: "+")
private let colon = UInt8(ascii: ":")

private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

/// Reads exactly `count` digits at the front of `bytes`.
private func digits(_ bytes: inout ArraySlice<UInt8>, _ count: Int) throws -> Int64 {
  var value: Int64 = 0
  for index in bytes.startIndex..<(bytes.startIndex + count) {
    guard index < bytes.endIndex, isDigit(bytes[index]) else { throw ParseFailure(offset: index) }
    let byte = bytes[index]
    value = value * 10 + Int64(byte - 48)
  }
  bytes = bytes.dropFirst(count)
  return value
}

private func countLeadingDigits(_ bytes: ArraySlice<UInt8>) -> Int {
  bytes.prefix(while: isDigit).count
}

func parseDate(_ input: ArraySlice<UInt8>) throws -> CypherDate {
  var bytes = input
  guard let first = bytes.first else { throw ParseFailure(offset: bytes.startIndex) }
  let year: Int64
  var extended: Bool
  if first == plus || first == dash {
    bytes = bytes.dropFirst()
    let count = countLeadingDigits(bytes)
    guard (1...9).contains(count) else { throw ParseFailure(offset: bytes.startIndex) }
    let magnitude = try digits(&bytes, count)
    year = first == dash ? -magnitude : magnitude
    extended = true
    // Signed years need separators: compact forms would be ambiguous.
    guard bytes.isEmpty || bytes.first == dash else { throw ParseFailure(offset: bytes.startIndex) }
  } else {
    year = try digits(&bytes, 4)
    extended = false
  }
  if bytes.isEmpty { return try CypherDate(year: year, month: 1, day: 1) }
  extended = bytes.first == dash
  if extended { bytes = bytes.dropFirst() }
  if bytes.first == UInt8(ascii: "W") {
    bytes = bytes.dropFirst()
    let week = try digits(&bytes, 2)
    var dayOfWeek: Int64 = 1
    if !bytes.isEmpty {
      if extended {
        guard bytes.first == dash else { throw ParseFailure(offset: bytes.startIndex) }
        bytes = bytes.dropFirst()
      }
      dayOfWeek = try digits(&bytes, 1)
    }
    guard bytes.isEmpty else { throw ParseFailure(offset: bytes.startIndex) }
    return try CypherDate(weekYear: year, week: week, dayOfWeek: dayOfWeek)
  }
  switch (extended, countLeadingDigits(bytes), bytes.count) {
  case (_, 3, 3):
    return try CypherDate(year: year, ordinalDay: try digits(&bytes, 3))
  case (_, 2, 2):
    return try CypherDate(year: year, month: try digits(&bytes, 2), day: 1)
  case (false, 4, 4):
    let month = try digits(&bytes, 2)
    return try CypherDate(year: year, month: month, day: try digits(&bytes, 2))
  case (true, 2, 5):
    let month = try digits(&bytes, 2)
    guard bytes.first == dash else { throw ParseFailure(offset: bytes.startIndex) }
    bytes = bytes.dropFirst()
    return try CypherDate(year: year, month: month, day: try digits(&bytes, 2))
  default:
    throw ParseFailure(offset: bytes.startIndex + min(countLeadingDigits(bytes), 4))
  }
}

/// Nanoseconds since midnight for `HH[:MM[:SS[.fffffffff]]]` or the compact form.
func parseTime(_ input: ArraySlice<UInt8>) throws -> Int64 {
  var bytes = input
  let hour = try digits(&bytes, 2)
  var minute: Int64 = 0
  var second: Int64 = 0
  var nanos: Int64 = 0
  let extended = bytes.first == colon
  if !bytes.isEmpty {
    if extended { bytes = bytes.dropFirst() }
    minute = try digits(&bytes, 2)
    if !bytes.isEmpty {
      if extended {
        guard bytes.first == colon else { throw ParseFailure(offset: bytes.startIndex) }
        bytes = bytes.dropFirst()
      }
      second = try digits(&bytes, 2)
      if let mark = bytes.first {
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") else {
          throw ParseFailure(offset: bytes.startIndex)
        }
        bytes = bytes.dropFirst()
        let count = bytes.count
        guard (1...9).contains(count) else { throw ParseFailure(offset: bytes.startIndex) }
        nanos = try digits(&bytes, count)
        for _ in count..<9 { nanos *= 10 }
      }
    }
  }
  guard bytes.isEmpty else { throw ParseFailure(offset: bytes.startIndex) }
  guard hour < 24 else {
    throw TemporalError.invalid("Invalid value for HourOfDay (valid values 0 - 23): \(hour)")
  }
  guard minute < 60 else {
    throw TemporalError.invalid("Invalid value for MinuteOfHour (valid values 0 - 59): \(minute)")
  }
  guard second < 60 else {
    throw TemporalError.invalid("Invalid value for SecondOfMinute (valid values 0 - 59): \(second)")
  }
  return (hour * 3600 + minute * 60 + second) * nanosPerSecond + nanos
}

/// Separates a trailing offset (`Z`, `+01:00`, `-08`) from a time.
func splitOffset(_ bytes: ArraySlice<UInt8>) throws -> (ArraySlice<UInt8>, Int32?) {
  guard
    let start = bytes.firstIndex(where: {
      $0 == plus || $0 == dash || $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "z")
    })
  else { return (bytes, nil) }
  let offsetText = String(decoding: bytes[start...], as: UTF8.self)
  guard let offset = TemporalZone.parseOffset(Substring(offsetText)) else {
    throw ParseFailure(offset: start)
  }
  return (bytes[..<start], offset)
}

func parseLocalDateTime(_ bytes: ArraySlice<UInt8>) throws -> CypherLocalDateTime {
  guard let t = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) else {
    return CypherLocalDateTime(date: try parseDate(bytes), time: CypherLocalTime(nanoOfDay: 0))
  }
  let date = try parseDate(bytes[..<t])
  return CypherLocalDateTime(date: date, time: CypherLocalTime(nanoOfDay: try parseTime(bytes[(t + 1)...])))
}
