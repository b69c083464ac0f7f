/// A comma-separated list of pattern parts, as in `MATCH (a)-->(b), (c)`.
public struct Pattern: Sendable, Equatable {
  public var parts: [PatternPart]
  public var position: SourcePosition

  public init(parts: [PatternPart], position: SourcePosition) {
    self.parts = parts
    self.position = position
  }
}

/// One connected path pattern, optionally named (`p = ...`) and optionally
/// wrapped in `shortestPath(...)` or `allShortestPaths(...)`.
public struct PatternPart: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case plain
    case shortestPath
    case allShortestPaths
  }

  /// The path variable, `p` in `p = (a)-->(b)`.
  public var variable: String?
  public var kind: Kind
  public var element: PatternElement
  public var position: SourcePosition

  public init(variable: String?, kind: Kind, element: PatternElement, position: SourcePosition) {
    self.variable = variable
    self.kind = kind
    self.element = element
    self.position = position
  }
}

/// A node followed by zero or more (relationship, node) steps.
public struct PatternElement: Sendable, Equatable {
  public var start: NodePattern
  public var chain: [PatternStep]
  public var position: SourcePosition

  public init(start: NodePattern, chain: [PatternStep], position: SourcePosition) {
    self.start = start
    self.chain = chain
    self.position = position
  }

  /// All nodes in order: `start` then each step's node.
  public var nodes: [NodePattern] { [start] + chain.map(\.node) }
}

/// `-[relationship]-(node)`: one hop of a pattern element.
public struct PatternStep: Sendable, Equatable {
  public var relationship: RelationshipPattern
  public var node: NodePattern

  public init(relationship: RelationshipPattern, node: NodePattern) {
    self.relationship = relationship
    self.node = node
  }
}

/// `(variable:Label:Other {key: value})` or `(variable $parameter)`.
public struct NodePattern: Sendable, Equatable {
  public var variable: String?
  public var labels: [String]
  /// A `.map` literal or a `.parameter` expression.
  public var properties: Expression?
  public var position: SourcePosition

  public init(variable: String?, labels: [String], properties: Expression?, position: SourcePosition) {
    self.variable = variable
    self.labels = labels
    self.properties = properties
    self.position = position
  }
}

/// The direction of a relationship pattern, read left to right.
public enum RelationshipDirection: Sendable, Equatable {
  /// `-->`
  case outgoing
  /// `<--`
  case incoming
  /// `--` (or `<-->`): either direction.
  case both
}

/// `-[variable:TYPE|OTHER *min..max {key: value}]->`.
public struct RelationshipPattern: Sendable, Equatable {
  public var variable: String?
  /// Alternatives: the relationship has any one of these types. Empty means any type.
  public var types: [String]
  public var direction: RelationshipDirection
  /// Nil for a single hop; present for `*`, `*2`, `*1..3`, `*..5`, `*3..`.
  public var length: VariableLength?
  /// A `.map` literal or a `.parameter` expression.
  public var properties: Expression?
  public var position: SourcePosition

  public init(
    variable: String?, types: [String], direction: RelationshipDirection, length: VariableLength?,
    properties: Expression?, position: SourcePosition
  ) {
    self.variable = variable
    self.types = types
    self.direction = direction
    self.length = length
    self.properties = properties
    self.position = position
  }
}

/// Bounds of a variable-length relationship. `*` is `(nil, nil)`, `*2` is
/// `(2, 2)`, `*1..3` is `(1, 3)`, `*..5` is `(nil, 5)`, `*3..` is `(3, nil)`.
/// A missing minimum means 1; a missing maximum means unbounded.
public struct VariableLength: Sendable, Equatable {
  public var minimum: Int64?
  public var maximum: Int64?

  public init(minimum: Int64?, maximum: Int64?) {
    self.minimum = minimum
    self.maximum = maximum
  }
}
