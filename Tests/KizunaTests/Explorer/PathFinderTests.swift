import Kizuna
import KizunaCypher
import KizunaStore
import Testing

@Suite struct PathFinderTests {
  func find(_ a: String, _ b: String, _ search: PathSearch = PathSearch()) throws -> PathReport {
    try PathFinder.find(
      from: Bundled.entity(a), to: Bundled.entity(b), search: search, engine: Bundled.engine)
  }

  @Test func maiAndThuongAreTwoStepsApart() throws {
    let report = try find("truong thi mai", "vo van thuong")
    #expect(report.paths.count == 1)
    let path = try #require(report.paths.first)
    #expect(path.length == 2)
    #expect(path.nodes.first?.properties["name"] == .string("Truong Thi Mai"))
    #expect(path.nodes.last?.properties["name"] == .string("Vo Van Thuong"))
  }

  @Test func allShortestPathsGoThroughWhatTheArticlesShare() throws {
    // Both are Vietnamese (001, 004), both met Kishida (000, 004), both went to Tokyo (000, 004).
    let report = try find("Truong Thi Mai", "Vo Van Thuong", PathSearch(all: true))
    #expect(report.paths.allSatisfy { $0.length == 2 })
    let middles = Set(report.paths.map { Entity($0.nodes[1]).description })
    #expect(middles == ["Vietnam (Country)", "Fumio Kishida (Person)", "Tokyo (Locality)"])
  }

  @Test func viaMetReadsAsAMeetingChain() throws {
    let via = try RelationshipTypeFilter.resolve(["met"], in: Bundled.database)
    #expect(via.names == ["MET"])
    let report = try find("Truong Thi Mai", "Vo Van Thuong", PathSearch(via: via, all: true))
    #expect(
      report.paths.map(\.text) == [
        "Truong Thi Mai (Person) -[MET]-> Fumio Kishida (Person) <-[MET 2023-11-27]- Vo Van Thuong (Person)"
      ])
    #expect(report.table.columns == ["hops", "path", "nodes"])
    #expect(report.table.rows.first?.first == .int(2))
  }

  @Test func longerChainsRespectTheMaximum() throws {
    let via = try RelationshipTypeFilter.resolve(["MET"], in: Bundled.database)
    // Kotaro Nagasaki → Truong Thi Mai → Fumio Kishida → Nguyen Phu Trong.
    let report = try find("Kotaro Nagasaki", "Nguyen Phu Trong", PathSearch(via: via))
    #expect(report.paths.first?.length == 3)
    let error = explorerError {
      try find("Kotaro Nagasaki", "Nguyen Phu Trong", PathSearch(via: via, maxLength: 2))
    }
    #expect(error?.kind == .noPath)
    #expect(
      error?.message
        == "no path between Kotaro Nagasaki (Person) and Nguyen Phu Trong (Person) of at most 2 relationships using only MET"
    )
  }

  @Test func lengthMatchesCypherShortestPath() throws {
    let report = try find("Yoko Kamikawa", "Hai Phong")
    let ids: [String: Value] = [
      "a": .int(Int64(report.from.id)), "b": .int(Int64(report.to.id)),
    ]
    let expected = try count(
      Bundled.engine,
      "MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b MATCH p = shortestPath((a)-[*..10]-(b)) RETURN length(p)",
      ids)
    #expect(report.paths.first?.length == expected)
  }

  @Test func theSameEntityTwiceIsAnError() {
    let error = explorerError { try find("Hanoi", "hanoi") }
    #expect(error?.kind == .invalidArgument)
  }

  @Test func unknownTypesAreReportedWithTheKnownOnes() {
    let error = explorerError {
      try RelationshipTypeFilter.resolve(["MET,KNOWS"], in: Bundled.database)
    }
    #expect(error?.kind == .invalidArgument)
    #expect(
      error?.message.hasPrefix("no relationship type \"KNOWS\" in this graph; it has ADDRESSED,") == true)
  }

  @Test func typeNamesThatNeedQuotingStillWork() throws {
    let (database, engine) = try graph(
      """
      CREATE (a:P {name: 'A'})-[:`WORKS WITH`]->(b:P {name: 'B'})-[:`odd``name`]->(c:P {name: 'C'}),
             (a)-[:KNOWS]->(c)
      """)
    let via = try RelationshipTypeFilter.resolve(["WORKS WITH,odd`name"], in: database)
    #expect(via.cypherPattern == ":`WORKS WITH`|`odd``name`")
    let a = try EntityFinder.resolve("a", in: database), c = try EntityFinder.resolve("c", in: database)
    let report = try PathFinder.find(from: a, to: c, search: PathSearch(via: via), engine: engine)
    #expect(report.paths.map(\.text) == ["A (P) -[WORKS WITH]-> B (P) -[odd`name]-> C (P)"])
    let direct = try PathFinder.find(from: c, to: a, search: PathSearch(), engine: engine)
    #expect(direct.paths.map(\.text) == ["C (P) <-[KNOWS]- A (P)"])
  }

  @Test func pathsDrawFromTheQueryResult() throws {
    let report = try find("Truong Thi Mai", "Vo Van Thuong", PathSearch(all: true))
    let extract = try ResultDrawing.extract(from: [report.result], engine: Bundled.engine)
    #expect(extract.nodes.count == 5)
    #expect(extract.relationships.count == 6)
  }
}
