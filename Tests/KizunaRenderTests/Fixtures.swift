import KizunaStore

@testable import KizunaRender

/// Shared sample graphs for the renderer and exporter tests.
enum Fixtures {
  static func node(_ id: Int, _ label: String, _ properties: [String: Value]) -> NodeSnapshot {
    NodeSnapshot(id: id, labels: [label], properties: properties)
  }

  /// A small Vietnam–Japan graph with diacritics and kanji in captions.
  static let small = GraphExtract(
    nodes: [
      node(1, "Country", ["name": .string("Vietnam"), "iso": .string("VN")]),
      node(2, "Country", ["name": .string("Japan"), "iso": .string("JP")]),
      node(3, "Locality", ["name": .string("Hà Nội"), "kind": .string("city")]),
      node(4, "Locality", ["name": .string("東京"), "kind": .string("prefecture")]),
      node(5, "Person", ["name": .string("Vo Van Thuong"), "aliases": .list([.string("Võ Văn Thưởng")])]),
      node(6, "Office", ["title": .string("State President of Vietnam")]),
    ],
    relationships: [
      RelationshipSnapshot(id: 10, type: "LOCATED_IN", start: 3, end: 1, properties: [:]),
      RelationshipSnapshot(id: 11, type: "LOCATED_IN", start: 4, end: 2, properties: [:]),
      RelationshipSnapshot(id: 12, type: "SISTER_CITY", start: 3, end: 4, properties: ["since": .int(2013)]),
      RelationshipSnapshot(id: 13, type: "HOLDS", start: 5, end: 6, properties: [:]),
      RelationshipSnapshot(id: 14, type: "CITIZEN_OF", start: 5, end: 1, properties: [:]),
      RelationshipSnapshot(
        id: 15, type: "PARTNERSHIP", start: 1, end: 2,
        properties: ["framework": .string("Comprehensive Strategic Partnership"), "year": .int(2023)]),
    ])

  /// The captions every rendering of `small` must show.
  static let captions = [
    "Vietnam", "Japan", "Hà Nội", "東京", "Vo Van Thuong", "State President of Vietnam",
  ]

  /// A deterministic random graph (linear congruential generator).
  static func random(nodes: Int, edges: Int, seed: UInt64 = 42) -> GraphExtract {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let labels = ["Person", "Office", "Country", "Locality", "Organization"]
    let nodeList = (0..<nodes).map { id in
      node(id, labels[next(labels.count)], ["name": .string("node \(id)")])
    }
    let relationshipList = (0..<edges).map { id in
      RelationshipSnapshot(id: id, type: "LINK", start: next(nodes), end: next(nodes), properties: [:])
    }
    return GraphExtract(nodes: nodeList, relationships: relationshipList)
  }
}
