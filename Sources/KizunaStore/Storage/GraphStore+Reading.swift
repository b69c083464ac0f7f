// Read access used by the query engine. Every accessor takes ids that the
// caller got from this store; out-of-range ids read as absent, never trap.

extension GraphStore {
  @inlinable public func nodeExists(_ id: NodeID) -> Bool { id >= 0 && liveNodes.contains(id) }

  @inlinable public func relationshipExists(_ id: RelationshipID) -> Bool {
    id >= 0 && liveRelationships.contains(id)
  }

  @inlinable public func hasLabel(_ node: NodeID, _ label: Int32) -> Bool {
    guard node >= 0, node < labelBits.count else { return false }
    if label < 64 { return labelBits[node] & (1 &<< UInt64(label)) != 0 }
    return extraLabels[node]?.contains(label) ?? false
  }

  /// Label ids of `node`, ascending.
  public func labelIDs(of node: NodeID) -> [Int32] {
    guard node >= 0, node < labelBits.count else { return [] }
    var out: [Int32] = []
    var bits = labelBits[node]
    while bits != 0 {
      out.append(Int32(bits.trailingZeroBitCount))
      bits &= bits - 1
    }
    if let extra = extraLabels[node] { out.append(contentsOf: extra.sorted()) }
    return out
  }

  /// Label names of `node`, in the order the labels were first created.
  public func labelNames(of node: NodeID) -> [String] { labelIDs(of: node).map { labels.name($0) } }

  @inlinable @inline(__always) public func nodeProperty(_ node: NodeID, _ key: Int32) -> Value? {
    guard key >= 0, Int(key) < nodeProperties.count, node >= 0 else { return nil }
    return nodeProperties[Int(key)].value(node)
  }

  @inlinable @inline(__always) public func relationshipProperty(_ rel: RelationshipID, _ key: Int32) -> Value?
  {
    guard key >= 0, Int(key) < relationshipProperties.count, rel >= 0 else { return nil }
    return relationshipProperties[Int(key)].value(rel)
  }

  /// Property key ids that `node` has a value for, ascending.
  public func nodePropertyKeys(_ node: NodeID) -> [Int32] {
    var out: [Int32] = []
    for (k, column) in nodeProperties.enumerated() where column.has(node) { out.append(Int32(k)) }
    return out
  }

  public func relationshipPropertyKeys(_ rel: RelationshipID) -> [Int32] {
    var out: [Int32] = []
    for (k, column) in relationshipProperties.enumerated() where column.has(rel) {
      out.append(Int32(k))
    }
    return out
  }

  public func nodePropertyMap(_ node: NodeID) -> [String: Value] {
    var out: [String: Value] = [:]
    for (k, column) in nodeProperties.enumerated() {
      if let v = column.value(node) { out[keys.name(Int32(k))] = v }
    }
    return out
  }

  public func relationshipPropertyMap(_ rel: RelationshipID) -> [String: Value] {
    var out: [String: Value] = [:]
    for (k, column) in relationshipProperties.enumerated() {
      if let v = column.value(rel) { out[keys.name(Int32(k))] = v }
    }
    return out
  }

  @inlinable public func typeID(of rel: RelationshipID) -> Int32 { relationshipType[rel] }
  @inlinable public func startNode(of rel: RelationshipID) -> NodeID { Int(relationshipStart[rel]) }
  @inlinable public func endNode(of rel: RelationshipID) -> NodeID { Int(relationshipEnd[rel]) }

  /// Calls `body(neighbor, relationship)` for each live relationship of
  /// `node` of type `type` in `direction`. With `.both`, a self-loop is
  /// reported once.
  @inlinable public func forEachRelationship(
    of node: NodeID, type: Int32, direction: Direction,
    _ body: (NodeID, RelationshipID) throws -> Void
  ) rethrows {
    let t = Int(type)
    guard t >= 0, t < outgoing.count else { return }
    if direction != .incoming {
      try outgoing[t].forEach(node) { n, r in
        if liveRelationships.contains(Int(r)) { try body(Int(n), Int(r)) }
      }
    }
    if direction != .outgoing {
      try incoming[t].forEach(node) { n, r in
        if liveRelationships.contains(Int(r)), !(direction == .both && Int(n) == node) {
          try body(Int(n), Int(r))
        }
      }
    }
  }

  /// The same over every relationship type.
  @inlinable public func forEachRelationship(
    of node: NodeID, direction: Direction, _ body: (NodeID, RelationshipID) throws -> Void
  ) rethrows {
    for t in 0..<outgoing.count {
      try forEachRelationship(of: node, type: Int32(t), direction: direction, body)
    }
  }

  /// How many live relationships `node` has in `direction` (all types).
  public func degree(of node: NodeID, direction: Direction) -> Int {
    var n = 0
    forEachRelationship(of: node, direction: direction) { _, _ in n += 1 }
    return n
  }

  /// Live node ids carrying `label`, ascending.
  public func nodes(withLabel label: Int32) -> [UInt32] { labelIndex.members(label) }

  public func nodeCount(withLabel label: Int32) -> Int { labelIndex.count(label) }

  public func relationshipCount(ofType type: Int32) -> Int {
    var n = 0
    for r in 0..<relationshipIDLimit where relationshipType[r] == type && liveRelationships.contains(r) {
      n += 1
    }
    return n
  }
}
