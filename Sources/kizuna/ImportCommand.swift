import ArgumentParser
import Foundation
import KizunaStore

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bulk-load Neo4j-style CSV files into a database.",
    usage: """
      kizuna import --db PATH [--id-type string|integer] [--nodes[=Label] FILE.csv]... [--relationships[=TYPE] FILE.csv]...
      """,
    discussion: """
      Node files have a `name:ID` (or `:ID`) column, an optional `:LABEL` column and \
      property columns (`name`, `born:int`, `tags:string[]`); relationship files have \
      `:START_ID`, `:END_ID`, an optional `:TYPE` and property columns. A bad row stops \
      the import with its file and line, and the database is left as it was.

      Example:
        kizuna import --db social.kzdb --id-type integer \\
          --nodes=Person persons.csv --relationships=KNOWS knows.csv
      """)

  @Option(help: "The database directory (created when missing).")
  var db: String

  @Option(name: .customLong("id-type"), help: "How :ID values are stored: string or integer.")
  var idType: IDTypeArgument = .string

  @Option(
    name: .customLong("nodes"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp("A node file; --nodes=Label FILE adds Label to every node.", valueName: "FILE"))
  var nodesPlain: [String] = []

  @Option(
    name: .customLong("relationships"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "A relationship file; --relationships=TYPE FILE gives every row TYPE.", valueName: "FILE"))
  var relationshipsPlain: [String] = []

  /// The files after `--nodes=Label` / `--relationships=TYPE`, and anything
  /// else the parser does not know; `validate` reads the raw arguments.
  @Argument(parsing: .allUnrecognized, help: .hidden)
  var unrecognized: [String] = []

  enum IDTypeArgument: String, ExpressibleByArgument {
    case string, integer
  }

  func validate() throws {
    let (nodes, rels) = try Self.sources(Self.ownArguments(CommandLine.arguments))
    if nodes.isEmpty && rels.isEmpty {
      throw ValidationError("nothing to import: give at least one --nodes or --relationships file")
    }
    for s in nodes + rels where !FileManager.default.fileExists(atPath: s.path) {
      throw ValidationError("no such file: \(s.path)")
    }
  }

  /// The arguments after the `import` subcommand name.
  static func ownArguments(_ commandLine: [String]) -> [String] {
    let rest = commandLine.dropFirst()
    guard let at = rest.firstIndex(of: "import") else { return Array(rest) }
    return Array(rest[(at + 1)...])
  }

  /// `--nodes=Label FILE` carries a value in the flag and another after it,
  /// which argument parsers do not model, so the raw arguments are read
  /// here, completely: an option this command does not have, or a stray
  /// word, is a usage error rather than something silently ignored.
  static func sources(_ arguments: [String]) throws -> (nodes: [BulkImport.Source], rels: [BulkImport.Source])
  {
    var nodes: [BulkImport.Source] = [], rels: [BulkImport.Source] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      i += 1
      if a == "--db" || a == "--id-type" {
        i += 1  // its value; ArgumentParser checks it
        continue
      }
      if a.hasPrefix("--db=") || a.hasPrefix("--id-type=") || a == "-h" || a == "--help" { continue }
      if let (flag, isNodes) = [("--nodes", true), ("--relationships", false)].first(where: {
        a == $0.0 || a.hasPrefix($0.0 + "=")
      }) {
        let tag = a.count > flag.count ? String(a.dropFirst(flag.count + 1)) : nil
        if tag?.isEmpty == true { throw ValidationError("\(a): give a name after '=', or leave the '=' out") }
        guard i < arguments.count, !arguments[i].hasPrefix("-") else {
          throw ValidationError("\(a) needs a file after it")
        }
        let source = BulkImport.Source(tag: tag, path: arguments[i])
        if isNodes { nodes.append(source) } else { rels.append(source) }
        i += 1
        continue
      }
      if a.hasPrefix("-") { throw ValidationError("unknown option '\(a)'") }
      throw ValidationError("unexpected argument '\(a)': a file must follow --nodes or --relationships")
    }
    return (nodes, rels)
  }

  func run() throws {
    let (nodes, rels) = try Self.sources(Self.ownArguments(CommandLine.arguments))
    let existed = FileManager.default.fileExists(atPath: db)
    do {
      try load(nodes: nodes, relationships: rels)
    } catch {
      // A failed import into a new directory leaves no empty database behind.
      if !existed { Self.removeNewDatabase(db) }
      throw error
    }
  }

  private func load(nodes: [BulkImport.Source], relationships rels: [BulkImport.Source]) throws {
    let database: Database
    do { database = try Database.open(path: db) } catch let e as StoreError { throw CLIFailure(e.message) }
    var job = BulkImport()
    job.nodeFiles = nodes
    job.relationshipFiles = rels
    job.idType = idType == .integer ? .integer : .string
    let sizes = (nodes + rels).map { source -> Int in
      let size = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size]) as? NSNumber
      return size?.intValue ?? 0
    }
    let bar = ProgressBar(fileSizes: sizes)
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

  /// Removes what opening a database created in a directory that did not
  /// exist (the lock file and an empty log), and the directory if nothing
  /// else is in it; anything unexpected stays.
  static func removeNewDatabase(_ path: String) {
    let log = path + "/wal.log"
    if let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size]) as? NSNumber,
      size.intValue <= 8
    {
      unlink(log)
    }
    unlink(path + "/LOCK")
    rmdir(path)
  }
}
