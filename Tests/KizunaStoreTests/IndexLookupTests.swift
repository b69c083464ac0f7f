import Testing

@testable import KizunaStore

/// Property indexes stay exact through every kind of write, and unique
/// constraints reject duplicates.
@Suite struct IndexLookupTests {
  /// People born 1970, 1980, 1990.5 (Ann, Bob, Cid), with an index on born.
  private func fixture() throws -> (Database, [NodeID], PropertyIndex) {
    let db = Database()
    let ids = try seedPeople(db)
    let index = try #require(db.store.propertyIndex(label: "Person", key: "born"))
    return (db, ids, index)
  }

  private func ids(_ list: [UInt32]) -> [NodeID] { list.map { Int($0) }.sorted() }

  /// What a full scan finds for `label.key == value`, the ground truth for the index.
  private func scan(_ db: Database, _ label: String, _ key: String, _ value: Value) -> [NodeID] {
    db.read { s in
      s.nodes(labelled: label).map { Int($0) }.filter {
        s.nodeProperty($0, s.keys.id(of: key) ?? -1) == value
      }
    }
  }

  @Test func equalityInAndRangeAfterInserts() throws {
    let (db, p, index) = try fixture()
    let dan = try db.write { tx in
      try tx.createNode(labels: [tx.labelID("Person")], properties: [(tx.keyID("born"), .int(1990))])
    }
    #expect(ids(index.lookup(.int(1970))) == [p[0]])
    #expect(ids(index.lookup(.float(1970.0))) == [p[0]])  // 1970 and 1970.0 are equal
    #expect(index.lookup(.string("1970")).isEmpty)
    #expect(index.lookup(.null).isEmpty)
    #expect(index.lookup(.float(.nan)).isEmpty)
    let inList = [Value.int(1980), .float(1990.5), .int(5)].flatMap { index.lookup($0) }
    #expect(ids(inList) == [p[1], p[2]])
    let range = index.range(lower: .int(1980), lowerInclusive: true, upper: .int(1990), upperInclusive: true)
    #expect(ids(range) == [p[1], dan])
    let open = index.range(lower: .int(1980), lowerInclusive: false, upper: .int(1990), upperInclusive: false)
    #expect(open.isEmpty)
    let above = index.range(lower: .float(1990.1), lowerInclusive: false, upper: nil, upperInclusive: false)
    #expect(ids(above) == [p[2]])
    let below = index.range(lower: nil, lowerInclusive: false, upper: .int(1980), upperInclusive: false)
    #expect(ids(below) == [p[0]])
    #expect(index.range(lower: .string("a"), lowerInclusive: true, upper: nil, upperInclusive: false).isEmpty)
  }

  @Test func indexFollowsUpdatesLabelChangesAndDeletes() throws {
    let (db, p, index) = try fixture()
    try db.write { tx in
      try tx.setNodeProperty(p[0], tx.keyID("born"), .int(1985))
      try tx.removeLabel(p[1], tx.labelID("Person"))
      try tx.deleteNode(p[2], detach: true)
      // The company gains the label: its existing born value must be indexed.
      try tx.setNodeProperty(p[3], tx.keyID("born"), .int(1900))
      try tx.addLabel(p[3], tx.labelID("Person"))
    }
    #expect(index.lookup(.int(1970)).isEmpty)
    #expect(ids(index.lookup(.int(1985))) == [p[0]])
    #expect(index.lookup(.int(1980)).isEmpty)
    #expect(index.lookup(.float(1990.5)).isEmpty)
    #expect(ids(index.lookup(.int(1900))) == [p[3]])
    let all = index.range(lower: nil, lowerInclusive: false, upper: .int(3000), upperInclusive: true)
    #expect(ids(all) == [p[0], p[3]])
    #expect(index.entryCount == 2)
    try db.write { tx in try tx.setNodeProperty(p[0], tx.keyID("born"), .null) }
    #expect(index.lookup(.int(1985)).isEmpty)
    for value in [Value.int(1985), .int(1900), .int(1980)] {
      #expect(ids(index.lookup(value)) == scan(db, "Person", "born", value))
    }
  }

  @Test func indexCreatedOverExistingDataAndDroppedIndexStopsTracking() throws {
    let (db, p, _) = try fixture()
    _ = try db.write { tx in try tx.createIndex(name: nil, label: "Company", key: "name", ifNotExists: false)
    }
    let companies = try #require(db.store.propertyIndex(label: "Company", key: "name"))
    #expect(companies.name == "index_Company_name")
    #expect(ids(companies.lookup(.string("Acme"))) == [p[3]])
    #expect(throws: Abort.self) {
      try db.write { tx in
        try tx.dropIndex(name: "index_Company_name", ifExists: false)
        try tx.setNodeProperty(p[3], tx.keyID("name"), .string("Acme2"))
        throw Abort()
      }
    }
    let restored = try #require(db.store.propertyIndex(label: "Company", key: "name"))
    #expect(ids(restored.lookup(.string("Acme"))) == [p[3]])
    #expect(restored.lookup(.string("Acme2")).isEmpty)
  }

  @Test func uniqueConstraintViolationRollsBackTheStatement() throws {
    let (db, p, _) = try fixture()
    let before = db.dump()
    let onCreate = #expect(throws: StoreError.self) {
      try db.write { tx in
        try tx.createNode(labels: [tx.labelID("Other")], properties: [(tx.keyID("name"), .string("Ann"))])
        try tx.createNode(labels: [tx.labelID("Person")], properties: [(tx.keyID("name"), .string("Ann"))])
      }
    }
    #expect(onCreate?.kind == .constraintViolation)
    #expect(onCreate?.message.contains("Person") == true)
    let onSet = #expect(throws: StoreError.self) {
      try db.write { tx in try tx.setNodeProperty(p[1], tx.keyID("name"), .string("Ann")) }
    }
    #expect(onSet?.kind == .constraintViolation)
    // The node named is the one that already had the value, as Neo4j says it.
    #expect(
      onSet?.message == "Node(\(p[0])) already exists with label `Person` and property `name` = 'Ann'",
      "\(onSet?.message ?? "")")
    let onLabel = #expect(throws: StoreError.self) {
      try db.write { tx in
        try tx.setNodeProperty(p[3], tx.keyID("name"), .string("Cid"))
        try tx.addLabel(p[3], tx.labelID("Person"))
      }
    }
    #expect(onLabel?.kind == .constraintViolation)
    #expect(db.dump() == before)
    // A swap inside one statement is fine: only the final state is checked.
    try db.write { tx in
      try tx.setNodeProperty(p[0], tx.keyID("name"), .string("Bob"))
      try tx.setNodeProperty(p[1], tx.keyID("name"), .string("Ann"))
    }
    #expect(scan(db, "Person", "name", .string("Ann")) == [p[1]])
  }

  @Test func creatingAConstraintOverDuplicatesFails() throws {
    let (db, _, _) = try fixture()
    _ = try db.write { tx in
      try tx.createNode(labels: [tx.labelID("Person")], properties: [(tx.keyID("born"), .float(1970.0))])
    }
    let before = db.dump()
    let error = #expect(throws: StoreError.self) {
      try db.write { tx in
        try tx.createUniqueConstraint(name: "born_unique", label: "Person", key: "born", ifNotExists: false)
      }
    }
    #expect(error?.kind == .constraintViolation)
    #expect(error?.message.contains("born_unique") == true)
    let fresh = #expect(throws: StoreError.self) {
      try db.write { tx in
        try tx.createNode(labels: [tx.labelID("City")], properties: [(tx.keyID("name"), .string("Hue"))])
        try tx.createNode(labels: [tx.labelID("City")], properties: [(tx.keyID("name"), .string("Hue"))])
        try tx.createUniqueConstraint(name: nil, label: "City", key: "name", ifNotExists: false)
      }
    }
    #expect(fresh?.kind == .constraintViolation)
    // The index the failed constraint would have created is gone as well.
    #expect(db.dump() == before)
    #expect(db.store.propertyIndex(label: "City", key: "name") == nil)
  }

  @Test func constraintOnExistingIndexSharesIt() throws {
    let (db, _, index) = try fixture()
    _ = try db.write { tx in
      try tx.createUniqueConstraint(name: "born_unique", label: "Person", key: "born", ifNotExists: false)
    }
    #expect(db.store.schema.constraints.first { $0.name == "born_unique" }?.indexName == index.name)
    let again = try db.write { tx in
      try tx.createUniqueConstraint(name: "born_unique", label: "Person", key: "born", ifNotExists: true)
    }
    #expect(again == false)
    let clash = #expect(throws: StoreError.self) {
      try db.write { tx in
        try tx.createUniqueConstraint(name: "other", label: "Person", key: "born", ifNotExists: false)
      }
    }
    #expect(clash?.kind == .schema)
  }
}

/// Range lookups (binary searches over the sorted entries) find exactly what
/// filtering every entry with `<`/`<=` finds, over values of mixed types.
@Suite struct IndexRangeSearchTests {
  @Test func rangeMatchesAFullFilterOverMixedValues() {
    var rng = SplitMix64(seed: 7)
    let index = PropertyIndex(name: "i", label: 0, key: 0)
    var values: [Int: Value] = [:]
    let pool: [Value] = [
      .int(-3), .int(0), .int(1), .int(2), .int(.max), .int(.min), .float(-0.0), .float(0.5), .float(1.0),
      .float(2.5), .float(.nan), .float(.infinity), .float(-.infinity), .float(9.3e18), .string(""),
      .string("a"), .string("ab"), .string("b"), .bool(false), .bool(true),
      .date(CypherDate(epochDay: 0)), .date(CypherDate(epochDay: 10)),
      .localTime(CypherLocalTime(nanoOfDay: 5)), .list([.int(1)]), .list([.int(1), .string("x")]),
      .duration(CypherDuration(months: 1, days: 0, seconds: 0, nanoseconds: 0)),
    ]
    for node in 0..<300 {
      let v = pool[Int(rng.next() % UInt64(pool.count))]
      values[node] = v
      index.insert(v, node)
    }
    let bounds: [Value?] = [nil, .null] + pool.map { Optional($0) }
    for lower in bounds {
      for upper in bounds {
        for (li, ui) in [(true, true), (true, false), (false, true), (false, false)] {
          if lower == nil && upper == nil { continue }
          let found = index.range(lower: lower, lowerInclusive: li, upper: upper, upperInclusive: ui)
          let expected = values.filter { _, v in
            if let lower {
              guard let c = v.cypherCompare(lower), li ? c >= 0 : c > 0 else { return false }
            }
            if let upper {
              guard let c = v.cypherCompare(upper), ui ? c <= 0 : c < 0 else { return false }
            }
            return true
          }.keys.sorted()
          #expect(
            found.map { Int($0) }.sorted() == expected,
            "\(String(describing: lower)) \(li) .. \(String(describing: upper)) \(ui)")
        }
      }
    }
  }
}
