/// The import's map from CSV ids to node ids, one space per id group.
/// Integer ids that are dense and small (the common `0..<n`) go in an array
/// from the start; everything else in a hash map. When the array maps id
/// `i` to node `base + i` for every id, lookups need no memory at all.
struct IDSpaces {
  final class Space {
    var ints: [Int64: UInt32] = [:]
    /// `dense[id]` is the node for `id`, `.max` for none.
    var dense: [UInt32] = []
    var denseCount = 0
    var strings: [String: UInt32] = [:]
    /// Set by `seal` when `dense` is the identity shifted by a base.
    var identity: (base: UInt32, count: Int64)?

    @inline(__always) func lookup(_ id: Int64) -> UInt32? {
      if let identity {
        guard id >= 0, id < identity.count else { return nil }
        return identity.base &+ UInt32(truncatingIfNeeded: id)
      }
      if !dense.isEmpty {
        guard id >= 0, id < Int64(dense.count) else { return nil }
        let n = dense[Int(id)]
        return n == .max ? nil : n
      }
      return ints[id]
    }

    func lookup(_ id: String) -> UInt32? { strings[id] }

    /// Records an integer id; false when it is taken.
    func insert(_ id: Int64, _ node: UInt32) -> Bool {
      if ints.isEmpty && id >= 0 && id < Int64(denseCount) * 4 + 1024 {
        let slot = Int(id)
        if slot >= dense.count {
          dense.append(
            contentsOf: repeatElement(.max, count: Swift.max(slot + 1, dense.count * 2) - dense.count))
        }
        if dense[slot] != .max { return false }
        dense[slot] = node
        denseCount += 1
        return true
      }
      if !dense.isEmpty { moveDenseToMap() }
      return ints.updateValue(node, forKey: id) == nil
    }

    /// Ids turned out sparse: the array would waste memory.
    private func moveDenseToMap() {
      ints.reserveCapacity(denseCount * 2)
      for (id, node) in dense.enumerated() where node != .max { ints[Int64(id)] = node }
      dense = []
      denseCount = 0
    }

    /// Trims the array and notices the identity mapping.
    func seal() {
      guard !dense.isEmpty else { return }
      var top = dense.count
      while top > 0 && dense[top - 1] == .max { top -= 1 }
      dense.removeLast(dense.count - top)
      guard top == denseCount, let base = dense.first else { return }
      let isIdentity = dense.withUnsafeBufferPointer { d in
        var mismatch: UInt32 = 0
        for i in 0..<d.count { mismatch |= d[i] ^ (base &+ UInt32(truncatingIfNeeded: i)) }
        return mismatch == 0
      }
      if isIdentity {
        identity = (base, Int64(top))
        dense = []
      }
    }
  }

  private var spaces: [String: Space] = [:]

  /// The space for `group`, created when new.
  mutating func space(creating group: String) -> Space {
    if let s = spaces[group] { return s }
    let s = Space()
    spaces[group] = s
    return s
  }

  /// Records `id` → `node`; false when the id is already taken.
  mutating func insert(group: String, id: Value, node: UInt32) -> Bool {
    let space = space(creating: group)
    switch id {
    case .int(let i): return space.insert(i, node)
    case .string(let s): return space.strings.updateValue(node, forKey: s) == nil
    default: return false
    }
  }

  func seal() { for s in spaces.values { s.seal() } }

  func space(_ group: String) -> Space? { spaces[group] }
}
