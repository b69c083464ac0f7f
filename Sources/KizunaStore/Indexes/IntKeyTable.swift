/// An open-addressing hash map from integer keys to one node id each
/// (12 bytes a slot, no allocation per entry): `IntKeyTable` once its keys
/// are too spread out for an array.
struct HashedIntKeyTable: Sendable {
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

/// Integer property values to one node id each: the compact side of
/// `PropertyIndex` for integer keys, which is what id columns are.
///
/// While the keys lie within a range at most a few times their number (ids
/// `0 ..< n`, years, small codes) they index an array directly: 4 bytes a
/// key instead of the hash table's 24 or so, and a lookup is one load. The
/// first key that would make the array too sparse moves everything into a
/// `HashedIntKeyTable`.
struct IntKeyTable: Sendable {
  /// `dense[key - base]` is the node for `key`, `empty` for none.
  private var dense: [UInt32] = []
  private var base: Int64 = 0
  private var hashed = HashedIntKeyTable()
  private var isHashed = false
  private(set) var count = 0

  private static let empty = UInt32.max

  /// Whether the keys are still in the array (not the hash table).
  var isArrayBacked: Bool { !isHashed }

  /// The slot of `key` in `dense`, if it falls inside the array.
  @inline(__always) private func slot(_ key: Int64) -> Int? {
    let (d, overflow) = key.subtractingReportingOverflow(base)
    return !overflow && d >= 0 && d < Int64(dense.count) ? Int(d) : nil
  }

  func find(_ key: Int64) -> UInt32? {
    if isHashed { return hashed.find(key) }
    guard let i = slot(key) else { return nil }
    let n = dense[i]
    return n == Self.empty ? nil : n
  }

  /// Stores `key` → `node` unless `key` is present; false when it was.
  mutating func insert(_ key: Int64, _ node: UInt32) -> Bool {
    if !isHashed {
      if dense.isEmpty { base = key }
      if slot(key) == nil && !extend(toCover: key) { moveToHashTable() }
    }
    if isHashed {
      guard hashed.insert(key, node) else { return false }
      count += 1
      return true
    }
    guard let i = slot(key), dense[i] == Self.empty else { return false }
    dense[i] = node
    count += 1
    return true
  }

  /// Grows the array to take `key`, unless that would leave it mostly
  /// empty; false then.
  private mutating func extend(toCover key: Int64) -> Bool {
    let limit = Int64(4 * (count + 1) + 1024)
    if key >= base {
      let (d, overflow) = key.subtractingReportingOverflow(base)
      guard !overflow, d < limit else { return false }
      dense.append(contentsOf: repeatElement(Self.empty, count: Int(d) + 1 - dense.count))
      return true
    }
    let (below, overflow) = base.subtractingReportingOverflow(key)
    guard !overflow, below + Int64(dense.count) <= limit else { return false }
    // Room below for as many again, so keys arriving in descending order
    // do not copy the array each time.
    let room = Swift.min(Swift.max(Int(below), dense.count / 2), Int(limit) - dense.count)
    dense.insert(contentsOf: repeatElement(Self.empty, count: room), at: 0)
    base -= Int64(room)
    return true
  }

  private mutating func moveToHashTable() {
    hashed.reserve(count + 1)
    for (i, n) in dense.enumerated() where n != Self.empty { _ = hashed.insert(base + Int64(i), n) }
    dense = []
    isHashed = true
  }

  /// Makes room for `total` entries at once (bulk index builds).
  mutating func reserve(_ total: Int) {
    if isHashed { hashed.reserve(total) } else { dense.reserveCapacity(Swift.min(total, 4 * total + 1024)) }
  }

  /// Replaces the node of a present key.
  mutating func replace(_ key: Int64, with node: UInt32) {
    if isHashed { return hashed.replace(key, with: node) }
    guard let i = slot(key), dense[i] != Self.empty else { return }
    dense[i] = node
  }

  mutating func remove(_ key: Int64) {
    if isHashed {
      let before = hashed.count
      hashed.remove(key)
      count -= before - hashed.count
      return
    }
    guard let i = slot(key), dense[i] != Self.empty else { return }
    dense[i] = Self.empty
    count -= 1
    if count == 0 { dense = [] }
  }

  mutating func removeAll() { self = IntKeyTable() }

  /// Calls `body(key, node)` for every entry, in no particular order.
  func forEach(_ body: (Int64, UInt32) throws -> Void) rethrows {
    if isHashed { return try hashed.forEach(body) }
    for (i, n) in dense.enumerated() where n != Self.empty { try body(base + Int64(i), n) }
  }
}
