import ArgumentParser
import Foundation
import Kizuna
import KizunaCypher
import KizunaStore

struct ShellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Type Cypher statements and shell commands, and see their results.",
    discussion: """
      At a terminal: statements end with ';' and may span lines; Tab completes keywords, \
      functions, labels (after ':'), property keys (after '.') and parameters (after '$'); \
      Up/Down and Ctrl-R recall earlier entries, kept in ~/.kizuna_history (or $KIZUNA_HISTORY); \
      Ctrl-C cancels the entry or the running statement; Ctrl-D leaves. Type :help for the commands.

      With standard input from a pipe or a file, it runs the statements and commands it reads \
      (the last statement may go without ';'), prints results as tables (or --format), and exits \
      with status 1 if any of them failed.

      Examples:
        kizuna shell
        kizuna> MATCH (a:Person)-[m:MET]->(b) RETURN a.name, b.name, m.date;
        kizuna> :param name => 'Vo Van Thuong'
        kizuna> MATCH p = (:Person {name: $name})-[:HOLDS]->() RETURN p;
        kizuna> :render offices.png --connect
        kizuna> :export offices.graphml

        kizuna shell --db people.kzdb
        echo 'MATCH (c:Country) RETURN c.name, c.iso;' | kizuna shell --format csv
        kizuna shell --no-timing < Queries/sister-cities.cypher > sister-cities.txt
      """)

  @Option(
    help: "Database directory, or :memory: for an empty graph. Default: the bundled Vietnam–Japan graph.")
  var db: String?

  @Option(help: "Output format: table, json (one JSON object per statement) or csv. :format changes it.")
  var format: QueryCommand.OutputFormatArgument = .table

  @Option(help: "Query parameters as a JSON object, e.g. '{\"name\": \"Vo Van Thuong\"}'.")
  var params: String?

  @Option(help: "Stop a statement that runs longer than this many seconds.")
  var timeout: Double?

  @Flag(inversion: .prefixedNo, help: "Print the time each statement took under its table.")
  var timing = true

  @Flag(name: .customLong("stop-on-error"), help: "Reading a script: stop at the first statement that fails.")
  var stopOnError = false

  func run() throws {
    let parameters = try parseParameters(params)
    let location = DatabaseLocation(argument: db)
    let database = try openDatabase(db)
    let engine = CypherEngine(database: database)
    engine.timeout = timeout
    let session = ShellSession(engine: engine, parameters: parameters)
    session.format = ShellFormat(rawValue: format.rawValue) ?? .table
    session.showsTiming = timing

    let environment = ProcessInfo.processInfo.environment
    let canEdit = environment["TERM"].map { $0 != "dumb" && !$0.isEmpty } ?? false
    if isatty(0) != 0, canEdit, let terminal = RawTerminal() {
      let shell = InteractiveShell(
        session: session, terminal: terminal,
        historyFile: ShellHistoryFile(path: ShellHistoryFile.defaultPath()),
        color: ShellOutput.colorWanted)
      shell.run(banner: Self.banner(location))
      return
    }
    let interactive = isatty(0) != 0
    let script = ScriptShell(
      session: session, output: ShellOutput(interactive: interactive, color: false),
      prompts: interactive ? ("kizuna> ", "   ...> ") : nil, stopAtFailure: stopOnError)
    if interactive { print(Self.banner(location)) }
    if !script.run() && !interactive { throw CLIFailure("") }
  }

  static func banner(_ location: DatabaseLocation) -> String {
    let graph: String
    switch location {
    case .bundled: graph = "the bundled Vietnam–Japan graph (changes stay in memory)"
    case .memory: graph = "an empty in-memory graph"
    case .directory(let path): graph = path
    }
    return "Kizuna shell on \(graph).\nEnd statements with ';'. :help lists the commands; Ctrl-D leaves."
  }
}
