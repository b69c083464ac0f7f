// `Hashable` on values is openCypher *equivalence*, what DISTINCT, grouping
// keys and `IN` over sets use: like `=`, but null is equivalent to null, NaN
// to NaN, and `1` to `1.0`.

extension Value: Hashable {
  public static func == (lhs: Value, rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.null, _), (_, .null): return false
    case (.float(let a), .float(let b)) where a.isNaN && b.isNaN: return true
    case (.list(let a), .list(let b)): return a == b
    case (.map(let a), .map(let b)): return a == b
    default: return lhs.cypherEquals(rhs) ?? false
    }
  }

  /// Numbers hash as the double they equal so `1` and `1.0` land together;
  /// `-0.0` joins `0.0` and every NaN joins one NaN.
  private static func numberBits(_ d: Double) -> UInt64 {
    if d.isNaN { return Double.nan.bitPattern }
    return d == 0 ? 0 : d.bitPattern
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0 as UInt8)
    case .bool(let b): hasher.combine(b)
    case .int(let i): hasher.combine(Self.numberBits(Double(i)))
    case .float(let f): hasher.combine(Self.numberBits(f))
    case .string(let s): hasher.combine(s)
    case .list(let items):
      hasher.combine(items.count)
      for item in items { item.hash(into: &hasher) }
    case .map(let entries):
      hasher.combine(entries.count)
      var combined = 0
      for (k, v) in entries { combined ^= HashableEntry(key: k, value: v).hashValue }
      hasher.combine(combined)
    case .date(let d): hasher.combine(d)
    case .localTime(let t): hasher.combine(t)
    case .time(let t): hasher.combine(t.utcNanoOfDay)
    case .localDateTime(let t): hasher.combine(t)
    case .dateTime(let t): hasher.combine(t.instant)
    case .duration(let d): hasher.combine(d)
    case .node(let id): hasher.combine(1 as UInt8); hasher.combine(id)
    case .relationship(let id): hasher.combine(2 as UInt8); hasher.combine(id)
    case .path(let p): hasher.combine(p)
    }
  }
}

private struct HashableEntry: Hashable {
  let key: String
  let value: Value
}
