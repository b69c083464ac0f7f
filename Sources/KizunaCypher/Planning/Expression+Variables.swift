extension Expression {
  /// Every variable name the expression mentions (including names bound
  /// inside comprehensions; callers intersect with the names they care about).
  var variableNames: Set<String> {
    var out = Set<String>()
    collectVariables(into: &out)
    return out
  }

  func collectVariables(into out: inout Set<String>) {
    switch kind {
    case .literal, .parameter, .countStar: return
    case .variable(let name): out.insert(name)
    case .list(let items): for i in items { i.collectVariables(into: &out) }
    case .map(let entries): for e in entries { e.value.collectVariables(into: &out) }
    case .property(let e, _), .hasLabels(let e, _), .unary(_, let e), .isNull(let e, _), .exists(let e):
      e.collectVariables(into: &out)
    case .subscript(let a, let b), .binary(_, let a, let b):
      a.collectVariables(into: &out)
      b.collectVariables(into: &out)
    case .slice(let a, let b, let c):
      a.collectVariables(into: &out)
      b?.collectVariables(into: &out)
      c?.collectVariables(into: &out)
    case .comparisonChain(let first, let links):
      first.collectVariables(into: &out)
      for l in links { l.operand.collectVariables(into: &out) }
    case .functionCall(let call): for a in call.arguments { a.collectVariables(into: &out) }
    case .caseExpression(let c):
      c.subject?.collectVariables(into: &out)
      for a in c.alternatives {
        a.condition.collectVariables(into: &out)
        a.result.collectVariables(into: &out)
      }
      c.elseValue?.collectVariables(into: &out)
    case .listComprehension(let c):
      c.list.collectVariables(into: &out)
      c.predicate?.collectVariables(into: &out)
      c.projection?.collectVariables(into: &out)
    case .patternComprehension(let c):
      c.pattern.collectVariables(into: &out)
      c.predicate?.collectVariables(into: &out)
      c.projection.collectVariables(into: &out)
    case .pattern(let part): part.collectVariables(into: &out)
    case .subquery(let s): s.query.collectVariables(into: &out)
    case .quantifier(_, _, let list, let predicate):
      list.collectVariables(into: &out)
      predicate?.collectVariables(into: &out)
    case .reduce(_, let initial, _, let list, let step):
      initial.collectVariables(into: &out)
      list.collectVariables(into: &out)
      step.collectVariables(into: &out)
    case .mapProjection(let variable, let items):
      out.insert(variable)
      for i in items {
        switch i.kind {
        case .literal(_, let v): v.collectVariables(into: &out)
        case .variable(let name): out.insert(name)
        default: break
        }
      }
    }
  }

  /// The conjuncts of an AND chain.
  var conjuncts: [Expression] {
    if case .binary(.and, let l, let r) = kind { return l.conjuncts + r.conjuncts }
    return [self]
  }
}

extension PatternPart {
  func collectVariables(into out: inout Set<String>) {
    if let v = variable { out.insert(v) }
    for n in element.nodes {
      if let v = n.variable { out.insert(v) }
      n.properties?.collectVariables(into: &out)
    }
    for s in element.chain {
      if let v = s.relationship.variable { out.insert(v) }
      s.relationship.properties?.collectVariables(into: &out)
    }
  }

  /// Variables this pattern introduces or mentions as elements.
  var elementVariables: Set<String> {
    var out = Set<String>()
    if let v = variable { out.insert(v) }
    for n in element.nodes { if let v = n.variable { out.insert(v) } }
    for s in element.chain { if let v = s.relationship.variable { out.insert(v) } }
    return out
  }
}
