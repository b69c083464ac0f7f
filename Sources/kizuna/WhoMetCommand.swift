import ArgumentParser
import Kizuna
import KizunaCypher

struct WhoMetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "who-met",
    abstract: "List everyone a person met, in date order, with the sources.",
    discussion: """
      Follows MET relationships in both directions. "dir" shows which way the
      relationship points: → from the person (in the bundled graph, the
      person was the visitor), ← towards them (the host). Meetings without a
      known day come last, with the month or the article's wording.

      Examples:
        kizuna who-met "Vo Van Thuong"
        kizuna who-met "truong thi mai"
        kizuna who-met "Kishida Fumio" --format json
      """)

  @OptionGroup var options: ExplorerOptions

  @Argument(help: "The person: a name or alias (or #id).")
  var name: String

  func run() throws {
    let database = try options.openDatabase()
    let engine = CypherEngine(database: database)
    let log = try explore { () throws(ExplorerError) -> MeetingLog in
      try MeetingLog.meetings(of: try EntityFinder.resolve(name, in: database), engine: engine)
    }
    let count = log.meetings.count
    guard count > 0 else {
      options.say("\(log.person) has no MET relationships in this graph.")
      if options.format != .table { options.emit([(nil, log.table)]) }
      return
    }
    options.say("\(log.person): \(count) meeting\(count == 1 ? "" : "s")")
    var sections: [(heading: String?, table: ExplorerTable)] = [(nil, log.table)]
    if !log.sources.isEmpty { sections.append(("Sources:", log.sourceTable)) }
    options.emit(sections)
  }
}
