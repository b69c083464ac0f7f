// Patterns: `p = (a:L {k: v})-[r:T|U *1..3]->(b)`, shortestPath(...), ...

extension Parser {
  mutating func parsePattern() throws(CypherError) -> Pattern {
    let position = current.position
    var parts: [PatternPart] = []
    repeat {
      parts.append(try parsePatternPart())
    } while accept(.comma)
    return Pattern(parts: parts, position: position)
  }

  mutating func parsePatternPart() throws(CypherError) -> PatternPart {
    let position = current.position
    var variable: String?
    if atVariable && peek(1).kind == .equal {
      variable = try parseVariable()
      index += 1
    }
    var kind = PatternPart.Kind.plain
    if at(.shortestPath) || at(.allShortestPaths) {
      kind = at(.shortestPath) ? .shortestPath : .allShortestPaths
      index += 1
      try expect(.leftParen, "'('")
      let element = try parsePatternElement()
      try expect(.rightParen, "')'")
      return PatternPart(variable: variable, kind: kind, element: element, position: position)
    }
    let element = try parsePatternElement()
    return PatternPart(variable: variable, kind: kind, element: element, position: position)
  }

  /// A node and its chain of relationships; `((a)-->(b))` in parentheses is accepted too.
  mutating func parsePatternElement() throws(CypherError) -> PatternElement {
    try enterNesting()
    defer { depth -= 1 }
    if at(.leftParen) && peek(1).kind == .leftParen {
      index += 1
      let inner = try parsePatternElement()
      try expect(.rightParen, "')'")
      return inner
    }
    let position = current.position
    let start = try parseNodePattern()
    var chain: [PatternStep] = []
    while at(.minus) || (at(.less) && peek(1).kind == .minus) {
      let relationship = try parseRelationshipPattern()
      let node = try parseNodePattern()
      chain.append(PatternStep(relationship: relationship, node: node))
    }
    return PatternElement(start: start, chain: chain, position: position)
  }

  mutating func parseNodePattern() throws(CypherError) -> NodePattern {
    let position = try expect(.leftParen, "'(' to start a node pattern").position
    var variable: String?
    if atName {
      variable = try parseName("a variable name")
    }
    let labels = try parseLabels()
    let properties = try parsePatternProperties()
    try expect(.rightParen, "')' to close the node pattern")
    return NodePattern(variable: variable, labels: labels, properties: properties, position: position)
  }

  private mutating func parsePatternProperties() throws(CypherError) -> Expression? {
    let token = current
    if token.kind == .leftBrace {
      return Expression(.map(try parseMapLiteral()), at: token.position)
    }
    if token.kind == .parameter {
      index += 1
      return Expression(.parameter(parameterName(token)), at: token.position)
    }
    return nil
  }

  /// `-->`, `<--`, `--`, `-[...]->`, `<-[...]-`, `-[...]-`.
  private mutating func parseRelationshipPattern() throws(CypherError) -> RelationshipPattern {
    let position = current.position
    let pointsLeft = accept(.less)
    try expect(.minus, "'-'")
    var variable: String?
    var types: [String] = []
    var length: VariableLength?
    var properties: Expression?
    if accept(.leftBracket) {
      if atName {
        variable = try parseName("a variable name")
      }
      if accept(.colon) {
        types.append(try parseName("a relationship type"))
        while accept(.pipe) {
          _ = accept(.colon)
          types.append(try parseName("a relationship type"))
        }
      }
      if accept(.star) {
        length = try parseVariableLength()
      } else if at(.dotDot) || at(.integer) {
        throw invalidRelationshipPattern(
          "a variable-length relationship needs '*' before its bounds, as in -[:KNOWS*1..3]->")
      }
      properties = try parsePatternProperties()
      try expect(.rightBracket, "']' to close the relationship pattern")
    }
    try expect(.minus, "'-'")
    let pointsRight = accept(.greater)
    let direction: RelationshipDirection =
      pointsLeft == pointsRight ? .both : (pointsLeft ? .incoming : .outgoing)
    return RelationshipPattern(
      variable: variable, types: types, direction: direction, length: length, properties: properties,
      position: position)
  }

  private mutating func parseVariableLength() throws(CypherError) -> VariableLength {
    var minimum: Int64?
    try rejectNegativeBound()
    if at(.integer) {
      minimum = try integerValue(advance())
    }
    guard accept(.dotDot) else {
      return VariableLength(minimum: minimum, maximum: minimum)
    }
    var maximum: Int64?
    try rejectNegativeBound()
    if at(.integer) {
      maximum = try integerValue(advance())
    }
    return VariableLength(minimum: minimum, maximum: maximum)
  }

  /// `*-2`: the bounds of a variable-length relationship are counts of hops.
  private func rejectNegativeBound() throws(CypherError) {
    if at(.minus) && peek(1).kind == .integer {
      throw invalidRelationshipPattern(
        "the bounds of a variable-length relationship must be non-negative integers, as in *1..3")
    }
  }

  /// `SyntaxError.InvalidRelationshipPattern` at the current token.
  private func invalidRelationshipPattern(_ explanation: String) -> CypherError {
    let token = current
    return CypherError.syntax(
      "InvalidRelationshipPattern", "Invalid input '\(text(token))': \(explanation)",
      line: token.line, column: token.column)
  }
}
