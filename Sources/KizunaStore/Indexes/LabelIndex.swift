/// Node ids per label, ascending, for label scans and label counts.
///
/// Adding a label appends; removing one only marks the list stale. The
/// writer calls `normalize` before it releases the store, so readers always
/// see sorted, exact lists.
public struct LabelIndex: Sendable {
  @usableFromInline var lists: [[UInt32]] = []
  private var stale: Set<Int32> = []

  public init() {}

  public init(lists: [[UInt32]]) { self.lists = lists }

  public func members(_ label: Int32) -> [UInt32] {
    label >= 0 && Int(label) < lists.count ? lists[Int(label)] : []
  }

  public func count(_ label: Int32) -> Int { members(label).count }

  mutating func added(_ node: NodeID, _ label: Int32) {
    let l = Int(label)
    while lists.count <= l { lists.append([]) }
    if let last = lists[l].last, last >= UInt32(node) { stale.insert(label) }
    lists[l].append(UInt32(node))
  }

  mutating func removed(_ label: Int32) { stale.insert(label) }

  /// Rebuilds the stale lists from the store's label bits.
  mutating func normalize(_ hasLabel: (NodeID, Int32) -> Bool) {
    for label in stale where Int(label) < lists.count {
      var list = lists[Int(label)].filter { hasLabel(Int($0), label) }
      list.sort()
      var unique: [UInt32] = []
      unique.reserveCapacity(list.count)
      for n in list where unique.last != n { unique.append(n) }
      lists[Int(label)] = unique
    }
    stale.removeAll()
  }
}
