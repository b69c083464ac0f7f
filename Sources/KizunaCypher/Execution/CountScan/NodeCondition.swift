import KizunaStore

/// What one end of a counted relationship must satisfy on its own: being
/// live, its labels, which properties it has or lacks, and comparisons that
/// involve only its own properties and constants.
struct NodeCondition {
  enum Operand {
    case column(ScanColumn)
    case constant(ScanNumber)

    /// The operand's value for `id`, whose columns all have a value.
    @inline(__always) func number(_ id: Int) -> ScanNumber {
      switch self {
      case .column(let c): return c.number(id)
      case .constant(let n): return n
      }
    }
  }

  struct Comparison {
    var op: ScanOperator
    var left: Operand
    var right: Operand
  }

  /// Label ids, all below 64 (one bit each in the store's label words).
  var labels: [Int32] = []
  /// Columns the node must have a value in (IS NOT NULL, and every column a
  /// comparison reads: a comparison with null fails the filter).
  var present: [ScanColumn] = []
  /// Columns the node must not have a value in (IS NULL).
  var absent: [ScanColumn] = []
  var comparisons: [Comparison] = []

  var labelMask: UInt64 { labels.reduce(0) { $0 | (1 &<< UInt64($1)) } }

  /// Checks one node directly (sparse scans and entries added since the
  /// adjacency block was built).
  func accepts(_ id: Int, _ store: GraphStore) -> Bool {
    guard store.nodeExists(id) else { return false }
    let mask = labelMask
    if mask != 0 {
      guard id < store.labelBits.count, store.labelBits[id] & mask == mask else { return false }
    }
    for c in present where !c.has(id) { return false }
    for c in absent where c.has(id) { return false }
    for c in comparisons where !c.op.holds(c.left.number(id), c.right.number(id)) { return false }
    return true
  }

  /// Whether every id below the store's node limit passes, so scans skip the check.
  func holdsEverywhere(_ store: GraphStore) -> Bool {
    guard store.liveNodeCount == store.nodeIDLimit, comparisons.isEmpty, present.allSatisfy(\.full),
      absent.allSatisfy({ $0.populated == 0 })
    else { return false }
    return labels.allSatisfy { store.nodeCount(withLabel: $0) == store.liveNodeCount }
  }

  /// The passing ids below the node limit as bit words (bit `i & 63` of word
  /// `i >> 6`): built word by word from the store's bitsets, then refined
  /// node by node only for comparisons.
  func bits(_ store: GraphStore) -> [UInt64] {
    let limit = store.nodeIDLimit
    let count = (limit + 63) / 64
    var words = [UInt64](repeating: 0, count: count)
    store.liveNodes.withUnsafeWords { live in
      for w in 0..<Swift.min(count, live.count) { words[w] = live[w] }
    }
    func intersect(_ other: [UInt64], negated: Bool) {
      for w in 0..<count {
        let o = w < other.count ? other[w] : 0
        words[w] &= negated ? ~o : o
      }
    }
    for c in present where !c.full { intersect(c.present.storageWords, negated: false) }
    for c in absent where c.populated > 0 { intersect(c.present.storageWords, negated: true) }
    for l in labels where store.nodeCount(withLabel: l) != store.liveNodeCount {
      var labelWords = [UInt64](repeating: 0, count: count)
      for n in store.nodes(withLabel: l) where Int(n) < limit {
        labelWords[Int(n) &>> 6] |= 1 &<< UInt64(n & 63)
      }
      intersect(labelWords, negated: false)
    }
    // Bits past the limit stay clear: the live set has none.
    if !comparisons.isEmpty {
      for w in 0..<count {
        var bits = words[w]
        while bits != 0 {
          let b = bits.trailingZeroBitCount
          bits &= bits &- 1
          let id = w &<< 6 | b
          for c in comparisons where !c.op.holds(c.left.number(id), c.right.number(id)) {
            words[w] &= ~(1 &<< UInt64(b))
            break
          }
        }
      }
    }
    return words
  }
}

/// Which nodes pass a `NodeCondition`, in the form a scan checks fastest.
enum NodeFilter {
  /// Every id below the node limit.
  case all
  /// Precomputed bit words (dense scans).
  case bits([UInt64])
  /// Checked one node at a time (sparse scans touch few nodes).
  case direct(NodeCondition)

  @inline(__always) func contains(_ id: Int, _ store: GraphStore) -> Bool {
    switch self {
    case .all: return true
    case .bits(let words):
      let w = id &>> 6
      return w < words.count && words[w] & (1 &<< UInt64(id & 63)) != 0
    case .direct(let condition): return condition.accepts(id, store)
    }
  }
}
