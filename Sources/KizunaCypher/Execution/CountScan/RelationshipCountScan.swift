import KizunaStore

/// Counts the matches of a one-relationship pattern such as
/// `(a:Person)-[:KNOWS]->(b:Person) WHERE b.born > a.born` in one pass over
/// the CSR adjacency blocks and typed property columns, without building
/// rows. `CountScanPlanner` plans it only where its count equals what the
/// generic match and aggregation would produce.
///
/// The scan walks the blocks of one end (the source side: the smaller label,
/// or the left node) and checks the other end (the neighbor) per entry.
/// Conditions on one node alone become bit words computed once per scan;
/// comparisons across the two ends (or on the relationship) run per entry,
/// through a specialized loop when there is a single one between two typed
/// node columns.
final class RelationshipCountScan {
  enum Side {
    case left, right
  }

  enum Operand {
    case node(Side, ScanColumn)
    case relationship(ScanColumn)
    case constant(ScanNumber)
  }

  struct Comparison {
    var op: ScanOperator
    var left: Operand
    var right: Operand
  }

  /// Relationship type ids, distinct.
  let types: [Int32]
  /// The pattern's direction, seen from the left node.
  let direction: Direction
  let left: NodeCondition
  let right: NodeCondition
  let relationshipPresent: [ScanColumn]
  let relationshipAbsent: [ScanColumn]
  /// Comparisons that involve both ends or the relationship.
  let comparisons: [Comparison]
  /// Known when planning to match nothing (a missing label, type or property).
  let matchesNothing: Bool
  /// The pattern as EXPLAIN shows it.
  let text: String

  init(
    types: [Int32], direction: Direction, left: NodeCondition, right: NodeCondition,
    relationshipPresent: [ScanColumn], relationshipAbsent: [ScanColumn], comparisons: [Comparison],
    matchesNothing: Bool, text: String
  ) {
    self.types = types
    self.direction = direction
    self.left = left
    self.right = right
    self.relationshipPresent = relationshipPresent
    self.relationshipAbsent = relationshipAbsent
    self.comparisons = comparisons
    self.matchesNothing = matchesNothing
    self.text = text
  }

  /// Source rows per time-limit check.
  private static let chunk = 1 << 15

  /// The operands of one entry's checks, resolved for the chosen source side.
  private enum EntryOperand {
    case source(ScanColumn)
    case neighbor(ScanColumn)
    case relationship(ScanColumn)
    case constant(ScanNumber)
  }

  private struct EntryComparison {
    var op: ScanOperator
    var left: EntryOperand
    var right: EntryOperand
  }

  func count(_ ctx: ExecutionContext) throws -> Int {
    if matchesNothing { return 0 }
    let store = ctx.store
    let side = sourceSide(store)
    let (sourceCondition, neighborCondition) = side == .left ? (left, right) : (right, left)
    let along = side == .left ? direction : direction.reversed
    let entryComparisons = comparisons.map { c in
      EntryComparison(op: c.op, left: resolve(c.left, side), right: resolve(c.right, side))
    }

    // Sources: a short label list when one is much smaller than the graph,
    // else every row of the block.
    let list = sparseList(sourceCondition, store)
    let sourceBits: [UInt64]? =
      list != nil || sourceCondition.holdsEverywhere(store) ? nil : sourceCondition.bits(store)
    let sources = list?.filter { sourceCondition.accepts(Int($0), store) }
    let neighbors: NodeFilter =
      neighborCondition.holdsEverywhere(store)
      ? .all : (list != nil ? .direct(neighborCondition) : .bits(neighborCondition.bits(store)))
    var liveRelationships: [UInt64]?
    if store.liveRelationshipCount != store.relationshipIDLimit {
      liveRelationships = store.liveRelationships.storageWords
    }

    var total = 0
    for t in types where t >= 0 && Int(t) < store.outgoing.count && Int(t) < store.incoming.count {
      var blocks: [(Adjacency, skipSelfLoops: Bool)] = []
      if along != .incoming { blocks.append((store.outgoing[Int(t)], false)) }
      if along != .outgoing { blocks.append((store.incoming[Int(t)], along == .both)) }
      for (block, skipSelfLoops) in blocks {
        let checks = CountKernels.Checks(
          neighborBits: neighbors.words, liveRelationships: liveRelationships, skipSelfLoops: skipSelfLoops)
        let rows = block.blockRowCount
        if let sources {
          var start = 0
          while start < sources.count {
            try ctx.checkLimits()
            let end = Swift.min(sources.count, start + Self.chunk)
            total += countBlock(
              block, .list(sources[start..<end]), checks, neighbors, entryComparisons, store)
            start = end
          }
        } else {
          var start = 0
          while start < rows {
            try ctx.checkLimits()
            let end = Swift.min(rows, start + Self.chunk)
            total += countBlock(
              block, .rows(start..<end, bits: sourceBits), checks, neighbors, entryComparisons, store)
            start = end
          }
        }
        if block.hasAdded {
          total += countAdded(
            block, skipSelfLoops, sourceCondition, neighborCondition, entryComparisons, store)
        }
      }
    }
    return total
  }

  /// The side whose adjacency is walked: the one with the smaller label, as
  /// the generic planner would anchor; the left on a tie.
  private func sourceSide(_ store: GraphStore) -> Side {
    func size(_ c: NodeCondition) -> Int {
      c.labels.map { store.nodeCount(withLabel: $0) }.min() ?? store.nodeIDLimit
    }
    return size(right) < size(left) ? .right : .left
  }

  /// The members of the condition's smallest label, when few enough that
  /// visiting them beats a pass over every row.
  private func sparseList(_ c: NodeCondition, _ store: GraphStore) -> [UInt32]? {
    guard let smallest = c.labels.min(by: { store.nodeCount(withLabel: $0) < store.nodeCount(withLabel: $1) })
    else { return nil }
    let members = store.nodes(withLabel: smallest)
    return members.count * 4 < store.nodeIDLimit ? members : nil
  }

  private func resolve(_ o: Operand, _ source: Side) -> EntryOperand {
    switch o {
    case .node(let side, let column): return side == source ? .source(column) : .neighbor(column)
    case .relationship(let column): return .relationship(column)
    case .constant(let n): return .constant(n)
    }
  }

  /// One block's entries for some sources, through the fastest kernel that
  /// fits the checks.
  private func countBlock(
    _ block: Adjacency, _ sources: CountKernels.Sources, _ checks: CountKernels.Checks,
    _ neighbors: NodeFilter, _ comparisons: [EntryComparison], _ store: GraphStore
  ) -> Int {
    let direct: Bool
    if case .direct = neighbors { direct = true } else { direct = false }
    if !direct && relationshipPresent.isEmpty && relationshipAbsent.isEmpty {
      if comparisons.isEmpty { return CountKernels.countEntries(block, sources, checks) }
      if comparisons.count == 1, let n = typedComparison(comparisons[0], block, sources, checks) { return n }
    }
    var total = 0
    block.withUnsafeBlock { o, n, r in
      CountKernels.forEachSource(sources, rows: o.count - 1) { v in
        for k in Int(o[v])..<Int(o[v + 1]) {
          let e = Int(n[k]), rel = Int(r[k])
          if checks.skipSelfLoops && e == v { continue }
          if let live = checks.liveRelationships, !Self.contains(live, rel) { continue }
          guard neighbors.contains(e, store) else { continue }
          if entryPasses(v, e, rel, comparisons) { total += 1 }
        }
      }
    }
    return total
  }

  /// The specialized loop for a single comparison between a source column
  /// and a neighbor column of one element type.
  private func typedComparison(
    _ c: EntryComparison, _ block: Adjacency, _ sources: CountKernels.Sources, _ checks: CountKernels.Checks
  ) -> Int? {
    let op: ScanOperator
    let own: ScanColumn, other: ScanColumn
    switch (c.left, c.right) {
    case (.source(let s), .neighbor(let n)): (op, own, other) = (c.op, s, n)
    case (.neighbor(let n), .source(let s)): (op, own, other) = (c.op.flipped, s, n)
    default: return nil
    }
    switch (own.numbers, other.numbers) {
    case (.ints(let a), .ints(let b)):
      return CountKernels.countComparing(op, block, sources, own: a, other: b, checks)
    case (.floats(let a), .floats(let b)):
      return CountKernels.countComparing(op, block, sources, own: a, other: b, checks)
    default: return nil
    }
  }

  /// Entries added since the block was built, checked one by one.
  private func countAdded(
    _ block: Adjacency, _ skipSelfLoops: Bool, _ sourceCondition: NodeCondition,
    _ neighborCondition: NodeCondition, _ comparisons: [EntryComparison], _ store: GraphStore
  ) -> Int {
    var total = 0
    for (node, entries) in block.added where sourceCondition.accepts(Int(node), store) {
      for entry in entries {
        let e = Int(entry.neighbor), rel = Int(entry.relationship)
        if skipSelfLoops && e == Int(node) { continue }
        guard store.relationshipExists(rel), neighborCondition.accepts(e, store) else { continue }
        if entryPasses(Int(node), e, rel, comparisons) { total += 1 }
      }
    }
    return total
  }

  /// The relationship's own conditions and the cross comparisons, for one
  /// entry whose ends already passed their node conditions.
  private func entryPasses(_ source: Int, _ neighbor: Int, _ rel: Int, _ comparisons: [EntryComparison])
    -> Bool
  {
    for c in relationshipPresent where !c.has(rel) { return false }
    for c in relationshipAbsent where c.has(rel) { return false }
    for c in comparisons {
      guard let l = number(c.left, source, neighbor, rel), let r = number(c.right, source, neighbor, rel),
        c.op.holds(l, r)
      else { return false }
    }
    return true
  }

  @inline(__always) private static func contains(_ words: [UInt64], _ i: Int) -> Bool {
    let w = i &>> 6
    return w < words.count && words[w] & (1 &<< UInt64(i & 63)) != 0
  }

  @inline(__always) private func number(_ o: EntryOperand, _ source: Int, _ neighbor: Int, _ rel: Int)
    -> ScanNumber?
  {
    switch o {
    case .source(let c): return c.number(source)
    case .neighbor(let c): return c.number(neighbor)
    case .relationship(let c): return c.has(rel) ? c.number(rel) : nil
    case .constant(let n): return n
    }
  }
}

extension NodeFilter {
  /// The bit words a kernel checks, or nil when every node passes.
  var words: [UInt64]? {
    if case .bits(let w) = self { return w }
    return nil
  }
}

extension Adjacency {
  /// Source rows in the bulk block.
  var blockRowCount: Int {
    var rows = 0
    withUnsafeBlock { o, _, _ in rows = Swift.max(0, o.count - 1) }
    return rows
  }
}
