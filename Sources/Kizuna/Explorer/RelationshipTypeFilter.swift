import KizunaStore

/// The relationship types a command may follow (`--via MET,HOLDS`), checked
/// against the graph so a typo is reported instead of finding nothing.
public struct RelationshipTypeFilter: Sendable, Hashable {
  /// The type names as the graph spells them; empty means every type.
  public var names: [String]

  public static let any = RelationshipTypeFilter(names: [])

  init(names: [String]) { self.names = names }

  /// Reads `MET,HOLDS` (or separate arguments) and matches each type to the
  /// graph's spelling, ignoring case.
  public init(_ arguments: [String], in store: GraphStore) throws(ExplorerError) {
    let requested = arguments.flatMap { $0.split(separator: ",") }
      .map { NameFolding.tidy(String($0)) }.filter { !$0.isEmpty }
    var names: [String] = []
    for name in requested {
      let known = store.types.names
      guard let match = known.first(where: { $0 == name }) ?? Self.uniqueCaseless(name, known) else {
        let list = known.sorted().joined(separator: ", ")
        throw ExplorerError(
          .invalidArgument,
          "no relationship type \"\(name)\" in this graph" + (list.isEmpty ? "" : "; it has \(list)"))
      }
      if !names.contains(match) { names.append(match) }
    }
    self.names = names
  }

  public static func resolve(_ arguments: [String], in database: Database) throws(ExplorerError)
    -> RelationshipTypeFilter
  {
    try database.read { store in
      Result { () throws(ExplorerError) -> RelationshipTypeFilter in
        try RelationshipTypeFilter(arguments, in: store)
      }
    }.get()
  }

  /// `:MET|HOLDS` for a Cypher relationship pattern (names escaped), or "".
  public var cypherPattern: String {
    names.isEmpty ? "" : ":" + names.map(CypherText.identifier).joined(separator: "|")
  }

  /// The type ids to follow in `store`; nil for every type.
  func typeIDs(in store: GraphStore) -> [Int32]? {
    names.isEmpty ? nil : names.compactMap { store.types.id(of: $0) }
  }

  private static func uniqueCaseless(_ name: String, _ known: [String]) -> String? {
    let matches = known.filter { $0.lowercased() == name.lowercased() }
    return matches.count == 1 ? matches[0] : nil
  }
}
