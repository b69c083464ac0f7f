import Foundation
import Kizuna
import KizunaCypher
import KizunaStore
import Testing

/// The facts in `Fixtures/graph-facts.json` were written from the five
/// articles, not from running the graph; each is a query and the rows the
/// articles say it must return.
struct GraphFact: Decodable, CustomTestStringConvertible, Sendable {
  let name: String
  let query: String
  let ordered: Bool
  let expectedJSON: [String]

  var testDescription: String { name }

  enum CodingKeys: String, CodingKey { case name, query, ordered, expected }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    query = try c.decode(String.self, forKey: .query)
    ordered = try c.decode(Bool.self, forKey: .ordered)
    // Keep each expected row as JSON text; the project's own decoder turns it into values.
    let rows = try c.decode([JSONRow].self, forKey: .expected)
    expectedJSON = rows.map(\.text)
  }

  struct JSONRow: Decodable {
    let text: String
    init(from decoder: any Decoder) throws {
      let raw = try decoder.singleValueContainer().decode(AnyJSON.self)
      text = raw.text
    }
  }
}

/// Just enough JSON to re-serialise a fixture row.
indirect enum AnyJSON: Decodable {
  case null, bool(Bool), number(String), string(String), array([AnyJSON]), object([(String, AnyJSON)])

  init(from decoder: any Decoder) throws {
    if var a = try? decoder.unkeyedContainer() {
      var items: [AnyJSON] = []
      while !a.isAtEnd { items.append(try a.decode(AnyJSON.self)) }
      self = .array(items)
      return
    }
    if let o = try? decoder.container(keyedBy: AnyKey.self) {
      self = .object(try o.allKeys.map { ($0.stringValue, try o.decode(AnyJSON.self, forKey: $0)) })
      return
    }
    let s = try decoder.singleValueContainer()
    if s.decodeNil() {
      self = .null
    } else if let b = try? s.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? s.decode(Int64.self) {
      self = .number(String(i))
    } else if let d = try? s.decode(Double.self) {
      self = .number(d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : String(d))
    } else {
      self = .string(try s.decode(String.self))
    }
  }

  var text: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return n
    case .string(let s): return Value.string(s).jsonText()
    case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
    case .object(let entries):
      return "{" + entries.map { Value.string($0.0).jsonText() + ":" + $0.1.text }.joined(separator: ",")
        + "}"
    }
  }

  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

enum Facts {
  static let all: [GraphFact] = {
    guard
      let url = Bundle.module.url(
        forResource: "graph-facts", withExtension: "json", subdirectory: "Fixtures"),
      let data = try? Data(contentsOf: url),
      let facts = try? JSONDecoder().decode([GraphFact].self, from: data)
    else { return [] }
    return facts
  }()

  static let database: Database? = try? BundledGraph.load()
}

@Test func theFactFileIsThereAndNotEmpty() {
  #expect(Facts.all.count >= 60)
  // A failure names its fact, so each name must say which one.
  #expect(Set(Facts.all.map(\.name)).count == Facts.all.count, "fact names are not unique")
}

@Test func theBundledGraphLoads() throws {
  let db = try BundledGraph.load()
  #expect(db.store.liveNodeCount > 100)
  #expect(db.store.liveRelationshipCount > 200)
}

@Test(arguments: Facts.all)
func bundledGraphStatesWhatTheArticlesSay(_ fact: GraphFact) throws {
  let db = try #require(Facts.database)
  let result = try #require(try CypherEngine(database: db).run(fact.query).last)
  let expected = try fact.expectedJSON.map { text -> [Value] in
    guard case .list(let row) = try Value.fromJSON(text) else {
      Issue.record("\(fact.name): expected row \(text) is not a list")
      return []
    }
    return row
  }
  if fact.ordered {
    #expect(result.rows == expected, "\(fact.name)")
  } else {
    #expect(result.rows.sorted(by: rowOrder) == expected.sorted(by: rowOrder), "\(fact.name)")
  }
}

private func rowOrder(_ a: [Value], _ b: [Value]) -> Bool {
  Value.list(a).orderCompare(.list(b)) < 0
}
