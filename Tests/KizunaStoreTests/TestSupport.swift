import Foundation
import Testing

@testable import KizunaStore

/// A fresh directory under the system temporary folder, removed when the
/// value is dropped. Each test gets its own, so tests can run in parallel.
final class TemporaryDirectory {
  let path: String

  init(_ prefix: String = "kizuna-store-test") throws {
    let base = FileManager.default.temporaryDirectory.path
    path = "\(base)/\(prefix)-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of a database directory inside this one (not yet created).
  var database: String { path + "/graph.kzdb" }

  /// Writes `text` to `name` inside the directory and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Raw file surgery for the recovery tests.
enum FileBytes {
  static func read(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static func write(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// Inverts every bit of the byte at `offset`.
  static func flip(_ path: String, at offset: Int) throws {
    var bytes = try read(path)
    bytes[offset] ^= 0xFF
    try write(path, bytes)
  }

  static func truncate(_ path: String, by count: Int) throws {
    let bytes = try read(path)
    try write(path, Array(bytes.dropLast(count)))
  }

  /// Start offsets of the records in a write-ahead log (after the 8-byte
  /// header, each record is `u32 length`, `u32 crc`, payload).
  static func walRecordOffsets(_ path: String) throws -> [Int] {
    let bytes = try read(path)
    var offsets: [Int] = []
    var offset = 8
    while offset + WriteAheadLog.recordHeaderSize <= bytes.count {
      offsets.append(offset)
      var length = 0
      for i in 0..<4 { length |= Int(bytes[offset + i]) << (8 * i) }
      offset += WriteAheadLog.recordHeaderSize + length
    }
    return offsets
  }
}

/// Everything a reader can observe about a graph, by name rather than by
/// interned id, so two stores (or one store before and after a rollback or
/// a reopen) can be compared with `==`.
struct GraphDump: Equatable, CustomStringConvertible {
  struct Node: Equatable {
    var labels: [String]
    var properties: [String: Value]
  }

  struct Relationship: Equatable {
    var type: String
    var start: NodeID
    var end: NodeID
    var properties: [String: Value]
  }

  struct Index: Equatable {
    var label: String
    var key: String
    var entries: [Value: [UInt32]]
  }

  struct Constraint: Equatable {
    var label: String
    var key: String
    var indexName: String
  }

  var nodeCount = 0
  var relationshipCount = 0
  var nodes: [NodeID: Node] = [:]
  var relationships: [RelationshipID: Relationship] = [:]
  /// Per node, sorted `(direction, neighbor, relationship)` triples seen by traversal.
  var adjacency: [NodeID: [[Int]]] = [:]
  var labelMembers: [String: [UInt32]] = [:]
  var typeCounts: [String: Int] = [:]
  var indexes: [String: Index] = [:]
  var constraints: [String: Constraint] = [:]

  init(_ store: GraphStore) {
    nodeCount = store.liveNodeCount
    relationshipCount = store.liveRelationshipCount
    for id in 0..<store.nodeIDLimit where store.nodeExists(id) {
      nodes[id] = Node(labels: store.labelNames(of: id).sorted(), properties: store.nodeProperties(id))
      var triples: [[Int]] = []
      store.forEachRelationship(of: id, direction: .outgoing) { n, r in triples.append([0, n, r]) }
      store.forEachRelationship(of: id, direction: .incoming) { n, r in triples.append([1, n, r]) }
      if !triples.isEmpty {
        adjacency[id] = triples.sorted { $0.lexicographicallyPrecedes($1) }
      }
    }
    for id in 0..<store.relationshipIDLimit where store.relationshipExists(id) {
      let properties = Dictionary(
        uniqueKeysWithValues: store.relationshipPropertyKeys(id).compactMap { k in
          store.relationshipProperty(id, k).map { (store.keys.name(k), $0) }
        })
      relationships[id] = Relationship(
        type: store.types.name(store.typeID(of: id)), start: store.startNode(of: id),
        end: store.endNode(of: id), properties: properties)
    }
    for (i, name) in store.labels.names.enumerated() {
      let members = store.nodes(withLabel: Int32(i))
      if !members.isEmpty { labelMembers[name] = members }
    }
    for (i, name) in store.types.names.enumerated() {
      let count = store.relationshipCount(ofType: Int32(i))
      if count > 0 { typeCounts[name] = count }
    }
    for index in store.schema.indexes {
      indexes[index.name] = Index(
        label: store.labels.name(index.label), key: store.keys.name(index.key),
        entries: index.entries.mapValues { $0.sorted() })
    }
    for c in store.schema.constraints {
      constraints[c.name] = Constraint(
        label: store.labels.name(c.label), key: store.keys.name(c.key), indexName: c.indexName)
    }
  }

  var description: String {
    "GraphDump(\(nodeCount) nodes, \(relationshipCount) relationships, nodes: \(nodes), "
      + "relationships: \(relationships), indexes: \(indexes.keys.sorted()), constraints: \(constraints))"
  }
}

extension GraphStore {
  /// Node properties by key name.
  func nodeProperties(_ id: NodeID) -> [String: Value] {
    Dictionary(
      uniqueKeysWithValues: nodePropertyKeys(id).compactMap { k in
        nodeProperty(id, k).map { (keys.name(k), $0) }
      })
  }

  /// Live nodes carrying `label`, or none when the label was never used.
  func nodes(labelled label: String) -> [UInt32] {
    labels.id(of: label).map { nodes(withLabel: $0) } ?? []
  }

  /// The index named `name`, by label and key name.
  func propertyIndex(label: String, key: String) -> PropertyIndex? {
    guard let l = labels.id(of: label), let k = keys.id(of: key) else { return nil }
    return schema.index(label: l, key: k)
  }
}

extension Database {
  func dump() -> GraphDump { read { GraphDump($0) } }
}

/// A thrown error that the test did not expect to be something else.
struct Abort: Error {}

/// Builds a small graph used by several suites: three people, a company,
/// relationships between them, an index and a constraint.
///
/// - Returns: the node ids, in creation order.
@discardableResult
func seedPeople(_ db: Database) throws -> [NodeID] {
  try db.write { tx in
    let person = tx.labelID("Person"), company = tx.labelID("Company")
    let name = tx.keyID("name"), born = tx.keyID("born")
    let ann = try tx.createNode(labels: [person], properties: [(name, .string("Ann")), (born, .int(1970))])
    let bob = try tx.createNode(labels: [person], properties: [(name, .string("Bob")), (born, .int(1980))])
    let cid = try tx.createNode(
      labels: [person], properties: [(name, .string("Cid")), (born, .float(1990.5))])
    let acme = try tx.createNode(labels: [company], properties: [(name, .string("Acme"))])
    let knows = tx.typeID("KNOWS"), works = tx.typeID("WORKS_AT")
    try tx.createRelationship(
      type: knows, start: ann, end: bob, properties: [(tx.keyID("since"), .int(2001))])
    try tx.createRelationship(type: knows, start: bob, end: cid, properties: [])
    try tx.createRelationship(
      type: works, start: ann, end: acme, properties: [(tx.keyID("role"), .string("CEO"))])
    try tx.createRelationship(type: knows, start: cid, end: cid, properties: [])
    try tx.createIndex(name: "person_born", label: "Person", key: "born", ifNotExists: false)
    try tx.createUniqueConstraint(name: "person_name", label: "Person", key: "name", ifNotExists: false)
    return [ann, bob, cid, acme]
  }
}
