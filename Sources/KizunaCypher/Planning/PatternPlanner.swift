import KizunaStore

/// Plans one MATCH pattern (or a pattern inside an expression): gives its
/// elements slots, picks for each part the cheapest place to start (a bound
/// node, an index seek, the smallest label, or all nodes), expands outward
/// from there, and places each WHERE conjunct right after the step that
/// binds its last variable.
struct PatternPlanner {
  let plan: PlanContext
  let compiler: ExpressionCompiler

  func plan(_ parts: [PatternPart], predicates: [Expression]) throws -> (
    PatternMatcher, leftover: [Expression]
  ) {
    var scope = compiler.scope
    let outer = Set(scope.names)
    var nodes: [NodeSpec] = [], rels: [RelationshipSpec] = [], layouts: [PartLayout] = []
    var pathSlots: [Int?] = []
    var bound = Set<Int>()  // slots bound before this pattern
    // Relationships whose variable was bound before: matched into a fresh
    // slot, then required to equal the earlier value.
    var boundRelationships: [Int: Int] = [:]
    // 1. Slots for every element.
    for part in parts {
      var layout = PartLayout(nodes: [], relationships: [])
      for (i, n) in part.element.nodes.enumerated() {
        var slot: Int
        if let v = n.variable, let existing = scope[v] {
          slot = existing
          if outer.contains(v) { bound.insert(slot) }
        } else {
          slot = plan.slots.next()
          if let v = n.variable { scope.bind(v, slot) }
        }
        nodes.append(NodeSpec(slot: slot, labels: n.labels, properties: [], variable: n.variable))
        layout.nodes.append(nodes.count - 1)
        if i < part.element.chain.count {
          let r = part.element.chain[i].relationship
          let slot = plan.slots.next()
          if let v = r.variable {
            if outer.contains(v), let existing = scope[v] {
              boundRelationships[rels.count] = existing
            } else {
              scope.bind(v, slot)
            }
          }
          var length: (Int, Int)?
          if let l = r.length {
            let cap = part.kind == .plain ? PatternMatcher.unboundedHops : Int(Int32.max)
            length = (Int(l.minimum ?? 1), l.maximum.map { Int(min($0, Int64(Int32.max))) } ?? cap)
          }
          let nodesSlot = (part.variable != nil || part.kind != .plain) && l(r) ? plan.slots.next() : nil
          rels.append(
            RelationshipSpec(
              slot: slot, nodesSlot: nodesSlot, types: r.types, direction: Direction(r.direction),
              length: length,
              properties: [], variable: r.variable))
          layout.relationships.append(rels.count - 1)
        }
      }
      layouts.append(layout)
      if let v = part.variable {
        let slot = plan.slots.next()
        scope.bind(v, slot)
        pathSlots.append(slot)
      } else if part.kind != .plain {
        pathSlots.append(plan.slots.next())
      } else {
        pathSlots.append(nil)
      }
    }
    // 2. Property maps, compiled in the scope that includes the pattern.
    let saved = compiler.scope
    compiler.scope = scope
    defer { compiler.scope = saved }
    var nodeIndex = 0, relIndex = 0
    for part in parts {
      for (i, n) in part.element.nodes.enumerated() {
        nodes[nodeIndex].properties = try propertyEntries(n.properties)
        if let properties = n.properties, case .map(let entries) = properties.kind {
          for entry in entries where entry.value.variableNames.isSubset(of: outer) {
            nodes[nodeIndex].seekableKeys.insert(entry.key)
          }
        }
        nodeIndex += 1
        if i < part.element.chain.count {
          rels[relIndex].properties = try propertyEntries(part.element.chain[i].relationship.properties)
          relIndex += 1
        }
      }
    }
    // 3. Steps.
    var pending = predicates.map { ($0, $0.variableNames.intersection(Set(scope.names).subtracting(outer))) }
    var steps: [MatchStep] = []
    var boundNames = Set<String>()
    var boundSlots = bound
    func place() throws {
      var keep: [(Expression, Set<String>)] = []
      for (e, needs) in pending {
        if needs.isSubset(of: boundNames) {
          steps.append(.filter(try compiler.compile(e)))
        } else {
          keep.append((e, needs))
        }
      }
      pending = keep
    }
    func checkBoundRelationship(_ r: Int) {
      guard let existing = boundRelationships[r] else { return }
      let fresh = rels[r].slot
      steps.append(
        .filter(
          CompiledExpression { row, _ in
            let earlier = row[existing]
            return .bool(!earlier.isNull && row[fresh] == earlier)
          }))
    }
    func bindNode(_ n: Int) {
      boundSlots.insert(nodes[n].slot)
      if let v = nodes[n].variable { boundNames.insert(v) }
    }
    try place()
    for (p, part) in parts.enumerated() {
      let layout = layouts[p]
      if part.kind != .plain, layout.relationships.count == 1 {
        for n in layout.nodes {
          if boundSlots.contains(nodes[n].slot) {
            steps.append(.check(node: n))
          } else {
            steps.append(.anchor(node: n, source: try anchorSource(nodes[n], predicates, outer, scope)))
          }
          bindNode(n)
          try place()
        }
        steps.append(
          .shortest(
            rel: layout.relationships[0], from: layout.nodes[0], to: layout.nodes[1],
            all: part.kind == .allShortestPaths))
      } else {
        // Start from a bound node if any, else the cheapest.
        var anchor = layout.nodes.firstIndex { boundSlots.contains(nodes[$0].slot) }
        if anchor == nil {
          var best = (cost: Int.max, position: 0, source: AnchorSource.allNodes)
          for (k, n) in layout.nodes.enumerated() {
            let source = try anchorSource(nodes[n], predicates, outer, scope)
            let c = cost(source)
            if c < best.cost { best = (c, k, source) }
          }
          anchor = best.position
          steps.append(.anchor(node: layout.nodes[best.position], source: best.source))
        } else if let a = anchor {
          steps.append(.anchor(node: layout.nodes[a], source: .bound))
        }
        let a = anchor ?? 0
        bindNode(layout.nodes[a])
        try place()
        // Right of the anchor, then left.
        for k in a..<layout.relationships.count {
          let to = layout.nodes[k + 1]
          let toBound = boundSlots.contains(nodes[to].slot)
          steps.append(
            .expand(
              rel: layout.relationships[k], from: layout.nodes[k], to: to, forward: true, toBound: toBound))
          checkBoundRelationship(layout.relationships[k])
          bindNode(to)
          if let v = rels[layout.relationships[k]].variable { boundNames.insert(v) }
          try place()
        }
        for k in stride(from: a - 1, through: 0, by: -1) {
          let to = layout.nodes[k]
          let toBound = boundSlots.contains(nodes[to].slot)
          steps.append(
            .expand(
              rel: layout.relationships[k], from: layout.nodes[k + 1], to: to, forward: false,
              toBound: toBound))
          checkBoundRelationship(layout.relationships[k])
          bindNode(to)
          if let v = rels[layout.relationships[k]].variable { boundNames.insert(v) }
          try place()
        }
      }
      if let slot = pathSlots[p] {
        steps.append(.path(slot: slot, part: p))
        if let v = part.variable { boundNames.insert(v) }
        try place()
      }
    }
    let pathSlot = parts.count == 1 ? pathSlots[0] : nil
    for node in nodes { node.resolveNames(in: plan.store) }
    let matcher = PatternMatcher(
      nodes: nodes, relationships: rels, parts: layouts, steps: steps, scopeAfter: scope, pathSlot: pathSlot)
    return (matcher, pending.map(\.0))
  }

  private func l(_ r: RelationshipPattern) -> Bool { r.length != nil }

  private func propertyEntries(_ e: Expression?) throws -> [(key: String, value: CompiledExpression)] {
    guard let e else { return [] }
    switch e.kind {
    case .map(let entries): return try entries.map { ($0.key, try compiler.compile($0.value)) }
    case .parameter:
      guard case .map(let m) = try compiler.compile(e).constant ?? .null else {
        throw CypherError.compile(
          "InvalidArgumentType", "A pattern's property parameter must be a map.", at: e.position)
      }
      return m.sorted { $0.key < $1.key }.map { ($0.key, CompiledExpression.literal($0.value)) }
    default:
      throw CypherError.compile("InvalidArgumentType", "Pattern properties must be a map.", at: e.position)
    }
  }

  private func cost(_ source: AnchorSource) -> Int {
    switch source {
    case .bound: return 0
    case .seek: return 1
    case .range(let label, _, _, _, _, _):
      return plan.store.labels.id(of: label).map { plan.store.nodeCount(withLabel: $0) / 4 + 2 } ?? 2
    case .label(let label):
      return plan.store.labels.id(of: label).map { plan.store.nodeCount(withLabel: $0) + 2 } ?? 2
    case .allNodes: return plan.store.liveNodeCount + 3
    }
  }

  /// The best way to find candidates for an unbound node.
  private func anchorSource(
    _ node: NodeSpec, _ predicates: [Expression], _ outer: Set<String>, _ scope: VariableScope
  )
    throws -> AnchorSource
  {
    let store = plan.store
    let saved = compiler.scope
    compiler.scope = scope
    defer { compiler.scope = saved }
    for label in node.labels {
      guard let l = store.labels.id(of: label) else { return .label(label) }
      for (key, value) in node.properties {
        if let k = store.keys.id(of: key), store.schema.index(label: l, key: k) != nil,
          value.constant != nil || node.seekableKeys.contains(key)
        {
          return .seek(label: label, key: key, value: value, many: false)
        }
      }
      guard let v = node.variable else { continue }
      for p in predicates {
        if let seek = try indexablePredicate(p, v, label, outer) { return seek }
      }
    }
    if let best = node.labels.min(by: { a, b in
      let ca = store.labels.id(of: a).map { store.nodeCount(withLabel: $0) } ?? 0
      let cb = store.labels.id(of: b).map { store.nodeCount(withLabel: $0) } ?? 0
      return ca < cb
    }) {
      return .label(best)
    }
    return .allNodes
  }

  /// `v.key = e`, `e = v.key`, `v.key IN e` and range comparisons, where `e`
  /// uses only variables bound before the pattern and an index exists.
  private func indexablePredicate(_ p: Expression, _ v: String, _ label: String, _ outer: Set<String>) throws
    -> AnchorSource?
  {
    let store = plan.store
    guard let l = store.labels.id(of: label) else { return nil }
    func propertyOf(_ e: Expression) -> String? {
      if case .property(let s, let key) = e.kind, case .variable(let name) = s.kind, name == v,
        let k = store.keys.id(of: key), store.schema.index(label: l, key: k) != nil
      {
        return key
      }
      return nil
    }
    guard case .binary(let op, let a, let b) = p.kind else { return nil }
    let usable = { (e: Expression) in e.variableNames.isSubset(of: outer) }
    if let key = propertyOf(a), usable(b) {
      let value = try compiler.compile(b)
      switch op {
      case .equal: return .seek(label: label, key: key, value: value, many: false)
      case .in: return .seek(label: label, key: key, value: value, many: true)
      case .less:
        return .range(
          label: label, key: key, lower: nil, lowerInclusive: false, upper: value, upperInclusive: false)
      case .lessOrEqual:
        return .range(
          label: label, key: key, lower: nil, lowerInclusive: false, upper: value, upperInclusive: true)
      case .greater:
        return .range(
          label: label, key: key, lower: value, lowerInclusive: false, upper: nil, upperInclusive: false)
      case .greaterOrEqual:
        return .range(
          label: label, key: key, lower: value, lowerInclusive: true, upper: nil, upperInclusive: false)
      default: return nil
      }
    }
    if let key = propertyOf(b), usable(a) {
      let value = try compiler.compile(a)
      switch op {
      case .equal: return .seek(label: label, key: key, value: value, many: false)
      case .less:
        return .range(
          label: label, key: key, lower: value, lowerInclusive: false, upper: nil, upperInclusive: false)
      case .greater:
        return .range(
          label: label, key: key, lower: nil, lowerInclusive: false, upper: value, upperInclusive: false)
      default: return nil
      }
    }
    return nil
  }
}

extension Direction {
  init(_ d: RelationshipDirection) {
    switch d {
    case .outgoing: self = .outgoing
    case .incoming: self = .incoming
    case .both: self = .both
    }
  }
}
