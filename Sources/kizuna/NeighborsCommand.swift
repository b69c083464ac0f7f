import ArgumentParser
import Kizuna

struct NeighborsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "neighbors",
    abstract: "List what an entity is connected to, up to a few relationships away.",
    discussion: """
      Rows are grouped by distance, relationship type and direction: -[MET]->
      points away from the entity, <-[MET]- towards it. Beyond one hop, "via"
      names the node each neighbour is reached through. With -o, the drawing
      shows every node found and all relationships among them.

      Examples:
        kizuna neighbors "Fumio Kishida"
        kizuna neighbors "Vo Van Thuong" --via MET,HOLDS
        kizuna neighbors Hanoi --depth 2 -o hanoi.png
        kizuna neighbors "Prime Minister of Japan" --format csv
      """,
    aliases: ["neighbours"])

  @OptionGroup var options: ExplorerOptions
  @OptionGroup var drawing: DrawingOption

  @Argument(help: "The entity: a name, title or alias (or #id).")
  var name: String

  @Option(help: "How many relationships away to go.")
  var depth = 1

  @Option(help: "Follow only these relationship types (comma-separated, e.g. MET,HOLDS).")
  var via: [String] = []

  @Option(help: "List at most this many rows (the drawing keeps everything found).")
  var limit = 500

  @Option(name: .customLong("max-nodes"), help: "Stop widening the search once this many nodes are found.")
  var maxNodes = NeighborhoodSearch.defaultMaxNodes

  func validate() throws {
    if depth < 1 { throw ValidationError("--depth must be at least 1") }
    if limit < 0 { throw ValidationError("--limit cannot be negative") }
    if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
  }

  func run() throws {
    let database = try options.openDatabase()
    let neighborhood = try explore { () throws(ExplorerError) -> Neighborhood in
      let center = try EntityFinder.resolve(name, in: database)
      let via = try RelationshipTypeFilter.resolve(via, in: database)
      return Neighborhood.explore(
        around: center, search: NeighborhoodSearch(depth: depth, via: via, maxNodes: maxNodes), in: database)
    }
    var table = neighborhood.table
    let hidden = max(0, table.rows.count - limit)
    table.rows = Array(table.rows.prefix(limit))
    let count = neighborhood.neighborCount
    let reach = "within \(depth) relationship\(depth == 1 ? "" : "s")"
    options.say("\(neighborhood.center): \(count) neighbor\(count == 1 ? "" : "s") \(reach)")
    if neighborhood.truncated {
      printError(
        "note: stopped after \(neighborhood.distances.count) nodes (--max-nodes); use a smaller --depth or --via"
      )
    }
    if count > 0 || options.format != .table { options.emit([(nil, table)]) }
    if hidden > 0 { printError("note: \(hidden) more rows not shown; raise --limit to see them") }
    if drawing.output != nil, neighborhood.extract.nodes.count > 2000 {
      printError("note: drawing \(neighborhood.extract.nodes.count) nodes takes a while")
    }
    try drawing.draw(neighborhood.extract)
  }
}
