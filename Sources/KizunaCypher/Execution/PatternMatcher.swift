import KizunaStore

/// Runs a planned pattern against a row: binds anchors, expands along
/// relationships, checks pushed-down filters as soon as their variables are
/// bound, and keeps relationships unique within one match.
final class PatternMatcher {
  let nodes: [NodeSpec]
  let relationships: [RelationshipSpec]
  let parts: [PartLayout]
  let steps: [MatchStep]
  /// The variables visible after matching.
  let scopeAfter: VariableScope
  /// The path slot when the pattern is a single named or shortest path.
  let pathSlot: Int?
  /// For each step index: the `.filter` steps that start there and the
  /// index of the step after them, so an expansion checks the filters that
  /// follow it inline per relationship instead of stepping through them.
  private let filterRuns: [(filters: [CompiledExpression], next: Int)]
  /// Upper bound for unbounded variable-length patterns, so a runaway
  /// pattern stops instead of exhausting the machine.
  static let unboundedHops = 64

  init(
    nodes: [NodeSpec], relationships: [RelationshipSpec], parts: [PartLayout], steps: [MatchStep],
    scopeAfter: VariableScope, pathSlot: Int?
  ) {
    self.nodes = nodes
    self.relationships = relationships
    self.parts = parts
    self.steps = steps
    self.scopeAfter = scopeAfter
    self.pathSlot = pathSlot
    var runs: [(filters: [CompiledExpression], next: Int)] = []
    for start in 0...steps.count {
      var filters: [CompiledExpression] = []
      var k = start
      while k < steps.count, case .filter(let f) = steps[k] {
        filters.append(f)
        k += 1
      }
      runs.append((filters, k))
    }
    filterRuns = runs
  }

  func forEachMatch(_ row: Row, _ ctx: ExecutionContext, _ body: (Row) throws -> Bool) throws {
    var r = row
    var used: [Int] = []
    _ = try run(0, &r, &used, ctx, body)
  }

  func exists(_ row: Row, _ ctx: ExecutionContext) throws -> Bool {
    var found = false
    try forEachMatch(row, ctx) { _ in
      found = true
      return false
    }
    return found
  }

  /// Returns false when the consumer asked to stop.
  private func run(
    _ i: Int, _ row: inout Row, _ used: inout [Int], _ ctx: ExecutionContext, _ body: (Row) throws -> Bool
  ) throws -> Bool {
    if i == steps.count { return try body(row) }
    switch steps[i] {
    case .filter(let predicate):
      guard case .bool(true) = try predicate.evaluate(row, ctx) else { return true }
      return try run(i + 1, &row, &used, ctx, body)
    case .check(let n):
      guard case .node(let id) = row[nodes[n].slot], try accepts(id, nodes[n], row, ctx) else { return true }
      return try run(i + 1, &row, &used, ctx, body)
    case .anchor(let n, let source):
      let spec = nodes[n]
      if case .bound = source {
        guard case .node(let id) = row[spec.slot], try accepts(id, spec, row, ctx) else { return true }
        return try run(i + 1, &row, &used, ctx, body)
      }
      for id in try candidates(source, row, ctx) {
        try ctx.tick()
        guard try accepts(id, spec, row, ctx) else { continue }
        row[spec.slot] = .node(id)
        if !(try run(i + 1, &row, &used, ctx, body)) { return false }
      }
      return true
    case .expand(let r, let from, let to, let forward, let toBound):
      guard case .node(let start) = row[nodes[from].slot] else { return true }
      let spec = relationships[r]
      if spec.length != nil {
        return try expandVariable(i, r, start, to, forward, toBound, &row, &used, ctx, body)
      }
      guard let types = resolveTypes(spec.types, ctx) else { return true }
      let direction = forward ? spec.direction : spec.direction.reversed
      let target = nodes[to]
      // Everything the per-relationship loop reads is fetched once here:
      // class properties and store arrays read per relationship cost a
      // checked access and a retain/release pair each.
      let targetSlot = target.slot, relSlot = spec.slot
      let required: NodeID? = toBound ? (row[targetSlot].nodeID ?? -1) : nil
      let checksRelationship = !spec.properties.isEmpty
      let check = NodeCheck(target, ctx.store)
      let store = ctx.store
      let liveRelationships = store.liveRelationships
      let (filters, next) = filterRuns[i + 1]

      func visit(_ neighbor: NodeID, _ rel: RelationshipID, _ row: inout Row, _ used: inout [Int]) throws
        -> Bool
      {
        try ctx.tick()
        if let required, neighbor != required { return true }
        if !used.isEmpty && used.contains(rel) { return true }
        if checksRelationship { guard try relationshipAccepts(rel, spec, row, ctx) else { return true } }
        if let simple = check.simple {
          guard simple.accepts(neighbor) else { return true }
        } else {
          guard try accepts(neighbor, target, row, ctx) else { return true }
        }
        row[relSlot] = .relationship(rel)
        row[targetSlot] = .node(neighbor)
        if !filters.isEmpty {
          let passed = try filters.withUnsafeBufferPointer { fs in
            for k in fs.indices {
              guard case .bool(true) = try fs[k].evaluate(row, ctx) else { return false }
            }
            return true
          }
          if !passed { return true }
        }
        used.append(rel)
        let keepGoing = try run(next, &row, &used, ctx, body)
        used.removeLast()
        return keepGoing
      }

      /// One adjacency block (and the entries added since it was built).
      func scan(_ adjacency: Adjacency, skipSelf: Bool, _ row: inout Row, _ used: inout [Int]) throws -> Bool
      {
        let range = adjacency.blockRange(start)
        if !range.isEmpty {
          let finished = try adjacency.withUnsafeBlock { _, neighbors, relationships in
            for k in range {
              let rel = Int(relationships[k])
              guard liveRelationships.contains(rel) else { continue }
              let neighbor = Int(neighbors[k])
              if skipSelf && neighbor == start { continue }
              if !(try visit(neighbor, rel, &row, &used)) { return false }
            }
            return true
          }
          if !finished { return false }
        }
        if adjacency.hasAdded, let extra = adjacency.added[UInt32(truncatingIfNeeded: start)] {
          for e in extra {
            let rel = Int(e.relationship), neighbor = Int(e.neighbor)
            guard liveRelationships.contains(rel) else { continue }
            if skipSelf && neighbor == start { continue }
            if !(try visit(neighbor, rel, &row, &used)) { return false }
          }
        }
        return true
      }

      // Same order as `GraphStore.forEachRelationship`: per type, outgoing
      // then incoming; with `.both` a self-loop is reported once.
      let typeCount = types?.count ?? store.outgoing.count
      for ti in 0..<typeCount {
        let t = types.map { Int($0[ti]) } ?? ti
        guard t >= 0, t < store.outgoing.count else { continue }
        if direction != .incoming {
          if !(try scan(store.outgoing[t], skipSelf: false, &row, &used)) { return false }
        }
        if direction != .outgoing {
          if !(try scan(store.incoming[t], skipSelf: direction == .both, &row, &used)) { return false }
        }
      }
      return true
    case .shortest(let r, let from, let to, let all):
      guard case .node(let a) = row[nodes[from].slot], case .node(let b) = row[nodes[to].slot] else {
        return true
      }
      let spec = relationships[r]
      guard let types = resolveTypes(spec.types, ctx) else { return true }
      let finder = ShortestPathFinder(store: ctx.store, types: types, direction: spec.direction)
      let (minHops, maxHops) = spec.length ?? (1, 1)
      let paths =
        try all
        ? finder.allShortest(from: a, to: b, minHops: minHops, maxHops: maxHops, ctx)
        : finder.shortest(from: a, to: b, minHops: minHops, maxHops: maxHops, ctx).map { [$0] } ?? []
      for p in paths {
        row[spec.slot] = .list(p.relationships.map { .relationship($0) })
        if let ns = spec.nodesSlot { row[ns] = .list(p.nodes.map { .node($0) }) }
        if !(try run(i + 1, &row, &used, ctx, body)) { return false }
      }
      return true
    case .path(let slot, let part):
      row[slot] = buildPath(parts[part], row)
      return try run(i + 1, &row, &used, ctx, body)
    }
  }

  // MARK: Variable length

  private func expandVariable(
    _ i: Int, _ r: Int, _ start: NodeID, _ to: Int, _ forward: Bool, _ toBound: Bool, _ row: inout Row,
    _ used: inout [Int], _ ctx: ExecutionContext, _ body: (Row) throws -> Bool
  ) throws -> Bool {
    let spec = relationships[r]
    guard let types = resolveTypes(spec.types, ctx), let (minHops, maxHops) = spec.length else { return true }
    let direction = forward ? spec.direction : spec.direction.reversed
    let target = nodes[to]
    let required: NodeID? = toBound ? (row[target.slot].nodeID ?? -1) : nil
    var relPath: [Int] = []
    var nodePath: [Int] = [start]

    func visit(_ node: NodeID, _ row: inout Row, _ used: inout [Int]) throws -> Bool {
      if relPath.count >= minHops, required == nil || node == required, try accepts(node, target, row, ctx) {
        let rels = forward ? relPath : relPath.reversed()
        let passed = forward ? nodePath : nodePath.reversed()
        row[spec.slot] = .list(rels.map { .relationship($0) })
        if let ns = spec.nodesSlot { row[ns] = .list(passed.map { .node($0) }) }
        row[target.slot] = .node(node)
        if !(try run(i + 1, &row, &used, ctx, body)) { return false }
      }
      if relPath.count >= maxHops { return true }
      var keepGoing = true
      try eachRelationship(node, types, direction, ctx) { neighbor, rel in
        try ctx.tick()
        if used.contains(rel) { return true }
        guard try relationshipAccepts(rel, spec, row, ctx) else { return true }
        relPath.append(rel)
        nodePath.append(neighbor)
        used.append(rel)
        keepGoing = try visit(neighbor, &row, &used)
        used.removeLast()
        relPath.removeLast()
        nodePath.removeLast()
        return keepGoing
      }
      return keepGoing
    }
    return try visit(start, &row, &used)
  }

  // MARK: Helpers

  /// A node spec's check with what it reads fetched once, for loops that
  /// test many candidate nodes: `simple` is set when the spec has no
  /// property constraints and only labels with known ids below 64, so the
  /// check is a bit test on local copies of the store's arrays.
  struct NodeCheck {
    struct Simple {
      let live: Bitset
      let labelBits: [UInt64]
      let mask: UInt64

      @inline(__always) func accepts(_ id: NodeID) -> Bool {
        guard live.contains(id) else { return false }
        if mask == 0 { return true }
        return id < labelBits.count && labelBits[id] & mask == mask
      }
    }
    let simple: Simple?

    init(_ spec: NodeSpec, _ store: GraphStore) {
      guard spec.properties.isEmpty else {
        simple = nil
        return
      }
      var mask: UInt64 = 0
      for id in spec.labelIDs {
        guard let id, id >= 0, id < 64 else {
          simple = nil
          return
        }
        mask |= 1 &<< UInt64(id)
      }
      guard spec.labelIDs.count == spec.labels.count else {
        simple = nil
        return
      }
      simple = Simple(live: store.liveNodes, labelBits: mask == 0 ? [] : store.labelBits, mask: mask)
    }
  }

  private struct StopIteration: Error {}

  /// Calls `body(neighbor, rel)` until it returns false.
  private func eachRelationship(
    _ node: NodeID, _ types: [Int32]?, _ direction: Direction, _ ctx: ExecutionContext,
    _ body: (NodeID, RelationshipID) throws -> Bool
  ) throws {
    do {
      if let types {
        for t in types {
          try ctx.store.forEachRelationship(of: node, type: t, direction: direction) { n, r in
            if !(try body(n, r)) { throw StopIteration() }
          }
        }
      } else {
        try ctx.store.forEachRelationship(of: node, direction: direction) { n, r in
          if !(try body(n, r)) { throw StopIteration() }
        }
      }
    } catch is StopIteration {}
  }

  /// nil: no relationship can match (a named type that does not exist);
  /// `.some(nil)`: any type.
  private func resolveTypes(_ names: [String], _ ctx: ExecutionContext) -> [Int32]?? {
    if names.isEmpty { return .some(nil) }
    // A type named twice (`[:T|T]`) still matches each relationship once.
    var ids: [Int32] = []
    for name in names {
      if let t = ctx.store.types.id(of: name), !ids.contains(t) { ids.append(t) }
    }
    return ids.isEmpty ? nil : .some(ids)
  }

  private func candidates(_ source: AnchorSource, _ row: Row, _ ctx: ExecutionContext) throws -> [NodeID] {
    let store = ctx.store
    switch source {
    case .bound: return []
    case .allNodes:
      return (0..<store.nodeIDLimit).filter { store.nodeExists($0) }
    case .label(let name):
      guard let l = store.labels.id(of: name) else { return [] }
      return store.nodes(withLabel: l).map { Int($0) }
    case .seek(let label, let key, let value, let many):
      guard let l = store.labels.id(of: label), let k = store.keys.id(of: key),
        let index = store.schema.index(label: l, key: k)
      else { return [] }
      let v = try value.evaluate(row, ctx)
      if many {
        guard case .list(let items) = v else { return [] }
        var out = Set<NodeID>()
        for item in items { for n in index.lookup(item) { out.insert(Int(n)) } }
        return out.sorted()
      }
      return index.lookup(v).map { Int($0) }
    case .range(let label, let key, let lower, let lowerInclusive, let upper, let upperInclusive):
      guard let l = store.labels.id(of: label), let k = store.keys.id(of: key),
        let index = store.schema.index(label: l, key: k)
      else { return [] }
      let lo = try lower?.evaluate(row, ctx), hi = try upper?.evaluate(row, ctx)
      if lo?.isNull == true || hi?.isNull == true { return [] }
      return index.range(lower: lo, lowerInclusive: lowerInclusive, upper: hi, upperInclusive: upperInclusive)
        .map { Int($0) }
    }
  }

  private func accepts(_ id: NodeID, _ spec: NodeSpec, _ row: Row, _ ctx: ExecutionContext) throws -> Bool {
    let store = ctx.store
    guard store.nodeExists(id) else { return false }
    for (i, name) in spec.labels.enumerated() {
      guard let l = spec.labelIDs[i] ?? store.labels.id(of: name), store.hasLabel(id, l) else { return false }
    }
    for (i, (key, expected)) in spec.properties.enumerated() {
      guard let k = spec.keyIDs[i] ?? store.keys.id(of: key), let actual = store.nodeProperty(id, k) else {
        return false
      }
      guard actual.cypherEquals(try expected.evaluate(row, ctx)) == true else { return false }
    }
    return true
  }

  private func relationshipAccepts(
    _ id: RelationshipID, _ spec: RelationshipSpec, _ row: Row, _ ctx: ExecutionContext
  )
    throws -> Bool
  {
    for (key, expected) in spec.properties {
      guard let k = ctx.store.keys.id(of: key), let actual = ctx.store.relationshipProperty(id, k) else {
        return false
      }
      guard actual.cypherEquals(try expected.evaluate(row, ctx)) == true else { return false }
    }
    return true
  }

  private func buildPath(_ part: PartLayout, _ row: Row) -> Value {
    guard let first = row[nodes[part.nodes[0]].slot].nodeID else { return .null }
    var pathNodes = [first]
    var pathRels: [RelationshipID] = []
    for (k, r) in part.relationships.enumerated() {
      let spec = relationships[r]
      switch row[spec.slot] {
      case .relationship(let id):
        pathRels.append(id)
      case .list(let items):
        // A zero-length hop adds no relationship and stays on the same node.
        if items.isEmpty { continue }
        pathRels.append(contentsOf: items.compactMap(\.relationshipID))
        if let ns = spec.nodesSlot, case .list(let passed) = row[ns] {
          pathNodes.append(contentsOf: passed.dropFirst().dropLast().compactMap(\.nodeID))
        }
      default: return .null
      }
      guard let next = row[nodes[part.nodes[k + 1]].slot].nodeID else { return .null }
      pathNodes.append(next)
    }
    return .path(PathValue(nodes: pathNodes, relationships: pathRels))
  }
}

extension Direction {
  var reversed: Direction {
    switch self {
    case .outgoing: return .incoming
    case .incoming: return .outgoing
    case .both: return .both
    }
  }
}

extension Value {
  var nodeID: NodeID? {
    if case .node(let id) = self { return id }
    return nil
  }

  var relationshipID: RelationshipID? {
    if case .relationship(let id) = self { return id }
    return nil
  }
}
