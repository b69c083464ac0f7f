import Testing

@testable import KizunaStore

/// Deleting nodes and relationships, id allocation, and the statistics a
/// statement reports.
@Suite struct TransactionDeleteTests {
  @Test func deletingAConnectedNodeWithoutDetachFails() throws {
    let db = Database()
    let ids = try seedPeople(db)
    let before = db.dump()
    let error = #expect(throws: StoreError.self) {
      try db.write { tx in try tx.deleteNode(ids[1], detach: false) }
    }
    #expect(error?.kind == .deleteConnectedNode)
    #expect(error?.message.contains("node<\(ids[1])>") == true)
    #expect(db.dump() == before)
    // A self-loop counts as a relationship too.
    let selfLoop = #expect(throws: StoreError.self) {
      try db.write { tx in
        try tx.deleteRelationship(1)
        try tx.deleteNode(ids[2], detach: false)
      }
    }
    #expect(selfLoop?.kind == .deleteConnectedNode)
    #expect(db.dump() == before)
  }

  @Test func detachDeleteRemovesTheNodeAndItsRelationships() throws {
    let db = Database()
    let ids = try seedPeople(db)
    let stats = try db.write { tx in
      try tx.deleteNode(ids[0], detach: true)
      return tx.statistics
    }
    #expect(stats.nodesDeleted == 1)
    #expect(stats.relationshipsDeleted == 2)
    let after = db.dump()
    #expect(after.nodes[ids[0]] == nil)
    #expect(after.nodeCount == 3)
    #expect(after.relationshipCount == 2)
    #expect(after.relationships.values.allSatisfy { $0.start != ids[0] && $0.end != ids[0] })
    #expect(after.adjacency[ids[3]] == nil)
    #expect(after.adjacency[ids[1]] == [[0, ids[2], 1]])
    #expect(after.labelMembers["Person"] == [UInt32(ids[1]), UInt32(ids[2])])
    #expect(after.indexes["person_born"]?.entries[.int(1970)] == nil)
    #expect(after.typeCounts == ["KNOWS": 2])
    // Deleting what is already gone is not an error and changes nothing.
    let again = try db.write { tx in
      try tx.deleteNode(ids[0], detach: false)
      try tx.deleteRelationship(0)
      return tx.statistics
    }
    #expect(!again.containsUpdates)
  }

  @Test func writesToDeletedEntitiesFail() throws {
    let db = Database()
    let ids = try seedPeople(db)
    try db.write { tx in try tx.deleteNode(ids[0], detach: true) }
    let calls: [(WriteTransaction) throws -> Void] = [
      { try $0.setNodeProperty(ids[0], $0.keyID("x"), .int(1)) },
      { try $0.addLabel(ids[0], $0.labelID("X")) },
      { try $0.removeLabel(ids[0], $0.labelID("Person")) },
      { try $0.createRelationship(type: $0.typeID("T"), start: ids[1], end: ids[0], properties: []) },
      { try $0.setRelationshipProperty(0, $0.keyID("x"), .int(1)) },
    ]
    for call in calls {
      let error = #expect(throws: StoreError.self) { try db.write(call) }
      #expect(error?.kind == .deletedEntity)
    }
  }

  @Test func idsAreNeverReusedAfterDeleteOrRollback() throws {
    let db = Database()
    let first = try db.write { tx in
      let a = try tx.createNode(labels: [], properties: [])
      let b = try tx.createNode(labels: [], properties: [])
      let r = try tx.createRelationship(type: tx.typeID("T"), start: a, end: b, properties: [])
      return (a, b, r)
    }
    try db.write { tx in try tx.deleteNode(first.1, detach: true) }
    var rolledBack: (NodeID, RelationshipID) = (-1, -1)
    #expect(throws: Abort.self) {
      try db.write { tx in
        let n = try tx.createNode(labels: [], properties: [])
        rolledBack = (
          n, try tx.createRelationship(type: tx.typeID("T"), start: n, end: first.0, properties: [])
        )
        throw Abort()
      }
    }
    let next = try db.write { tx in
      let n = try tx.createNode(labels: [], properties: [])
      return (n, try tx.createRelationship(type: tx.typeID("T"), start: n, end: first.0, properties: []))
    }
    let usedNodes: Set<NodeID> = [first.0, first.1, rolledBack.0]
    #expect(rolledBack.0 > first.1)
    #expect(!usedNodes.contains(next.0))
    #expect(next.0 > rolledBack.0)
    #expect(next.1 != first.2 && next.1 != rolledBack.1)
    #expect(next.1 > rolledBack.1)
    #expect(!db.store.nodeExists(first.1))
    #expect(!db.store.relationshipExists(first.2))
  }

  @Test func statisticsCountEveryChange() throws {
    let db = Database()
    let stats = try db.write { tx in
      let a = try tx.createNode(
        labels: [tx.labelID("A"), tx.labelID("B"), tx.labelID("A")],
        properties: [(tx.keyID("x"), .int(1)), (tx.keyID("y"), .null), (tx.keyID("x"), .int(2))])
      let b = try tx.createNode(labels: [], properties: [])
      let r = try tx.createRelationship(
        type: tx.typeID("T"), start: a, end: b, properties: [(tx.keyID("w"), .int(1))])
      try tx.setNodeProperty(a, tx.keyID("x"), .int(3))
      try tx.setNodeProperty(a, tx.keyID("absent"), .null)  // nothing to remove: not counted
      try tx.setRelationshipProperty(r, tx.keyID("w"), .null)
      try tx.addLabel(b, tx.labelID("C"))
      try tx.addLabel(b, tx.labelID("C"))  // already there: not counted
      try tx.removeLabel(a, tx.labelID("B"))
      try tx.removeLabel(a, tx.labelID("Z"))  // not there: not counted
      try tx.createIndex(name: nil, label: "A", key: "x", ifNotExists: false)
      try tx.createUniqueConstraint(name: "c", label: "C", key: "k", ifNotExists: false)
      try tx.dropIndex(name: "index_A_x", ifExists: false)
      try tx.dropConstraint(name: "c", ifExists: false)
      try tx.deleteNode(a, detach: true)
      return tx.statistics
    }
    var expected = UpdateStatistics()
    expected.nodesCreated = 2
    expected.nodesDeleted = 1
    expected.relationshipsCreated = 1
    expected.relationshipsDeleted = 1
    expected.propertiesSet = 4
    expected.labelsAdded = 3
    expected.labelsRemoved = 1
    expected.indexesAdded = 2  // the constraint's own index counts too
    expected.indexesRemoved = 1
    expected.constraintsAdded = 1
    expected.constraintsRemoved = 1
    #expect(stats == expected)
  }
}
