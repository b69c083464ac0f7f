import Foundation
import FoundationXML
import KizunaStore
import Testing

/// `kizuna export` end to end: every format, and the round trips back into
/// a database through `kizuna query` (Cypher script) and `kizuna import` (CSV).
@Suite struct ExportCommandTests {
  /// A database holding `everyValueType`.
  private func sample(_ dir: TemporaryDirectory) throws -> String {
    let db = dir.path + "/source.kzdb"
    let created = try CLI.run(["query", "--db", db, "--format", "json", "-e", everyValueType])
    #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
    return db
  }

  @Test func cypherScriptLoadsBackIntoTheSameGraph() throws {
    let dir = try TemporaryDirectory()
    let source = try sample(dir)
    let script = dir.path + "/graph.cypher"
    let exported = try CLI.run(["export", "--db", source, "--format", "cypher", "-o", script])
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(exported.stdout.contains("Exported 4 nodes and 5 relationships to \(script)."))
    #expect(exported.stdout.contains("kizuna query --db new.kzdb"))
    let copy = dir.path + "/copy.kzdb"
    let loaded = try CLI.run(["query", "--db", copy, "--format", "json", script])
    #expect(loaded.status == 0, "\(loaded.stdout)\(loaded.stderr)")
    let original = try GraphShape(database: source)
    #expect(original.nodes.count == 4 && original.relationships.count == 5)
    #expect(try GraphShape(database: copy) == original)
    // The temporary label, property and index are gone.
    let leftovers = try CLI.run([
      "query", "--db", copy, "--format", "csv", "-e",
      "MATCH (n:_KzImport) RETURN count(n) AS n; SHOW INDEXES",
    ])
    #expect(leftovers.stdout == "n\n0\nname,labelsOrTypes,properties,uniqueness\n")
  }

  @Test func csvDirectoryImportsBackWithThePrintedCommand() throws {
    let dir = try TemporaryDirectory()
    let source = try sample(dir)
    let out = dir.path + "/csv"
    let exported = try CLI.run(["export", "--db", source, "--format", "csv", "-o", out])
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(exported.stderr.isEmpty, "every value here has a CSV column type: \(exported.stderr)")
    let person = try String(contentsOfFile: out + "/nodes_Person_Th_nh_ph_.csv", encoding: .utf8)
    let header = person.prefix { $0 != "\n" }
    for column in [
      ":ID", ":LABEL", "age:long", "ratio:double", "flag:boolean", "name:string", "tags:string[]",
      "scores:long[]", "weights:double[]", "flags:boolean[]", "born:date", "wakes:localtime", "meets:time",
      "landed:localdatetime", "signed:datetime", "stay:duration", "days:date[]", "full name:string",
    ] {
      #expect(header.split(separator: ",").contains(Substring(column)), "missing column \(column)")
    }
    // The last line of the output is the command that loads the files back.
    let command = try #require(
      exported.stdout.split(separator: "\n").last { $0.hasPrefix("  kizuna import") })
    let arguments = command.split(separator: " ").dropFirst().map(String.init)
    #expect(arguments.prefix(3) == ["import", "--db", out + ".kzdb"])
    let imported = try CLI.run(arguments)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.hasPrefix("Imported 4 nodes and 5 relationships"))
    #expect(try GraphShape(database: out + ".kzdb") == GraphShape(database: source))
  }

  @Test func csvNotesWhatItCannotHoldAndSplitsWhatDiffersInKind() throws {
    let dir = try TemporaryDirectory()
    let db = dir.path + "/mixed.kzdb"
    _ = try CLI.run([
      "query", "--db", db, "-e",
      "CREATE (:Item {mixed: [1, 'a'], holes: [1, null], since: 2013}), (:Item {since: 'long ago'})",
    ])
    let out = dir.path + "/csv"
    let exported = try CLI.run(["export", "--db", db, "--format", "csv", "-o", out])
    #expect(exported.status == 0)
    #expect(
      exported.stderr.contains("note: nodes_Item.csv: property 'mixed' holds maps or lists of mixed kinds"))
    #expect(exported.stderr.contains("note: nodes_Item.csv: property 'holes'"))
    #expect(!exported.stderr.contains("'since'"))
    let text = try String(contentsOfFile: out + "/nodes_Item.csv", encoding: .utf8)
    #expect(text.hasPrefix(":ID,:LABEL,holes:string,mixed:string,since:long\n"))
    #expect(text.contains(#"Item,"[1,null]","[1,""a""]",2013"#))
    let second = try String(contentsOfFile: out + "/nodes_Item_2.csv", encoding: .utf8)
    #expect(second == ":ID,:LABEL,since:string\n1,Item,long ago\n")
    let imported = try CLI.run([
      "import", "--db", dir.path + "/back.kzdb", "--nodes", out + "/nodes_Item.csv", "--nodes",
      out + "/nodes_Item_2.csv",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    let back = try GraphShape(database: dir.path + "/back.kzdb")
    #expect(back.nodes.contains(#"(:Item {"holes":"[1,null]","mixed":"[1,\"a\"]","since":2013})"#))
    #expect(back.nodes.contains(#"(:Item {"since":"long ago"})"#))
  }

  /// The bundled graph has `since` as a year on some dialogues and as a
  /// month ('2012-11') on others: two files, both read back exactly.
  @Test func theBundledGraphRoundTripsThroughCSV() throws {
    let dir = try TemporaryDirectory()
    let source = dir.path + "/bundled.kzdb"
    let script = dir.path + "/bundled.cypher"
    #expect(try CLI.run(["export", "--format", "cypher", "-o", script]).status == 0)
    #expect(try CLI.run(["query", "--db", source, script]).status == 0)
    let out = dir.path + "/csv"
    let exported = try CLI.run(["export", "--format", "csv", "-o", out])
    #expect(exported.status == 0 && exported.stderr.isEmpty, "\(exported.stderr)")
    let command = try #require(
      exported.stdout.split(separator: "\n").last { $0.hasPrefix("  kizuna import") })
    let imported = try CLI.run(command.split(separator: " ").dropFirst().map(String.init))
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try GraphShape(database: out + ".kzdb") == GraphShape(database: source))
  }

  @Test func jsonHoldsEveryValueAndReadsBack() throws {
    let dir = try TemporaryDirectory()
    let source = try sample(dir)
    let file = dir.path + "/graph.json"
    let exported = try CLI.run(["export", "--db", source, "--format", "json", "-o", file])
    #expect(exported.status == 0, "\(exported.stderr)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    guard case .map(let root) = try Value.fromJSON(text), case .list(let nodes)? = root["nodes"],
      case .list(let relationships)? = root["relationships"]
    else {
      Issue.record("unexpected JSON shape")
      return
    }
    var described: [String] = []
    var byID: [Int64: String] = [:]
    for case .map(let node) in nodes {
      guard case .int(let id)? = node["id"], case .list(let labels)? = node["labels"],
        case .map(let properties)? = node["properties"]
      else { continue }
      let text = GraphShape.describe(
        labels: labels.compactMap { if case .string(let s) = $0 { s } else { nil } }, properties)
      described.append(text)
      byID[id] = text
    }
    var links: [String] = []
    for case .map(let relationship) in relationships {
      guard case .int(let start)? = relationship["start"], case .int(let end)? = relationship["end"],
        case .string(let type)? = relationship["type"],
        case .map(let properties)? = relationship["properties"]
      else { continue }
      links.append(
        "\(byID[start] ?? "?") -[:\(type) " + Value.map(properties).jsonText() + "]-> \(byID[end] ?? "?")")
    }
    #expect(
      GraphShape(nodes: described.sorted(), relationships: links.sorted())
        == (try GraphShape(database: source)))
  }

  @Test func graphMLParsesWithTypedKeys() throws {
    let dir = try TemporaryDirectory()
    let source = try sample(dir)
    let file = dir.path + "/graph.graphml"
    #expect(try CLI.run(["export", "--db", source, "--format", "graphml", "-o", file]).status == 0)
    let document = try XMLDocument(contentsOf: URL(fileURLWithPath: file))
    #expect(try document.nodes(forXPath: "//*[local-name()='node']").count == 4)
    #expect(try document.nodes(forXPath: "//*[local-name()='edge']").count == 5)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains(#"attr.name="age" attr.type="long""#))
    #expect(text.contains(#"attr.name="flag" attr.type="boolean""#))
    #expect(text.contains(#"attr.name="born" attr.type="string"><desc>date</desc>"#))
    #expect(text.contains(#"attr.name="tags" attr.type="string"><desc>json</desc>"#))
    let values = try document.nodes(forXPath: "//*[local-name()='data']").compactMap(\.stringValue)
    for expected in [
      "Say \"hi\", it's, a\nnew line", "Hà Nội", "東京", "🎌👍🏽", "2023-11-27T10:00+09:00[Asia/Tokyo]",
      "P1Y2M3DT4H5M6.5S", #"["a","b,c","d \"e\"","Hà Nội","東京"]"#,
    ] {
      #expect(values.contains(expected), "missing \(expected)")
    }
  }

  @Test func dotExportReadsBackInGraphviz() throws {
    let dir = try TemporaryDirectory()
    let source = try sample(dir)
    let file = dir.path + "/graph.dot"
    #expect(try CLI.run(["export", "--db", source, "--format", "dot", "-o", file]).status == 0)
    let counts = try graphvizCounts(file)
    #expect(counts == (4, 5))
  }

  @Test func wholeBundledGraphByDefaultAndQueryResultsWithOne() throws {
    let dir = try TemporaryDirectory()
    let counted = try CLI.run([
      "query", "--format", "csv", "-e",
      "MATCH (n) RETURN count(n) AS n; MATCH ()-[r]->() RETURN count(r) AS r",
    ])
    let numbers = counted.stdout.split(separator: "\n").filter { $0.allSatisfy(\.isNumber) }
    let whole = try CLI.run(["export", "--format", "json", "-o", dir.path + "/all.json"])
    #expect(
      whole.stdout
        == "Exported \(numbers[0]) nodes and \(numbers[1]) relationships to \(dir.path)/all.json.\n")

    let sister = try CLI.run([
      "export", "--format", "json", "-e", "MATCH p=(:Locality)-[:SISTER_CITY]-(:Locality) RETURN p", "-o",
      dir.path + "/sister.json",
    ])
    #expect(
      sister.stdout.hasPrefix("Exported 17 nodes and 10 relationships"), "\(sister.stdout)\(sister.stderr)")
    let fromFile = try CLI.run([
      "export", "--format", "cypher", queriesFolder + "/sister-cities.cypher", "-o", dir.path + "/s.cypher",
    ])
    #expect(fromFile.stdout.hasPrefix("Exported 17 nodes and 10 relationships"), "\(fromFile.stderr)")
  }

  @Test func usageAndQueryErrorsAreReported() throws {
    let dir = try TemporaryDirectory()
    let badFormat = try CLI.run(["export", "--format", "xml", "-o", dir.path + "/x"])
    #expect(badFormat.status == 2)
    let noFile = try CLI.run([
      "export", "--format", "json", dir.path + "/missing.cypher", "-o", dir.path + "/x",
    ])
    #expect(noFile.status == 2 && noFile.stderr.contains("no such file"))
    try dir.write("taken", "a file")
    let csvOverFile = try CLI.run(["export", "--format", "csv", "-o", dir.path + "/taken"])
    #expect(csvOverFile.status == 2 && csvOverFile.stderr.contains("is a file"))
    let syntax = try CLI.run(["export", "--format", "json", "-e", "MATCH (n RETURN n", "-o", dir.path + "/x"])
    #expect(syntax.status == 1 && syntax.stderr.contains("SyntaxError"))
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/x"))
  }
}

/// Node and edge counts of a DOT file, as the Graphviz `dot` program reads it.
func graphvizCounts(_ file: String) throws -> (Int, Int) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["gc", "-n", "-e", file]
  let out = Pipe()
  process.standardOutput = out
  try process.run()
  let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
  return numbers.count >= 2 ? (numbers[0], numbers[1]) : (-1, -1)
}
