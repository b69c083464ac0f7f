/// The type id of every relationship slot: one byte each while type ids
/// stay below 255 (almost every graph), four bytes once one does not.
/// A slot that was never used holds -1.
public struct RelationshipTypeColumn: Sendable {
  @usableFromInline var narrow: [UInt8] = []
  @usableFromInline var wide: [Int32] = []
  @usableFromInline var isWide = false

  /// The byte for -1 in the narrow form.
  @usableFromInline static let unused: UInt8 = .max

  public init() {}

  /// Narrow slots as stored on disk (`unused` for -1).
  init(narrow: [UInt8]) { self.narrow = narrow }

  init(wide: [Int32]) {
    self.wide = wide
    isWide = true
  }

  public var count: Int { isWide ? wide.count : narrow.count }

  /// Bytes per slot: 1 or 4.
  var width: Int { isWide ? 4 : 1 }

  @inlinable public subscript(_ i: Int) -> Int32 {
    get {
      if isWide { return wide[i] }
      let b = narrow[i]
      return b == Self.unused ? -1 : Int32(b)
    }
    set {
      if !isWide {
        if let b = Self.byte(newValue) {
          narrow[i] = b
          return
        }
        widen()
      }
      wide[i] = newValue
    }
  }

  /// Appends `count` slots holding `value`.
  mutating func append(_ value: Int32, count: Int) {
    guard count > 0 else { return }
    if !isWide, let b = Self.byte(value) {
      narrow.append(contentsOf: repeatElement(b, count: count))
      return
    }
    if !isWide { widen() }
    wide.append(contentsOf: repeatElement(value, count: count))
  }

  mutating func removeLast(_ n: Int) {
    if isWide { wide.removeLast(n) } else { narrow.removeLast(n) }
  }

  @usableFromInline static func byte(_ value: Int32) -> UInt8? {
    if value == -1 { return unused }
    return value >= 0 && value < Int32(unused) ? UInt8(value) : nil
  }

  @usableFromInline mutating func widen() {
    wide = narrow.map { $0 == Self.unused ? -1 : Int32($0) }
    narrow = []
    isWide = true
  }

  /// Reorders slots `first ..< first + order.count`: slot `first + k` takes
  /// what slot `first + order[k]` held.
  mutating func permute(from first: Int, by order: [UInt32]) {
    if isWide {
      Permutation.apply(order, to: &wide, from: first)
    } else {
      Permutation.apply(order, to: &narrow, from: first)
    }
  }
}
