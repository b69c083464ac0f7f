// Binding pattern variables in MATCH, CREATE and MERGE.

extension SemanticChecker {
  /// MATCH: new variables are bound; bound ones are reused if their kind fits.
  func declareMatched(_ part: PatternPart, in scope: inout Scope, relationshipsSeen: inout Set<String>)
    throws(CypherError)
  {
    for node in part.element.nodes {
      try rejectParameterMap(node.properties)
      guard let variable = node.variable else { continue }
      try bindCompatible(variable, as: .node, in: &scope, at: node.position)
    }
    for step in part.element.chain {
      let relationship = step.relationship
      try rejectParameterMap(relationship.properties)
      guard let variable = relationship.variable else { continue }
      guard relationshipsSeen.insert(variable).inserted else {
        throw CypherError.compile(
          "RelationshipUniquenessViolation",
          "Cannot use the same relationship variable `\(variable)` for multiple relationships",
          at: relationship.position)
      }
      let kind: VariableKind = relationship.length == nil ? .relationship : .relationshipList
      try bindCompatible(variable, as: kind, in: &scope, at: relationship.position)
    }
    if let path = part.variable {
      try declareNew(path, as: .path, in: &scope, at: part.position)
    }
  }

  /// A pattern that matches must spell out its properties: `(n $param)` is
  /// only allowed in CREATE.
  func rejectParameterMap(_ properties: Expression?) throws(CypherError) {
    guard let properties, case .parameter = properties.kind else { return }
    throw CypherError.compile(
      "InvalidParameterUse", "Parameter maps cannot be used in MATCH or MERGE patterns; use a map literal",
      at: properties.position)
  }

  /// CREATE and MERGE: relationships and paths are always new; a bound node may be reused
  /// only as a bare endpoint, `(a)`, of a relationship.
  func declareCreated(_ part: PatternPart, in scope: inout Scope, clause: String) throws(CypherError) {
    for node in part.element.nodes {
      guard let variable = node.variable else { continue }
      guard scope.contains(variable) else {
        scope.bind(variable, as: .node)
        continue
      }
      try bindCompatible(variable, as: .node, in: &scope, at: node.position)
      if !node.labels.isEmpty || node.properties != nil {
        throw CypherError.compile(
          "VariableAlreadyBound",
          "Can't create node `\(variable)` with labels or properties here. "
            + "The variable is already declared in this context", at: node.position)
      }
      if part.element.chain.isEmpty {
        throw CypherError.compile(
          "VariableAlreadyBound", "Can't create node `\(variable)`: the variable is already declared",
          at: node.position)
      }
    }
    for step in part.element.chain {
      let relationship = step.relationship
      if let variable = relationship.variable {
        try declareNew(variable, as: .relationship, in: &scope, at: relationship.position)
      }
      guard relationship.types.count == 1 else {
        throw CypherError.compile(
          "NoSingleRelationshipType",
          "A single relationship type must be specified for \(clause), as in -[:TYPE]->",
          at: relationship.position)
      }
      if relationship.length != nil {
        throw CypherError.compile(
          "CreatingVarLength", "Variable length relationships cannot be used in \(clause)",
          at: relationship.position)
      }
      if clause == "CREATE" && relationship.direction == .both {
        throw CypherError.compile(
          "RequiresDirectedRelationship", "Only directed relationships are supported in CREATE",
          at: relationship.position)
      }
    }
    if let path = part.variable {
      try declareNew(path, as: .path, in: &scope, at: part.position)
    }
  }

  /// Binds a variable, or checks that its earlier binding has a compatible kind.
  func bindCompatible(
    _ name: String, as kind: VariableKind, in scope: inout Scope, at position: SourcePosition
  )
    throws(CypherError)
  {
    guard let existing = scope.kind(of: name) else {
      scope.bind(name, as: kind)
      return
    }
    let compatible =
      existing == kind || existing == .value
      || (kind == .relationship && existing == .relationshipList)
      || (kind == .relationshipList && (existing == .relationship || existing == .list))
    guard compatible else {
      throw CypherError.compile(
        "VariableTypeConflict",
        "Type mismatch: `\(name)` is defined with conflicting type \(existing.description) "
          + "(expected \(kind.description))", at: position)
    }
  }

  /// Property maps of node and relationship patterns, once the pattern's variables are bound.
  func checkPatternProperties(_ parts: [PatternPart], in scope: Scope) throws(CypherError) {
    for part in parts {
      for node in part.element.nodes {
        if let properties = node.properties {
          try checkExpression(properties, in: scope, .forbidden("pattern"))
        }
      }
      for step in part.element.chain {
        if let properties = step.relationship.properties {
          try checkExpression(properties, in: scope, .forbidden("pattern"))
        }
      }
    }
  }
}
