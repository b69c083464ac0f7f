import ArgumentParser
import Kizuna

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Count nodes and relationships and show how connected the graph is.",
    discussion: """
      Degree is the number of relationships at a node, in either direction.
      The histogram groups degrees in powers of two (0, 1, 2-3, 4-7, ...).

      Examples:
        kizuna stats
        kizuna stats --top 20
        kizuna stats --db people.kzdb --format json
      """)

  @OptionGroup var options: ExplorerOptions

  @Option(help: "How many of the best-connected nodes to list.")
  var top = 10

  func validate() throws {
    if top < 0 { throw ValidationError("--top cannot be negative") }
  }

  func run() throws {
    let statistics = GraphStatistics.compute(try options.openDatabase(), top: top)
    options.emit([
      ("Graph:", statistics.summaryTable),
      ("Nodes by label:", statistics.labelTable),
      ("Relationships by type:", statistics.typeTable),
      ("Degree distribution:", statistics.histogramTable(bars: options.format == .table)),
      ("Top \(statistics.top.count) by degree:", statistics.topTable),
    ])
  }
}
