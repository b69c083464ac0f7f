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
    case .date(let d): writeTagged("~date", d.description)
    case .localTime(let t): writeTagged("~localtime", t.description)
    case .time(let t): writeTagged("~time", t.description)
    case .localDateTime(let t): writeTagged("~localdatetime", t.description)
    case .dateTime(let t): writeTagged("~datetime", t.description)
    case .duration(let d): writeTagged("~duration", d.description)
    case .node(let id): writeNode(id, resolver: resolver)
    case .relationship(let id): writeRelationship(id, resolver: resolver)
    case .path(let path):
      append("{\"~path\":[")
      // A well-formed path has one relationship fewer than nodes; a
      // malformed one is written up to where the two still alternate.
      for (index, nodeID) in path.nodes.enumerated() {
        if index > 0 {
          guard index - 1 < path.relationships.count else { break }
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
    // The same ISO 8601 parsers as Cypher's `date('...')` and friends.
    case "~date": decoded = (try? CypherDate.parse(text)).map(Value.date)
    case "~localtime": decoded = (try? CypherLocalTime.parse(text)).map(Value.localTime)
    case "~time": decoded = (try? CypherTime.parse(text)).map(Value.time)
    case "~localdatetime": decoded = (try? CypherLocalDateTime.parse(text)).map(Value.localDateTime)
    case "~datetime": decoded = (try? CypherDateTime.parse(text)).map(Value.dateTime)
    default: decoded = (try? CypherDuration.parse(text)).map(Value.duration)
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
