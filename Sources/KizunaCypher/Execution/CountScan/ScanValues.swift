import KizunaStore

/// A number read from a typed property column, or a constant, in a count scan.
enum ScanNumber: Equatable, CustomStringConvertible {
  case int(Int64)
  case float(Double)

  init?(_ value: Value) {
    switch value {
    case .int(let i): self = .int(i)
    case .float(let f): self = .float(f)
    default: return nil
    }
  }

  var description: String {
    switch self {
    case .int(let i): return String(i)
    case .float(let f): return String(f)
    }
  }
}

/// A comparison in a count scan's filter, with openCypher's meaning on
/// numbers: integers and floats compare by value, and NaN is neither equal
/// to nor ordered against anything (so only `<>` holds for it).
enum ScanOperator: String, Sendable {
  case equal = "="
  case notEqual = "<>"
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  init?(_ op: BinaryOperator) {
    switch op {
    case .equal: self = .equal
    case .notEqual: self = .notEqual
    case .less: self = .less
    case .lessOrEqual: self = .lessOrEqual
    case .greater: self = .greater
    case .greaterOrEqual: self = .greaterOrEqual
    default: return nil
    }
  }

  /// The operator with its operands swapped: `x < y` is `y > x`.
  var flipped: ScanOperator {
    switch self {
    case .equal, .notEqual: return self
    case .less: return .greater
    case .lessOrEqual: return .greaterOrEqual
    case .greater: return .less
    case .greaterOrEqual: return .lessOrEqual
    }
  }

  /// Whether `left op right` is true (false and null both fail a filter).
  func holds(_ left: ScanNumber, _ right: ScanNumber) -> Bool {
    let order: Int?
    switch (left, right) {
    case (.int(let a), .int(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
    case (.float(let a), .float(let b)): order = a.isNaN || b.isNaN ? nil : (a < b ? -1 : (a == b ? 0 : 1))
    case (.int(let a), .float(let b)): order = Value.compareNumbers(a, b)
    case (.float(let a), .int(let b)): order = Value.compareNumbers(b, a).map { -$0 }
    }
    guard let order else { return self == .notEqual }
    switch self {
    case .equal: return order == 0
    case .notEqual: return order != 0
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .greater: return order > 0
    case .greaterOrEqual: return order >= 0
    }
  }
}

/// One property column as a count scan reads it: the store's typed array
/// (retained, not copied) and which ids have a value.
struct ScanColumn {
  enum Numbers {
    case ints([Int64])
    case floats([Double])
    /// Integers and floats mixed in one column (checked when planning).
    case mixed([Value])
    /// Not numbers (strings, booleans, mixed): usable only for IS [NOT] NULL.
    case other
  }

  let name: String
  let numbers: Numbers
  let present: Bitset
  let populated: Int
  /// Every id below the limit has a value: reads need no presence check.
  let full: Bool

  /// The column for `key` of nodes (or relationships) below `limit`; a key
  /// the store has never seen reads as a column without values.
  init(_ column: PropertyColumn?, name: String, limit: Int) {
    self.name = name
    let column = column ?? PropertyColumn()
    switch column.kind {
    case .ints: numbers = .ints(column.ints)
    case .floats: numbers = .floats(column.floats)
    case .empty: numbers = .ints([])
    case .values: numbers = Self.onlyNumbers(column) ? .mixed(column.values) : .other
    case .strings, .bools: numbers = .other
    }
    present = column.present
    populated = column.populated
    full = limit > 0 && column.populated >= limit && column.slotCount >= limit
  }

  /// Whether every value the column holds is an integer or a float.
  private static func onlyNumbers(_ column: PropertyColumn) -> Bool {
    for (id, v) in column.values.enumerated() where column.has(id) {
      switch v {
      case .int, .float: continue
      default: return false
      }
    }
    return true
  }

  var isNumeric: Bool {
    if case .other = numbers { return false }
    return true
  }

  @inline(__always) func has(_ id: Int) -> Bool { full || present.contains(id) }

  /// The value of `id`, which must have one (`has(id)`).
  @inline(__always) func number(_ id: Int) -> ScanNumber {
    switch numbers {
    case .ints(let a): return .int(a[id])
    case .floats(let a): return .float(a[id])
    case .mixed(let a):
      if case .float(let f) = a[id] { return .float(f) }
      if case .int(let i) = a[id] { return .int(i) }
      return .int(0)
    case .other: return .int(0)
    }
  }
}
