import Kizuna
import KizunaCypher
import KizunaStore
import Testing

@Suite struct GraphStatisticsTests {
  @Test func countsMatchCypher() throws {
    let stats = GraphStatistics.compute(Bundled.database)
    let engine = Bundled.engine
    #expect(stats.nodeCount == (try count(engine, "MATCH (n) RETURN count(n)")))
    #expect(stats.relationshipCount == (try count(engine, "MATCH ()-[r]->() RETURN count(r)")))
    #expect(stats.nodeCount == 121)
    #expect(stats.relationshipCount == 219)
    for label in stats.labels {
      #expect(
        label.count == (try count(engine, "MATCH (n:\(CypherText.identifier(label.name))) RETURN count(n)")))
    }
    for type in stats.types {
      #expect(
        type.count
          == (try count(engine, "MATCH ()-[r:\(CypherText.identifier(type.name))]->() RETURN count(r)")))
    }
    #expect(stats.labels.first?.name == "Organization")
    #expect(stats.types.first?.name == "LOCATED_IN")
  }

  @Test func degreesMatchCypher() throws {
    let stats = GraphStatistics.compute(Bundled.database)
    let degreeRows = try rows(
      Bundled.engine, "MATCH (n) OPTIONAL MATCH (n)-[r]-() RETURN id(n), count(r) AS d ORDER BY d DESC, id(n)"
    )
    let degrees = degreeRows.compactMap { row -> Int? in
      if case .int(let d) = row[1] { return Int(d) }
      return nil
    }
    let sorted = degrees.sorted()
    #expect(degrees.count == stats.nodeCount)
    #expect(stats.minDegree == sorted.first)
    #expect(stats.maxDegree == sorted.last)
    #expect(abs(stats.meanDegree - Double(sorted.reduce(0, +)) / Double(sorted.count)) < 1e-9)
    let middle = sorted.count / 2
    let median =
      sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    #expect(stats.medianDegree == median)
    #expect(stats.histogram.reduce(0) { $0 + $1.count } == stats.nodeCount)
    for bucket in stats.histogram {
      #expect(bucket.count == sorted.filter { $0 >= bucket.lower && $0 <= bucket.upper }.count)
    }
    // Japan and Vietnam are the hubs of a Vietnam–Japan graph.
    #expect(stats.top.prefix(2).map(\.entity.caption) == ["Japan", "Vietnam"])
    #expect(stats.top.count == 10)
    for (rank, entry) in stats.top.enumerated() {
      #expect(degreeRows[rank] == [.int(Int64(entry.entity.id)), .int(Int64(entry.degree))])
    }
  }

  @Test func deletionsSelfLoopsAndUnlabelledNodes() throws {
    let (database, engine) = try graph(
      """
      CREATE (a:A {name: 'a'})-[:R]->(b:B {name: 'b'}), (a)-[:R]->(a), (b)-[:S]->(c {name: 'c'}),
             (:A {name: 'gone'}), (:A:B {name: 'both'})
      """)
    _ = try engine.run("MATCH (n {name: 'gone'}) DELETE n")
    _ = try engine.run("MATCH ()-[s:S]->() DELETE s")
    let stats = GraphStatistics.compute(database)
    #expect(stats.nodeCount == 4)
    #expect(stats.relationshipCount == 2)
    #expect(stats.labels.map(\.name) == ["A", "B", GraphStatistics.noLabel])
    #expect(stats.labels.map(\.count) == [2, 2, 1])
    #expect(stats.types.map(\.name) == ["R"])
    // a: one R out, one self-loop (counted once, as (a)--() does); b: one R in.
    #expect(stats.top.map(\.degree) == [2, 1, 0, 0])
    #expect(stats.top.first?.entity.caption == "a")
    #expect(stats.minDegree == 0)
    #expect(stats.medianDegree == 0.5)
    #expect(stats.histogram.map(\.count) == [2, 1, 1])
    let cypherDegree = try count(engine, "MATCH (n {name: 'a'})-[r]-() RETURN count(r)")
    #expect(stats.top.first?.degree == cypherDegree)
  }

  @Test func anEmptyGraph() {
    let stats = GraphStatistics.compute(Database())
    #expect(stats.nodeCount == 0)
    #expect(stats.histogram.isEmpty)
    #expect(stats.top.isEmpty)
    #expect(stats.summaryTable.rows.count == 1)
  }

  @Test func histogramBarsOnlyForPeople() {
    let stats = GraphStatistics.compute(Bundled.database)
    #expect(stats.histogramTable(bars: true).columns.count == 3)
    #expect(stats.histogramTable(bars: false).columns == ["degree", "nodes"])
    #expect(stats.histogramTable(bars: true).text().contains("█"))
  }
}
