/// One statement's changes. Every change goes to the store at once (so the
/// statement reads its own writes), with its inverse on an undo list and
/// the change itself on the redo list that the log records at commit.
/// `Database.write` either commits all of it or rolls all of it back.
public final class WriteTransaction {
  public let store: GraphStore
  public private(set) var statistics = UpdateStatistics()
  private(set) var redo: [GraphChange] = []
  private var undo: [Undo] = []
  /// Nodes whose labels or properties changed: the uniqueness checks look at these.
  private var touchedNodes: Set<NodeID> = []

  private enum Undo {
    case createdNode(NodeID)
    case deletedNode(NodeID, labels: [Int32], properties: [(Int32, Value)])
    case nodeProperty(NodeID, Int32, Value?)
    case addedLabel(NodeID, Int32)
    case removedLabel(NodeID, Int32)
    case createdRelationship(RelationshipID)
    case deletedRelationship(RelationshipID, properties: [(Int32, Value)])
    case relationshipProperty(RelationshipID, Int32, Value?)
    case createdIndex(String)
    case droppedIndex(PropertyIndex, position: Int)
    case createdConstraint(String)
    case droppedConstraint(UniqueConstraint, position: Int)
  }

  init(store: GraphStore) { self.store = store }

  // MARK: Names

  public func labelID(_ name: String) -> Int32 { store.labels.intern(name) }
  public func typeID(_ name: String) -> Int32 { store.types.intern(name) }
  public func keyID(_ name: String) -> Int32 { store.keys.intern(name) }

  // MARK: Nodes

  @discardableResult
  public func createNode(labels: [Int32], properties: [(Int32, Value)]) throws -> NodeID {
    let props = try storable(properties)
    let id = store.nodeIDLimit
    guard id < Int(UInt32.max) else { throw StoreError(.storage, "the database holds the most nodes it can") }
    var unique: [Int32] = []
    for l in labels where !unique.contains(l) { unique.append(l) }
    store.createNode(id: id, labels: unique, properties: props)
    undo.append(.createdNode(id))
    redo.append(.createNode(id, labels: unique, properties: props))
    statistics.nodesCreated += 1
    statistics.labelsAdded += unique.count
    statistics.propertiesSet += props.count
    touchedNodes.insert(id)
    return id
  }

  /// Deletes a node; without `detach` a node with relationships is an error.
  public func deleteNode(_ id: NodeID, detach: Bool) throws {
    guard store.nodeExists(id) else { return }  // deleting twice is allowed
    var rels: [RelationshipID] = []
    store.forEachRelationship(of: id, direction: .both) { _, r in rels.append(r) }
    if !rels.isEmpty && !detach {
      throw StoreError(
        .deleteConnectedNode,
        "Cannot delete node<\(id)>, because it still has relationships. To delete this node, you must first delete its relationships, or use DETACH DELETE."
      )
    }
    for r in rels { try deleteRelationship(r) }
    let labels = store.labelIDs(of: id)
    let props = store.nodePropertyKeys(id).compactMap { k in store.nodeProperty(id, k).map { (k, $0) } }
    store.deleteNode(id)
    undo.append(.deletedNode(id, labels: labels, properties: props))
    redo.append(.deleteNode(id))
    statistics.nodesDeleted += 1
    touchedNodes.remove(id)
  }

  /// Sets (or, with `.null`, removes) a node property.
  public func setNodeProperty(_ id: NodeID, _ key: Int32, _ value: Value) throws {
    try requireNode(id)
    let value = try storable(value)
    let old = store.nodeProperty(id, key)
    if old == nil && value.isNull { return }
    store.setNodeProperty(id, key, value)
    undo.append(.nodeProperty(id, key, old))
    redo.append(.setNodeProperty(id, key, value))
    statistics.propertiesSet += 1
    touchedNodes.insert(id)
  }

  public func addLabel(_ id: NodeID, _ label: Int32) throws {
    try requireNode(id)
    guard !store.hasLabel(id, label) else { return }
    store.addLabel(id, label)
    undo.append(.addedLabel(id, label))
    redo.append(.addLabel(id, label))
    statistics.labelsAdded += 1
    touchedNodes.insert(id)
  }

  public func removeLabel(_ id: NodeID, _ label: Int32) throws {
    try requireNode(id)
    guard store.hasLabel(id, label) else { return }
    store.removeLabel(id, label)
    undo.append(.removedLabel(id, label))
    redo.append(.removeLabel(id, label))
    statistics.labelsRemoved += 1
  }

  // MARK: Relationships

  @discardableResult
  public func createRelationship(type: Int32, start: NodeID, end: NodeID, properties: [(Int32, Value)])
    throws -> RelationshipID
  {
    try requireNode(start)
    try requireNode(end)
    let props = try storable(properties)
    let id = store.relationshipIDLimit
    guard id < Int(UInt32.max) else {
      throw StoreError(.storage, "the database holds the most relationships it can")
    }
    store.createRelationship(id: id, type: type, start: start, end: end, properties: props)
    undo.append(.createdRelationship(id))
    redo.append(.createRelationship(id, type: type, start: start, end: end, properties: props))
    statistics.relationshipsCreated += 1
    statistics.propertiesSet += props.count
    return id
  }

  public func deleteRelationship(_ id: RelationshipID) throws {
    guard store.relationshipExists(id) else { return }
    let props = store.relationshipPropertyKeys(id).compactMap { k in
      store.relationshipProperty(id, k).map { (k, $0) }
    }
    store.deleteRelationship(id)
    undo.append(.deletedRelationship(id, properties: props))
    redo.append(.deleteRelationship(id))
    statistics.relationshipsDeleted += 1
  }

  public func setRelationshipProperty(_ id: RelationshipID, _ key: Int32, _ value: Value) throws {
    guard store.relationshipExists(id) else {
      throw StoreError(.deletedEntity, "relationship \(id) has been deleted")
    }
    let value = try storable(value)
    let old = store.relationshipProperty(id, key)
    if old == nil && value.isNull { return }
    store.setRelationshipProperty(id, key, value)
    undo.append(.relationshipProperty(id, key, old))
    redo.append(.setRelationshipProperty(id, key, value))
    statistics.propertiesSet += 1
  }

  // MARK: Schema

  /// Creates a property index; returns false when `ifNotExists` and an
  /// equivalent index exists already.
  @discardableResult
  public func createIndex(name: String?, label: String, key: String, ifNotExists: Bool) throws -> Bool {
    let l = labelID(label), k = keyID(key)
    let name = name ?? "index_\(label)_\(key)"
    if let existing = store.schema.index(label: l, key: k) {
      if ifNotExists { return false }
      throw StoreError(
        .schema, "An index on :\(label)(\(key)) already exists: '\(existing.name)'.")
    }
    if store.schema.index(named: name) != nil {
      if ifNotExists { return false }
      throw StoreError(.schema, "There already exists an index called '\(name)'.")
    }
    store.addIndex(name: name, label: l, key: k)
    undo.append(.createdIndex(name))
    redo.append(.createIndex(name: name, label: l, key: k))
    statistics.indexesAdded += 1
    return true
  }

  public func dropIndex(name: String, ifExists: Bool) throws {
    guard let position = store.schema.indexes.firstIndex(where: { $0.name == name }) else {
      if ifExists { return }
      throw StoreError(.schema, "There is no index called '\(name)'.")
    }
    if let c = store.schema.constraints.first(where: { $0.indexName == name }) {
      throw StoreError(
        .schema, "Index '\(name)' belongs to constraint '\(c.name)'; drop the constraint instead.")
    }
    let index = store.schema.indexes[position]
    store.dropIndex(name: name)
    undo.append(.droppedIndex(index, position: position))
    redo.append(.dropIndex(name: name))
    statistics.indexesRemoved += 1
  }

  @discardableResult
  public func createUniqueConstraint(name: String?, label: String, key: String, ifNotExists: Bool) throws
    -> Bool
  {
    let l = labelID(label), k = keyID(key)
    let name = name ?? "constraint_\(label)_\(key)"
    if store.schema.constraints.contains(where: { $0.label == l && $0.key == k || $0.name == name }) {
      if ifNotExists { return false }
      throw StoreError(.schema, "A constraint called '\(name)' or on :\(label)(\(key)) already exists.")
    }
    let indexName: String
    if let existing = store.schema.index(label: l, key: k) {
      indexName = existing.name
    } else {
      indexName = name
      try createIndex(name: indexName, label: label, key: key, ifNotExists: false)
    }
    guard let index = store.schema.index(named: indexName) else {
      throw StoreError(.schema, "internal: the index for constraint '\(name)' is missing")
    }
    for (value, nodes) in index.entries where nodes.count > 1 {
      throw StoreError(
        .constraintViolation,
        "Unable to create constraint '\(name)': nodes \(nodes.prefix(2).map { String($0) }.joined(separator: " and ")) both have :\(label)(\(key)) = \(value)."
      )
    }
    let constraint = UniqueConstraint(name: name, label: l, key: k, indexName: indexName)
    store.addConstraint(constraint)
    undo.append(.createdConstraint(name))
    redo.append(.createConstraint(name: name, label: l, key: k, indexName: indexName))
    statistics.constraintsAdded += 1
    return true
  }

  public func dropConstraint(name: String, ifExists: Bool) throws {
    guard let position = store.schema.constraints.firstIndex(where: { $0.name == name }) else {
      if ifExists { return }
      throw StoreError(.schema, "There is no constraint called '\(name)'.")
    }
    let c = store.schema.constraints[position]
    store.dropConstraint(name: name)
    undo.append(.droppedConstraint(c, position: position))
    redo.append(.dropConstraint(name: name))
    statistics.constraintsRemoved += 1
  }

  // MARK: Commit support

  /// Checks the uniqueness constraints over the nodes this statement touched.
  func validate() throws {
    for c in store.schema.constraints {
      guard let index = store.schema.index(named: c.indexName) else { continue }
      for n in touchedNodes.sorted() where store.nodeExists(n) && store.hasLabel(n, c.label) {
        guard let v = store.nodeProperty(n, c.key) else { continue }
        let holders = index.lookup(v).map { Int($0) }.filter { $0 != n }
        // Name the node that had the value first: one this transaction
        // did not touch if there is one (Neo4j's wording).
        guard let other = holders.first(where: { !touchedNodes.contains($0) }) ?? holders.min() else {
          continue
        }
        throw StoreError(
          .constraintViolation,
          "Node(\(other)) already exists with label `\(store.labels.name(c.label))` and property `\(store.keys.name(c.key))` = \(v.cypherLiteral ?? "\(v)")"
        )
      }
    }
  }

  /// Undoes every change, newest first.
  func rollback() {
    while let u = undo.popLast() {
      switch u {
      case .createdNode(let id):
        store.deleteNode(id)
      case .deletedNode(let id, let labels, let props):
        store.createNode(id: id, labels: labels, properties: props)
      case .nodeProperty(let id, let key, let old):
        store.setNodeProperty(id, key, old ?? .null)
      case .addedLabel(let id, let l): store.removeLabel(id, l)
      case .removedLabel(let id, let l): store.addLabel(id, l)
      case .createdRelationship(let id): store.purgeRelationship(id)
      case .deletedRelationship(let id, let props):
        store.reviveRelationship(id)
        for (k, v) in props { store.setRelationshipProperty(id, k, v) }
      case .relationshipProperty(let id, let key, let old):
        store.setRelationshipProperty(id, key, old ?? .null)
      case .createdIndex(let name): store.dropIndex(name: name)
      case .droppedIndex(let index, let position): store.schema.indexes.insert(index, at: position)
      case .createdConstraint(let name): store.dropConstraint(name: name)
      case .droppedConstraint(let c, let position): store.schema.constraints.insert(c, at: position)
      }
    }
    redo.removeAll()
  }

  // MARK: Checks

  private func requireNode(_ id: NodeID) throws {
    guard store.nodeExists(id) else { throw StoreError(.deletedEntity, "node \(id) has been deleted") }
  }

  private func storable(_ value: Value) throws -> Value {
    guard value.isStorable else {
      throw StoreError(
        .invalidPropertyType,
        "Property values can only be of primitive types or arrays thereof; got \(value.typeName).")
    }
    if case .list(let items) = value,
      items.contains(where: {
        if case .list = $0 { return true }; if case .map = $0 { return true }; return false
      })
    {
      throw StoreError(
        .invalidPropertyType,
        "Property values can only be of primitive types or arrays thereof; nested collections are not allowed."
      )
    }
    if case .map = value {
      throw StoreError(
        .invalidPropertyType, "Property values can only be of primitive types or arrays thereof; got a MAP.")
    }
    return value
  }

  private func storable(_ properties: [(Int32, Value)]) throws -> [(Int32, Value)] {
    var out: [(Int32, Value)] = []
    for (k, v) in properties where !v.isNull {
      let v = try storable(v)
      if let i = out.firstIndex(where: { $0.0 == k }) { out[i].1 = v } else { out.append((k, v)) }
    }
    return out
  }
}
