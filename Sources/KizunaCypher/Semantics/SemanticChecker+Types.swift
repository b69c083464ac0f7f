// Type errors that the query text alone proves: `RETURN 123 AND true`,
// `1 IN 'foo'`, `labels(p)` on a path. openCypher reports these at compile
// time; anything whose type depends on data is left to run time.

/// The type of an expression when the text fixes it.
enum StaticType: Sendable, Equatable {
  case null, boolean, integer, float, string, list, map, node, relationship, path

  var name: String {
    switch self {
    case .null: return "NULL"
    case .boolean: return "BOOLEAN"
    case .integer: return "INTEGER"
    case .float: return "FLOAT"
    case .string: return "STRING"
    case .list: return "LIST"
    case .map: return "MAP"
    case .node: return "NODE"
    case .relationship: return "RELATIONSHIP"
    case .path: return "PATH"
    }
  }
}

extension SemanticChecker {
  /// The type of `e` if the text alone decides it; nil when it depends on data.
  static func staticType(of e: Expression, in scope: Scope) -> StaticType? {
    switch e.kind {
    case .literal(.null): return .null
    case .literal(.bool): return .boolean
    case .literal(.integer): return .integer
    case .literal(.float): return .float
    case .literal(.string): return .string
    case .list, .listComprehension, .patternComprehension: return .list
    case .map, .mapProjection: return .map
    case .variable(let name):
      if let known = scope.valueType(of: name) { return known }
      switch scope.kind(of: name) {
      case .node: return .node
      case .relationship: return .relationship
      case .path: return .path
      case .relationshipList, .list: return .list
      default: return nil
      }
    case .unary(.not, _), .isNull, .hasLabels, .comparisonChain, .quantifier, .exists: return .boolean
    case .subquery(let s): return s.kind == .exists ? .boolean : .integer
    case .binary(let op, _, _):
      switch op {
      case .and, .or, .xor, .startsWith, .endsWith, .contains, .regexMatch, .in: return .boolean
      case _ where op.isComparison: return .boolean
      default: return nil
      }
    default: return nil
    }
  }

  /// Rejects operands whose static type can never fit the operator or function.
  func checkStaticTypes(_ e: Expression, in scope: Scope) throws(CypherError) {
    func type(_ x: Expression) -> StaticType? { Self.staticType(of: x, in: scope) }
    func mismatch(_ what: String, _ operand: Expression, _ found: StaticType, expected: String) -> CypherError
    {
      CypherError.compile(
        "InvalidArgumentType", "Type mismatch: \(what) expected \(expected) but got \(found.name)",
        at: operand.position)
    }
    switch e.kind {
    case .unary(.not, let operand):
      if let t = type(operand), t != .boolean, t != .null {
        throw mismatch("NOT", operand, t, expected: "a BOOLEAN")
      }
    case .binary(let op, let left, let right) where op == .and || op == .or || op == .xor:
      for operand in [left, right] {
        if let t = type(operand), t != .boolean, t != .null {
          throw mismatch(op.rawValue, operand, t, expected: "BOOLEAN operands")
        }
      }
    case .binary(let op, let left, let right)
    where [.subtract, .multiply, .divide, .modulo, .power, .add].contains(op):
      // `+` also joins strings and lists; the others take numbers (and
      // temporal values, whose types are never known here).
      let refused: [StaticType] =
        op == .add
        ? [.boolean, .map, .node, .relationship, .path]
        : [.boolean, .string, .list, .map, .node, .relationship, .path]
      // A list on either side of `+` takes any element.
      if op == .add && (type(left) == .list || type(right) == .list) { return }
      for operand in [left, right] {
        if let t = type(operand), refused.contains(t) {
          throw mismatch(op.rawValue, operand, t, expected: "numbers")
        }
      }
    case .binary(.in, _, let right):
      if let t = type(right), t != .list, t != .null {
        throw mismatch("IN", right, t, expected: "a LIST on its right")
      }
    case .property(let subject, let key):
      if let t = type(subject), [.boolean, .integer, .float, .string, .list].contains(t) {
        var error = CypherError.compile(
          "InvalidArgumentType", "Type mismatch: cannot read property `\(key)` of a \(t.name)",
          at: e.position)
        // openCypher classes this one as a TypeError although it is found
        // before the query runs.
        error.type = .typeError
        throw error
      }
    case .functionCall(let call) where call.namespace.isEmpty && call.arguments.count == 1:
      guard let t = type(call.arguments[0]), t != .null else { return }
      let accepted: [StaticType]
      switch call.name.lowercased() {
      case "labels": accepted = [.node]
      case "type": accepted = [.relationship]
      case "properties", "keys": accepted = [.node, .relationship, .map]
      case "size": accepted = [.list, .string]
      case "length", "nodes", "relationships": accepted = [.path]
      default: return
      }
      if !accepted.contains(t) {
        throw mismatch(
          "\(call.name)()", call.arguments[0], t,
          expected: accepted.map(\.name).joined(separator: " or "))
      }
    default:
      return
    }
  }
}
