import Foundation
import Kizuna
import KizunaCypher
import KizunaStore
import Testing

/// Runs entries in a session over an empty database and keeps what it reports.
private final class Recorder {
  let session = ShellSession(engine: CypherEngine(database: Database()))
  var events: [ShellEvent] = []

  @discardableResult
  func run(_ entry: String) -> Bool {
    events = []
    return session.run(entry: entry) { events.append($0) }
  }

  var texts: [String] {
    events.compactMap {
      switch $0 {
      case .text(let t), .note(let t), .problem(let t): return t
      default: return nil
      }
    }
  }

  var results: [QueryResult] {
    events.compactMap {
      if case .result(let r) = $0 { return r }
      return nil
    }
  }

  var failures: [CypherError] {
    events.compactMap {
      if case .failure(let e, _) = $0 { return e }
      return nil
    }
  }
}

struct ShellSessionTests {
  @Test func statementsRunInOrderAndErrorsKeepTheirPlace() {
    let shell = Recorder()
    #expect(
      !shell.run(
        "CREATE (:City {name: 'Hue'});\nMATCH (c:City) RETURN c.name AS name; RETURN nope;\nRETURN 2"))
    #expect(shell.results.count == 3)
    #expect(shell.results[1].rows == [[.string("Hue")]])
    #expect(shell.results[2].rows == [[.int(2)]])
    let error = shell.failures.first
    #expect(error?.detail == "UndefinedVariable")
    #expect(error?.line == 2)
    #expect(error?.column == 46)
    #expect(error?.message.hasSuffix("(line 2, column 46)") == true)
  }

  @Test func parametersFromCypherAndJSON() {
    let shell = Recorder()
    #expect(shell.run(":param name => 'Vo ' + 'Van Thuong'"))
    #expect(shell.texts == ["$name = 'Vo Van Thuong'"])
    #expect(shell.run(":param n => 40 + $extra") == false)
    #expect(shell.texts.first?.contains("neither JSON nor a Cypher value") == true)
    #expect(shell.texts.first?.contains("line 1") == false)
    #expect(shell.run(#":param when => {"~date": "2023-11-27"}"#))
    #expect(shell.run("RETURN $name AS name, $when.year AS year;"))
    #expect(shell.results.first?.rows == [[.string("Vo Van Thuong"), .int(2023)]])
    #expect(shell.run(":params"))
    #expect(shell.texts == [":param name => 'Vo Van Thuong'\n:param when => date('2023-11-27')"])
  }

  @Test func paramsReplacesAndClears() {
    let shell = Recorder()
    shell.run(":param old => 1")
    #expect(shell.run(#":params {"city": "Hanoi", "n": 2}"#))
    #expect(shell.session.parameters == ["city": .string("Hanoi"), "n": .int(2)])
    #expect(shell.run(":params {city: 'Hue'}"))
    #expect(shell.session.parameters == ["city": .string("Hue")])
    #expect(!shell.run(":params [1, 2]"))
    #expect(shell.run(":params clear"))
    #expect(shell.session.parameters.isEmpty)
    shell.run(":params")
    #expect(shell.texts.first?.hasPrefix("No parameters") == true)
  }

  @Test func settingsCommands() {
    let shell = Recorder()
    #expect(shell.session.showsTiming)
    shell.run(":timing")
    #expect(!shell.session.showsTiming)
    shell.run(":timing on")
    #expect(shell.session.showsTiming)
    shell.run(":format csv")
    #expect(shell.session.format == .csv)
    #expect(!shell.run(":format xml"))
    #expect(shell.session.format == .csv)
  }

  @Test func quitStopsTheRestOfTheEntry() {
    let shell = Recorder()
    shell.run("RETURN 1;\n:quit\nRETURN 2;")
    #expect(shell.results.count == 1)
    guard case .quit? = shell.events.last else {
      Issue.record("the last event is not quit: \(shell.events)")
      return
    }
  }

  @Test func schemaAndCompletionFollowWrites() {
    let shell = Recorder()
    #expect(shell.session.vocabulary.labels.isEmpty)
    shell.run("CREATE (:Temple {name: 'Todai-ji'})-[:IN]->(:City {name: 'Nara'});")
    #expect(shell.session.vocabulary.labels == ["City", "Temple"])
    #expect(shell.session.completion(for: "MATCH (t:Te", cursor: 11).candidates.map(\.text) == ["Temple"])
    shell.run(":schema")
    #expect(
      shell.texts == ["Labels (2): :City, :Temple\nRelationship types (1): :IN\nProperty keys (1): name"])
    shell.run(":param who => 'x'")
    #expect(shell.session.vocabulary.parameters == ["who"])
  }

  @Test func renderDrawsTheLastResult() throws {
    let shell = Recorder()
    let folder = FileManager.default.temporaryDirectory.path + "/kizuna-shell-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(!shell.run(":render \(folder)/none.png"))
    #expect(shell.texts.first?.contains("no result yet") == true)
    shell.run("CREATE (:City {name: 'Hue'})-[:TWINNED_WITH]->(:City {name: 'Nara'});")
    shell.run("MATCH (c:City) RETURN c;")
    // A write without RETURN does not replace the result to draw.
    shell.run("MATCH (c:City) SET c.seen = true;")
    #expect(shell.run(":render \(folder)/cities.svg --connect"))
    #expect(shell.texts == ["Wrote \(folder)/cities.svg (2 nodes, 1 relationship)"])
    let svg = try String(contentsOfFile: "\(folder)/cities.svg", encoding: .utf8)
    #expect(svg.contains("Nara"))
    #expect(svg.contains("TWINNED_WITH"))
    #expect(shell.run(":export \(folder)/cities.json"))
    let json = try String(contentsOfFile: "\(folder)/cities.json", encoding: .utf8)
    #expect(json.contains("\"Hue\""))
    #expect(!shell.run(":export \(folder)/cities.xyz"))
    #expect(shell.texts.first?.contains("--format") == true)
    shell.run("RETURN 1 AS one;")
    #expect(!shell.run(":render \(folder)/one.png"))
    #expect(shell.texts.first?.contains("no nodes") == true)
  }

  @Test func aRunningStatementCanBeCancelledFromAnotherThread() {
    let shell = Recorder()
    let session = shell.session
    let canceller = Thread {
      Thread.sleep(forTimeInterval: 0.2)
      session.cancelRunningStatement()
    }
    canceller.start()
    let started = Date()
    #expect(!shell.run("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*);"))
    #expect(shell.failures.first?.detail == "Cancelled")
    #expect(Date().timeIntervalSince(started) < 30)
  }

  @Test func helpListsEveryCommand() {
    for usage in ShellDirective.usages { #expect(ShellSession.helpText.contains(usage.synopsis)) }
    #expect(ShellSession.helpText.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }
}

struct ShellErrorExcerptTests {
  @Test func caretUnderTheColumn() {
    #expect(
      ErrorExcerpt.lines(source: "MATCH (n)\nRETURN x", line: 2, column: 8) == [
        "  2 | RETURN x", "    |        ^",
      ])
  }

  @Test func wideCharactersPushTheCaret() {
    #expect(
      ErrorExcerpt.lines(source: "RETURN 日本 + x", line: 1, column: 13) == [
        "  1 | RETURN 日本 + x", "    | " + String(repeating: " ", count: 14) + "^",
      ])
  }

  @Test func positionsOutsideTheSourceGiveNothing() {
    #expect(ErrorExcerpt.lines(source: "RETURN 1", line: 3, column: 1).isEmpty)
    #expect(ErrorExcerpt.lines(source: "RETURN 1", line: 1, column: 40).isEmpty)
    #expect(ErrorExcerpt.lines(source: "RETURN 1", line: 0, column: 1).isEmpty)
  }
}
