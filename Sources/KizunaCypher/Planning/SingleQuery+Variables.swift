extension SingleQuery {
  /// Every variable name the clauses mention, bound or read. For a subquery this over-approximates
  /// the outer variables it reads, which is what the planner needs: a predicate holding the
  /// subquery waits until all of them are bound.
  func collectVariables(into out: inout Set<String>) {
    for clause in clauses { clause.collectVariables(into: &out) }
  }
}

extension Clause {
  func collectVariables(into out: inout Set<String>) {
    switch self {
    case .match(let m):
      for part in m.pattern.parts { part.collectVariables(into: &out) }
      m.predicate?.collectVariables(into: &out)
    case .unwind(let u):
      u.expression.collectVariables(into: &out)
      out.insert(u.variable)
    case .with(let w):
      w.projection.collectVariables(into: &out)
      w.predicate?.collectVariables(into: &out)
    case .return(let r):
      r.projection.collectVariables(into: &out)
    case .create(let c):
      for part in c.pattern.parts { part.collectVariables(into: &out) }
    case .merge(let m):
      m.part.collectVariables(into: &out)
      for action in m.actions { for item in action.items { item.collectVariables(into: &out) } }
    case .set(let s):
      for item in s.items { item.collectVariables(into: &out) }
    case .remove(let r):
      for item in r.items {
        switch item.kind {
        case .property(let entity, _): entity.collectVariables(into: &out)
        case .labels(let variable, _): out.insert(variable)
        }
      }
    case .delete(let d):
      for e in d.expressions { e.collectVariables(into: &out) }
    case .call(let c):
      for a in c.arguments ?? [] { a.collectVariables(into: &out) }
      for y in c.yieldItems ?? [] { out.insert(y.variable) }
      c.predicate?.collectVariables(into: &out)
    case .foreach(let f):
      out.insert(f.variable)
      f.list.collectVariables(into: &out)
      for inner in f.clauses { inner.collectVariables(into: &out) }
    }
  }
}

extension Projection {
  func collectVariables(into out: inout Set<String>) {
    for item in items {
      item.expression.collectVariables(into: &out)
      if let alias = item.alias { out.insert(alias) }
    }
    for sort in orderBy { sort.expression.collectVariables(into: &out) }
    skip?.collectVariables(into: &out)
    limit?.collectVariables(into: &out)
  }
}

extension SetItem {
  func collectVariables(into out: inout Set<String>) {
    switch kind {
    case .property(let entity, _, let value):
      entity.collectVariables(into: &out)
      value.collectVariables(into: &out)
    case .replaceProperties(let variable, let value), .mergeProperties(let variable, let value):
      out.insert(variable)
      value.collectVariables(into: &out)
    case .labels(let variable, _):
      out.insert(variable)
    }
  }
}
