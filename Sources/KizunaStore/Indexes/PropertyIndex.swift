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
  public func range(lower: Value?, lowerInclusive: Bool, upper: Value?, upperInclusive: Bool) -> [UInt32] {
    let sorted = sortedCache.withLock { cache -> [(Value, UInt32)] in
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
    var out: [UInt32] = []
    for (v, id) in sorted {
      if let lower {
        guard let c = v.cypherCompare(lower), lowerInclusive ? c >= 0 : c > 0 else { continue }
      }
      if let upper {
        guard let c = v.cypherCompare(upper), upperInclusive ? c <= 0 : c < 0 else { continue }
      }
      out.append(id)
    }
    return out
  }

  public var entryCount: Int { ints.count + others.values.reduce(0) { $0 + $1.count } }
}
