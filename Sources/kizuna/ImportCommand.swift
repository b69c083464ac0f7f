import ArgumentParser
import Foundation
import KizunaStore

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bulk-load Neo4j-style CSV files into a database.",
    discussion: """
      Node files have an `name:ID` (or `:ID`) column, an optional `:LABEL` column and
      property columns (`name`, `born:int`, `tags:string[]`); relationship files have
      `:START_ID`, `:END_ID`, an optional `:TYPE` and property columns. A bad row stops
      the import with its file and line, and the database is left as it was.

      Example:
        kizuna import --db social.kzdb --id-type integer \\
          --nodes=Person persons.csv --relationships=KNOWS knows.csv
      """)

  @Option(help: "The database directory (created when missing).")
  var db: String

  @Option(name: .customLong("id-type"), help: "How :ID values are stored: string or integer.")
  var idType: IDTypeArgument = .string

  @Option(name: .customLong("nodes"), parsing: .unconditionalSingleValue, help: .hidden)
  var nodesPlain: [String] = []

  @Option(name: .customLong("relationships"), parsing: .unconditionalSingleValue, help: .hidden)
  var relationshipsPlain: [String] = []

  /// The files after `--nodes=Label` / `--relationships=TYPE` (read by `sources`).
  @Argument(parsing: .allUnrecognized, help: .hidden)
  var files: [String] = []

  enum IDTypeArgument: String, ExpressibleByArgument {
    case string, integer
  }

  /// `--nodes=Label FILE` carries its value in the flag, which argument
  /// parsers do not model; read the raw arguments instead.
  static func sources(_ arguments: [String]) throws -> (nodes: [BulkImport.Source], rels: [BulkImport.Source]) {
    var nodes: [BulkImport.Source] = [], rels: [BulkImport.Source] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      for (flag, isNodes) in [("--nodes", true), ("--relationships", false)] where a == flag || a.hasPrefix(flag + "=") {
        let tag = a.count > flag.count ? String(a.dropFirst(flag.count + 1)) : nil
        guard i + 1 < arguments.count else { throw ValidationError("\(a) needs a file") }
        let source = BulkImport.Source(tag: tag, path: arguments[i + 1])
        if isNodes { nodes.append(source) } else { rels.append(source) }
        i += 1
      }
      i += 1
    }
    return (nodes, rels)
  }

  func run() throws {
    let (nodes, rels) = try Self.sources(Array(CommandLine.arguments.dropFirst()))
    for s in nodes + rels where !FileManager.default.fileExists(atPath: s.path) {
      throw ValidationError("no such file: \(s.path)")
    }
    let database: Database
    do { database = try Database.open(path: db) } catch let e as StoreError { throw CLIFailure(e.message) }
    var job = BulkImport()
    job.nodeFiles = nodes
    job.relationshipFiles = rels
    job.idType = idType == .integer ? .integer : .string
    let bar = ProgressBar()
    job.progress = { bar.update($0) }
    do {
      let summary = try job.run(into: database)
      bar.finish()
      for w in summary.warnings { printError("warning: \(w)") }
      print(
        "Imported \(summary.nodes) nodes and \(summary.relationships) relationships in \(String(format: "%.2f", summary.seconds)) s."
      )
    } catch let e as CSVError {
      bar.finish()
      throw CLIFailure("import failed: \(e.description); the database is unchanged")
    } catch let e as StoreError {
      bar.finish()
      throw CLIFailure("import failed: \(e.message)")
    }
  }
}
