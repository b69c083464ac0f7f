/// Reordering a range of slots in the store's parallel arrays, for
/// renumbering freshly imported relationships.
enum Permutation {
  /// Slot `first + k` of `array` takes what slot `first + order[k]` held;
  /// `order` is a permutation of `0 ..< order.count`.
  static func apply<T>(_ order: [UInt32], to array: inout [T], from first: Int) {
    let n = order.count
    guard n > 1, first >= 0, first + n <= array.count else { return }
    let moved = array.withUnsafeBufferPointer { old in
      order.withUnsafeBufferPointer { order in
        [T](unsafeUninitializedCapacity: n) { buffer, initialized in
          guard let out = buffer.baseAddress, let from = old.baseAddress, let o = order.baseAddress else {
            return
          }
          for k in 0..<n { (out + k).initialize(to: from[first &+ Int(o[k])]) }
          initialized = n
        }
      }
    }
    guard moved.count == n else { return }
    array.replaceSubrange(first..<first + n, with: moved)
  }

  /// The same for the members of a bit set.
  static func apply(_ order: [UInt32], to set: inout Bitset, from first: Int) {
    let n = order.count
    guard n > 1, first >= 0, !set.containsAll(first..<first + n) else { return }
    let old = set
    var members = 0
    for k in 0..<n where old.contains(first + Int(order[k])) {
      members += 1
      set.insert(first + k)
    }
    if members == n { return }
    for k in 0..<n where !old.contains(first + Int(order[k])) { set.remove(first + k) }
  }

  /// The stable order of `keys` (values below `limit`) by a counting sort:
  /// `order[k]` is the index of the `k`-th smallest key, ties in index order.
  static func stableOrder(of keys: UnsafeBufferPointer<UInt32>, limit: Int, within order: [UInt32]? = nil)
    -> [UInt32]
  {
    let n = keys.count
    var counts = [Int](repeating: 0, count: limit + 1)
    for k in keys { counts[Int(k) + 1] += 1 }
    for i in 0..<limit { counts[i + 1] += counts[i] }
    var out = [UInt32](repeating: 0, count: n)
    out.withUnsafeMutableBufferPointer { out in
      counts.withUnsafeMutableBufferPointer { cursor in
        if let order {
          for i in order {
            let key = Int(keys[Int(i)])
            out[cursor[key]] = i
            cursor[key] &+= 1
          }
        } else {
          for i in 0..<n {
            let key = Int(keys[i])
            out[cursor[key]] = UInt32(truncatingIfNeeded: i)
            cursor[key] &+= 1
          }
        }
      }
    }
    return out
  }
}

extension GraphStore {
  /// Renumbers relationships `first ..< relationshipIDLimit` in order of
  /// (type, start node), keeping file order among equals. A bulk import
  /// calls it before building adjacency: the outgoing block of each type is
  /// then the end-node array as it stands, and needs no relationship ids.
  ///
  /// The renumbered ids must not be known anywhere yet (no adjacency entry,
  /// no log record, no index), which is the case inside a bulk load.
  func orderRelationshipsByStart(from first: Int) {
    let n = relationshipIDLimit - first
    guard n > 1, first >= 0, relationshipStart.count >= first + n, relationshipEnd.count >= first + n,
      relationshipType.count >= first + n
    else { return }
    var types: [UInt32] = []
    var typeLimit = 0
    var singleType = true
    let firstType = relationshipType[first]
    for i in first..<first + n where relationshipType[i] != firstType {
      singleType = false
      break
    }
    if !singleType {
      types = (first..<first + n).map { UInt32(truncatingIfNeeded: Swift.max(0, relationshipType[$0])) }
      typeLimit = Int(types.max() ?? 0) + 1
    }
    let nodes = nodeIDLimit
    let order: [UInt32]? = relationshipStart.withUnsafeBufferPointer { all in
      let starts = UnsafeBufferPointer(rebasing: all[first..<first + n])
      guard Adjacency.idsBelow(starts, nodes) else { return nil }
      if singleType && Adjacency.isAscending(starts) { return nil }
      let byStart = Permutation.stableOrder(of: starts, limit: nodes)
      if singleType { return byStart }
      return types.withUnsafeBufferPointer {
        Permutation.stableOrder(of: $0, limit: typeLimit, within: byStart)
      }
    }
    guard let order else { return }
    Permutation.apply(order, to: &relationshipStart, from: first)
    Permutation.apply(order, to: &relationshipEnd, from: first)
    if !singleType { relationshipType.permute(from: first, by: order) }
    Permutation.apply(order, to: &liveRelationships, from: first)
    for k in relationshipProperties.indices { relationshipProperties[k].permute(from: first, by: order) }
  }
}
