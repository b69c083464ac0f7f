// The JSON form of values used by `--format json`, `--params` and the JSON
// export (see docs in /work/shared/interface.md, "Value encoding"). Encoding
// appends UTF-8 bytes to one buffer so large results never build
// intermediate strings per value.

extension Value {
  /// The value as JSON text. Nodes, relationships and paths are looked up in
  /// `resolver`; without one (or when an entity is gone) they are written with
  /// their id, no labels and no properties.
  public func jsonText(resolver: (any EntityResolver)? = nil) -> String {
    var writer = JSONWriter()
    writer.write(self, resolver: resolver)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Appends the value's JSON text, as UTF-8, to `buffer`.
  public func appendJSON(to buffer: inout [UInt8], resolver: (any EntityResolver)? = nil) {
    var writer = JSONWriter()
    swap(&writer.bytes, &buffer)
    writer.write(self, resolver: resolver)
    swap(&writer.bytes, &buffer)
  }

  /// Reads a value from JSON text: objects become maps, except the `~float`,
  /// `~date`, `~localtime`, `~time`, `~localdatetime`, `~datetime` and
  /// `~duration` forms, which become the value they name; numbers without a
  /// `.` or exponent become integers. Graph entities cannot be decoded.
  public static func fromJSON(_ text: String) throws(JSONDecodingError) -> Value {
    var reader = JSONReader(bytes: Array(text.utf8))
    return try reader.readDocument()
  }
}

/// Why JSON text could not be read, and where.
public struct JSONDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Byte offset into the UTF-8 text, 0-based.
  public var offset: Int
  /// 1-based line and column (column counted in bytes).
  public var line: Int
  public var column: Int
  public var message: String

  public init(offset: Int, line: Int, column: Int, message: String) {
    self.offset = offset
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "JSON error at line \(line), column \(column): \(message)" }
}

/// Appends JSON for values to a byte buffer.
struct JSONWriter {
  var bytes: [UInt8] = []

  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  mutating func write(_ value: Value, resolver: (any EntityResolver)?) {
    switch value {
    case .null: append("null")
    case .bool(let b): append(b ? "true" : "false")
    case .int(let i): append(String(i))
    case .float(let d): writeFloat(d)
    case .string(let s): writeString(s)
    case .list(let items):
      bytes.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        write(item, resolver: resolver)
      }
      bytes.append(UInt8(ascii: "]"))
    case .map(let entries): writeMap(entries, resolver: resolver)
    case .date(let d): writeTagged("~date", TemporalText.date(d))
    case .localTime(let t): writeTagged("~localtime", TemporalText.localTime(t))
    case .time(let t): writeTagged("~time", TemporalText.time(t))
    case .localDateTime(let t): writeTagged("~localdatetime", TemporalText.localDateTime(t))
    case .dateTime(let t): writeTagged("~datetime", TemporalText.dateTime(t))
    case .duration(let d): writeTagged("~duration", TemporalText.duration(d))
    case .node(let id): writeNode(id, resolver: resolver)
    case .relationship(let id): writeRelationship(id, resolver: resolver)
    case .path(let path):
      append("{\"~path\":[")
      for (index, nodeID) in path.nodes.enumerated() {
        if index > 0 {
          bytes.append(UInt8(ascii: ","))
          writeRelationship(path.relationships[index - 1], resolver: resolver)
          bytes.append(UInt8(ascii: ","))
        }
        writeNode(nodeID, resolver: resolver)
      }
      append("]}")
    }
  }

  /// Swift's `description` is the shortest text that reads back to the same
  /// double and always has a `.` or an exponent (`1.0`, `2.5e-07`, `1e+20`).
  mutating func writeFloat(_ d: Double) {
    if d.isNaN {
      append("{\"~float\":\"NaN\"}")
    } else if d.isInfinite {
      append(d < 0 ? "{\"~float\":\"-Infinity\"}" : "{\"~float\":\"Infinity\"}")
    } else {
      append(d.description)
    }
  }

  mutating func writeMap(_ entries: [String: Value], resolver: (any EntityResolver)?) {
    bytes.append(UInt8(ascii: "{"))
    for (index, key) in entries.keys.sorted().enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      writeString(key)
      bytes.append(UInt8(ascii: ":"))
      write(entries[key] ?? .null, resolver: resolver)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func writeTagged(_ tag: String, _ text: String) {
    append("{\"")
    append(tag)
    append("\":")
    writeString(text)
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func writeNode(_ id: NodeID, resolver: (any EntityResolver)?) {
    let snapshot = resolver?.nodeSnapshot(id)
    append("{\"~node\":{\"id\":")
    append(String(id))
    append(",\"labels\":[")
    for (index, label) in (snapshot?.labels ?? []).enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      writeString(label)
    }
    append("],\"properties\":")
    writeMap(snapshot?.properties ?? [:], resolver: resolver)
    append("}}")
  }

  mutating func writeRelationship(_ id: RelationshipID, resolver: (any EntityResolver)?) {
    let snapshot = resolver?.relationshipSnapshot(id)
    append("{\"~relationship\":{\"id\":")
    append(String(id))
    append(",\"type\":")
    writeString(snapshot?.type ?? "")
    append(",\"start\":")
    append(snapshot.map { String($0.start) } ?? "null")
    append(",\"end\":")
    append(snapshot.map { String($0.end) } ?? "null")
    append(",\"properties\":")
    writeMap(snapshot?.properties ?? [:], resolver: resolver)
    append("}}")
  }

  mutating func writeString(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
      case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
      case 0x0A: append("\\n")
      case 0x0D: append("\\r")
      case 0x09: append("\\t")
      case 0..<0x20:
        append("\\u00")
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// A recursive-descent JSON reader over UTF-8 bytes (RFC 8259), producing
/// values in the encoding above.
struct JSONReader {
  let bytes: [UInt8]
  var index = 0
  /// Nesting is bounded so hostile input cannot exhaust the stack.
  var depth = 0
  static let maximumDepth = 512

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func readDocument() throws(JSONDecodingError) -> Value {
    // A byte-order mark is tolerated at the start of a file.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    let value = try readValue()
    skipWhitespace()
    if index < bytes.count { throw error("unexpected text after the JSON value") }
    return value
  }

  func error(_ message: String, at offset: Int? = nil) -> JSONDecodingError {
    let position = min(offset ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    for i in 0..<position where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    return JSONDecodingError(
      offset: position, line: line, column: position - lineStart + 1, message: message)
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func readValue() throws(JSONDecodingError) -> Value {
    skipWhitespace()
    guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try readObject()
    case UInt8(ascii: "["): return try readArray()
    case UInt8(ascii: "\""): return .string(try readString())
    case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectWord("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
    default: throw error("unexpected character, expected a value")
    }
  }

  mutating func expectWord(_ word: String) throws(JSONDecodingError) {
    let count = word.utf8.count
    guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(word.utf8) else {
      throw error("unexpected word, expected \(word)")
    }
    index += count
  }

  mutating func enter() throws(JSONDecodingError) {
    depth += 1
    if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
  }

  mutating func readArray() throws(JSONDecodingError) -> Value {
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [Value] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .list(items)
    }
    while true {
      items.append(try readValue())
      skipWhitespace()
      guard index < bytes.count else { throw error("unterminated array, expected ',' or ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .list(items)
      } else {
        throw error("expected ',' or ']' in array")
      }
    }
  }

  mutating func readObject() throws(JSONDecodingError) -> Value {
    try enter()
    defer { depth -= 1 }
    let objectStart = index
    index += 1
    var entries: [String: Value] = [:]
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .map(entries)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a string key in object")
      }
      let key = try readString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after object key")
      }
      index += 1
      entries[key] = try readValue()
      skipWhitespace()
      guard index < bytes.count else { throw error("unterminated object, expected ',' or '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        break
      } else {
        throw error("expected ',' or '}' in object")
      }
    }
    return try untag(entries, at: objectStart)
  }

  /// Turns a one-entry object with a known `~` key back into the value it encodes.
  func untag(_ entries: [String: Value], at offset: Int) throws(JSONDecodingError) -> Value {
    guard entries.count == 1, let (key, inner) = entries.first, key.hasPrefix("~") else {
      return .map(entries)
    }
    switch key {
    case "~node", "~relationship", "~path":
      throw error("graph entities (\(key)) cannot be read from JSON", at: offset)
    case "~float", "~date", "~localtime", "~time", "~localdatetime", "~datetime", "~duration":
      break
    default:
      return .map(entries)
    }
    guard case .string(let text) = inner else {
      throw error("\(key) needs a string value", at: offset)
    }
    let decoded: Value?
    switch key {
    case "~float":
      switch text {
      case "NaN": decoded = .float(.nan)
      case "Infinity": decoded = .float(.infinity)
      case "-Infinity": decoded = .float(-.infinity)
      default: decoded = nil
      }
    case "~date": decoded = TemporalText.parseDate(text).map(Value.date)
    case "~localtime": decoded = TemporalText.parseLocalTime(text).map(Value.localTime)
    case "~time": decoded = TemporalText.parseTime(text).map(Value.time)
    case "~localdatetime": decoded = TemporalText.parseLocalDateTime(text).map(Value.localDateTime)
    case "~datetime": decoded = TemporalText.parseDateTime(text).map(Value.dateTime)
    default: decoded = TemporalText.parseDuration(text).map(Value.duration)
    }
    guard let decoded else { throw error("invalid \(key) text \"\(text)\"", at: offset) }
    return decoded
  }

  mutating func readNumber() throws(JSONDecodingError) -> Value {
    let start = index
    var isFloat = false
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      index += 1
    }
    if index == digitsStart { throw error("expected a digit", at: index) }
    if bytes[digitsStart] == UInt8(ascii: "0"), index - digitsStart > 1 {
      throw error("numbers may not have leading zeros", at: digitsStart)
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isFloat = true
      index += 1
      let fractionStart = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      if index == fractionStart { throw error("expected a digit after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isFloat = true
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      let exponentStart = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      if index == exponentStart { throw error("expected a digit in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isFloat {
      guard let d = Double(text) else { throw error("invalid number \(text)", at: start) }
      return .float(d)
    }
    guard let i = Int64(text) else {
      throw error("integer \(text) is outside the 64-bit range", at: start)
    }
    return .int(i)
  }

  mutating func readString() throws(JSONDecodingError) -> String {
    let start = index
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flush(_ reader: JSONReader, upTo end: Int) {
      scalars.append(
        contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        flush(self, upTo: index)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw error("control character in string; escape it") }
      if byte != UInt8(ascii: "\\") {
        index += 1
        continue
      }
      flush(self, upTo: index)
      index += 1
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"): scalars.append(try readUnicodeEscape())
      default: throw error("invalid escape in string", at: index - 2)
      }
      runStart = index
    }
    throw error("unterminated string", at: start)
  }

  mutating func readHex4() throws(JSONDecodingError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
    var result: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected four hex digits after \\u")
      }
      result = result << 4 | UInt32(digit)
      index += 1
    }
    return result
  }

  /// `\uXXXX`, joining a UTF-16 surrogate pair into one scalar.
  mutating func readUnicodeEscape() throws(JSONDecodingError) -> Unicode.Scalar {
    let escapeStart = index - 2
    let first = try readHex4()
    if (0xD800..<0xDC00).contains(first) {
      guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else { throw error("unpaired surrogate in \\u escape", at: escapeStart) }
      index += 2
      let second = try readHex4()
      guard (0xDC00..<0xE000).contains(second),
        let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
      else { throw error("invalid surrogate pair in \\u escape", at: escapeStart) }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else {
      throw error("unpaired surrogate in \\u escape", at: escapeStart)
    }
    return scalar
  }
}

// TODO(temporal): the `Temporal+*.swift` files are being written in parallel;
// once they provide ISO formatting and parsing, replace `TemporalText` with
// calls to them so every output path prints temporals the same way. This
// fallback follows Neo4j's (java.time's) canonical forms: `12:00`,
// `12:00:01.500`, `+01:00`, `Z`, `2015-07-21T20:40:32.142+01:00[Europe/London]`,
// `P1Y2M3DT4H5M6.5S`, `PT0S`.

/// ISO 8601 text for temporal values, both ways.
enum TemporalText {
  // MARK: Formatting

  static func date(_ date: CypherDate) -> String {
    let (year, month, day) = civil(fromEpochDay: date.epochDay)
    var text: String
    if year < 0 {
      text = "-" + pad(-year, 4)
    } else if year > 9999 {
      text = "+" + String(year)
    } else {
      text = pad(year, 4)
    }
    text += "-" + pad(month, 2) + "-" + pad(day, 2)
    return text
  }

  static func localTime(_ time: CypherLocalTime) -> String {
    let totalSeconds = time.nanoOfDay / nanosPerSecond
    let nano = time.nanoOfDay % nanosPerSecond
    var text = pad(totalSeconds / 3600, 2) + ":" + pad(totalSeconds / 60 % 60, 2)
    let second = totalSeconds % 60
    if second != 0 || nano != 0 {
      text += ":" + pad(second, 2)
      if nano != 0 {
        if nano % 1_000_000 == 0 {
          text += "." + pad(nano / 1_000_000, 3)
        } else if nano % 1000 == 0 {
          text += "." + pad(nano / 1000, 6)
        } else {
          text += "." + pad(nano, 9)
        }
      }
    }
    return text
  }

  static func offset(_ seconds: Int32) -> String {
    if seconds == 0 { return "Z" }
    let magnitude = Int64(seconds.magnitude)
    var text = (seconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    if magnitude % 60 != 0 { text += ":" + pad(magnitude % 60, 2) }
    return text
  }

  static func time(_ time: CypherTime) -> String {
    localTime(CypherLocalTime(nanoOfDay: time.nanoOfDay)) + offset(time.offsetSeconds)
  }

  static func localDateTime(_ value: CypherLocalDateTime) -> String {
    date(value.date) + "T" + localTime(value.time)
  }

  static func dateTime(_ value: CypherDateTime) -> String {
    var text = localDateTime(value.local) + offset(value.offsetSeconds)
    if let zone = value.zoneName { text += "[" + zone + "]" }
    return text
  }

  static func duration(_ value: CypherDuration) -> String {
    var seconds = value.seconds
    var nanos = value.nanoseconds
    // A negative amount with a fraction is kept as seconds + positive nanos;
    // print it as a negative decimal instead.
    if seconds < 0, nanos > 0 {
      seconds += 1
      nanos = nanosPerSecond - nanos
    }
    let negativeSeconds = seconds < 0 || (seconds == 0 && value.seconds < 0)
    var text = "P"
    let years = value.months / 12
    let months = value.months % 12
    if years != 0 { text += String(years) + "Y" }
    if months != 0 { text += String(months) + "M" }
    if value.days != 0 { text += String(value.days) + "D" }
    let hours = seconds / 3600
    let minutes = seconds % 3600 / 60
    let secs = seconds % 60
    if hours != 0 || minutes != 0 || secs != 0 || nanos != 0 {
      text += "T"
      if hours != 0 { text += String(hours) + "H" }
      if minutes != 0 { text += String(minutes) + "M" }
      if secs != 0 || nanos != 0 {
        text += (negativeSeconds ? "-" : "") + String(secs.magnitude)
        if nanos != 0 {
          var fraction = pad(nanos, 9)
          while fraction.hasSuffix("0") { fraction.removeLast() }
          text += "." + fraction
        }
        text += "S"
      }
    }
    return text == "P" ? "PT0S" : text
  }

  static func pad(_ number: Int64, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
  static func civil(fromEpochDay epochDay: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = epochDay + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func epochDay(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  // MARK: Parsing (the canonical forms above, plus seconds always present)

  static func parseDate(_ text: String) -> CypherDate? {
    var scanner = TextScanner(text)
    guard let date = scanner.date(), scanner.atEnd else { return nil }
    return date
  }

  static func parseLocalTime(_ text: String) -> CypherLocalTime? {
    var scanner = TextScanner(text)
    guard let time = scanner.localTime(), scanner.atEnd else { return nil }
    return time
  }

  static func parseTime(_ text: String) -> CypherTime? {
    var scanner = TextScanner(text)
    guard let time = scanner.localTime(), let offset = scanner.offset(), scanner.atEnd else { return nil }
    return CypherTime(nanoOfDay: time.nanoOfDay, offsetSeconds: offset)
  }

  static func parseLocalDateTime(_ text: String) -> CypherLocalDateTime? {
    var scanner = TextScanner(text)
    guard let value = scanner.localDateTime(), scanner.atEnd else { return nil }
    return value
  }

  static func parseDateTime(_ text: String) -> CypherDateTime? {
    var scanner = TextScanner(text)
    guard let local = scanner.localDateTime(), let offset = scanner.offset() else { return nil }
    var zone: String?
    if scanner.take("[") {
      let name = scanner.rest.dropLast()
      guard scanner.rest.last == "]", !name.isEmpty else { return nil }
      zone = String(name)
      scanner.index = scanner.chars.count
    }
    guard scanner.atEnd else { return nil }
    return CypherDateTime(local: local, offsetSeconds: offset, zoneName: zone)
  }

  static func parseDuration(_ text: String) -> CypherDuration? {
    var scanner = TextScanner(text)
    guard scanner.take("P") else { return nil }
    var months: Int64 = 0
    var days: Int64 = 0
    var nanosTotal: Int64 = 0
    var inTime = false
    var sawComponent = false
    while !scanner.atEnd {
      if !inTime, scanner.take("T") {
        inTime = true
        continue
      }
      guard let (whole, fractionNanos) = scanner.signedDecimal(), let unit = scanner.next() else {
        return nil
      }
      sawComponent = true
      let (m, o1) = whole.multipliedReportingOverflow(by: 12)
      switch (inTime, unit) {
      case (false, "Y"): guard fractionNanos == 0, !o1 else { return nil }; months += m
      case (false, "M"): guard fractionNanos == 0 else { return nil }; months += whole
      case (false, "W"): guard fractionNanos == 0 else { return nil }; days += whole * 7
      case (false, "D"): guard fractionNanos == 0 else { return nil }; days += whole
      case (true, "H"):
        guard fractionNanos == 0 else { return nil }; nanosTotal += whole * 3600 * nanosPerSecond
      case (true, "M"):
        guard fractionNanos == 0 else { return nil }; nanosTotal += whole * 60 * nanosPerSecond
      case (true, "S"): nanosTotal += whole * nanosPerSecond + fractionNanos
      default: return nil
      }
    }
    guard sawComponent else { return nil }
    var seconds = nanosTotal / nanosPerSecond
    var nanos = nanosTotal % nanosPerSecond
    if nanos < 0 {
      nanos += nanosPerSecond
      seconds -= 1
    }
    return CypherDuration(months: months, days: days, seconds: seconds, nanoseconds: nanos)
  }
}

/// A cursor over the characters of a temporal text.
struct TextScanner {
  let chars: [Character]
  var index = 0

  init(_ text: String) { chars = Array(text) }

  var atEnd: Bool { index >= chars.count }
  var rest: ArraySlice<Character> { chars[min(index, chars.count)...] }

  mutating func take(_ c: Character) -> Bool {
    guard index < chars.count, chars[index] == c else { return false }
    index += 1
    return true
  }

  mutating func next() -> Character? {
    guard index < chars.count else { return nil }
    defer { index += 1 }
    return chars[index]
  }

  /// Exactly `count` digits, or at least `count` when `count` is nil-bounded by `atLeast`.
  mutating func digits(_ count: Int, atLeast: Bool = false) -> Int64? {
    var value: Int64 = 0
    var read = 0
    while index < chars.count, let digit = chars[index].wholeNumberValue, chars[index].isASCII,
      atLeast || read < count
    {
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = shifted + Int64(digit)
      read += 1
      index += 1
    }
    return read >= count ? value : nil
  }

  mutating func date() -> CypherDate? {
    var sign: Int64 = 1
    if take("-") { sign = -1 } else { _ = take("+") }
    guard let year = digits(4, atLeast: true), take("-"), let month = digits(2), take("-"),
      let day = digits(2), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let epochDay = TemporalText.epochDay(year: sign * year, month: month, day: day)
    // Reject days past the end of the month (2023-02-30).
    guard TemporalText.civil(fromEpochDay: epochDay).day == day else { return nil }
    return CypherDate(epochDay: epochDay)
  }

  mutating func localTime() -> CypherLocalTime? {
    guard let hour = digits(2), hour < 24, take(":"), let minute = digits(2), minute < 60 else { return nil }
    var second: Int64 = 0
    var nano: Int64 = 0
    if take(":") {
      guard let s = digits(2), s < 60 else { return nil }
      second = s
      if take(".") {
        let start = index
        guard let fraction = digits(1, atLeast: true), index - start <= 9 else { return nil }
        var scaled = fraction
        for _ in 0..<(9 - (index - start)) { scaled *= 10 }
        nano = scaled
      }
    }
    return CypherLocalTime(nanoOfDay: ((hour * 60 + minute) * 60 + second) * nanosPerSecond + nano)
  }

  mutating func offset() -> Int32? {
    if take("Z") { return 0 }
    let sign: Int64
    if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
    guard let hours = digits(2), hours <= 18, take(":"), let minutes = digits(2), minutes < 60 else {
      return nil
    }
    var seconds: Int64 = 0
    if take(":") {
      guard let s = digits(2), s < 60 else { return nil }
      seconds = s
    }
    return Int32(sign * (hours * 3600 + minutes * 60 + seconds))
  }

  mutating func localDateTime() -> CypherLocalDateTime? {
    guard let date = date(), take("T"), let time = localTime() else { return nil }
    return CypherLocalDateTime(date: date, time: time)
  }

  /// `-12`, `3.25`: the whole part and the fraction in nanoseconds, both signed.
  mutating func signedDecimal() -> (Int64, Int64)? {
    let negative = take("-")
    guard let whole = digits(1, atLeast: true) else { return nil }
    var nanos: Int64 = 0
    if take(".") || take(",") {
      let start = index
      guard let fraction = digits(1, atLeast: true), index - start <= 9 else { return nil }
      nanos = fraction
      for _ in 0..<(9 - (index - start)) { nanos *= 10 }
    }
    return negative ? (-whole, -nanos) : (whole, nanos)
  }
}
