import KizunaStore

/// A comparison fixed at compile time, so each kernel below is specialized
/// into a loop with the comparison inlined.
protocol KernelComparison {
  static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool
}

enum KernelEqual: KernelComparison {
  @inline(__always) static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a == b }
}
enum KernelNotEqual: KernelComparison {
  @inline(__always) static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a != b }
}
enum KernelLess: KernelComparison {
  @inline(__always) static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a < b }
}
enum KernelLessOrEqual: KernelComparison {
  @inline(__always) static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a <= b }
}
enum KernelGreater: KernelComparison {
  @inline(__always) static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a > b }
}
enum KernelGreaterOrEqual: KernelComparison {
  @inline(__always) static func holds<T: Comparable>(_ a: T, _ b: T) -> Bool { a >= b }
}

/// The tight loops of a relationship count over one CSR block: raw
/// pointers into the adjacency arrays, typed property columns and bit words;
/// no values boxed and nothing allocated per relationship.
///
/// Safety rests on the store's invariants (every neighbor id is below the
/// node limit) and on the callers' filters: a column is read at a node only
/// when the node's filter guarantees a value there, or the column is full.
enum CountKernels {
  /// Which source nodes of a block to visit.
  enum Sources {
    /// Rows in `range`, those set in `bits` (all when nil).
    case rows(Range<Int>, bits: [UInt64]?)
    /// Exactly these nodes (already checked).
    case list(ArraySlice<UInt32>)
  }

  /// Per-relationship checks besides the comparison.
  struct Checks {
    /// Neighbors that may count; nil for all.
    var neighborBits: [UInt64]?
    /// Live relationships; nil when none is deleted.
    var liveRelationships: [UInt64]?
    /// For the incoming half of an undirected scan: a self-loop was already
    /// counted from the outgoing half.
    var skipSelfLoops: Bool

    var isPlain: Bool { neighborBits == nil && liveRelationships == nil && !skipSelfLoops }
  }

  @inline(__always) static func withWords<R>(_ words: [UInt64]?, _ body: (UnsafeBufferPointer<UInt64>?) -> R)
    -> R
  {
    guard let words else { return body(nil) }
    return words.withUnsafeBufferPointer { body($0) }
  }

  @inline(__always) static func test(_ words: UnsafeBufferPointer<UInt64>, _ i: Int) -> Bool {
    let w = i &>> 6
    return w < words.count && words[w] & (1 &<< UInt64(i & 63)) != 0
  }

  /// Calls `row(v)` for every source row of `sources` that the block has.
  @inline(__always) static func forEachSource(
    _ sources: Sources, rows: Int, _ row: (Int) -> Void
  ) {
    switch sources {
    case .rows(let range, let bits):
      let end = Swift.min(range.upperBound, rows)
      guard range.lowerBound < end else { return }
      withWords(bits) { bits in
        if let bits {
          for v in range.lowerBound..<end where test(bits, v) { row(v) }
        } else {
          for v in range.lowerBound..<end { row(v) }
        }
      }
    case .list(let ids):
      for id in ids where Int(id) < rows { row(Int(id)) }
    }
  }

  /// Entries (relationships) of the visited rows that pass `checks`.
  static func countEntries(_ block: Adjacency, _ sources: Sources, _ checks: Checks) -> Int {
    block.withUnsafeBlock { o, n, r in
      withWords(checks.neighborBits) { nb in
        withWords(checks.liveRelationships) { lr in
          var total = 0
          let plain = checks.isPlain, skip = checks.skipSelfLoops
          forEachSource(sources, rows: o.count &- 1) { v in
            let lo = Int(o[v]), hi = Int(o[v &+ 1])
            if plain {
              total &+= hi &- lo
              return
            }
            var k = lo
            while k < hi {
              let e = Int(n[k])
              let ok =
                !(skip && e == v) && (nb.map { test($0, e) } ?? true)
                && (lr.map { test($0, Int(r[k])) } ?? true)
              total &+= ok ? 1 : 0
              k &+= 1
            }
          }
          return total
        }
      }
    }
  }

  /// Entries whose source value `own[v]` and neighbor value `other[e]`
  /// satisfy `C`, for columns of one element type.
  static func countComparing<T: Comparable, C: KernelComparison>(
    _: C.Type, _ block: Adjacency, _ sources: Sources, own: [T], other: [T], _ checks: Checks
  ) -> Int {
    block.withUnsafeBlock { o, n, r in
      own.withUnsafeBufferPointer { own in
        other.withUnsafeBufferPointer { other in
          withWords(checks.neighborBits) { nb in
            withWords(checks.liveRelationships) { lr in
              var total = 0
              let plain = checks.isPlain, skip = checks.skipSelfLoops
              forEachSource(sources, rows: o.count &- 1) { v in
                let lo = Int(o[v]), hi = Int(o[v &+ 1])
                let x = own[v]
                var count = 0
                var k = lo
                if plain {
                  while k < hi {
                    count &+= C.holds(x, other[Int(n[k])]) ? 1 : 0
                    k &+= 1
                  }
                } else {
                  while k < hi {
                    let e = Int(n[k])
                    if !(skip && e == v) && (nb.map { test($0, e) } ?? true)
                      && (lr.map { test($0, Int(r[k])) } ?? true)
                    {
                      count &+= C.holds(x, other[e]) ? 1 : 0
                    }
                    k &+= 1
                  }
                }
                total &+= count
              }
              return total
            }
          }
        }
      }
    }
  }

  /// `countComparing` with the comparison chosen at run time.
  static func countComparing<T: Comparable>(
    _ op: ScanOperator, _ block: Adjacency, _ sources: Sources, own: [T], other: [T], _ checks: Checks
  ) -> Int {
    switch op {
    case .equal: return countComparing(KernelEqual.self, block, sources, own: own, other: other, checks)
    case .notEqual: return countComparing(KernelNotEqual.self, block, sources, own: own, other: other, checks)
    case .less: return countComparing(KernelLess.self, block, sources, own: own, other: other, checks)
    case .lessOrEqual:
      return countComparing(KernelLessOrEqual.self, block, sources, own: own, other: other, checks)
    case .greater: return countComparing(KernelGreater.self, block, sources, own: own, other: other, checks)
    case .greaterOrEqual:
      return countComparing(KernelGreaterOrEqual.self, block, sources, own: own, other: other, checks)
    }
  }
}
