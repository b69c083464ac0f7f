/// The import's map from CSV ids to node ids, one space per id group.
/// Integer ids that are dense and small (the common `0..<n`) go in an array;
/// everything else in a hash map.
struct IDSpaces {
  final class Space {
    var ints: [Int64: UInt32] = [:]
    var dense: [UInt32] = []
    var strings: [String: UInt32] = [:]

    func lookup(_ id: Int64) -> UInt32? {
      if !dense.isEmpty {
        guard id >= 0, id < Int64(dense.count) else { return nil }
        let n = dense[Int(id)]
        return n == .max ? nil : n
      }
      return ints[id]
    }

    func lookup(_ id: String) -> UInt32? { strings[id] }

    /// Moves small dense integer ids into an array for faster lookups.
    func seal() {
      guard !ints.isEmpty, let top = ints.keys.max(), let bottom = ints.keys.min(), bottom >= 0,
        top < Int64(ints.count) * 4 + 1024
      else { return }
      var array = [UInt32](repeating: .max, count: Int(top) + 1)
      for (k, v) in ints { array[Int(k)] = v }
      dense = array
      ints = [:]
    }
  }

  private var spaces: [String: Space] = [:]

  /// Records `id` → `node`; false when the id is already taken.
  mutating func insert(group: String, id: Value, node: UInt32) -> Bool {
    let space = spaces[group] ?? Space()
    spaces[group] = space
    switch id {
    case .int(let i): return space.ints.updateValue(node, forKey: i) == nil
    case .string(let s): return space.strings.updateValue(node, forKey: s) == nil
    default: return false
    }
  }

  func seal() { for s in spaces.values { s.seal() } }

  func space(_ group: String) -> Space? { spaces[group] }
}
