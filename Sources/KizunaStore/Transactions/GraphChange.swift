/// One primitive change to the graph: what the write-ahead log records and
/// replays. A committed transaction is a list of these, applied in order.
public enum GraphChange: Sendable {
  public enum NameKind: UInt8, Sendable { case label, type, key }

  case defineName(NameKind, Int32, String)
  case createNode(NodeID, labels: [Int32], properties: [(Int32, Value)])
  case deleteNode(NodeID)
  case setNodeProperty(NodeID, Int32, Value)
  case addLabel(NodeID, Int32)
  case removeLabel(NodeID, Int32)
  case createRelationship(
    RelationshipID, type: Int32, start: NodeID, end: NodeID, properties: [(Int32, Value)])
  case deleteRelationship(RelationshipID)
  case setRelationshipProperty(RelationshipID, Int32, Value)
  case createIndex(name: String, label: Int32, key: Int32)
  case dropIndex(name: String)
  case createConstraint(name: String, label: Int32, key: Int32, indexName: String)
  case dropConstraint(name: String)
}

extension GraphStore {
  /// Applies a change read from the log. Damaged input (ids out of range,
  /// unknown names) throws instead of trapping.
  func apply(_ change: GraphChange) throws {
    func checkNode(_ id: NodeID) throws {
      guard nodeExists(id) else { throw StoreError(.storage, "log refers to missing node \(id)") }
    }
    func checkName(_ id: Int32, _ table: NameTable) throws {
      guard id >= 0, Int(id) < table.count else {
        throw StoreError(.storage, "log refers to undefined name \(id)")
      }
    }
    switch change {
    case .defineName(let kind, let id, let name):
      let got: Int32
      switch kind {
      case .label: got = labels.intern(name)
      case .type: got = types.intern(name)
      case .key: got = keys.intern(name)
      }
      guard got == id else { throw StoreError(.storage, "log defines name '\(name)' out of order") }
    case .createNode(let id, let nodeLabels, let properties):
      guard id >= 0, !nodeExists(id), id < Int(UInt32.max) else {
        throw StoreError(.storage, "log creates node \(id) twice")
      }
      for l in nodeLabels { try checkName(l, labels) }
      for (k, _) in properties { try checkName(k, keys) }
      createNode(id: id, labels: nodeLabels, properties: properties)
    case .deleteNode(let id):
      try checkNode(id)
      deleteNode(id)
    case .setNodeProperty(let id, let key, let value):
      try checkNode(id)
      try checkName(key, keys)
      setNodeProperty(id, key, value)
    case .addLabel(let id, let label):
      try checkNode(id)
      try checkName(label, labels)
      addLabel(id, label)
    case .removeLabel(let id, let label):
      try checkNode(id)
      try checkName(label, labels)
      removeLabel(id, label)
    case .createRelationship(let id, let type, let start, let end, let properties):
      guard id >= 0, !relationshipExists(id), id < Int(UInt32.max) else {
        throw StoreError(.storage, "log creates relationship \(id) twice")
      }
      try checkNode(start)
      try checkNode(end)
      try checkName(type, types)
      for (k, _) in properties { try checkName(k, keys) }
      createRelationship(id: id, type: type, start: start, end: end, properties: properties)
    case .deleteRelationship(let id):
      guard relationshipExists(id) else {
        throw StoreError(.storage, "log deletes missing relationship \(id)")
      }
      deleteRelationship(id)
    case .setRelationshipProperty(let id, let key, let value):
      guard relationshipExists(id) else {
        throw StoreError(.storage, "log updates missing relationship \(id)")
      }
      try checkName(key, keys)
      setRelationshipProperty(id, key, value)
    case .createIndex(let name, let label, let key):
      try checkName(label, labels)
      try checkName(key, keys)
      addIndex(name: name, label: label, key: key)
    case .dropIndex(let name): dropIndex(name: name)
    case .createConstraint(let name, let label, let key, let indexName):
      try checkName(label, labels)
      try checkName(key, keys)
      addConstraint(UniqueConstraint(name: name, label: label, key: key, indexName: indexName))
    case .dropConstraint(let name): dropConstraint(name: name)
    }
  }
}

extension ByteWriter {
  mutating func change(_ c: GraphChange) {
    switch c {
    case .defineName(let kind, let id, let name):
      u8(0)
      u8(kind.rawValue)
      signed(Int64(id))
      string(name)
    case .createNode(let id, let labels, let properties):
      u8(1)
      varint(UInt64(id))
      varint(UInt64(labels.count))
      for l in labels { varint(UInt64(l)) }
      propertyList(properties)
    case .deleteNode(let id):
      u8(2)
      varint(UInt64(id))
    case .setNodeProperty(let id, let key, let v):
      u8(3)
      varint(UInt64(id))
      varint(UInt64(key))
      value(v)
    case .addLabel(let id, let label):
      u8(4)
      varint(UInt64(id))
      varint(UInt64(label))
    case .removeLabel(let id, let label):
      u8(5)
      varint(UInt64(id))
      varint(UInt64(label))
    case .createRelationship(let id, let type, let start, let end, let properties):
      u8(6)
      varint(UInt64(id))
      varint(UInt64(type))
      varint(UInt64(start))
      varint(UInt64(end))
      propertyList(properties)
    case .deleteRelationship(let id):
      u8(7)
      varint(UInt64(id))
    case .setRelationshipProperty(let id, let key, let v):
      u8(8)
      varint(UInt64(id))
      varint(UInt64(key))
      value(v)
    case .createIndex(let name, let label, let key):
      u8(9)
      string(name)
      varint(UInt64(label))
      varint(UInt64(key))
    case .dropIndex(let name):
      u8(10)
      string(name)
    case .createConstraint(let name, let label, let key, let indexName):
      u8(11)
      string(name)
      varint(UInt64(label))
      varint(UInt64(key))
      string(indexName)
    case .dropConstraint(let name):
      u8(12)
      string(name)
    }
  }

  private mutating func propertyList(_ properties: [(Int32, Value)]) {
    varint(UInt64(properties.count))
    for (k, v) in properties {
      varint(UInt64(k))
      value(v)
    }
  }
}

extension ByteReader {
  struct BadChange: Error {
    let offset: Int
  }

  mutating func change() throws -> GraphChange {
    let at = offset
    func id() throws -> Int {
      let v = try varint()
      guard v < UInt64(UInt32.max) else { throw BadChange(offset: at) }
      return Int(v)
    }
    func small() throws -> Int32 {
      let v = try varint()
      guard v < UInt64(Int32.max) else { throw BadChange(offset: at) }
      return Int32(v)
    }
    switch try u8() {
    case 0:
      guard let kind = GraphChange.NameKind(rawValue: try u8()) else { throw BadChange(offset: at) }
      let n = try signed()
      guard n >= 0, n < Int64(Int32.max) else { throw BadChange(offset: at) }
      return .defineName(kind, Int32(n), try string())
    case 1:
      let node = try id()
      let n = try count()
      var labels: [Int32] = []
      for _ in 0..<n { labels.append(try small()) }
      return .createNode(node, labels: labels, properties: try properties())
    case 2: return .deleteNode(try id())
    case 3:
      let node = try id()
      let key = try small()
      return .setNodeProperty(node, key, try value())
    case 4:
      let node = try id()
      return .addLabel(node, try small())
    case 5:
      let node = try id()
      return .removeLabel(node, try small())
    case 6:
      let rel = try id(), type = try small(), start = try id(), end = try id()
      return .createRelationship(rel, type: type, start: start, end: end, properties: try properties())
    case 7: return .deleteRelationship(try id())
    case 8:
      let rel = try id()
      let key = try small()
      return .setRelationshipProperty(rel, key, try value())
    case 9:
      let name = try string()
      let label = try small()
      return .createIndex(name: name, label: label, key: try small())
    case 10: return .dropIndex(name: try string())
    case 11:
      let name = try string()
      let label = try small(), key = try small()
      return .createConstraint(name: name, label: label, key: key, indexName: try string())
    case 12: return .dropConstraint(name: try string())
    default: throw BadChange(offset: at)
    }
  }

  private mutating func properties() throws -> [(Int32, Value)] {
    let n = try count()
    var out: [(Int32, Value)] = []
    for _ in 0..<n {
      let k = try varint()
      guard k < UInt64(Int32.max) else { throw BadChange(offset: offset) }
      out.append((Int32(k), try value()))
    }
    return out
  }
}
