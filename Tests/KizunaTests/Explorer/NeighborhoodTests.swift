import Kizuna
import KizunaCypher
import KizunaStore
import Testing

@Suite struct NeighborhoodTests {
  func explore(_ name: String, depth: Int = 1, via: [String] = []) throws -> Neighborhood {
    let filter = try RelationshipTypeFilter.resolve(via, in: Bundled.database)
    return Neighborhood.explore(
      around: try Bundled.entity(name), search: NeighborhoodSearch(depth: depth, via: filter),
      in: Bundled.database)
  }

  @Test func kishidasDirectNeighbors() throws {
    let hood = try explore("Fumio Kishida")
    func has(_ arrow: String, _ caption: String) -> Bool {
      hood.table.rows.contains { $0[1] == .string(arrow) && $0[2] == .string(caption) }
    }
    #expect(has("-[HOLDS]->", "Prime Minister of Japan"))
    #expect(has("-[HOLDS]->", "President of the Liberal Democratic Party"))
    #expect(has("-[CITIZEN_OF]->", "Japan"))
    #expect(has("<-[MET]-", "Vo Van Thuong"))
    #expect(has("-[MET]->", "Nguyen Phu Trong"))
    #expect(!hood.table.columns.contains("via"))
    let degree = try count(
      Bundled.engine, "MATCH (n)-[r]-() WHERE id(n) = $id RETURN count(r)",
      ["id": .int(Int64(hood.center.id))])
    #expect(hood.links.count == degree)
    let distinct = try count(
      Bundled.engine, "MATCH (n)--(m) WHERE id(n) = $id RETURN count(DISTINCT m)",
      ["id": .int(Int64(hood.center.id))])
    #expect(hood.neighborCount == distinct)
  }

  @Test func rowsAreGroupedByTypeThenDirection() throws {
    let links = try explore("Fumio Kishida").links
    let keys = links.map { "\($0.relationship.type) \($0.outgoing ? 0 : 1)" }
    #expect(keys == keys.sorted())
  }

  @Test func depthTwoMatchesCypher() throws {
    let hood = try explore("Hanoi", depth: 2)
    let id: [String: Value] = ["id": .int(Int64(hood.center.id))]
    let within = try count(
      Bundled.engine, "MATCH (n)-[*1..2]-(m) WHERE id(n) = $id AND m <> n RETURN count(DISTINCT m)", id)
    #expect(hood.neighborCount == within)
    #expect(Set(hood.links.map(\.hops)) == [1, 2])
    #expect(hood.table.columns.last == "via")
    // Every second-hop row names the first-hop node it came through.
    for link in hood.links where link.hops == 2 { #expect(hood.distances[link.inner.id] == 1) }
    // The drawing holds every relationship among the nodes found.
    let ids = Value.list(hood.distances.keys.sorted().map { .int(Int64($0)) })
    let among = try count(
      Bundled.engine, "MATCH (a)-[r]->(b) WHERE id(a) IN $ids AND id(b) IN $ids RETURN count(r)", ["ids": ids]
    )
    #expect(hood.extract.nodes.count == hood.distances.count)
    #expect(hood.extract.relationships.count == among)
  }

  @Test func viaRestrictsEveryStep() throws {
    let hood = try explore("Vo Van Thuong", depth: 2, via: ["MET"])
    #expect(hood.links.allSatisfy { $0.relationship.type == "MET" })
    #expect(hood.extract.relationships.allSatisfy { $0.type == "MET" })
    let names = Set(hood.links.map(\.outer.caption))
    // Thuong met Kishida (000), who met Trong and Chinh (001) and Mai (004).
    #expect(
      names.isSuperset(of: ["Fumio Kishida", "Naruhito", "Masako", "Nguyen Phu Trong", "Truong Thi Mai"]))
  }

  @Test func aLoneNodeHasNoNeighbors() throws {
    let (database, _) = try graph("CREATE (:P {name: 'alone'}), (:P {name: 'x'})-[:R]->(:P {name: 'y'})")
    let hood = Neighborhood.explore(
      around: try EntityFinder.resolve("alone", in: database), search: NeighborhoodSearch(depth: 3),
      in: database)
    #expect(hood.neighborCount == 0)
    #expect(hood.links.isEmpty)
    #expect(hood.extract.nodes.count == 1)
  }

  @Test func aNodeCapStopsTheSearch() throws {
    let (star, _) = try graph(
      "CREATE (h:Hub {name: 'hub'}) WITH h UNWIND range(1, 50) AS i CREATE (h)-[:R]->(:Leaf)")
    let hood = Neighborhood.explore(
      around: try EntityFinder.resolve("hub", in: star), search: NeighborhoodSearch(depth: 1, maxNodes: 10),
      in: star)
    #expect(hood.truncated)
    #expect(hood.distances.count == 10)
    #expect(hood.links.count == 9)
  }
}
