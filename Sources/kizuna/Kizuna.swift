import ArgumentParser

@main
struct KizunaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kizuna",
    abstract: "An embedded property-graph database that answers Cypher and draws networks.",
    discussion: """
      Without --db, commands use the bundled Vietnam–Japan relations graph.

      Examples:
        kizuna query -e 'MATCH (a:Person)-[m:MET]->(b:Person) RETURN a.name, b.name, m.date'
        kizuna import --db people.kzdb --nodes=Person persons.csv --relationships=KNOWS knows.csv
      """,
    subcommands: [ImportCommand.self, DebugCommand.self]
  )
}
