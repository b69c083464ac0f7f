import Synchronization

/// A property index over one label and one property key: equality and `IN`
/// through a hash map, ranges through a sorted view built on first use after
/// a change.
public final class PropertyIndex: @unchecked Sendable {
  public let name: String
  public let label: Int32
  public let key: Int32
  /// Node ids per value (openCypher equivalence: `1` and `1.0` share a slot).
  /// Built on demand from the two stores below; hot paths use `lookup`.
  public var entries: [Value: [UInt32]] {
    var out = others
    ints.forEach { key, node in out[.int(key), default: []].insert(node, at: 0) }
    return out
  }
  /// The first node of each integer value (id columns: one node per value),
  /// in a compact table; further nodes with that value, and other values,
  /// in `others`.
  private var ints = IntKeyTable()
  private var others: [Value: [UInt32]] = [:]
  private let sortedCache = Mutex<[(Value, UInt32)]?>(nil)

  public init(name: String, label: Int32, key: Int32) {
    self.name = name
    self.label = label
    self.key = key
  }

  func insert(_ value: Value, _ node: NodeID) {
    guard !value.isNull else { return }
    if case .int(let i) = value, node >= 0, node < Int(UInt32.max), ints.insert(i, UInt32(node)) {
      // The first node with this integer: stored in the table.
    } else {
      others[value, default: []].append(UInt32(node))
    }
    sortedCache.withLock { $0 = nil }
  }

  /// Makes room for `count` more integer values (bulk index builds).
  func reserve(_ count: Int) { ints.reserve(ints.count + count) }

  func remove(_ value: Value, _ node: NodeID) {
    defer { sortedCache.withLock { $0 = nil } }
    if case .int(let i) = value, ints.find(i) == UInt32(node) {
      // Keep the table holding a node for the value while others have it.
      let key = Value.int(i)
      if var list = others[key], !list.isEmpty {
        let moved = list.removeFirst()
        others[key] = list.isEmpty ? nil : list
        ints.replace(i, with: moved)
      } else {
        ints.remove(i)
      }
      return
    }
    guard var list = others[value], let i = list.firstIndex(of: UInt32(node)) else { return }
    list.swapAt(i, list.count - 1)
    list.removeLast()
    others[value] = list.isEmpty ? nil : list
  }

  func removeAll() {
    ints.removeAll()
    others.removeAll()
    sortedCache.withLock { $0 = nil }
  }

  /// The table node equal to `value`: integers directly, floats that hold
  /// an integer exactly (`1.0` equals `1`) through that integer.
  private func tableNode(_ value: Value) -> UInt32? {
    switch value {
    case .int(let i): return ints.find(i)
    case .float(let f):
      // Integral doubles in Int64's range convert exactly.
      guard f.rounded() == f, f >= -9.223_372_036_854_775_808e18, f < 9.223_372_036_854_775_808e18 else {
        return nil
      }
      return ints.find(Int64(f))
    default: return nil
    }
  }

  /// Nodes whose value equals `value` (`=` semantics: nothing for null).
  public func lookup(_ value: Value) -> [UInt32] {
    if value.isNull { return [] }
    if case .float(let f) = value, f.isNaN { return [] }
    if ints.count == 0 { return others[value] ?? [] }
    guard let first = tableNode(value) else { return others[value] ?? [] }
    guard let rest = others[value] else { return [first] }
    return [first] + rest
  }

  /// Nodes whose value lies in the range; bounds compare with openCypher's
  /// `<`/`<=` (values not comparable with a bound are left out).
  ///
  /// The entries are sorted once (after each change) in ORDER BY order, in
  /// which the values comparable with a scalar bound (numbers, strings,
  /// booleans, one temporal type) form one run, ordered as `<` orders them:
  /// two binary searches find the answer. Other bounds (lists) scan.
  public func range(lower: Value?, lowerInclusive: Bool, upper: Value?, upperInclusive: Bool) -> [UInt32] {
    let sorted = sortedEntries()
    func satisfies(_ v: Value) -> Bool {
      if let lower {
        guard let c = v.cypherCompare(lower), lowerInclusive ? c >= 0 : c > 0 else { return false }
      }
      if let upper {
        guard let c = v.cypherCompare(upper), upperInclusive ? c <= 0 : c < 0 else { return false }
      }
      return true
    }
    guard let family = Self.searchableFamily(lower, upper) else {
      return sorted.compactMap { satisfies($0.0) ? $0.1 : nil }
    }
    // The run of the bounds' family, then within it (NaN last among
    // numbers, and comparable with nothing) the part inside the bounds.
    var lo = partitionPoint(sorted, 0, sorted.count) { $0.orderFamily >= family }
    var hi = partitionPoint(sorted, lo, sorted.count) { $0.orderFamily > family }
    hi = partitionPoint(sorted, lo, hi) {
      if case .float(let f) = $0 { return f.isNaN } else { return false }
    }
    if let lower {
      lo = partitionPoint(sorted, lo, hi) { v in
        guard let c = v.cypherCompare(lower) else { return false }
        return lowerInclusive ? c >= 0 : c > 0
      }
    }
    if let upper {
      hi = partitionPoint(sorted, lo, hi) { v in
        guard let c = v.cypherCompare(upper) else { return true }
        return upperInclusive ? c > 0 : c >= 0
      }
    }
    return lo < hi ? sorted[lo..<hi].map(\.1) : []
  }

  /// The entries in ORDER BY order (ties by node id), built on first use
  /// after a change.
  private func sortedEntries() -> [(Value, UInt32)] {
    sortedCache.withLock { cache -> [(Value, UInt32)] in
      if let cache { return cache }
      var all: [(Value, UInt32)] = []
      ints.forEach { key, node in all.append((.int(key), node)) }
      for (v, ids) in others { for id in ids { all.append((v, id)) } }
      all.sort { a, b in
        let c = a.0.orderCompare(b.0)
        return c != 0 ? c < 0 : a.1 < b.1
      }
      cache = all
      return all
    }
  }

  /// The order family both bounds belong to, when binary search applies:
  /// each bound a scalar (not a list, map or null), and the two of one family.
  static func searchableFamily(_ lower: Value?, _ upper: Value?) -> Int? {
    let bounds = [lower, upper].compactMap { $0 }
    guard let first = bounds.first else { return nil }
    for b in bounds {
      switch b {
      case .null, .list, .map, .node, .relationship, .path, .duration: return nil
      case .float(let f) where f.isNaN: return nil
      default: continue
      }
    }
    let family = first.orderFamily
    return bounds.allSatisfy { $0.orderFamily == family } ? family : nil
  }

  /// The first index in `start..<end` whose value satisfies `isAfter`, which
  /// must be false then true along the range.
  private func partitionPoint(
    _ sorted: [(Value, UInt32)], _ start: Int, _ end: Int, _ isAfter: (Value) -> Bool
  ) -> Int {
    var lo = start, hi = end
    while lo < hi {
      let mid = lo + (hi - lo) / 2
      if isAfter(sorted[mid].0) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  public var entryCount: Int { ints.count + others.values.reduce(0) { $0 + $1.count } }
}
