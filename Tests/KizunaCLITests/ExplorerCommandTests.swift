import Foundation
import Testing

/// The explorer commands (`path`, `neighbors`, `who-met`, `stats`, `schema`)
/// end to end on the bundled graph, through the built binary.
@Suite struct ExplorerCommandTests {
  static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  func expectPNG(_ path: String) {
    let data = FileManager.default.contents(atPath: path) ?? Data()
    #expect(Array(data.prefix(8)) == Self.pngSignature, "\(path) is not a PNG")
    #expect(data.count > 1000)
  }

  /// Each line of `--format json` output, decoded.
  func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
  }

  // MARK: path

  @Test func pathBetweenMaiAndThuong() throws {
    let result = try CLI.run(["path", "truong thi mai", "vo van thuong"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "Shortest path from Truong Thi Mai (Person) to Vo Van Thuong (Person), 2 relationships"))
    #expect(result.stdout.contains("  Truong Thi Mai (Person) -["))
  }

  @Test func pathAllViaMetAsJSON() throws {
    let result = try CLI.run([
      "path", "Truong Thi Mai", "Võ Văn Thưởng", "--all", "--via", "MET", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = try jsonLines(result.stdout)
    #expect(lines.count == 1)
    let rows = try #require(lines.first?["rows"] as? [[Any]])
    #expect(rows.count == 1)
    #expect(rows.first?[0] as? Int == 2)
    #expect(
      rows.first?[1] as? String
        == "Truong Thi Mai (Person) -[MET]-> Fumio Kishida (Person) <-[MET 2023-11-27]- Vo Van Thuong (Person)"
    )
  }

  @Test func pathDrawsAPNG() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(
      ["path", "Vo Van Thuong", "Prime Minister of Japan", "-o", "p.png"], in: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    expectPNG(dir.path + "/p.png")
  }

  @Test func pathToAnUnknownNameSuggests() throws {
    let result = try CLI.run(["path", "vo van thong", "Hanoi"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains("error: no entity named \"vo van thong\"; did you mean: Vo Van Thuong (Person)"))
  }

  @Test func noPathWithinTheMaximumFails() throws {
    let result = try CLI.run(["path", "Truong Thi Mai", "Vo Van Thuong", "--max", "1"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no path between Truong Thi Mai (Person) and Vo Van Thuong (Person)"))
  }

  @Test func pathUsageErrors() throws {
    #expect(try CLI.run(["path", "Hanoi", "Tokyo", "--max", "0"]).status == 2)
    #expect(try CLI.run(["path", "Hanoi", "Tokyo", "-o", "picture.jpg"]).status == 2)
    #expect(try CLI.run(["path", "Hanoi"]).status == 2)
    let unknownType = try CLI.run(["path", "Hanoi", "Tokyo", "--via", "NOPE"])
    #expect(unknownType.status == 1)
    #expect(unknownType.stderr.contains("no relationship type \"NOPE\""))
  }

  // MARK: neighbors

  @Test func neighborsOfKishida() throws {
    let result = try CLI.run(["neighbors", "Fumio Kishida"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Fumio Kishida (Person): 10 neighbors within 1 relationship\n"))
    #expect(result.stdout.contains("| -[HOLDS]->"))
    #expect(result.stdout.contains("Prime Minister of Japan"))
    #expect(result.stdout.contains("<-[MET]-"))
  }

  @Test func neighborsAsCSVWithADrawing() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(
      [
        "neighbors", "hanoi", "--depth", "2", "--via", "SISTER_CITY,LOCATED_IN", "--format", "csv", "-o",
        "h.png",
      ],
      in: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "hops,relationship,neighbor,labels,details,id,via")
    // 001: Hanoi's cooperation tie with Tokyo dates from 2013; Fukuoka is reached through its own tie.
    #expect(lines.contains { $0.hasPrefix("1,-[SISTER_CITY]->,Tokyo,Locality,since 2013,") })
    #expect(lines.contains { $0.hasPrefix("2,-[LOCATED_IN]->,Japan,Country,,") })
    #expect(lines.dropFirst().allSatisfy { $0.contains("SISTER_CITY") || $0.contains("LOCATED_IN") })
    expectPNG(dir.path + "/h.png")
  }

  @Test func neighborsOfAnAmbiguousNameFail() throws {
    let dir = try TemporaryDirectory()
    let create = try CLI.run(
      [
        "query", "--db", "g.kzdb", "-e",
        "CREATE (:City {name: 'Springfield'}), (:Town {name: 'springfield'})",
      ],
      in: dir.path)
    #expect(create.status == 0, "\(create.stderr)")
    let result = try CLI.run(["neighbors", "--db", "g.kzdb", "SPRINGFIELD"], in: dir.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("\"SPRINGFIELD\" names 2 entities"))
    let picked = try CLI.run(["neighbors", "--db", "g.kzdb", "Town:Springfield"], in: dir.path)
    #expect(picked.status == 0, "\(picked.stderr)")
    #expect(picked.stdout.contains("springfield (Town): 0 neighbors"))
  }

  // MARK: who-met

  @Test func whoMetThuong() throws {
    let result = try CLI.run(["who-met", "Vo Van Thuong"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Vo Van Thuong (Person): 3 meetings\n"))
    #expect(result.stdout.contains("| 2023-11-27        | Fumio Kishida |"))
    #expect(result.stdout.contains("Sources:"))
    #expect(result.stdout.contains("Vietnam upgrades relations with Japan to highest level"))
  }

  @Test func whoMetAsJSONHasMeetingsThenSources() throws {
    let result = try CLI.run(["who-met", "Kishida Fumio", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = try jsonLines(result.stdout)
    #expect(lines.count == 2)
    #expect(lines[0]["columns"] as? [String] == ["date", "met", "dir", "place", "occasion", "sources"])
    let met = (lines[0]["rows"] as? [[Any]])?.map { $0[1] as? String }
    #expect(met == ["Nguyen Phu Trong", "Pham Minh Chinh", "Vo Van Thuong", "Truong Thi Mai"])
    #expect((lines[1]["rows"] as? [[Any]])?.count == 3)
  }

  @Test func whoMetUnknownPersonFails() throws {
    let result = try CLI.run(["who-met", "Nobody Atall"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: no entity named \"Nobody Atall\""))
  }

  // MARK: stats and schema

  @Test func statsMatchQueryCounts() throws {
    let stats = try CLI.run(["stats", "--format", "json"])
    #expect(stats.status == 0, "\(stats.stderr)")
    let tables = try jsonLines(stats.stdout)
    #expect(tables.count == 5)
    let summary = try #require((tables[0]["rows"] as? [[Any]])?.first)
    let counted = try CLI.run(
      ["query", "--format", "json", "-e", "MATCH (n) RETURN count(n); MATCH ()-[r]->() RETURN count(r)"])
    let counts = try jsonLines(counted.stdout).map { ($0["rows"] as? [[Any]])?.first?.first as? Int }
    #expect(summary[0] as? Int == counts[0])
    #expect(summary[1] as? Int == counts[1])
    #expect((tables[4]["rows"] as? [[Any]])?.count == 10)
  }

  @Test func statsOnTheTerminalShowsTablesAndBars() throws {
    let result = try CLI.run(["stats", "--top", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    for heading in [
      "Graph:", "Nodes by label:", "Relationships by type:", "Degree distribution:", "Top 3 by degree:",
    ] {
      #expect(result.stdout.contains(heading + "\n"))
    }
    #expect(result.stdout.contains("█"))
    #expect(result.stdout.contains("| Japan "))
  }

  @Test func statsOfADatabaseDirectory() throws {
    let dir = try TemporaryDirectory()
    let create = try CLI.run(
      ["query", "--db", "g.kzdb", "-e", "CREATE (a:P {name: 'a'})-[:R]->(b:P {name: 'b'})-[:R]->(c:Q)"],
      in: dir.path)
    #expect(create.status == 0, "\(create.stderr)")
    let result = try CLI.run(["stats", "--db", "g.kzdb", "--format", "csv"], in: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasPrefix(
        "nodes,relationships,min degree,median degree,mean degree,max degree\n3,2,1,1.0,1.33,2\n"))
  }

  @Test func schemaListsPatternsAndDrawsThem() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["schema", "-o", "schema.png"], in: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("| (:Person)-[:HOLDS]->(:Office)"))
    #expect(result.stdout.contains("| Person "))
    expectPNG(dir.path + "/schema.png")
    let dot = try CLI.run(["schema", "-o", "schema.dot"], in: dir.path)
    #expect(dot.status == 0)
    let text = String(
      decoding: FileManager.default.contents(atPath: dir.path + "/schema.dot") ?? Data(), as: UTF8.self)
    #expect(text.contains("HOLDS 22"))
  }

  @Test(arguments: ["path", "neighbors", "who-met", "stats", "schema"])
  func everyHelpExampleRuns(_ command: String) throws {
    let help = try CLI.run([command, "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--db"))
    let examples = help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { $0.hasPrefix("kizuna \(command)") }
    #expect(examples.count >= 2, "\(command) --help has too few examples")
    let dir = try TemporaryDirectory()
    for example in examples {
      let arguments = Array(Self.words(example).dropFirst())
      let result = try CLI.run(arguments, in: dir.path)
      #expect(result.status == 0, "\(example): \(result.stderr)")
      #expect(!result.stdout.isEmpty, "\(example) printed nothing")
    }
  }

  /// Splits a shell line into words, honouring double quotes (all the help
  /// examples need).
  static func words(_ line: String) -> [String] {
    var words: [String] = [], current = "", quoted = false, started = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
        started = true
      } else if character == " " && !quoted {
        if started { words.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { words.append(current) }
    return words
  }
}
