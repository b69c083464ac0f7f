// openCypher's three comparison notions:
// - equality (`=`): three-valued, null when either side is or holds null;
// - comparability (`<`, `<=`, ...): only within one type family, else null;
// - orderability (ORDER BY, min/max): a total order across every value.
// Equivalence (DISTINCT, grouping, `Hashable`) is equality where null equals
// null and NaN equals NaN.

extension Value {
  /// `self = other` under openCypher's three-valued logic; nil means null.
  public func cypherEquals(_ other: Value) -> Bool? {
    switch (self, other) {
    case (.null, _), (_, .null): return nil
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.int(let a), .float(let b)): return numericEquals(a, b)
    case (.float(let a), .int(let b)): return numericEquals(b, a)
    case (.string(let a), .string(let b)): return a == b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      var sawNull = false
      for (x, y) in zip(a, b) {
        switch x.cypherEquals(y) {
        case .some(false): return false
        case .none: sawNull = true
        case .some(true): continue
        }
      }
      return sawNull ? nil : true
    case (.map(let a), .map(let b)):
      guard a.count == b.count, a.keys.allSatisfy({ b[$0] != nil }) else { return false }
      var sawNull = false
      for (key, x) in a {
        switch x.cypherEquals(b[key] ?? .null) {
        case .some(false): return false
        case .none: sawNull = true
        case .some(true): continue
        }
      }
      return sawNull ? nil : true
    case (.node(let a), .node(let b)): return a == b
    case (.relationship(let a), .relationship(let b)): return a == b
    case (.path(let a), .path(let b)): return a == b
    case (.date(let a), .date(let b)): return a == b
    case (.localTime(let a), .localTime(let b)): return a == b
    case (.time(let a), .time(let b)): return a.utcNanoOfDay == b.utcNanoOfDay
    case (.localDateTime(let a), .localDateTime(let b)): return a == b
    case (.dateTime(let a), .dateTime(let b)): return a.instant == b.instant
    case (.duration(let a), .duration(let b)): return a == b
    default: return false
    }
  }

  /// The sign of `self` compared with `other` for `<`, `<=`, `>`, `>=`;
  /// nil when the two are not comparable (different types, null, NaN).
  public func cypherCompare(_ other: Value) -> Int? {
    switch (self, other) {
    case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
    case (.float(let a), .float(let b)): return compareDoubles(a, b)
    case (.int(let a), .float(let b)): return compareMixed(a, b)
    case (.float(let a), .int(let b)): return compareMixed(b, a).map { -$0 }
    case (.string(let a), .string(let b)): return compareStrings(a, b)
    case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
    case (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) {
        guard let c = x.cypherCompare(y) else { return nil }
        if c != 0 { return c }
      }
      return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    case (.date(let a), .date(let b)): return sign(a.epochDay, b.epochDay)
    case (.localTime(let a), .localTime(let b)): return sign(a.nanoOfDay, b.nanoOfDay)
    case (.time(let a), .time(let b)): return sign(a.utcNanoOfDay, b.utcNanoOfDay)
    case (.localDateTime(let a), .localDateTime(let b)): return a.compare(b)
    case (.dateTime(let a), .dateTime(let b)): return a.instant.compare(b.instant)
    default: return nil
    }
  }

  /// A total order over all values, for ORDER BY: maps, nodes, relationships,
  /// lists, paths, datetimes, local datetimes, dates, times, local times,
  /// durations, strings, booleans, numbers (NaN last among them), then null.
  public func orderCompare(_ other: Value) -> Int {
    let (ra, rb) = (orderRank, other.orderRank)
    if ra != rb { return ra < rb ? -1 : 1 }
    switch (self, other) {
    case (.map(let a), .map(let b)):
      let ka = a.keys.sorted(by: { compareStrings($0, $1) < 0 })
      let kb = b.keys.sorted(by: { compareStrings($0, $1) < 0 })
      for (x, y) in zip(ka, kb) {
        let c = compareStrings(x, y)
        if c != 0 { return c }
        let v = (a[x] ?? .null).orderCompare(b[y] ?? .null)
        if v != 0 { return v }
      }
      return sign(Int64(ka.count), Int64(kb.count))
    case (.node(let a), .node(let b)): return sign(Int64(a), Int64(b))
    case (.relationship(let a), .relationship(let b)): return sign(Int64(a), Int64(b))
    case (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) {
        let c = x.orderCompare(y)
        if c != 0 { return c }
      }
      return sign(Int64(a.count), Int64(b.count))
    case (.path(let a), .path(let b)):
      let la = Value.list(pathElements(a)), lb = Value.list(pathElements(b))
      return la.orderCompare(lb)
    case (.dateTime(let a), .dateTime(let b)): return a.instant.compare(b.instant)
    case (.time(let a), .time(let b)):
      return sign(a.utcNanoOfDay, b.utcNanoOfDay)
    case (.duration(let a), .duration(let b)):
      for (x, y) in [
        (a.months, b.months), (a.days, b.days), (a.seconds, b.seconds), (a.nanoseconds, b.nanoseconds),
      ]
      where x != y { return x < y ? -1 : 1 }
      return 0
    case (.float(let a), .float(let b)) where a.isNaN || b.isNaN:
      return a.isNaN == b.isNaN ? 0 : (a.isNaN ? 1 : -1)
    case (.float(let a), _) where a.isNaN: return 1
    case (_, .float(let b)) where b.isNaN: return -1
    default: return cypherCompare(other) ?? 0
    }
  }

  /// The group of types a value sorts with in ORDER BY (integers and
  /// floats share one); groups sort in the order `orderCompare` lists.
  var orderFamily: Int { orderRank }

  private var orderRank: Int {
    switch self {
    case .map: return 0
    case .node: return 1
    case .relationship: return 2
    case .list: return 3
    case .path: return 4
    case .dateTime: return 5
    case .localDateTime: return 6
    case .date: return 7
    case .time: return 8
    case .localTime: return 9
    case .duration: return 10
    case .string: return 11
    case .bool: return 12
    case .int, .float: return 13
    case .null: return 14
    }
  }

  private func pathElements(_ p: PathValue) -> [Value] {
    var out: [Value] = []
    for (i, n) in p.nodes.enumerated() {
      out.append(.node(n))
      if i < p.relationships.count { out.append(.relationship(p.relationships[i])) }
    }
    return out
  }
}

/// Strings compare by Unicode scalar values, as Neo4j and openCypher do,
/// not by Swift's canonical-equivalence ordering.
@inlinable func compareStrings(_ a: String, _ b: String) -> Int {
  if a == b { return 0 }
  var ia = a.unicodeScalars.makeIterator(), ib = b.unicodeScalars.makeIterator()
  while true {
    switch (ia.next(), ib.next()) {
    case (nil, nil): return 0
    case (nil, _): return -1
    case (_, nil): return 1
    case (let x?, let y?) where x != y: return x.value < y.value ? -1 : 1
    default: continue
    }
  }
}

@inlinable func sign(_ a: Int64, _ b: Int64) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

@inlinable func compareDoubles(_ a: Double, _ b: Double) -> Int? {
  if a.isNaN || b.isNaN { return nil }
  return a < b ? -1 : (a == b ? 0 : 1)
}

/// Integer against float without losing precision for large integers.
@inlinable func compareMixed(_ a: Int64, _ b: Double) -> Int? {
  if b.isNaN { return nil }
  // Beyond Int64's range (2^63 is the first double above Int64.max, -2^63
  // is Int64.min exactly), so every integer is on one side.
  if b >= 9_223_372_036_854_775_808.0 { return -1 }
  if b < -9_223_372_036_854_775_808.0 { return 1 }
  let t = b.rounded(.down)
  let ti = Int64(t)
  if a != ti { return a < ti ? -1 : 1 }
  return t == b ? 0 : -1
}

@inlinable func numericEquals(_ a: Int64, _ b: Double) -> Bool { compareMixed(a, b) == 0 }

extension Value {
  /// The sign of integer `a` compared with float `b`, exactly (no rounding of
  /// large integers); nil when `b` is NaN. What `cypherCompare` uses for mixed
  /// numbers, for scans that compare typed columns without boxing values.
  public static func compareNumbers(_ a: Int64, _ b: Double) -> Int? { compareMixed(a, b) }
}
