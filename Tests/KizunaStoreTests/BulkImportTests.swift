import Foundation
import Testing

@testable import KizunaStore

/// `BulkImport` loads CSV files into a database whole, or not at all.
@Suite struct BulkImportTests {
  private func importer(
    _ nodes: [(String?, String)], _ rels: [(String?, String)], ids: ImportIDType = .string
  )
    -> BulkImport
  {
    var job = BulkImport()
    job.nodeFiles = nodes.map { BulkImport.Source(tag: $0.0, path: $0.1) }
    job.relationshipFiles = rels.map { BulkImport.Source(tag: $0.0, path: $0.1) }
    job.idType = ids
    return job
  }

  /// Nodes by their `id` property value, for readable assertions.
  private func node(_ s: GraphStore, _ id: Value) -> NodeID? {
    guard let key = s.keys.id(of: "id") else { return nil }
    return (0..<s.nodeIDLimit).first { s.nodeExists($0) && s.nodeProperty($0, key) == id }
  }

  @Test func labelsTypesAndTypedPropertiesWithStringIDs() throws {
    let dir = try TemporaryDirectory()
    let people = try dir.write(
      "people.csv",
      """
      id:ID,name,born:int,score:float,active:boolean,tags:string[],since:date,:LABEL
      p1,Ann,1970,1.5,true,a;b,2020-01-02,Actor;Director
      p2,Bob,,2,false,,,
      """)
    let movies = try dir.write("movies.csv", "id:ID,title\nm1,Ran\n")
    let acted = try dir.write("acted.csv", ":START_ID,:END_ID,role,weight:long\np1,m1,Lord,3\np2,m1,,\n")
    let mixed = try dir.write("mixed.csv", ":START_ID,:END_ID,:TYPE\np1,p2,KNOWS\np2,p1,\n")
    let db = try Database.open(path: dir.database)
    let summary = try importer(
      [("Person", people), ("Movie:Film", movies)], [("ACTED_IN", acted), ("LIKES", mixed)]
    ).run(into: db)
    #expect(summary.nodes == 3)
    #expect(summary.relationships == 4)
    try db.read { s in
      let ann = try #require(node(s, .string("p1")))
      let bob = try #require(node(s, .string("p2")))
      let ran = try #require(node(s, .string("m1")))
      #expect(s.labelNames(of: ann).sorted() == ["Actor", "Director", "Person"])
      #expect(s.labelNames(of: bob) == ["Person"])
      #expect(s.labelNames(of: ran).sorted() == ["Film", "Movie"])
      #expect(
        s.nodeProperties(ann) == [
          "id": .string("p1"), "name": .string("Ann"), "born": .int(1970), "score": .float(1.5),
          "active": .bool(true), "tags": .list([.string("a"), .string("b")]),
          "since": .date(CypherDate(epochDay: 18263)),
        ])
      #expect(
        s.nodeProperties(bob) == [
          "id": .string("p2"), "name": .string("Bob"), "score": .float(2), "active": .bool(false),
        ])
      let dump = GraphDump(s)
      #expect(dump.typeCounts == ["ACTED_IN": 2, "KNOWS": 1, "LIKES": 1])
      let lord = dump.relationships.values.first { $0.properties["role"] == .string("Lord") }
      #expect(
        lord
          == GraphDump.Relationship(
            type: "ACTED_IN", start: ann, end: ran, properties: ["role": .string("Lord"), "weight": .int(3)]))
      #expect(dump.relationships.values.contains { $0.type == "LIKES" && $0.start == bob && $0.end == ann })
      #expect(dump.adjacency[ran]?.count == 2)
    }
    // The id column of each label is indexed.
    let indexed = Set(
      db.store.schema.indexes.map { "\(db.store.labels.name($0.label)).\(db.store.keys.name($0.key))" })
    #expect(indexed == ["Person.id", "Actor.id", "Director.id", "Movie.id", "Film.id"])
    let index = try #require(db.store.propertyIndex(label: "Person", key: "id"))
    #expect(index.lookup(.string("p2")).count == 1)
  }

  @Test func importIsDurableAfterReopen() throws {
    let dir = try TemporaryDirectory()
    let people = try dir.write("p.csv", "id:ID(P),n:int\n1,10\n2,20\n")
    let knows = try dir.write("k.csv", ":START_ID(P),:END_ID(P)\n1,2\n")
    var expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      _ = try importer([("P", people)], [("K", knows)], ids: .integer).run(into: db)
      expected = db.dump()
    }
    let reopened = try Database.open(path: dir.database)
    #expect(reopened.dump() == expected)
    #expect(reopened.recovery.replayedTransactions == 0)
    // Integer ids are stored as integers.
    #expect(reopened.read { node($0, .int(2)) } != nil)
    #expect(expected.nodes.values.contains { $0.properties["id"] == .int(1) })
  }

  /// Each bad file paired with where the error must point.
  static let badRows: [(name: String, nodes: String, rels: String, place: String)] = [
    ("unknown start", "id:ID\na\nb\n", ":START_ID,:END_ID\na,b\nzz,b\n", "rels.csv, line 3"),
    ("bad integer", "id:ID,born:int\na,1\nb,abc\n", ":START_ID,:END_ID\na,b\n", "nodes.csv, line 3"),
    ("field count", "id:ID,name\na,x\nb,y,z\n", ":START_ID,:END_ID\na,b\n", "nodes.csv, line 3"),
    ("rel field count", "id:ID\na\nb\n", ":START_ID,:END_ID\na,b\na\n", "rels.csv, line 3"),
    ("duplicate id", "id:ID\na\na\n", ":START_ID,:END_ID\na,a\n", "nodes.csv, line 3"),
  ]

  @Test(arguments: [false, true])
  func badRowLeavesTheDatabaseUnchanged(nonEmpty: Bool) throws {
    for bad in Self.badRows {
      let dir = try TemporaryDirectory()
      let nodes = try dir.write("nodes.csv", bad.nodes)
      let rels = try dir.write("rels.csv", bad.rels)
      var before: GraphDump
      do {
        let db = try Database.open(path: dir.database)
        if nonEmpty {
          try seedPeople(db)
          _ = try db.write { tx in
            try tx.createIndex(name: "thing_id", label: "Thing", key: "id", ifNotExists: false)
          }
        }
        before = db.dump()
        let error = #expect(throws: CSVError.self, "\(bad.name)") {
          try importer([("Thing", nodes)], [("R", rels)]).run(into: db)
        }
        #expect(error?.description.hasPrefix(bad.place) == true, "\(bad.name): \(String(describing: error))")
        #expect(db.dump() == before, "\(bad.name)")
        // The store still works after the failed load.
        _ = try db.write { tx in
          try tx.createNode(labels: [tx.labelID("Thing")], properties: [(tx.keyID("id"), .string("a"))])
        }
        before = db.dump()
      }
      let reopened = try Database.open(path: dir.database)
      #expect(reopened.dump() == before, "\(bad.name) after reopen")
    }
  }

  @Test func relationshipsWithoutAnyTypeAreRejected() throws {
    let dir = try TemporaryDirectory()
    let nodes = try dir.write("n.csv", "id:ID\na\n")
    let rels = try dir.write("r.csv", ":START_ID,:END_ID\na,a\n")
    let db = try Database.open(path: dir.database)
    let error = #expect(throws: CSVError.self) { try importer([(nil, nodes)], [(nil, rels)]).run(into: db) }
    #expect(error?.description.contains("r.csv, line 1") == true)
    #expect(db.dump() == GraphDump(GraphStore()))
  }

  @Test func importIntoANonEmptyDatabaseAppends() throws {
    let dir = try TemporaryDirectory()
    let nodes = try dir.write("n.csv", "id:ID,born:int\nx,1999\n")
    let db = try Database.open(path: dir.database)
    let seeded = try seedPeople(db)
    _ = try importer([("Person", nodes)], []).run(into: db)
    let dump = db.dump()
    #expect(dump.nodeCount == 5)
    let x = try #require(db.read { node($0, .string("x")) })
    #expect(!seeded.contains(x))
    // The existing index on Person.born picked up the new node.
    #expect(dump.indexes["person_born"]?.entries[.int(1999)] == [UInt32(x)])
    #expect(dump.relationshipCount == 4)
  }

  /// The loader writes straight into the store, so it checks the
  /// database's uniqueness constraints itself, row by row.
  @Test func importRespectsUniqueConstraints() throws {
    let dir = try TemporaryDirectory()
    let nodes = try dir.write("n.csv", "id:ID,name\nx,Zoe\ny,Ann\n")
    let rels = try dir.write("r.csv", ":START_ID,:END_ID\nx,y\n")
    let db = try Database.open(path: dir.database)
    let seeded = try seedPeople(db)  // Person(name) is unique and Ann exists
    let before = db.dump()
    let error = #expect(throws: CSVError.self) {
      try importer([("Person", nodes)], [("KNOWS", rels)]).run(into: db)
    }
    #expect(error?.kind == .constraintViolation)
    #expect(
      error?.description
        == "n.csv, line 3: breaks uniqueness constraint 'person_name': node \(seeded[0]) of the database already has :Person(name) = 'Ann'"
    )
    #expect(db.dump() == before)
    #expect(try Database.open(path: dir.database + "2").dump().nodeCount == 0)
  }

  @Test func duplicatesWithinTheImportBreakAConstraintToo() throws {
    let dir = try TemporaryDirectory()
    // Rows without the constrained label are free to repeat the value.
    let nodes = try dir.write("n.csv", "id:ID,name,:LABEL\na,Kim,Person\nb,Kim,Pet\nc,Kim,Person\n")
    let db = try Database.open(path: dir.database)
    try seedPeople(db)
    let before = db.dump()
    let error = #expect(throws: CSVError.self) { try importer([(nil, nodes)], []).run(into: db) }
    #expect(error?.description.hasPrefix("n.csv, line 4: breaks uniqueness constraint 'person_name'") == true)
    #expect(error?.description.hasSuffix("an earlier row's node already has :Person(name) = 'Kim'") == true)
    #expect(db.dump() == before)
    // Without the third row the import goes through.
    let fine = try dir.write("fine.csv", "id:ID,name,:LABEL\na,Kim,Person\nb,Kim,Pet\n")
    #expect(try importer([(nil, fine)], []).run(into: db).nodes == 2)
  }

  /// When the closing checkpoint cannot be written, nothing reached the
  /// disk, so the graph in memory goes back to match it.
  @Test func failedCheckpointUndoesTheImport() throws {
    let dir = try TemporaryDirectory()
    let nodes = try dir.write("n.csv", "id:ID,name\nx,Zoe\n")
    let rels = try dir.write("r.csv", ":START_ID,:END_ID\nx,x\n")
    let expected: GraphDump
    do {
      let db = try Database.open(path: dir.database)
      try seedPeople(db)
      let before = db.dump()
      // A directory where the snapshot's temporary file goes makes it fail.
      let blocker = dir.database + "/snapshot.kz.tmp"
      try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
      let error = #expect(throws: StoreError.self) {
        try importer([("Person", nodes)], [("KNOWS", rels)]).run(into: db)
      }
      #expect(error?.message.contains("snapshot.kz.tmp") == true)
      #expect(db.dump() == before)
      try FileManager.default.removeItem(atPath: blocker)
      // The database still works, and the log continues where it was.
      _ = try db.write { tx in try tx.createNode(labels: [tx.labelID("Later")], properties: []) }
      expected = db.dump()
    }
    #expect(try Database.open(path: dir.database).dump() == expected)
  }
}
