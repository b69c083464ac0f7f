import Kizuna
import KizunaCypher
import KizunaStore
import Testing

@Suite struct EntityFinderTests {
  @Test(arguments: [
    ("Vo Van Thuong", "Vo Van Thuong", "Person"),
    ("vo van thuong", "Vo Van Thuong", "Person"),
    ("VÕ VĂN THƯỞNG", "Vo Van Thuong", "Person"),
    ("  truong   thi mai ", "Truong Thi Mai", "Person"),
    ("Kishida Fumio", "Fumio Kishida", "Person"),
    ("kamikawa yoko", "Yoko Kamikawa", "Person"),
    ("prime minister of japan", "Prime Minister of Japan", "Office"),
    ("Đà Nẵng", "Da Nang", "Locality"),
    ("HÀNOI", "Hanoi", "Locality"),
    ("CPV", "Communist Party of Vietnam", "Organization"),
    ("Vietnam - Japan Cooperation Committee", "Vietnam – Japan Cooperation Committee", "Dialogue"),
  ])
  func findsByNameTitleOrAlias(_ typed: String, _ caption: String, _ label: String) throws {
    let entity = try Bundled.entity(typed)
    #expect(entity.caption == caption)
    #expect(entity.labels == [label])
    let stored = try rows(
      Bundled.engine, "MATCH (n) WHERE n.name = $c OR n.title = $c RETURN id(n)", ["c": .string(caption)])
    #expect(stored == [[.int(Int64(entity.id))]])
  }

  @Test func hanoiInVietnameseIsOnlySuggested() throws {
    // The data model: "Hà Nội" finds Hanoi only if it is an alias (it is two
    // words, "ha noi", once folded); it is offered as a close match instead.
    let error = explorerError { try EntityFinder.resolve("Hà Nội", in: Bundled.database) }
    #expect(error?.kind == .notFound)
    #expect(error?.message == "no entity named \"Hà Nội\"; did you mean: Hanoi (Locality)")
  }

  @Test func picksANodeByID() throws {
    let thuong = try Bundled.entity("Vo Van Thuong")
    #expect(try Bundled.entity("#\(thuong.id)") == thuong)
    let missing = explorerError { try EntityFinder.resolve("#999999", in: Bundled.database) }
    #expect(missing?.kind == .notFound)
  }

  @Test func unknownNameSuggestsCloseOnes() throws {
    let error = explorerError { try EntityFinder.resolve("vo van thong", in: Bundled.database) }
    #expect(error?.kind == .notFound)
    #expect(error?.candidates.first?.caption == "Vo Van Thuong")
    #expect(
      error?.message.hasPrefix("no entity named \"vo van thong\"; did you mean: Vo Van Thuong (Person)")
        == true)
    #expect((error?.candidates.count ?? 0) <= EntityFinder.suggestionLimit)
  }

  @Test func aSurnameSuggestsThePeopleWhoBearIt() throws {
    let error = explorerError { try EntityFinder.resolve("kishida", in: Bundled.database) }
    #expect(error?.candidates.first?.caption == "Fumio Kishida")
    let nguyen = explorerError { try EntityFinder.resolve("Nguyen", in: Bundled.database) }
    #expect(Set(nguyen?.candidates.map(\.caption) ?? []) == ["Nguyen Minh Vu", "Nguyen Phu Trong"])
  }

  @Test func typosInOneWordStillFindTheName() throws {
    let error = explorerError { try EntityFinder.resolve("Fumio Kishda", in: Bundled.database) }
    #expect(error?.candidates.first?.caption == "Fumio Kishida")
  }

  @Test func nothingCloseSaysSo() throws {
    let error = explorerError { try EntityFinder.resolve("zzqx wvvk", in: Bundled.database) }
    #expect(error?.kind == .notFound)
    #expect(error?.candidates == [])
    #expect(error?.message == "no entity named \"zzqx wvvk\"")
  }

  @Test func emptyNameIsAnError() {
    let error = explorerError { try EntityFinder.resolve("   ", in: Bundled.database) }
    #expect(error?.kind == .notFound)
  }

  @Test func sharedNameIsAmbiguousUntilALabelPicksOne() throws {
    let (database, _) = try graph(
      """
      CREATE (:Locality {name: 'Hanoi'}), (:Organization {name: 'HÀNOI', aliases: []}),
             (:Person {name: 'Someone', aliases: ['hanoi']}), (:Locality {name: 'Tokyo'})
      """)
    let error = explorerError { try EntityFinder.resolve("HANOI ", in: database) }
    #expect(error?.kind == .ambiguous)
    #expect(error?.candidates.map(\.labels) == [["Locality"], ["Organization"], ["Person"]])
    #expect(error?.message.contains("\"HANOI\" names 3 entities") == true)
    #expect(error?.message.contains("\"Locality:HANOI\"") == true)
    #expect(try EntityFinder.resolve("organization:hanoi", in: database).caption == "HÀNOI")
    #expect(try EntityFinder.resolve("Person:Hanoi", in: database).caption == "Someone")
    // Written exactly as stored, one of them wins.
    #expect(try EntityFinder.resolve("Hanoi", in: database).labels == ["Locality"])
  }

  @Test func labelPrefixOnlyCountsForRealLabels() throws {
    let (database, _) = try graph("CREATE (:Event {name: 'Summit: Tokyo'}), (:Locality {name: 'Tokyo'})")
    #expect(try EntityFinder.resolve("Summit: Tokyo", in: database).labels == ["Event"])
    #expect(try EntityFinder.resolve("locality: tokyo", in: database).labels == ["Locality"])
    let error = explorerError { try EntityFinder.resolve("City:Tokyo", in: database) }
    #expect(error?.kind == .notFound)
  }

  @Test func deletedNodesAreNotFound() throws {
    let (database, engine) = try graph("CREATE (:Person {name: 'Gone'}), (:Person {name: 'Here'})")
    _ = try engine.run("MATCH (p:Person {name: 'Gone'}) DELETE p")
    let error = explorerError { try EntityFinder.resolve("gone", in: database) }
    #expect(error?.kind == .notFound)
    #expect(try EntityFinder.resolve("here", in: database).caption == "Here")
  }

  @Test func nodesWithoutNameAreCaptionedByLabelAndID() throws {
    let (database, _) = try graph("CREATE (:Thing {size: 3})")
    let entity = try EntityFinder.resolve("#0", in: database)
    #expect(entity.caption == "Thing #0")
    #expect(entity.description == "Thing #0 (Thing)")
  }
}
