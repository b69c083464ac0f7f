/// What a variable is known to hold, as far as compile-time analysis can tell.
enum VariableKind: Sendable, Equatable {
  case node
  case relationship
  /// A variable-length relationship pattern binds a list of relationships.
  case relationshipList
  case path
  /// Known not to be a graph element: a literal, list or map.
  case scalar
  /// A list that may hold graph elements, e.g. `[n]`: usable only where a
  /// list of relationships is (a variable-length relationship), never as a
  /// node, relationship or path.
  case list
  /// Anything else (or not known): values from UNWIND, WITH expressions, YIELD...
  case value

  var description: String {
    switch self {
    case .node: return "Node"
    case .relationship: return "Relationship"
    case .relationshipList: return "List<Relationship>"
    case .path: return "Path"
    case .scalar: return "a value that is not a graph element"
    case .list: return "List<Any>"
    case .value: return "Any"
    }
  }
}

extension VariableKind {
  /// The kind an expression projected under a new name is known to have.
  static func of(_ expression: Expression, in scope: Scope) -> VariableKind {
    switch expression.kind {
    case .variable(let name): return scope.kind(of: name) ?? .value
    case .literal(.null): return .value
    case .literal, .map: return .scalar
    case .list(let items):
      // `[r1, r2]` may be a list of relationships; only a list of literals is surely not.
      return items.allSatisfy { if case .literal = $0.kind { return true } else { return false } }
        ? .scalar : .list
    case .listComprehension: return .list
    default: return .value
    }
  }
}

/// The variables visible at one point of a query, in binding order.
struct Scope: Sendable {
  private(set) var kinds: [String: VariableKind] = [:]
  private(set) var order: [String] = []

  func kind(of name: String) -> VariableKind? { kinds[name] }

  func contains(_ name: String) -> Bool { kinds[name] != nil }

  var isEmpty: Bool { order.isEmpty }

  mutating func bind(_ name: String, as kind: VariableKind) {
    if kinds.updateValue(kind, forKey: name) == nil { order.append(name) }
    valueTypes[name] = nil
  }

  /// The type of a value projected from a literal, `WITH 123 AS x`, for
  /// the type errors the text alone proves.
  private(set) var valueTypes: [String: StaticType] = [:]

  func valueType(of name: String) -> StaticType? { valueTypes[name] }

  mutating func setValueType(_ type: StaticType?, of name: String) {
    guard kinds[name] != nil else { return }
    valueTypes[name] = type
  }

  /// Inside a subquery: the enclosing scope's variables, which WITH and
  /// RETURN do not hide (they hold one value for the whole subquery run).
  private var carried: [(name: String, kind: VariableKind, type: StaticType?)] = []

  /// The scope of a subquery nested here: every variable visible now stays visible in it.
  func enteringSubquery() -> Scope {
    var inner = self
    inner.carried = order.compactMap { name in kinds[name].map { (name, $0, valueTypes[name]) } }
    return inner
  }

  /// The scope a WITH or RETURN starts its projection from: empty, but for the carried variables.
  func startingProjection() -> Scope {
    var fresh = Scope()
    fresh.carried = carried
    for c in carried {
      fresh.bind(c.name, as: c.kind)
      fresh.setValueType(c.type, of: c.name)
    }
    return fresh
  }
}
