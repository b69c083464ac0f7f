import ArgumentParser
import Kizuna

struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Describe the graph's labels, relationship types, properties and how they connect.",
    discussion: """
      A pattern line such as (:Person)-[:HOLDS]->(:Office) counts the
      relationships of that type from nodes with the first label to nodes with
      the second. With -o, the drawing has one node per label and one arrow
      per pattern, captioned with its count.

      Examples:
        kizuna schema
        kizuna schema -o schema.png
        kizuna schema --db people.kzdb --format json
      """)

  @OptionGroup var options: ExplorerOptions
  @OptionGroup var drawing: DrawingOption

  func run() throws {
    let schema = GraphSchema.describe(try options.openDatabase())
    options.emit([
      ("Labels:", schema.labelTable),
      ("Relationship types:", schema.typeTable),
      ("Patterns:", schema.connectionTable),
    ])
    try drawing.draw(schema.extract, style: schema.drawingStyle)
  }
}
