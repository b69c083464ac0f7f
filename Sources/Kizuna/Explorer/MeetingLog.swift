import KizunaCypher
import KizunaStore

/// Everyone one person met (`MET` in either direction), in date order, with
/// the articles that say so.
public struct MeetingLog: Sendable {
  public struct Meeting: Sendable, Hashable {
    public var other: Entity
    public var relationship: RelationshipSnapshot
    /// Whether the person is the relationship's start (the visitor, in the
    /// bundled graph's convention).
    public var outgoing: Bool
    /// `2023-11-27`, a month, or the article's own words; "" when unknown.
    public var when: String
    public var planned: Bool
    public var place: String
    public var occasion: String
    public var sources: [String]
  }

  /// A `Source` node: the article behind a fact.
  public struct SourceNote: Sendable, Hashable {
    public var id: String
    public var title: String
    public var outlet: String
  }

  public var person: Entity
  public var meetings: [Meeting]
  /// The `Source` nodes named by the meetings' `sources`, by id.
  public var sources: [SourceNote]

  /// One row per meeting: when, whom, which way the relationship points
  /// (→ from the person), where, on what occasion, which sources.
  public var table: ExplorerTable {
    ExplorerTable(
      columns: ["date", "met", "dir", "place", "occasion", "sources"],
      rows: meetings.map { meeting in
        [
          .string(meeting.when + (meeting.planned ? " (planned)" : "")), .string(meeting.other.caption),
          .string(meeting.outgoing ? "→" : "←"), .string(meeting.place), .string(meeting.occasion),
          .list(meeting.sources.map { .string($0) }),
        ]
      })
  }

  /// The `Source` nodes as a table: id, title, outlet.
  public var sourceTable: ExplorerTable {
    ExplorerTable(
      columns: ["source", "title", "outlet"],
      rows: sources.map { [.string($0.id), .string($0.title), .string($0.outlet)] })
  }

  /// Asks the Cypher engine for the person's `MET` relationships, dated ones
  /// first in date order, then by month or the article's wording. The person
  /// goes in as a node parameter, so no scan has to find it again.
  public static func meetings(of person: Entity, engine: CypherEngine) throws(ExplorerError) -> MeetingLog {
    let query = """
      WITH $person AS p
      MATCH (p)-[m:MET]-(other)
      RETURN m, other
      ORDER BY m.date, coalesce(m.period, toString(m.date)), other.name, id(m)
      """
    let result: QueryResult
    do {
      result =
        try engine.run(query, parameters: ["person": .node(person.id)]).last
        ?? QueryResult(columns: [], rows: [], statistics: UpdateStatistics())
    } catch {
      throw ExplorerError(.query, "looking up meetings failed: \(error.message)")
    }
    let meetings = result.rows.compactMap { row -> Meeting? in
      guard row.count == 2, case .relationship(let r) = row[0], case .node(let o) = row[1],
        let relationship = result.relationshipSnapshot(r), let other = result.nodeSnapshot(o)
      else { return nil }
      let p = relationship.properties
      let when = [p["date"], p["period"], p["dateText"]].compactMap { $0 }.first { !$0.isNull }
      return Meeting(
        other: Entity(other), relationship: relationship, outgoing: relationship.start == person.id,
        when: when.map(RelationshipText.plain) ?? "", planned: p["planned"] == .bool(true),
        place: p["place"].map(RelationshipText.plain) ?? "",
        occasion: p["occasion"].map(RelationshipText.plain) ?? "",
        sources: strings(p["sources"]))
    }
    let ids = Array(Set(meetings.flatMap(\.sources))).sorted()
    return MeetingLog(person: person, meetings: meetings, sources: try sourceNotes(ids, engine: engine))
  }

  static func sourceNotes(_ ids: [String], engine: CypherEngine) throws(ExplorerError) -> [SourceNote] {
    guard !ids.isEmpty, engine.database.read({ $0.labels.id(of: "Source") != nil }) else { return [] }
    let result: QueryResult
    do {
      result =
        try engine.run(
          "MATCH (s:Source) WHERE s.id IN $ids RETURN s.id, s.title, s.outlet ORDER BY s.id",
          parameters: ["ids": .list(ids.map { .string($0) })]
        ).last ?? QueryResult(columns: [], rows: [], statistics: UpdateStatistics())
    } catch {
      throw ExplorerError(.query, "looking up sources failed: \(error.message)")
    }
    return result.rows.map { row in
      SourceNote(
        id: RelationshipText.plain(row[0]), title: RelationshipText.plain(row[1]),
        outlet: RelationshipText.plain(row[2]))
    }
  }

  static func strings(_ value: Value?) -> [String] {
    var out: [String] = []
    if let value { EntityFinder.strings(in: value, into: &out) }
    return out
  }
}
