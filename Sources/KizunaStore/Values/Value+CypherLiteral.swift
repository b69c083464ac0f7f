// Two textual forms of values: Cypher source text that reads back to the same
// value (for Cypher script export), and the display text cypher-shell prints
// in result tables.

extension Value {
  /// Cypher source text that evaluates to this value (`'it''s'` is written
  /// `'it\'s'`, `1.0`, `date('2023-11-27')`, NaN as `0.0 / 0.0`); nil for
  /// nodes, relationships and paths, which have no literal form.
  public var cypherLiteral: String? {
    var text = ""
    return CypherText.appendLiteral(self, to: &text) ? text : nil
  }

  /// The value as cypher-shell shows it in a result table: strings in double
  /// quotes, `TRUE`/`NULL`, nodes as `(:Person {name: "x"})`, relationships as
  /// `[:MET {date: 2023-11-27}]`, paths as `(..)-[..]->(..)`. Entities are read
  /// through `resolver`; unknown ones show as `(#12)` and `[#7]`.
  public func cypherDisplay(resolver: (any EntityResolver)? = nil) -> String {
    var text = ""
    CypherText.appendDisplay(self, to: &text, resolver: resolver)
    return text
  }
}

/// Quoting and formatting of Cypher source text.
public enum CypherText {
  /// A name usable as a label, type, property key or variable: unchanged when
  /// it is a plain identifier, otherwise in backticks with backticks doubled.
  public static func identifier(_ name: String) -> String {
    var isPlain = !name.isEmpty
    for (offset, scalar) in name.unicodeScalars.enumerated() {
      let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
      let isDigit = ("0"..."9").contains(scalar)
      if !(isLetter || (isDigit && offset > 0)) {
        isPlain = false
        break
      }
    }
    if isPlain { return name }
    return "`" + name.replacingAll("`", with: "``") + "`"
  }

  /// A single-quoted Cypher string literal.
  public static func stringLiteral(_ text: String) -> String {
    var out = "'"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "'": out += "\\'"
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "'"
  }

  /// A float as Cypher reads it: the shortest round-trip digits, always with
  /// a `.` or exponent, and no `+` in the exponent (the grammar has none).
  public static func floatLiteral(_ d: Double) -> String {
    if d.isNaN { return "0.0 / 0.0" }
    if d.isInfinite { return d < 0 ? "-1.0 / 0.0" : "1.0 / 0.0" }
    return d.description.replacingAll("e+", with: "e")
  }

  /// Appends the literal; false when the value (or something inside it) has none.
  static func appendLiteral(_ value: Value, to out: inout String) -> Bool {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i):
      // `-9223372036854775808` would overflow as `-(9223372036854775808)`.
      out += i == .min ? "(-9223372036854775807 - 1)" : String(i)
    case .float(let d):
      let text = floatLiteral(d)
      out += d.isFinite ? text : "(" + text + ")"
    case .string(let s): out += stringLiteral(s)
    case .list(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += ", " }
        guard appendLiteral(item, to: &out) else { return false }
      }
      out += "]"
    case .map(let entries):
      out += "{"
      for (index, key) in entries.keys.sorted().enumerated() {
        if index > 0 { out += ", " }
        out += identifier(key) + ": "
        guard appendLiteral(entries[key] ?? .null, to: &out) else { return false }
      }
      out += "}"
    case .date(let d): out += "date(" + stringLiteral(d.description) + ")"
    case .localTime(let t): out += "localtime(" + stringLiteral(t.description) + ")"
    case .time(let t): out += "time(" + stringLiteral(t.description) + ")"
    case .localDateTime(let t):
      out += "localdatetime(" + stringLiteral(t.description) + ")"
    case .dateTime(let t): out += "datetime(" + stringLiteral(t.description) + ")"
    case .duration(let d): out += "duration(" + stringLiteral(d.description) + ")"
    case .node, .relationship, .path: return false
    }
    return true
  }

  static func appendDisplay(_ value: Value, to out: inout String, resolver: (any EntityResolver)?) {
    switch value {
    case .null: out += "NULL"
    case .bool(let b): out += b ? "TRUE" : "FALSE"
    case .int(let i): out += String(i)
    case .float(let d): out += javaDouble(d)
    case .string(let s):
      out += "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    case .list(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += ", " }
        appendDisplay(item, to: &out, resolver: resolver)
      }
      out += "]"
    case .map(let entries): appendDisplayMap(entries, to: &out, resolver: resolver)
    case .date(let d): out += d.description
    case .localTime(let t): out += t.description
    case .time(let t): out += t.description
    case .localDateTime(let t): out += t.description
    case .dateTime(let t): out += t.description
    case .duration(let d): out += d.description
    case .node(let id): appendDisplayNode(id, to: &out, resolver: resolver)
    case .relationship(let id):
      appendDisplayRelationship(id, to: &out, resolver: resolver)
    case .path(let path):
      for (index, nodeID) in path.nodes.enumerated() {
        if index > 0 {
          guard index - 1 < path.relationships.count else { break }
          let relationshipID = path.relationships[index - 1]
          let snapshot = resolver?.relationshipSnapshot(relationshipID)
          let backwards = snapshot.map { $0.start != path.nodes[index - 1] } ?? false
          out += backwards ? "<-" : "-"
          appendDisplayRelationship(relationshipID, to: &out, resolver: resolver)
          out += backwards ? "-" : "->"
        }
        appendDisplayNode(nodeID, to: &out, resolver: resolver)
      }
    }
  }

  static func appendDisplayMap(
    _ entries: [String: Value], to out: inout String, resolver: (any EntityResolver)?
  ) {
    out += "{"
    for (index, key) in entries.keys.sorted().enumerated() {
      if index > 0 { out += ", " }
      out += key + ": "
      appendDisplay(entries[key] ?? .null, to: &out, resolver: resolver)
    }
    out += "}"
  }

  static func appendDisplayNode(_ id: NodeID, to out: inout String, resolver: (any EntityResolver)?) {
    guard let node = resolver?.nodeSnapshot(id) else {
      out += "(#\(id))"
      return
    }
    out += "("
    for label in node.labels { out += ":" + label }
    if !node.properties.isEmpty {
      if !node.labels.isEmpty { out += " " }
      appendDisplayMap(node.properties, to: &out, resolver: resolver)
    }
    out += ")"
  }

  static func appendDisplayRelationship(
    _ id: RelationshipID, to out: inout String, resolver: (any EntityResolver)?
  ) {
    guard let relationship = resolver?.relationshipSnapshot(id) else {
      out += "[#\(id)]"
      return
    }
    out += "[:" + relationship.type
    if !relationship.properties.isEmpty {
      out += " "
      appendDisplayMap(relationship.properties, to: &out, resolver: resolver)
    }
    out += "]"
  }

  /// Java's `Double.toString`, which cypher-shell uses: plain decimals for
  /// magnitudes in [10^-3, 10^7), otherwise `d.dddE±n` (`1.0E7`, `2.5E-7`).
  static func javaDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    let magnitude = d.magnitude
    if magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7) {
      // Swift prints this range as a plain decimal already, except the
      // narrow band below 1e-4 that Java writes in E form anyway.
      let text = d.description
      if !text.contains("e") { return text }
    }
    // Shortest digits and decimal exponent from Swift's round-trip text.
    let text = magnitude.description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(of: "e") {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits = mantissa.filter { $0 != "." }
    let pointPosition = mantissa.firstIndex(of: ".").map {
      mantissa.distance(from: mantissa.startIndex, to: $0)
    }
    exponent += (pointPosition ?? mantissa.count) - 1
    while digits.hasPrefix("0"), digits.count > 1 {
      digits.removeFirst()
      exponent -= 1
    }
    while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
    let head = digits.prefix(1)
    let tail = digits.dropFirst()
    return (d < 0 ? "-" : "") + head + "." + (tail.isEmpty ? "0" : tail) + "E" + String(exponent)
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard contains(target) else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
