import Foundation
import FoundationXML
import Testing

/// `kizuna render` end to end, through the built binary.
@Suite struct RenderCommandTests {
  static let sisterCities = "MATCH p=(:Locality)-[:SISTER_CITY]-(:Locality) RETURN p"

  /// The distinct names of the localities in the sister-city network.
  private func sisterCityNames() throws -> [String] {
    let result = try CLI.run([
      "query", "--format", "csv", "-e",
      "MATCH p=(:Locality)-[:SISTER_CITY]-(:Locality) UNWIND nodes(p) AS n RETURN DISTINCT n.name AS name",
    ])
    return result.stdout.split(separator: "\n").dropFirst().map(String.init)
  }

  @Test func pngOfTheSisterCityNetwork() throws {
    let dir = try TemporaryDirectory()
    let file = dir.path + "/sister-cities.png"
    let result = try CLI.run(["render", "-e", Self.sisterCities, "-o", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Drew 17 nodes and 10 relationships with dot into \(file).\n")
    let size = try #require(pngSize(try Data(contentsOf: URL(fileURLWithPath: file))))
    #expect(size.width > 200 && size.width < 6000)
    #expect(size.height > 100 && size.height < 6000)
  }

  @Test func svgParsesAndShowsEveryCaption() throws {
    let dir = try TemporaryDirectory()
    let file = dir.path + "/sister-cities.svg"
    let result = try CLI.run([
      "render", queriesFolder + "/sister-cities.cypher", "-o", file, "--layout", "neato",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try XMLDocument(contentsOf: URL(fileURLWithPath: file))
    let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
    let names = try sisterCityNames()
    #expect(names.count == 17)
    for name in names { #expect(texts.contains(name), "missing \(name)") }
  }

  @Test func dotTextReadsBackInGraphvizWithTheSameCounts() throws {
    let dir = try TemporaryDirectory()
    let file = dir.path + "/sister-cities.dot"
    let result = try CLI.run(["render", "-e", Self.sisterCities, "-o", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try graphvizCounts(file) == (17, 10))
  }

  @Test func connectAddsTheRelationshipsBetweenReturnedNodes() throws {
    let dir = try TemporaryDirectory()
    let plain = try CLI.run(["render", "-e", "MATCH (c:Country) RETURN c", "-o", dir.path + "/a.dot"])
    let joined = try CLI.run([
      "render", "-e", "MATCH (c:Country) RETURN c", "--connect", "-o", dir.path + "/b.dot",
    ])
    #expect(plain.status == 0 && joined.status == 0)
    let nodes = try graphvizCounts(dir.path + "/a.dot").0
    #expect(try graphvizCounts(dir.path + "/a.dot") == (nodes, 0))
    let connected = try graphvizCounts(dir.path + "/b.dot")
    #expect(connected.0 == nodes && connected.1 > 0)
  }

  @Test func parametersAndUnicodeCaptions() throws {
    let dir = try TemporaryDirectory()
    let file = dir.path + "/cities.svg"
    let result = try CLI.run([
      "render", "--db", ":memory:", "--params", #"{"a": "Hà Nội", "b": "東京"}"#, "-e",
      "CREATE p=(:City {name: $a})-[:SISTER_CITY]->(:City {name: $b}) RETURN p", "-o", file,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOfFile: file, encoding: .utf8)
    #expect(svg.contains(">Hà Nội</text>") && svg.contains(">東京</text>"))
  }

  @Test func styleFileIsApplied() throws {
    let dir = try TemporaryDirectory()
    let style = try dir.write(
      "style.json", ##"{"labels": {"Locality": {"color": "#ff0000", "shape": "box"}}, "legend": false}"##)
    let file = dir.path + "/styled.dot"
    let result = try CLI.run(["render", "-e", Self.sisterCities, "--style", style, "-o", file])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains(##"fillcolor="#ff0000", shape="box""##))
    #expect(!text.contains("<table"))
  }

  @Test func errorsAreClear() throws {
    let dir = try TemporaryDirectory()
    let badExtension = try CLI.run(["render", "-e", Self.sisterCities, "-o", dir.path + "/x.jpg"])
    #expect(badExtension.status == 2)
    #expect(badExtension.stderr.contains("name it .png, .svg, .pdf or .dot"))

    let style = try dir.write("bad.json", "{\n  \"legend\": true,\n  \"engine\": \"spring\"\n}")
    let badStyle = try CLI.run([
      "render", "-e", Self.sisterCities, "--style", style, "-o", dir.path + "/x.png",
    ])
    #expect(badStyle.status == 1)
    #expect(badStyle.stderr.contains("bad.json: style error at line 3, column 3: \"engine\": unknown layout"))

    let empty = try CLI.run(["render", "-e", "MATCH (n:Nobody) RETURN n", "-o", dir.path + "/x.png"])
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("the query returned no nodes to draw"))

    let syntax = try CLI.run(["render", "-e", "MATCH (n RETURN n", "-o", dir.path + "/x.png"])
    #expect(syntax.status == 1)
    #expect(syntax.stderr.contains("SyntaxError"))

    let noQuery = try CLI.run(["render", "-o", dir.path + "/x.png"])
    #expect(noQuery.status == 2)
    let badLayout = try CLI.run([
      "render", "-e", Self.sisterCities, "--layout", "spring", "-o", dir.path + "/x.png",
    ])
    #expect(badLayout.status == 2)
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/x.png"))
  }

  @Test func aDOTFileIsDrawnAsItIs() throws {
    let dir = try TemporaryDirectory()
    let dot = try dir.write("drawing.dot", "digraph {\n  layout=neato;\n  \"Hà Nội\" -> \"東京\" -> c;\n}\n")
    let file = dir.path + "/drawing.svg"
    let result = try CLI.run(["render", dot, "-o", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Drew 3 nodes and 2 edges with neato into \(file).\n")
    let svg = try String(contentsOfFile: file, encoding: .utf8)
    #expect(svg.contains(">Hà Nội</text>") && svg.contains(">東京</text>"))
    let layered = try CLI.run(["render", dot, "--layout", "dot", "-o", dir.path + "/drawing.png"])
    #expect(layered.stdout.contains("with dot into"), "\(layered.stderr)")
  }

  @Test func aBrokenDOTFileNamesItsLine() throws {
    let dir = try TemporaryDirectory()
    let dot = try dir.write("broken.dot", "digraph {\n  a -> b;\n  c -> ;\n}\n")
    let result = try CLI.run(["render", dot, "-o", dir.path + "/x.png"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("broken.dot: DOT syntax error at line 3: syntax error in line 3 near ';'"),
      "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/x.png"))
    let queryOption = try CLI.run(["render", dot, "--connect", "-o", dir.path + "/x.png"])
    #expect(queryOption.status == 2)
    #expect(queryOption.stderr.contains("is a DOT file, drawn as it is"))
  }

  @Test func anUnwritableOutputFails() throws {
    let path = "/nonexistent-kizuna-dir/x.png"
    let result = try CLI.run(["render", "-e", Self.sisterCities, "-o", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write \(path): No such file or directory"), "\(result.stderr)")
    #expect(!result.stdout.contains("Drew"))
  }

  @Test func aStyleErrorPointsAtTheKeyUnderItsParent() throws {
    let dir = try TemporaryDirectory()
    let style = try dir.write(
      "style.json",
      """
      {
        "labels": {
          "Person": {"color": "red"},
          "Locality": {"color": "reed"}
        }
      }
      """)
    let result = try CLI.run(["render", "-e", Self.sisterCities, "--style", style, "-o", dir.path + "/x.png"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        #"style.json: style error at line 4, column 18: "labels.Locality.color": unknown colour "reed""#),
      "\(result.stderr)")
  }

  @Test func dotRefusesAGraphTooLargeForIt() throws {
    let dir = try TemporaryDirectory()
    // 6,000 nodes and 18,000 random relationships: a layout size near
    // 45,000, beyond LayoutLimits.maximumDotSize (30,000).
    let random = """
      UNWIND range(0, 5999) AS i CREATE (:N {name: 'node ' + i});
      MATCH (n:N) WITH collect(n) AS ns UNWIND range(1, 18000) AS j
      WITH ns[toInteger(rand() * 6000)] AS a, ns[toInteger(rand() * 6000)] AS b CREATE (a)-[:LINK]->(b);
      MATCH p=()-[:LINK]->() RETURN p
      """
    let file = dir.path + "/random.png"
    let refused = try CLI.run(["render", "--db", ":memory:", "-e", random, "--layout", "dot", "-o", file])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("error: dot cannot lay out "))
    #expect(refused.stderr.contains(" nodes and 18000 relationships in reasonable time"))
    #expect(refused.stderr.contains("use --layout sfdp"))
    #expect(!FileManager.default.fileExists(atPath: file))
  }
}
