import ArgumentParser
import Foundation

@main
struct KizunaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kizuna",
    abstract: "An embedded property-graph database that answers Cypher and draws networks.",
    discussion: """
      Without --db, commands use the bundled Vietnam–Japan relations graph.

      Examples:
        kizuna query -e 'MATCH (a:Person)-[m:MET]->(b:Person) RETURN a.name, b.name, m.date'
        kizuna shell
        kizuna render -e 'MATCH p=(:Locality)-[:SISTER_CITY]-(:Locality) RETURN p' -o sister-cities.png
        kizuna export --format graphml -o vietnam-japan.graphml
        kizuna import --db people.kzdb --nodes=Person persons.csv --relationships=KNOWS knows.csv
        kizuna path "Truong Thi Mai" "Vo Van Thuong"
        kizuna who-met "Fumio Kishida"
      """,
    subcommands: [
      QueryCommand.self, ShellCommand.self, RenderCommand.self, ExportCommand.self, ImportCommand.self,
      PathCommand.self, NeighborsCommand.self, WhoMetCommand.self, StatsCommand.self, SchemaCommand.self,
      DebugCommand.self,
    ]
  )

  /// Exit codes are part of the interface: 0 success, 1 a statement or
  /// operation failed, 2 bad usage.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as CLIFailure {
      if !failure.message.isEmpty { printError("error: " + failure.message) }
      Foundation.exit(1)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        exit(withError: error)
      }
      let message = fullMessage(for: error)
      if !message.isEmpty { printError(message) }
      Foundation.exit(code == .failure ? 1 : 2)
    }
  }
}
