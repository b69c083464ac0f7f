import ArgumentParser
import Foundation
import Kizuna
import KizunaCypher
import KizunaRender
import KizunaStore

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the graph, or what a query returns, as DOT, GraphML, JSON, Cypher or CSV.",
    discussion: """
      Without a query the whole graph is exported; with one, the nodes, relationships
      and paths its statements return (a relationship brings its two nodes).

      Formats:
        dot      Graphviz DOT; labels, types and every property as attributes
        graphml  GraphML for Gephi, NetworkX, yEd (typed keys; lists and maps as JSON)
        json     {"nodes": [...], "relationships": [...]}, values as `kizuna query --format json`
        cypher   a script that recreates the graph: kizuna query --db NEW.kzdb FILE
        csv      a directory of Neo4j bulk-import CSV files, one per label set and per
                 relationship type, for `kizuna import` (the command is printed); maps and
                 mixed lists become JSON text (see docs/export.md)

      Examples:
        kizuna export --format graphml -o vietnam-japan.graphml
        kizuna export --format cypher -o vietnam-japan.cypher && kizuna query --db copy.kzdb vietnam-japan.cypher
        kizuna export --format csv -o vietnam-japan-csv/
        kizuna export --format json -e 'MATCH p=(:Locality)-[:SISTER_CITY]-(:Locality) RETURN p' -o sister-cities.json
        kizuna export --format dot Queries/dialogues.cypher -o dialogues.dot
        kizuna export --db social.kzdb --format csv -o social-csv
      """)

  @Option(help: "dot, graphml, json, cypher or csv.")
  var format: ExportFormat

  @Option(name: .customShort("e"), help: "Statements whose results to export (default: the whole graph).")
  var text: String?

  @Argument(help: "A .cypher file of statements, or - for standard input.")
  var file: String?

  @Option(name: .shortAndLong, help: "The file to write; for csv, a directory.")
  var output: String

  @Option(help: "Query parameters as a JSON object, e.g. '{\"name\": \"Vo Van Thuong\"}'.")
  var params: String?

  @Option(
    help: "Database directory, or :memory: for an empty graph. Default: the bundled Vietnam–Japan graph.")
  var db: String?

  @Flag(help: "With a query: also export the relationships that join any two of the returned nodes.")
  var connect = false

  func validate() throws {
    try StatementInput(text: text, file: file).validate(optional: true)
    if connect && text == nil && file == nil {
      throw ValidationError("--connect needs a query; without one the whole graph is exported anyway")
    }
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
    if format == .csv, exists, !isDirectory.boolValue {
      throw ValidationError("csv export writes a directory, but \(output) is a file")
    }
    if format != .csv, exists, isDirectory.boolValue {
      throw ValidationError("\(output) is a directory; give a file name for \(format.rawValue) export")
    }
  }

  func run() throws {
    let database = try openDatabase(db)
    let extract: GraphExtract
    if let script = try StatementInput(text: text, file: file).script() {
      let parameters = try StatementInput.parameters(script, params: params)
      let engine = CypherEngine(database: database)
      let results = try runStatements(script.text, parameters: parameters, engine: engine)
      do {
        extract = try ResultDrawing.extract(from: results, connect: connect, engine: engine)
      } catch {
        ResultPrinter(format: .table).print(error)
        throw CLIFailure("")
      }
    } else {
      extract = GraphExtract.whole(database)
    }
    let what =
      "\(quantity(extract.nodes.count, "node")) and \(quantity(extract.relationships.count, "relationship"))"
    do {
      if format == .csv {
        let written = try GraphExporter.exportCSV(extract, toDirectory: output)
        for note in written.notes { printError("note: " + note) }
        let files = written.nodeFiles.count + written.relationshipFiles.count
        print("Exported \(what) as \(quantity(files, "CSV file")) in \(output).")
        print("Load them into a new database with:")
        let database = (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".kzdb"
        let arguments = written.importArguments(directory: output, database: database)
        print("  " + (["kizuna"] + arguments).map(shellQuoted).joined(separator: " "))
      } else {
        try GraphExporter.export(extract, format: format, toPath: output)
        print("Exported \(what) to \(output).")
        if format == .cypher {
          print("Load it into a new database with:")
          print("  kizuna query --db \(shellQuoted("new.kzdb")) \(shellQuoted(output))")
        }
      }
    } catch {
      throw CLIFailure(error.message)
    }
  }
}

/// A word as a POSIX shell reads it back: bare when safe, else in single quotes.
func shellQuoted(_ word: String) -> String {
  let safe =
    !word.isEmpty
    && word.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (CharacterSet.alphanumerics.contains(scalar) || "-_./=:,+@%".unicodeScalars.contains(scalar))
    }
  return safe ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
}
