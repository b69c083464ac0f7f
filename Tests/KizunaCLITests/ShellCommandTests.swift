import Foundation
import Testing

/// `kizuna shell` reading a script from a pipe.
struct ShellCommandTests {
  @Test func runsAPipedScriptAsTables() throws {
    let result = try CLI.run(
      ["shell", "--no-timing"],
      stdin: """
        MATCH (c:Country) WHERE c.iso IN ['VN', 'JP']
        RETURN c.name AS name ORDER BY name; RETURN 1 + 1 AS two;
        """)
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        +-----------+
        | name      |
        +-----------+
        | "Japan"   |
        | "Vietnam" |
        +-----------+
        2 rows
        +-----+
        | two |
        +-----+
        |   2 |
        +-----+
        1 row

        """)
    #expect(result.stderr.isEmpty)
  }

  @Test func tablesShowTheTimeUnlessTurnedOff() throws {
    let result = try CLI.run(["shell"], stdin: "RETURN 1 AS one;\n:timing off\nRETURN 2 AS two;\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("1 row, "))
    #expect(result.stdout.contains(" ms\n"))
    #expect(result.stdout.hasSuffix("+\n1 row\n"))
  }

  @Test func theLastStatementNeedsNoSemicolon() throws {
    let result = try CLI.run(["shell", "--db", ":memory:", "--format", "csv"], stdin: "RETURN 'a;b' AS s")
    #expect(result.status == 0)
    #expect(result.stdout == "s\na;b\n")
  }

  @Test func aFailureIsReportedWithItsLineAndTheScriptGoesOn() throws {
    let result = try CLI.run(
      ["shell", "--db", ":memory:", "--no-timing"],
      stdin: "RETURN 1 AS one;\n\nMATCH (n)\nRETURN missing;\nRETURN 3 AS three;\n")
    #expect(result.status == 1)
    #expect(result.stdout.contains("| one |"))
    #expect(result.stdout.contains("| three |"))
    #expect(result.stderr.contains("SyntaxError (UndefinedVariable)"))
    #expect(result.stderr.contains("(line 4, column 8)"))
    #expect(result.stderr.contains("  4 | RETURN missing\n    |        ^"))
  }

  @Test func stopOnErrorEndsTheScriptAtTheFailure() throws {
    let result = try CLI.run(
      ["shell", "--db", ":memory:", "--stop-on-error"], stdin: "RETURN 1 / 0 AS x;\nRETURN 3 AS three;\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("ArithmeticError (DivisionByZero)"))
    #expect(!result.stdout.contains("three"))
  }

  @Test func parametersFromTheCommandLineAndFromCommands() throws {
    let result = try CLI.run(
      ["shell", "--format", "csv", "--params", #"{"iso": "JP"}"#],
      stdin: """
        MATCH (c:Country {iso: $iso}) RETURN c.name AS name;
        :params {"city": "Hanoi"}
        MATCH (:Locality {name: $city})-[s:SISTER_CITY]-(o) RETURN o.name AS twin, s.since AS since ORDER BY since;
        :param city => 'Ho' + ' Chi Minh City'
        :params
        MATCH (l:Locality {name: $city}) RETURN l.kind AS kind;
        :params clear
        RETURN $city AS gone;
        """)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        name
        Japan
        twin,since
        Fukuoka,2008
        Tokyo,2013
        :param city => 'Ho Chi Minh City'
        kind
        city

        """)
    #expect(result.stderr.contains("1 parameter set"))
    #expect(result.stderr.contains("ParameterMissing"))
  }

  @Test func renderWritesAPictureOfTheLastResult() throws {
    let folder = try TemporaryDirectory()
    let result = try CLI.run(
      ["shell"],
      stdin: """
        MATCH p = (:Person {name: 'Vo Van Thuong'})-[:MET]->(:Person) RETURN p;
        :render met.png --layout neato --connect
        :export met.graphml
        :export met.cypher
        """, in: folder.path)
    #expect(result.status == 0, "\(result.stderr)")
    let png = try #require(FileManager.default.contents(atPath: folder.path + "/met.png"))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 1000)
    #expect(result.stderr.contains("Wrote met.png ("))
    let graphml = try String(contentsOfFile: folder.path + "/met.graphml", encoding: .utf8)
    #expect(graphml.contains("Vo Van Thuong"))
    let cypher = try String(contentsOfFile: folder.path + "/met.cypher", encoding: .utf8)
    #expect(cypher.contains("CREATE"))
    #expect(cypher.contains(":MET"))
  }

  @Test func failingCommandsFailTheScript() throws {
    let result = try CLI.run(["shell"], stdin: ":render nothing.png\n:frobnicate\nRETURN 1 AS one;\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: there is no result yet"))
    #expect(result.stderr.contains("error: unknown command :frobnicate"))
    #expect(result.stdout.contains("| one |"))
  }

  @Test func jsonFormatFollowsTheQueryInterface() throws {
    let result = try CLI.run(
      ["shell", "--db", ":memory:", "--format", "json"], stdin: "RETURN 1 AS n;\nRETURN nope;\n")
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix(#"{"columns":["n"],"rows":[[1]],"stats":{"#) == true)
    #expect(lines.last?.hasPrefix(#"{"error":{"#) == true)
    #expect(lines.last?.contains(#""detail":"UndefinedVariable""#) == true)
  }

  @Test func formatCanChangeMidScript() throws {
    let result = try CLI.run(
      ["shell", "--db", ":memory:", "--no-timing"],
      stdin: ":format csv\nRETURN 1 AS n;\n:format table\nRETURN 2 AS n;")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("n\n1\n+---+\n| n |"))
  }

  @Test func quitStopsReading() throws {
    let result = try CLI.run(["shell", "--db", ":memory:"], stdin: "RETURN 1 AS a;\n:quit\nRETURN nope;\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("| a |"))
    #expect(result.stderr.isEmpty)
  }

  @Test func writesPersistInADatabaseDirectory() throws {
    let folder = try TemporaryDirectory()
    let db = folder.path + "/graph.kzdb"
    let first = try CLI.run(["shell", "--db", db], stdin: "CREATE (:City {name: 'Hue'});\n")
    #expect(first.status == 0)
    #expect(first.stdout.contains("1 nodes created"))
    let second = try CLI.run(
      ["shell", "--db", db, "--format", "csv"], stdin: ":schema\nMATCH (c:City) RETURN c.name;")
    #expect(second.status == 0)
    #expect(second.stdout.contains("Labels (1): :City"))
    #expect(second.stdout.hasSuffix("c.name\nHue\n"))
  }

  @Test func helpShowsExamples() throws {
    let result = try CLI.run(["shell", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("kizuna> :render offices.png --connect"))
    #expect(result.stdout.contains("--stop-on-error"))
    let root = try CLI.run(["--help"])
    #expect(root.stdout.contains("shell"))
  }

  @Test func badOptionsAreUsageErrors() throws {
    let result = try CLI.run(["shell", "--format", "xml"], stdin: "")
    #expect(result.status == 2)
    let params = try CLI.run(["shell", "--params", "[1]"], stdin: "")
    #expect(params.status == 2)
  }
}
