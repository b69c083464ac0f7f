import Foundation
import KizunaStore

/// A graph reduced to what survives export and import: every node as its
/// labels and properties, every relationship as its type, properties and
/// the descriptions of its two ends. Ids are left out, so two databases
/// holding the same graph under other ids compare equal.
struct GraphShape: Equatable, CustomStringConvertible {
  var nodes: [String]
  var relationships: [String]

  init(database path: String) throws {
    let database = try Database.open(path: path)
    self = database.read { store in
      var describedNodes: [NodeID: String] = [:]
      for id in 0..<store.nodeIDLimit where store.nodeExists(id) {
        describedNodes[id] = Self.describe(labels: store.labelNames(of: id), store.nodePropertyMap(id))
      }
      var relationships: [String] = []
      for id in 0..<store.relationshipIDLimit where store.relationshipExists(id) {
        let start = describedNodes[store.startNode(of: id)] ?? "?"
        let end = describedNodes[store.endNode(of: id)] ?? "?"
        relationships.append(
          "\(start) -[:\(store.types.name(store.typeID(of: id))) "
            + Value.map(store.relationshipPropertyMap(id)).jsonText() + "]-> \(end)")
      }
      return GraphShape(nodes: describedNodes.values.sorted(), relationships: relationships.sorted())
    }
  }

  init(nodes: [String], relationships: [String]) {
    self.nodes = nodes
    self.relationships = relationships
  }

  static func describe(labels: [String], _ properties: [String: Value]) -> String {
    "(" + labels.sorted().map { ":" + $0 }.joined() + " " + Value.map(properties).jsonText() + ")"
  }

  var description: String { (nodes + relationships).joined(separator: "\n") }
}

/// PNG width and height from the IHDR chunk; nil when not a PNG.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
  let bytes = [UInt8](data.prefix(24))
  let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8)
  else { return nil }
  func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
  return (word(16), word(20))
}

/// The repository's `Queries/` folder.
let queriesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Queries").path

/// One node of every value type a property can hold, texts needing every
/// kind of quoting, and relationships between them (a self-loop, parallel
/// edges, a type that needs backticks).
let everyValueType = """
  CREATE (a:Person:`Thành_phố` {
    name: 'Say "hi", it\\'s, a\\nnew line', city: 'Hà Nội', capital: '東京', emoji: '🎌👍🏽',
    `full name`: 'Nguyễn Thị Minh Khai', spaced: '  padded  ', empty: '', comma: 'a,b;c',
    age: 40, biggest: 9223372036854775807, smallest: -9223372036854775807 - 1, negative: -12,
    ratio: 0.1, tiny: 2.5e-7, huge: 1.0e300, whole: 3.0, nan: 0.0 / 0.0, flag: true, off: false,
    tags: ['a', 'b,c', 'd "e"', 'Hà Nội', '東京'], scores: [1, 2, 3], weights: [1.5, -2.25],
    flags: [true, false], none: [],
    born: date('1990-05-17'), wakes: localtime('06:30:15.123'), meets: time('09:00+07:00'),
    landed: localdatetime('2023-11-27T14:05:00'), signed: datetime('2023-11-27T10:00:00+09:00[Asia/Tokyo]'),
    offset: datetime('2024-02-29T23:59:59.999999999-03:30'), stay: duration('P1Y2M3DT4H5M6.5S'),
    back: duration('-PT1.5S'), days: [date('2020-01-01'), date('2021-02-03')]
  }),
  (b:Person {name: '東京 Tōkyō', age: 7}),
  (c:Country {name: 'Việt Nam', iso: 'VN'}),
  (d {note: 'no label'}),
  (a)-[:MET {on: date('2023-11-27'), note: 'a,b\\n"c"', w: 1.5, place: 'Tōkyō 東京'}]->(b),
  (a)-[:MET {on: date('2024-01-02')}]->(b),
  (b)-[:CITIZEN_OF]->(c),
  (a)-[:`SISTER CITY` {since: 2013, at: localdatetime('2013-04-01T09:30')}]->(c),
  (d)-[:SELF {loop: true}]->(d)
  """
