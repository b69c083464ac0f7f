// The primitive changes. Each keeps labels, adjacency and indexes in step;
// none checks openCypher rules (that is WriteTransaction's job), and each
// has an exact inverse, so a failed statement can be rolled back and the
// write-ahead log can replay them.

extension GraphStore {
  func createNode(id: NodeID, labels nodeLabels: [Int32], properties: [(Int32, Value)]) {
    if id >= nodeIDLimit { nodeIDLimit = id + 1 }
    // Exact growth: the array's own capacity doubling keeps appends cheap,
    // and slots past the last id are neither written nor resident.
    if labelBits.count <= id {
      labelBits.append(contentsOf: repeatElement(0, count: id + 1 - labelBits.count))
    }
    liveNodes.insert(id)
    liveNodeCount += 1
    for (key, value) in properties { setNodeProperty(id, key, value) }
    for label in nodeLabels { addLabel(id, label) }
  }

  func deleteNode(_ id: NodeID) {
    for label in labelIDs(of: id) { removeLabel(id, label) }
    for key in nodePropertyKeys(id) { setNodeProperty(id, key, .null) }
    liveNodes.remove(id)
    liveNodeCount -= 1
  }

  func setNodeProperty(_ id: NodeID, _ key: Int32, _ value: Value) {
    let k = Int(key)
    while nodeProperties.count <= k { nodeProperties.append(PropertyColumn()) }
    let old = nodeProperties[k].value(id)
    for index in schema.indexes where index.key == key && hasLabel(id, index.label) {
      if let old { index.remove(old, id) }
      index.insert(value, id)
    }
    nodeProperties[k].set(id, value)
  }

  func addLabel(_ id: NodeID, _ label: Int32) {
    guard !hasLabel(id, label) else { return }
    if label < 64 {
      labelBits[id] |= 1 &<< UInt64(label)
    } else {
      extraLabels[id, default: []].append(label)
    }
    labelIndex.added(id, label)
    for index in schema.indexes where index.label == label {
      if let v = nodeProperty(id, index.key) { index.insert(v, id) }
    }
  }

  func removeLabel(_ id: NodeID, _ label: Int32) {
    guard hasLabel(id, label) else { return }
    for index in schema.indexes where index.label == label {
      if let v = nodeProperty(id, index.key) { index.remove(v, id) }
    }
    if label < 64 {
      labelBits[id] &= ~(1 &<< UInt64(label))
    } else {
      extraLabels[id]?.removeAll { $0 == label }
      if extraLabels[id]?.isEmpty == true { extraLabels[id] = nil }
    }
    labelIndex.removed(label)
  }

  func createRelationship(
    id: RelationshipID, type: Int32, start: NodeID, end: NodeID, properties: [(Int32, Value)]
  ) {
    if id >= relationshipIDLimit { relationshipIDLimit = id + 1 }
    growRelationshipSlots(to: id)
    relationshipType[id] = type
    relationshipStart[id] = UInt32(start)
    relationshipEnd[id] = UInt32(end)
    ensureAdjacency(type)
    outgoing[Int(type)].add(node: UInt32(start), neighbor: UInt32(end), relationship: UInt32(id))
    incoming[Int(type)].add(node: UInt32(end), neighbor: UInt32(start), relationship: UInt32(id))
    liveRelationships.insert(id)
    liveRelationshipCount += 1
    for (key, value) in properties { setRelationshipProperty(id, key, value) }
  }

  /// Marks a relationship deleted; its adjacency entries stay until the
  /// next rebuild and are skipped by readers.
  func deleteRelationship(_ id: RelationshipID) {
    for key in relationshipPropertyKeys(id) { setRelationshipProperty(id, key, .null) }
    liveRelationships.remove(id)
    liveRelationshipCount -= 1
  }

  /// Brings a deleted relationship back (rollback of a delete).
  func reviveRelationship(_ id: RelationshipID) {
    liveRelationships.insert(id)
    liveRelationshipCount += 1
  }

  /// Removes every trace of a relationship created in a rolled-back transaction.
  func purgeRelationship(_ id: RelationshipID) {
    deleteRelationship(id)
    let t = Int(relationshipType[id])
    outgoing[t].removeAdded(node: relationshipStart[id], relationship: UInt32(id))
    incoming[t].removeAdded(node: relationshipEnd[id], relationship: UInt32(id))
  }

  func setRelationshipProperty(_ id: RelationshipID, _ key: Int32, _ value: Value) {
    let k = Int(key)
    while relationshipProperties.count <= k { relationshipProperties.append(PropertyColumn()) }
    relationshipProperties[k].set(id, value)
  }

  /// Gives the relationship arrays a slot for `id`. Exact growth (the
  /// arrays' capacity doubling keeps appends cheap), so no filler past the
  /// last id is written or resident.
  func growRelationshipSlots(to id: RelationshipID) {
    if relationshipType.count <= id { relationshipType.append(-1, count: id + 1 - relationshipType.count) }
    if relationshipStart.count <= id {
      relationshipStart.append(contentsOf: repeatElement(0, count: id + 1 - relationshipStart.count))
    }
    if relationshipEnd.count <= id {
      relationshipEnd.append(contentsOf: repeatElement(0, count: id + 1 - relationshipEnd.count))
    }
  }

  func ensureAdjacency(_ type: Int32) {
    while outgoing.count <= Int(type) {
      outgoing.append(Adjacency())
      incoming.append(Adjacency())
    }
  }

  /// Makes derived structures exact again after a batch of changes.
  func normalize() {
    labelIndex.normalize { self.hasLabel($0, $1) }
  }

  // MARK: Schema

  func addIndex(name: String, label: Int32, key: Int32) {
    let index = PropertyIndex(name: name, label: label, key: key)
    let members = labelIndex.members(label)
    if key >= 0 && Int(key) < nodeProperties.count && nodeProperties[Int(key)].kind == .ints {
      index.reserve(members.count)
    }
    for n in members {
      if let v = nodeProperty(Int(n), key) { index.insert(v, Int(n)) }
    }
    schema.indexes.append(index)
  }

  func dropIndex(name: String) {
    schema.indexes.removeAll { $0.name == name }
  }

  func addConstraint(_ constraint: UniqueConstraint) {
    schema.constraints.append(constraint)
  }

  func dropConstraint(name: String) {
    schema.constraints.removeAll { $0.name == name }
  }
}

// MARK: Bulk loading

extension GraphStore {
  /// Appends a relationship without touching adjacency; the loader calls
  /// `compactAdjacency` once at the end.
  func appendRelationship(id: RelationshipID, type: Int32, start: UInt32, end: UInt32) {
    if id >= relationshipIDLimit { relationshipIDLimit = id + 1 }
    growRelationshipSlots(to: id)
    relationshipType[id] = type
    relationshipStart[id] = start
    relationshipEnd[id] = end
    liveRelationships.insert(id)
    liveRelationshipCount += 1
    ensureAdjacency(type)
  }

  /// Appends a parsed batch of relationships of one type after the existing
  /// ones: arrays are moved in whole (or appended), integer columns built
  /// directly. Adjacency is left to `compactAdjacency`, like `appendRelationship`.
  func appendRelationships(_ batch: RelationshipBatch, type: Int32, keys: [Int32]) {
    let base = relationshipIDLimit
    let n = batch.count
    guard n > 0 else { return }
    func place<T>(_ array: inout [T], _ values: [T]) {
      if base == 0 {
        array = values
      } else {
        if array.count > base { array.removeLast(array.count - base) }
        array.append(contentsOf: values)
      }
    }
    place(&relationshipStart, batch.starts)
    place(&relationshipEnd, batch.ends)
    if relationshipType.count > base { relationshipType.removeLast(relationshipType.count - base) }
    relationshipType.append(type, count: n)
    relationshipIDLimit = base + n
    liveRelationships.insertAll(in: base..<base + n)
    liveRelationshipCount += n
    ensureAdjacency(type)
    for (i, key) in keys.enumerated() {
      ensureRelationshipColumn(key)
      let k = Int(key)
      if relationshipProperties[k].kind == .empty && relationshipProperties[k].populated == 0 {
        let ints = base == 0 ? batch.columns[i] : [Int64](repeating: 0, count: base) + batch.columns[i]
        var present = Bitset()
        present.insertAll(in: base..<base + n)
        for row in batch.absent[i] { present.remove(base + row) }
        relationshipProperties[k] = PropertyColumn(ints: ints, present: present)
      } else {
        var absent = batch.absent[i].makeIterator()
        var skip = absent.next()
        for row in 0..<n {
          if row == skip {
            skip = absent.next()
            continue
          }
          relationshipProperties[k].set(base + row, .int(batch.columns[i][row]))
        }
      }
    }
  }

  func ensureRelationshipColumn(_ key: Int32) {
    while relationshipProperties.count <= Int(key) { relationshipProperties.append(PropertyColumn()) }
  }

  /// Forgets ids at or above the marks (after their entities were deleted).
  func truncate(nodes: Int, relationships: Int) {
    nodeIDLimit = nodes
    relationshipIDLimit = relationships
  }
}
