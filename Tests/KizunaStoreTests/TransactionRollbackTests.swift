import Testing

@testable import KizunaStore

/// A statement that throws leaves no trace: every kind of change it made is
/// undone, including index entries and schema.
@Suite struct TransactionRollbackTests {
  @Test func throwingStatementUndoesEveryKindOfChange() throws {
    let db = Database()
    let ids = try seedPeople(db)
    let before = db.dump()
    #expect(throws: Abort.self) {
      try db.write { tx in
        let person = tx.labelID("Person"), name = tx.keyID("name"), born = tx.keyID("born")
        let fresh = try tx.createNode(
          labels: [person, tx.labelID("New")], properties: [(name, .string("Dan")), (born, .int(2000))])
        try tx.createRelationship(type: tx.typeID("KNOWS"), start: fresh, end: ids[0], properties: [])
        try tx.setNodeProperty(ids[0], born, .int(1971))
        try tx.setNodeProperty(ids[1], name, .null)
        try tx.setNodeProperty(ids[3], tx.keyID("city"), .string("Osaka"))
        try tx.addLabel(ids[3], person)
        try tx.removeLabel(ids[2], person)
        try tx.setRelationshipProperty(0, tx.keyID("since"), .int(1999))
        try tx.setRelationshipProperty(2, tx.keyID("role"), .null)
        try tx.deleteRelationship(1)
        try tx.deleteNode(ids[2], detach: true)
        try tx.createIndex(name: "company_name", label: "Company", key: "name", ifNotExists: false)
        try tx.dropIndex(name: "person_born", ifExists: false)
        try tx.dropConstraint(name: "person_name", ifExists: false)
        try tx.createUniqueConstraint(name: "company_key", label: "Company", key: "key", ifNotExists: false)
        #expect(tx.store.liveNodeCount == 4)
        throw Abort()
      }
    }
    #expect(db.dump() == before)
  }

  @Test func rollbackRestoresIndexEntriesOfDeletedAndRelabelledNodes() throws {
    let db = Database()
    let ids = try seedPeople(db)
    let index = try #require(db.store.propertyIndex(label: "Person", key: "born"))
    #expect(throws: Abort.self) {
      try db.write { tx in
        try tx.deleteNode(ids[0], detach: true)
        try tx.removeLabel(ids[1], tx.labelID("Person"))
        #expect(index.lookup(.int(1970)).isEmpty)
        #expect(index.lookup(.int(1980)).isEmpty)
        throw Abort()
      }
    }
    #expect(index.lookup(.int(1970)) == [UInt32(ids[0])])
    #expect(index.lookup(.int(1980)) == [UInt32(ids[1])])
    #expect(
      index.range(lower: .int(1960), lowerInclusive: true, upper: nil, upperInclusive: false).count == 3)
  }

  @Test func invalidPropertyTypeFailsAndRollsBack() throws {
    let db = Database()
    let ids = try seedPeople(db)
    let before = db.dump()
    let bad: [Value] = [
      .node(ids[0]), .relationship(0), .map(["a": .int(1)]), .list([.node(ids[1])]),
      .list([.list([.int(1)])]), .list([.map([:])]), .path(PathValue(nodes: [ids[0]], relationships: [])),
    ]
    for value in bad {
      let error = #expect(throws: StoreError.self) {
        try db.write { tx in
          try tx.createNode(labels: [tx.labelID("Temp")], properties: [])
          try tx.setNodeProperty(ids[0], tx.keyID("bad"), value)
        }
      }
      #expect(error?.kind == .invalidPropertyType)
      let onCreate = #expect(throws: StoreError.self) {
        try db.write { tx in try tx.createNode(labels: [], properties: [(tx.keyID("bad"), value)]) }
      }
      #expect(onCreate?.kind == .invalidPropertyType)
      let onRelationship = #expect(throws: StoreError.self) {
        try db.write { tx in try tx.setRelationshipProperty(0, tx.keyID("bad"), value) }
      }
      #expect(onRelationship?.kind == .invalidPropertyType)
    }
    #expect(db.dump() == before)
  }

  @Test func listsOfPrimitivesAndTemporalValuesAreStorable() throws {
    let db = Database()
    let stored: [Value] = [
      .list([.int(1), .int(2)]), .list([.string("a")]), .list([]), .bool(true), .float(-0.5),
      .date(CypherDate(epochDay: 19000)),
      .duration(CypherDuration(months: 1, days: 2, seconds: 3, nanoseconds: 4)),
    ]
    let id = try db.write { tx in
      try tx.createNode(
        labels: [], properties: stored.enumerated().map { (tx.keyID("p\($0.offset)"), $0.element) })
    }
    for (i, value) in stored.enumerated() {
      #expect(db.read { $0.nodeProperty(id, $0.keys.id(of: "p\(i)") ?? -1) } == value)
    }
  }

  @Test func failedSchemaStatementsLeaveSchemaAlone() throws {
    let db = Database()
    try seedPeople(db)
    let before = db.dump()
    let duplicateIndex = #expect(throws: StoreError.self) {
      try db.write { tx in try tx.createIndex(name: "other", label: "Person", key: "born", ifNotExists: false)
      }
    }
    #expect(duplicateIndex?.kind == .schema)
    let duplicateName = #expect(throws: StoreError.self) {
      try db.write { tx in try tx.createIndex(name: "person_born", label: "X", key: "y", ifNotExists: false) }
    }
    #expect(duplicateName?.kind == .schema)
    let missing = #expect(throws: StoreError.self) {
      try db.write { tx in try tx.dropIndex(name: "nope", ifExists: false) }
    }
    #expect(missing?.kind == .schema)
    let owned = #expect(throws: StoreError.self) {
      try db.write { tx in try tx.dropIndex(name: "person_name", ifExists: false) }
    }
    #expect(owned?.kind == .schema)
    let missingConstraint = #expect(throws: StoreError.self) {
      try db.write { tx in try tx.dropConstraint(name: "nope", ifExists: false) }
    }
    #expect(missingConstraint?.kind == .schema)
    let created = try db.write { tx in
      try tx.createIndex(name: "again", label: "Person", key: "born", ifNotExists: true)
    }
    #expect(created == false)
    try db.write { tx in try tx.dropIndex(name: "nope", ifExists: true) }
    #expect(db.dump() == before)
  }

  @Test func emptyTransactionsAndReadsOfOwnWrites() throws {
    let db = Database()
    let seen = try db.write { tx in
      let id = try tx.createNode(labels: [tx.labelID("A")], properties: [(tx.keyID("x"), .int(1))])
      try tx.setNodeProperty(id, tx.keyID("x"), .int(2))
      return tx.store.nodeProperty(id, tx.keyID("x"))
    }
    #expect(seen == .int(2))
    let stats = try db.write { tx in tx.statistics }
    #expect(!stats.containsUpdates)
  }
}
