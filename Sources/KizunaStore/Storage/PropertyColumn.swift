/// One property key's values across all nodes (or all relationships),
/// indexed by entity id.
///
/// A column starts typed (all integers, all floats, all strings or all
/// booleans), which keeps a scan over a property a tight loop over one
/// contiguous array; the first value of another type turns it generic.
/// The arrays are separate stored properties, not enum payloads, so writes
/// mutate in place instead of copying the array.
public struct PropertyColumn: Sendable {
  public enum Kind: UInt8, Sendable {
    case empty, ints, floats, strings, bools, values
  }

  public private(set) var kind: Kind = .empty
  public private(set) var ints: [Int64] = []
  public private(set) var floats: [Double] = []
  public private(set) var strings: [String] = []
  public private(set) var bools: [Bool] = []
  public private(set) var values: [Value] = []
  /// Which ids have a value; absent means the entity has no such property.
  public private(set) var present = Bitset()
  /// How many ids have a value.
  public private(set) var populated = 0

  public init() {}

  /// A column over already-built arrays (snapshot loading, bulk import).
  public init(ints: [Int64], present: Bitset) {
    kind = .ints
    self.ints = ints
    self.present = present
    populated = present.count
  }

  public init(floats: [Double], present: Bitset) {
    kind = .floats
    self.floats = floats
    self.present = present
    populated = present.count
  }

  public init(strings: [String], present: Bitset) {
    kind = .strings
    self.strings = strings
    self.present = present
    populated = present.count
  }

  public init(bools: [Bool], present: Bitset) {
    kind = .bools
    self.bools = bools
    self.present = present
    populated = present.count
  }

  public init(values: [Value], present: Bitset) {
    kind = .values
    self.values = values
    self.present = present
    populated = present.count
  }

  @inlinable public func has(_ id: Int) -> Bool { present.contains(id) }

  /// The value for `id`, or nil when absent.
  @inlinable @inline(__always) public func value(_ id: Int) -> Value? {
    guard present.contains(id) else { return nil }
    switch kind {
    case .empty: return nil
    case .ints: return .int(ints[id])
    case .floats: return .float(floats[id])
    case .strings: return .string(strings[id])
    case .bools: return .bool(bools[id])
    case .values: return values[id]
    }
  }

  /// Calls `body` with the integer slots (empty unless `kind == .ints`);
  /// slot `id` is meaningful only where `has(id)`. For scans that read a
  /// property of many entities without copying or bounds checks per read.
  @inlinable public func withUnsafeInts<R>(_ body: (UnsafeBufferPointer<Int64>) throws -> R) rethrows -> R {
    try ints.withUnsafeBufferPointer(body)
  }

  /// Calls `body` with the float slots (empty unless `kind == .floats`).
  @inlinable public func withUnsafeFloats<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R
  {
    try floats.withUnsafeBufferPointer(body)
  }

  /// Stores `value` for `id`; `.null` removes it.
  public mutating func set(_ id: Int, _ value: Value) {
    if case .null = value {
      remove(id)
      return
    }
    if kind == .empty || (populated == 0 && kind != .values) { adopt(typeOf: value) }
    switch (kind, value) {
    case (.ints, .int(let v)):
      Self.grow(&ints, to: id, filler: 0)
      ints[id] = v
    case (.floats, .float(let v)):
      Self.grow(&floats, to: id, filler: 0)
      floats[id] = v
    case (.strings, .string(let v)):
      Self.grow(&strings, to: id, filler: "")
      strings[id] = v
    case (.bools, .bool(let v)):
      Self.grow(&bools, to: id, filler: false)
      bools[id] = v
    case (.values, _):
      Self.grow(&values, to: id, filler: .null)
      values[id] = value
    default:
      makeGeneric()
      Self.grow(&values, to: id, filler: .null)
      values[id] = value
    }
    if !present.contains(id) {
      present.insert(id)
      populated += 1
    }
  }

  public mutating func remove(_ id: Int) {
    guard present.contains(id) else { return }
    present.remove(id)
    populated -= 1
    // Release what the slot holds; typed slots keep their bits.
    if kind == .values { values[id] = .null }
    if kind == .strings { strings[id] = "" }
  }

  private mutating func adopt(typeOf value: Value) {
    ints = []
    floats = []
    strings = []
    bools = []
    values = []
    switch value {
    case .int: kind = .ints
    case .float: kind = .floats
    case .string: kind = .strings
    case .bool: kind = .bools
    default: kind = .values
    }
  }

  private mutating func makeGeneric() {
    var out: [Value] = []
    let n = slotCount
    out.reserveCapacity(n)
    for i in 0..<n { out.append(value(i) ?? .null) }
    ints = []
    floats = []
    strings = []
    bools = []
    values = out
    kind = .values
  }

  /// How many slots the active array has (at least the highest id set + 1).
  public var slotCount: Int {
    switch kind {
    case .empty: return 0
    case .ints: return ints.count
    case .floats: return floats.count
    case .strings: return strings.count
    case .bools: return bools.count
    case .values: return values.count
    }
  }

  /// Reorders slots `first ..< first + order.count`: slot `first + k`
  /// takes what slot `first + order[k]` held (renumbering imported
  /// relationships).
  mutating func permute(from first: Int, by order: [UInt32]) {
    guard populated > 0, kind != .empty, order.count > 1 else { return }
    let last = first + order.count - 1
    switch kind {
    case .empty: return
    case .ints:
      Self.grow(&ints, to: last, filler: 0)
      Permutation.apply(order, to: &ints, from: first)
    case .floats:
      Self.grow(&floats, to: last, filler: 0)
      Permutation.apply(order, to: &floats, from: first)
    case .strings:
      Self.grow(&strings, to: last, filler: "")
      Permutation.apply(order, to: &strings, from: first)
    case .bools:
      Self.grow(&bools, to: last, filler: false)
      Permutation.apply(order, to: &bools, from: first)
    case .values:
      Self.grow(&values, to: last, filler: .null)
      Permutation.apply(order, to: &values, from: first)
    }
    Permutation.apply(order, to: &present, from: first)
  }

  private static func grow<T>(_ a: inout [T], to id: Int, filler: T) {
    // Exact growth: the array's capacity doubles by itself, and slots past
    // the last id stay unwritten (not resident).
    if id >= a.count { a.append(contentsOf: repeatElement(filler, count: id + 1 - a.count)) }
  }
}
