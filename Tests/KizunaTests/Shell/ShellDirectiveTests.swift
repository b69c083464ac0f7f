import Kizuna
import KizunaRender
import Testing

struct ShellDirectiveTests {
  private func parse(_ text: String) throws -> ShellDirective { try ShellDirective.parse(text) }

  private func message(_ text: String) -> String? {
    do {
      _ = try ShellDirective.parse(text)
      return nil
    } catch {
      return error.message
    }
  }

  @Test func simpleCommands() throws {
    #expect(try parse(":help") == .help)
    #expect(try parse("  :schema ") == .schema)
    #expect(try parse(":quit") == .quit)
    #expect(try parse(":exit;") == .quit)
    #expect(try parse(":HELP") == .help)
  }

  @Test func uniquePrefixesAreEnough() throws {
    #expect(try parse(":q") == .quit)
    #expect(try parse(":sch") == .schema)
    #expect(message(":p")?.contains(":param or :params") == true)
    #expect(message(":e")?.contains(":exit or :export") == true)
  }

  @Test func parameterCommands() throws {
    #expect(try parse(":params") == .listParameters)
    #expect(try parse(":param") == .listParameters)
    #expect(try parse(":params clear") == .clearParameters)
    #expect(try parse(#":params {"name": "Vo Van Thuong"}"#) == .setParameters(#"{"name": "Vo Van Thuong"}"#))
    #expect(
      try parse(":param name => 'Vo Van Thuong'")
        == .setParameter(name: "name", expression: "'Vo Van Thuong'"))
    #expect(try parse(":param n: 2") == .setParameter(name: "n", expression: "2"))
    #expect(
      try parse(":param when=>date('2023-11-27')")
        == .setParameter(name: "when", expression: "date('2023-11-27')"))
    #expect(message(":param name 'x'")?.contains("=>") == true)
    #expect(message(":param name =>")?.contains("value") == true)
    #expect(message(":param 1x => 2")?.contains("letter") == true)
  }

  @Test func renderAndExport() throws {
    #expect(try parse(":render out.png") == .render(path: "out.png", layout: nil, connect: false))
    #expect(
      try parse(":render \"my graph.svg\" --layout neato --connect")
        == .render(path: "my graph.svg", layout: .neato, connect: true))
    #expect(
      try parse(":export g.graphml --connect") == .export(path: "g.graphml", format: nil, connect: true))
    #expect(try parse(":export out --format cypher") == .export(path: "out", format: .cypher, connect: false))
    #expect(message(":render")?.contains("file") == true)
    #expect(message(":render a.png b.png")?.contains("one file") == true)
    #expect(message(":render a.png --layout spiral")?.contains("neato") == true)
    #expect(message(":render a.png --layout")?.contains("needs a value") == true)
    #expect(message(":export a.json --layout dot")?.contains("no option --layout") == true)
    #expect(message(":render 'a.png")?.contains("never closed") == true)
  }

  @Test func settings() throws {
    #expect(try parse(":timing") == .timing(nil))
    #expect(try parse(":timing off") == .timing(false))
    #expect(try parse(":timing ON") == .timing(true))
    #expect(try parse(":format csv") == .format(.csv))
    #expect(try parse(":format") == .format(nil))
    #expect(message(":format yaml")?.contains("table, json or csv") == true)
    #expect(message(":timing maybe")?.contains("on or off") == true)
  }

  @Test func unknownCommandsSayWhereToLook() {
    #expect(message(":frobnicate") == "unknown command :frobnicate; :help lists the commands")
    #expect(message(":")?.contains(":help") == true)
  }

  @Test func directivesAreLinesStartingWithAColon() {
    #expect(ShellDirective.isDirective("  :help"))
    #expect(!ShellDirective.isDirective("MATCH (n:Person)"))
    #expect(!ShellDirective.isDirective(""))
  }
}
