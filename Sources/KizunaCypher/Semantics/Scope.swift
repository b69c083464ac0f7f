/// What a variable is known to hold, as far as compile-time analysis can tell.
enum VariableKind: Sendable, Equatable {
  case node
  case relationship
  /// A variable-length relationship pattern binds a list of relationships.
  case relationshipList
  case path
  /// Anything else (or not known): values from UNWIND, WITH expressions, YIELD...
  case value

  var description: String {
    switch self {
    case .node: return "Node"
    case .relationship: return "Relationship"
    case .relationshipList: return "List<Relationship>"
    case .path: return "Path"
    case .value: return "Any"
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
  }
}
