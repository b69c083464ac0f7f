import Foundation
import Kizuna
import KizunaCypher
import KizunaStore
import Testing

/// The ready-made queries in `Queries/` run as they are on the bundled graph.
@Suite struct QueryLibraryTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Queries")

  static var files: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".cypher") }.sorted()
  }

  @Test func theLibraryHoldsTheIssuesQueries() {
    for name in [
      "who-met-whom", "sister-cities", "dialogues", "path-between-officials", "partnership-timeline",
      "ego-network", "country-offices-and-organizations", "provenance",
    ] {
      #expect(Self.files.contains(name + ".cypher"), "missing Queries/\(name).cypher")
    }
  }

  @Test(arguments: files)
  func runsWithItsOwnDefaults(file: String) throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
    #expect(text.hasPrefix("//"), "\(file) should start with a comment saying what it answers")
    let script = try QueryScript(text: text, fileName: file)
    let engine = CypherEngine(database: try BundledGraph.load())
    let results = try engine.run(script.text, parameters: script.parameters(overriding: [:]))
    #expect(results.last.map { !$0.rows.isEmpty } == true, "\(file) returned no rows")
    let drawing = try ResultDrawing.extract(from: results, engine: engine)
    #expect(!drawing.nodes.isEmpty && !drawing.relationships.isEmpty, "\(file) returns nothing to draw")
  }

  @Test func declaredDefaultsAreReadAndOverridden() throws {
    let script = try QueryScript(
      text: """
        // A query.
        //   @param name: "Vo Van Thuong"
        // @param depth: 2
        // not a @param line
        MATCH (p {name: $name}) RETURN p
        """)
    #expect(script.parameterDefaults == ["name": .string("Vo Van Thuong"), "depth": .int(2)])
    #expect(
      script.parameters(overriding: ["depth": .int(3)]) == [
        "name": .string("Vo Van Thuong"), "depth": .int(3),
      ])
  }

  @Test func aBrokenDefaultNamesItsFileAndLine() {
    #expect {
      _ = try QueryScript(text: "RETURN 1\n// @param name: 'single quotes'\n", fileName: "q.cypher")
    } throws: { error in
      "\(error)".hasPrefix("q.cypher, line 2: the default of $name is not JSON")
    }
    #expect {
      _ = try QueryScript(text: "// @param name \"x\"", fileName: "q.cypher")
    } throws: { error in
      "\(error)".contains("line 1")
    }
  }
}
