/// An open-addressing hash map from integer property values to one node id
/// each: the compact side of `PropertyIndex` for integer keys (12 bytes a
/// slot, no allocation per entry), which is what id columns are.
struct IntKeyTable: Sendable {
  private var keys: [Int64] = []
  /// `UInt32.max` marks an empty slot.
  private var nodes: [UInt32] = []
  private(set) var count = 0

  private static let empty = UInt32.max

  @inline(__always) private static func slot(_ key: Int64, _ mask: Int) -> Int {
    // Fibonacci hashing: consecutive ids spread over the table.
    Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) &>> 20) & mask
  }

  /// The node stored for `key`.
  func find(_ key: Int64) -> UInt32? {
    guard !nodes.isEmpty else { return nil }
    let mask = nodes.count - 1
    var i = Self.slot(key, mask)
    while true {
      let n = nodes[i]
      if n == Self.empty { return nil }
      if keys[i] == key { return n }
      i = (i + 1) & mask
    }
  }

  /// Stores `key` → `node` unless `key` is present; false when it was.
  mutating func insert(_ key: Int64, _ node: UInt32) -> Bool {
    if (count + 1) * 2 > nodes.count { grow(to: Swift.max(16, nodes.count * 2)) }
    let mask = nodes.count - 1
    var i = Self.slot(key, mask)
    while nodes[i] != Self.empty {
      if keys[i] == key { return false }
      i = (i + 1) & mask
    }
    keys[i] = key
    nodes[i] = node
    count += 1
    return true
  }

  /// Makes room for `total` entries at once (bulk index builds).
  mutating func reserve(_ total: Int) {
    var capacity = 16
    while capacity < total * 2 { capacity *= 2 }
    if capacity > nodes.count { grow(to: capacity) }
  }

  /// Replaces the node of a present key.
  mutating func replace(_ key: Int64, with node: UInt32) {
    guard !nodes.isEmpty else { return }
    let mask = nodes.count - 1
    var i = Self.slot(key, mask)
    while nodes[i] != Self.empty {
      if keys[i] == key {
        nodes[i] = node
        return
      }
      i = (i + 1) & mask
    }
  }

  /// Removes `key`, shifting later entries of its probe run back so that
  /// lookups never stop early at the hole.
  mutating func remove(_ key: Int64) {
    guard !nodes.isEmpty else { return }
    let mask = nodes.count - 1
    var i = Self.slot(key, mask)
    while true {
      if nodes[i] == Self.empty { return }
      if keys[i] == key { break }
      i = (i + 1) & mask
    }
    var hole = i
    var j = i
    while true {
      j = (j + 1) & mask
      if nodes[j] == Self.empty { break }
      let home = Self.slot(keys[j], mask)
      // Move j into the hole when its home is not cyclically in (hole, j].
      let between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j)
      if !between {
        keys[hole] = keys[j]
        nodes[hole] = nodes[j]
        hole = j
      }
    }
    nodes[hole] = Self.empty
    count -= 1
  }

  mutating func removeAll() {
    keys = []
    nodes = []
    count = 0
  }

  /// Calls `body(key, node)` for every entry, in no particular order.
  func forEach(_ body: (Int64, UInt32) throws -> Void) rethrows {
    for i in 0..<nodes.count where nodes[i] != Self.empty { try body(keys[i], nodes[i]) }
  }

  private mutating func grow(to capacity: Int) {
    let oldKeys = keys, oldNodes = nodes
    keys = [Int64](repeating: 0, count: capacity)
    nodes = [UInt32](repeating: Self.empty, count: capacity)
    count = 0
    for i in 0..<oldNodes.count where oldNodes[i] != Self.empty { _ = insert(oldKeys[i], oldNodes[i]) }
  }
}
