/// Which slot holds each visible variable. WITH and RETURN start a new scope;
/// comprehensions and quantifiers add local names on top.
struct VariableScope {
  private(set) var slots: [String: Int] = [:]
  /// Visible names in the order they were introduced (`RETURN *` order is by name).
  private(set) var order: [String] = []

  subscript(name: String) -> Int? { slots[name] }

  mutating func bind(_ name: String, _ slot: Int) {
    if slots[name] == nil { order.append(name) }
    slots[name] = slot
  }

  var names: [String] { order }
}

/// Hands out slots for the whole statement: every variable, every
/// projection and every hidden intermediate gets its own.
final class SlotAllocator {
  private(set) var count = 0
  func next() -> Int {
    defer { count += 1 }
    return count
  }
}
