import ArgumentParser
import Foundation
import Kizuna
import KizunaCypher
import KizunaStore

struct QueryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "query",
    abstract: "Run Cypher statements and print their results.",
    discussion: """
      Statements are separated by ';' and run in order, each in its own transaction;
      the first failure stops the run (earlier statements stay committed).

      Examples:
        kizuna query -e 'MATCH (p:Person)-[:HOLDS]->(o:Office) RETURN p.name, o.title ORDER BY p.name'
        kizuna query -e 'MATCH (a:Locality)-[s:SISTER_CITY]->(b) RETURN a.name, b.name, s.since'
        kizuna query --params '{"name": "Vo Van Thuong"}' -e 'MATCH (p:Person {name: $name})-[m:MET]-(o) RETURN o.name, m.date'
        kizuna query Queries/who-met-whom.cypher --format json
        kizuna query Queries/ego-network.cypher --params '{"name": "Kishida Fumio"}'
        echo 'RETURN 1 + 1 AS two' | kizuna query --db :memory: -
      """)

  @Option(
    help: "Database directory, or :memory: for an empty graph. Default: the bundled Vietnam–Japan graph.")
  var db: String?

  @Option(help: "Output format: table, json (one JSON object per statement) or csv.")
  var format: OutputFormatArgument?

  @Option(
    help: """
      Query parameters as a JSON object, e.g. '{"name": "Vo Van Thuong"}'. They override the \
      defaults a file declares in comment lines like `// @param name: "Vo Van Thuong"`.
      """)
  var params: String?

  @Option(name: .customShort("e"), help: "The statements to run.")
  var text: String?

  @Option(help: "Stop a statement that runs longer than this many seconds.")
  var timeout: Double?

  @Option(
    name: .customLong("max-memory"),
    help:
      "Stop a statement once the process holds more than this many MB (default: 3/4 of the machine's memory)."
  )
  var maxMemory: Int?

  @Argument(help: "A .cypher file, or - for standard input.")
  var file: String?

  enum OutputFormatArgument: String, ExpressibleByArgument {
    case table, json, csv
  }

  func validate() throws {
    try StatementInput(text: text, file: file).validate(optional: false)
  }

  func run() throws {
    guard let script = try StatementInput(text: text, file: file).script() else { return }
    let parameters = try StatementInput.parameters(script, params: params)
    let database = try openDatabase(db)
    let engine = CypherEngine(database: database)
    engine.timeout = timeout
    if let maxMemory { engine.memoryLimit = maxMemory << 20 }
    let output = ResultPrinter(format: resolvedFormat)
    var failed = false
    engine.runEach(script.text, parameters: parameters) { result in
      switch result {
      case .success(let r): output.print(r)
      case .failure(let e):
        output.print(e)
        failed = true
      }
    }
    output.flush()
    if let problem = database.checkpointFailure {
      printError("warning: checkpoint failed (every commit is safe in the log): \(problem.message)")
    }
    if failed { throw CLIFailure("") }
  }

  var resolvedFormat: ResultPrinter.Format {
    switch format {
    case .table?: return .table
    case .json?: return .json
    case .csv?: return .csv
    case nil: return isatty(1) != 0 ? .table : .json
    }
  }
}

/// `--params`: a JSON object of parameter values.
func parseParameters(_ text: String?) throws -> [String: Value] {
  guard let text else { return [:] }
  do {
    guard case .map(let m) = try Value.fromJSON(text) else {
      throw ValidationError("--params must be a JSON object, like '{\"name\": \"Vo Van Thuong\"}'")
    }
    return m
  } catch let e as JSONDecodingError {
    throw ValidationError("--params: \(e.description)")
  }
}
