/// A growable set of small non-negative integers, one bit each.
public struct Bitset: Sendable, Equatable {
  @usableFromInline var words: [UInt64] = []

  public init() {}

  public init(words: [UInt64]) { self.words = words }

  public var storageWords: [UInt64] { words }

  @inlinable public func contains(_ i: Int) -> Bool {
    let w = i &>> 6
    return w < words.count && (words[w] & (1 &<< UInt64(i & 63))) != 0
  }

  @inlinable public mutating func insert(_ i: Int) {
    let w = i &>> 6
    if w >= words.count { words.append(contentsOf: repeatElement(0, count: w - words.count + 1)) }
    words[w] |= 1 &<< UInt64(i & 63)
  }

  @inlinable public mutating func remove(_ i: Int) {
    let w = i &>> 6
    guard w < words.count else { return }
    words[w] &= ~(1 &<< UInt64(i & 63))
  }

  /// Sets bits `0 ..< count` at once (bulk loads).
  public mutating func insertAll(below count: Int) {
    let full = count / 64
    if words.count < (count + 63) / 64 {
      words.append(contentsOf: repeatElement(0, count: (count + 63) / 64 - words.count))
    }
    for w in 0..<full { words[w] = .max }
    if count % 64 != 0 { words[full] |= (1 &<< UInt64(count % 64)) &- 1 }
  }

  /// Sets the bits of `range` at once, whole words where it can (bulk loads
  /// appending after existing members).
  public mutating func insertAll(in range: Range<Int>) {
    guard !range.isEmpty, range.lowerBound >= 0 else { return }
    let needed = (range.upperBound + 63) / 64
    if words.count < needed { words.append(contentsOf: repeatElement(0, count: needed - words.count)) }
    var i = range.lowerBound
    while i < range.upperBound && i & 63 != 0 {
      words[i &>> 6] |= 1 &<< UInt64(i & 63)
      i += 1
    }
    while i + 64 <= range.upperBound {
      words[i &>> 6] = .max
      i += 64
    }
    while i < range.upperBound {
      words[i &>> 6] |= 1 &<< UInt64(i & 63)
      i += 1
    }
  }

  /// Calls `body` with the bit words (bit `i & 63` of word `i >> 6` is
  /// member `i`), for scans that test many members without bounds checks.
  @inlinable public func withUnsafeWords<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
    try words.withUnsafeBufferPointer(body)
  }

  /// Whether every member of `range` is in the set, a word at a time.
  public func containsAll(_ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return true }
    guard range.lowerBound >= 0, (range.upperBound + 63) / 64 <= words.count else { return false }
    var i = range.lowerBound
    while i < range.upperBound {
      if i & 63 == 0 && i + 64 <= range.upperBound {
        if words[i &>> 6] != .max { return false }
        i += 64
      } else {
        if !contains(i) { return false }
        i += 1
      }
    }
    return true
  }

  /// The largest member, if any.
  public var highestMember: Int? {
    guard let w = words.lastIndex(where: { $0 != 0 }) else { return nil }
    return w * 64 + 63 - words[w].leadingZeroBitCount
  }

  public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
