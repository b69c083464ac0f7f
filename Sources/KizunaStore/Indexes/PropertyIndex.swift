import Synchronization

/// A property index over one label and one property key: equality and `IN`
/// through a hash map, ranges through a sorted view built on first use after
/// a change.
public final class PropertyIndex: @unchecked Sendable {
  public let name: String
  public let label: Int32
  public let key: Int32
  /// Node ids per value (openCypher equivalence: `1` and `1.0` share a slot).
  public private(set) var entries: [Value: [UInt32]] = [:]
  private let sortedCache = Mutex<[(Value, UInt32)]?>(nil)

  public init(name: String, label: Int32, key: Int32) {
    self.name = name
    self.label = label
    self.key = key
  }

  func insert(_ value: Value, _ node: NodeID) {
    guard !value.isNull else { return }
    entries[value, default: []].append(UInt32(node))
    sortedCache.withLock { $0 = nil }
  }

  func remove(_ value: Value, _ node: NodeID) {
    guard var list = entries[value], let i = list.firstIndex(of: UInt32(node)) else { return }
    list.swapAt(i, list.count - 1)
    list.removeLast()
    entries[value] = list.isEmpty ? nil : list
    sortedCache.withLock { $0 = nil }
  }

  func removeAll() {
    entries.removeAll()
    sortedCache.withLock { $0 = nil }
  }

  /// Nodes whose value equals `value` (`=` semantics: nothing for null).
  public func lookup(_ value: Value) -> [UInt32] {
    if value.isNull { return [] }
    if case .float(let f) = value, f.isNaN { return [] }
    return entries[value] ?? []
  }

  /// Nodes whose value lies in the range; bounds compare with openCypher's
  /// `<`/`<=` (values not comparable with a bound are left out).
  public func range(lower: Value?, lowerInclusive: Bool, upper: Value?, upperInclusive: Bool) -> [UInt32]
  {
    let sorted = sortedCache.withLock { cache -> [(Value, UInt32)] in
      if let cache { return cache }
      var all: [(Value, UInt32)] = []
      for (v, ids) in entries { for id in ids { all.append((v, id)) } }
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

  public var entryCount: Int { entries.values.reduce(0) { $0 + $1.count } }
}
