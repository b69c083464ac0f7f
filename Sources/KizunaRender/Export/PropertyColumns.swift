import KizunaStore

/// The declared type of one property across many nodes or relationships,
/// for formats with typed columns (GraphML keys, CSV headers).
enum PropertyKind: Sendable, Hashable {
  case long
  case double
  case boolean
  case string
  case date
  case localTime
  case time
  case localDateTime
  case dateTime
  case duration
  /// Lists whose elements all have this (scalar) kind.
  indirect case array(PropertyKind)
  /// The element kind of an empty list, which fits a list column of any kind.
  case anyElement
  /// Maps, lists of mixed kinds, of lists or with nulls, and columns whose values differ
  /// in kind: written as text (JSON), since no column type holds them.
  case encoded

  static func of(_ value: Value) -> PropertyKind? {
    switch value {
    case .null: return nil
    case .int: return .long
    case .float: return .double
    case .bool: return .boolean
    case .string: return .string
    case .date: return .date
    case .localTime: return .localTime
    case .time: return .time
    case .localDateTime: return .localDateTime
    case .dateTime: return .dateTime
    case .duration: return .duration
    case .list(let items):
      var element: PropertyKind?
      for item in items {
        // A null element has no text in a `;`-separated cell.
        guard let kind = of(item) else { return .encoded }
        guard kind.isScalar else { return .encoded }
        element = element.map { $0.merged(with: kind) } ?? kind
      }
      guard let element else { return .array(.anyElement) }
      return element == .encoded ? .encoded : .array(element)
    case .map, .node, .relationship, .path: return .encoded
    }
  }

  /// One value per cell: everything but arrays and the JSON fallback.
  var isScalar: Bool {
    switch self {
    case .array, .encoded: return false
    default: return true
    }
  }

  /// The kind that holds values of both kinds.
  func merged(with other: PropertyKind) -> PropertyKind {
    switch (self, other) {
    case _ where self == other: return self
    case (.anyElement, _): return other
    case (_, .anyElement): return self
    case (.long, .double), (.double, .long): return .double
    case (.array(let a), .array(let b)):
      let element = a.merged(with: b)
      return element == .encoded ? .encoded : .array(element)
    default: return .encoded
    }
  }

  /// The Cypher type name, as import headers write it (`date`, `localtime`).
  var typeName: String {
    switch self {
    case .long: return "long"
    case .double: return "double"
    case .boolean: return "boolean"
    case .string, .encoded, .anyElement: return "string"
    case .date: return "date"
    case .localTime: return "localtime"
    case .time: return "time"
    case .localDateTime: return "localdatetime"
    case .dateTime: return "datetime"
    case .duration: return "duration"
    case .array(let element): return element.typeName + "[]"
    }
  }

  /// The kind both read back exactly under, if any: the same kind, or a
  /// list kind and an empty list's. Unlike `merged`, never widens.
  func exactlyMerged(with other: PropertyKind) -> PropertyKind? {
    switch (self, other) {
    case _ where self == other: return self
    case (.array(.anyElement), .array): return other
    case (.array, .array(.anyElement)): return self
    default: return nil
    }
  }

  /// Splits property maps (by index) into groups in which every property
  /// has one exact kind, so that typed columns read back as they were:
  /// `since: 2007` on one node and `since: '2012-11'` on another go to two
  /// files instead of sharing a string column. First fit in order, so the
  /// same maps always split the same way; almost always one group.
  static func exactGroups(_ maps: [[String: Value]]) -> [[Int]] {
    var groups: [(members: [Int], kinds: [String: PropertyKind])] = []
    for (index, properties) in maps.enumerated() {
      let kinds = properties.compactMapValues(of)
      let slot = groups.firstIndex { group in
        kinds.allSatisfy { name, kind in group.kinds[name].map { $0.exactlyMerged(with: kind) != nil } ?? true
        }
      }
      guard let slot else {
        groups.append(([index], kinds))
        continue
      }
      groups[slot].members.append(index)
      for (name, kind) in kinds {
        groups[slot].kinds[name] = groups[slot].kinds[name].flatMap { $0.exactlyMerged(with: kind) } ?? kind
      }
    }
    return groups.map(\.members)
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
  /// temporals in ISO 8601 form, the rest in their JSON encoding.
  var columnText: String {
    switch self {
    case .null: return ""
    case .string(let s): return s
    case .int(let i): return String(i)
    case .float(let d):
      return d.isNaN ? "NaN" : (d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : d.description)
    case .bool(let b): return b ? "true" : "false"
    case .date(let d): return d.description
    case .localTime(let t): return t.description
    case .time(let t): return t.description
    case .localDateTime(let t): return t.description
    case .dateTime(let t): return t.description
    case .duration(let d): return d.description
    default: return jsonText()
    }
  }
}
