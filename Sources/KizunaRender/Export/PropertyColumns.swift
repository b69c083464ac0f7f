import KizunaStore

/// The declared type of one property across many nodes or relationships,
/// for formats with typed columns (GraphML keys, CSV headers).
enum PropertyKind: Sendable, Hashable {
  case long
  case double
  case boolean
  case string
  /// Lists whose elements all have this kind.
  indirect case array(PropertyKind)
  /// Lists of mixed kinds, maps and temporals: written as text (JSON or ISO).
  case encoded

  static func of(_ value: Value) -> PropertyKind? {
    switch value {
    case .null: return nil
    case .int: return .long
    case .float: return .double
    case .bool: return .boolean
    case .string: return .string
    case .list(let items):
      var element: PropertyKind?
      for item in items {
        guard let kind = of(item) else { continue }
        switch kind {
        case .long, .double, .boolean, .string: element = element.map { $0.merged(with: kind) } ?? kind
        default: return .encoded
        }
      }
      guard let element else { return .array(.string) }
      return element == .encoded ? .encoded : .array(element)
    default: return .encoded
    }
  }

  /// The kind that holds values of both kinds.
  func merged(with other: PropertyKind) -> PropertyKind {
    switch (self, other) {
    case _ where self == other: return self
    case (.long, .double), (.double, .long): return .double
    case (.array(let a), .array(let b)):
      let element = a.merged(with: b)
      return element == .encoded ? .encoded : .array(element)
    default: return .encoded
    }
  }

  /// The kind for each property name found in these property maps, by name.
  static func columns(_ maps: [[String: Value]]) -> [(name: String, kind: PropertyKind)] {
    var kinds: [String: PropertyKind] = [:]
    for properties in maps {
      for (name, value) in properties {
        guard let kind = of(value) else { continue }
        kinds[name] = kinds[name].map { $0.merged(with: kind) } ?? kind
      }
    }
    return kinds.keys.sorted().map { ($0, kinds[$0] ?? .string) }
  }
}

extension Value {
  /// Text for a typed column: numbers, booleans and strings as themselves,
  /// temporals in ISO form, the rest in their JSON encoding.
  var columnText: String {
    switch self {
    case .null: return ""
    case .string(let s): return s
    case .int(let i): return String(i)
    case .float(let d):
      return d.isNaN ? "NaN" : (d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : d.description)
    case .bool(let b): return b ? "true" : "false"
    case .date, .localTime, .time, .localDateTime, .dateTime, .duration: return cypherDisplay()
    default: return jsonText()
    }
  }
}
