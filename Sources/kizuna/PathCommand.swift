import ArgumentParser
import Kizuna
import KizunaCypher

struct PathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path",
    abstract: "Show how two entities are connected: the shortest path between them.",
    discussion: """
      Entities are named by name, title or alias, ignoring case and diacritics
      ("vo van thuong", "Võ Văn Thưởng" and "VO VAN THUONG" are the same);
      "#12" names node 12, and "Label:Name" picks among nodes that share a name.
      Relationships are followed in either direction.

      Examples:
        kizuna path "truong thi mai" "vo van thuong"
        kizuna path "Truong Thi Mai" "Vo Van Thuong" --all
        kizuna path "Kishida Fumio" Tokyo --via MET,VISITED --max 4
        kizuna path "Vo Van Thuong" "Prime Minister of Japan" -o thuong-pm.png
        kizuna path "Yoko Kamikawa" "Takio Yamada" --format json
      """)

  @OptionGroup var options: ExplorerOptions
  @OptionGroup var drawing: DrawingOption

  @Argument(help: "Where the path starts.")
  var from: String

  @Argument(help: "Where the path ends.")
  var to: String

  @Option(help: "Follow only these relationship types (comma-separated, e.g. MET,HOLDS).")
  var via: [String] = []

  @Flag(help: "Show every shortest path, not just one.")
  var all = false

  @Option(name: .customLong("max"), help: "The longest path to look for, in relationships.")
  var maxLength = PathSearch.defaultMaxLength

  func validate() throws {
    if maxLength < 1 { throw ValidationError("--max must be at least 1") }
  }

  func run() throws {
    let database = try options.openDatabase()
    let engine = CypherEngine(database: database)
    let report = try explore { () throws(ExplorerError) -> PathReport in
      let start = try EntityFinder.resolve(from, in: database)
      let end = try EntityFinder.resolve(to, in: database)
      let via = try RelationshipTypeFilter.resolve(via, in: database)
      return try PathFinder.find(
        from: start, to: end, search: PathSearch(via: via, all: all, maxLength: maxLength), engine: engine)
    }
    if options.format == .table {
      let hops = report.paths[0].length
      let length = "\(hops) relationship\(hops == 1 ? "" : "s")"
      if report.paths.count == 1 {
        options.say("Shortest path from \(report.from) to \(report.to), \(length):\n")
        options.say("  " + report.paths[0].text)
      } else {
        options.say(
          "\(report.paths.count) shortest paths from \(report.from) to \(report.to), \(length) each:\n")
        for (index, path) in report.paths.enumerated() { options.say("  \(index + 1). \(path.text)") }
      }
    } else {
      options.emit([(nil, report.table)])
    }
    let extract = try ResultDrawing.extract(from: [report.result], engine: engine)
    try drawing.draw(extract)
  }
}
