import KizunaRender
import KizunaStore

/// What a graph holds: its labels and relationship types with counts and
/// property keys, and which labels each type connects. Read from the store
/// in a few passes over its arrays, so it stays quick on large graphs.
public struct GraphSchema: Sendable, Hashable {
  public struct Kind: Sendable, Hashable {
    public var name: String
    public var count: Int
    /// Property keys that at least one of them has, sorted.
    public var keys: [String]
  }

  /// `(:Person)-[:HOLDS]->(:Office)` and how many relationships match it.
  public struct Connection: Sendable, Hashable {
    public var startLabel: String
    public var type: String
    public var endLabel: String
    public var count: Int

    public var pattern: String {
      "(\(Self.node(startLabel)))-[:\(CypherText.identifier(type))]->(\(Self.node(endLabel)))"
    }

    static func node(_ label: String) -> String {
      label == GraphStatistics.noLabel ? "" : ":" + CypherText.identifier(label)
    }
  }

  /// By count, most first; unlabelled nodes as "(no label)".
  public var labels: [Kind]
  public var types: [Kind]
  /// By count, most first. A node with several labels counts under each.
  public var connections: [Connection]

  public static func describe(_ database: Database) -> GraphSchema { database.read { describe($0) } }

  public static func describe(_ store: GraphStore) -> GraphSchema {
    let sets = LabelSets(store)
    let labelNames = store.labels.names + [GraphStatistics.noLabel]
    let noLabel = Int32(store.labels.count)
    func labels(ofSet set: Int) -> [Int32] { sets.members[set].isEmpty ? [noLabel] : sets.members[set] }

    // Node counts and keys per label set, then spread over the labels.
    var nodesPerSet = [Int](repeating: 0, count: sets.members.count)
    for node in 0..<store.nodeIDLimit where store.nodeExists(node) { nodesPerSet[Int(sets.setOf[node])] += 1 }
    var keysPerSet = [Set<Int32>](repeating: [], count: sets.members.count)
    for (key, column) in store.nodeProperties.enumerated() {
      var seen = [Bool](repeating: false, count: sets.members.count)
      for node in 0..<min(column.slotCount, store.nodeIDLimit)
      where column.has(node) && store.nodeExists(node) {
        seen[Int(sets.setOf[node])] = true
      }
      for (set, present) in seen.enumerated() where present { keysPerSet[set].insert(Int32(key)) }
    }
    var labelCounts = [Int](repeating: 0, count: labelNames.count)
    var labelKeys = [Set<Int32>](repeating: [], count: labelNames.count)
    for set in sets.members.indices where nodesPerSet[set] > 0 {
      for label in labels(ofSet: set) {
        labelCounts[Int(label)] += nodesPerSet[set]
        labelKeys[Int(label)].formUnion(keysPerSet[set])
      }
    }

    // Relationship counts per type and per (start set, type, end set).
    let typeCount = store.types.count
    var typeCounts = [Int](repeating: 0, count: typeCount)
    let setCount = sets.members.count
    // A flat array while the (start set, type, end set) space is small, as it
    // is for almost any real schema; a dictionary otherwise.
    let space = setCount * typeCount * setCount
    var flat = space <= 1 << 20 ? [Int](repeating: 0, count: space) : []
    var perTriple: [Int: Int] = [:]
    for r in 0..<store.relationshipIDLimit where store.relationshipExists(r) {
      let type = Int(store.typeID(of: r))
      let start = store.startNode(of: r), end = store.endNode(of: r)
      guard type >= 0, type < typeCount, start < sets.setOf.count, end < sets.setOf.count else { continue }
      typeCounts[type] += 1
      let triple = (Int(sets.setOf[start]) * typeCount + type) * setCount + Int(sets.setOf[end])
      if flat.isEmpty { perTriple[triple, default: 0] += 1 } else { flat[triple] += 1 }
    }
    for (triple, count) in flat.enumerated() where count > 0 { perTriple[triple] = count }
    var typeKeys = [Set<Int32>](repeating: [], count: typeCount)
    for (key, column) in store.relationshipProperties.enumerated() {
      for r in 0..<min(column.slotCount, store.relationshipIDLimit)
      where column.has(r) && store.relationshipExists(r) {
        let type = Int(store.typeID(of: r))
        if type >= 0, type < typeCount { typeKeys[type].insert(Int32(key)) }
      }
    }
    var connectionCounts: [Connection: Int] = [:]
    for (triple, count) in perTriple {
      let endSet = triple % setCount, type = triple / setCount % typeCount,
        startSet = triple / setCount / typeCount
      for startLabel in labels(ofSet: startSet) {
        for endLabel in labels(ofSet: endSet) {
          let connection = Connection(
            startLabel: labelNames[Int(startLabel)], type: store.types.name(Int32(type)),
            endLabel: labelNames[Int(endLabel)], count: 0)
          connectionCounts[connection, default: 0] += count
        }
      }
    }

    func keyNames(_ keys: Set<Int32>) -> [String] { keys.map { store.keys.name($0) }.sorted() }
    let labelKinds = labelNames.indices.map {
      Kind(name: labelNames[$0], count: labelCounts[$0], keys: keyNames(labelKeys[$0]))
    }
    let typeKinds = (0..<typeCount).map {
      Kind(name: store.types.name(Int32($0)), count: typeCounts[$0], keys: keyNames(typeKeys[$0]))
    }
    let connections = connectionCounts.map { connection, count in
      var counted = connection
      counted.count = count
      return counted
    }
    return GraphSchema(
      labels: labelKinds.filter { $0.count > 0 }.sorted { ($1.count, $0.name) < ($0.count, $1.name) },
      types: typeKinds.filter { $0.count > 0 }.sorted { ($1.count, $0.name) < ($0.count, $1.name) },
      connections: connections.sorted {
        ($1.count, $0.startLabel, $0.type, $0.endLabel) < ($0.count, $1.startLabel, $1.type, $1.endLabel)
      })
  }

  // MARK: Tables

  public var labelTable: ExplorerTable {
    ExplorerTable(
      columns: ["label", "nodes", "properties"],
      rows: labels.map {
        [.string($0.name), .int(Int64($0.count)), .string($0.keys.joined(separator: ", "))]
      })
  }

  public var typeTable: ExplorerTable {
    ExplorerTable(
      columns: ["type", "relationships", "properties"],
      rows: types.map { [.string($0.name), .int(Int64($0.count)), .string($0.keys.joined(separator: ", "))] })
  }

  public var connectionTable: ExplorerTable {
    ExplorerTable(
      columns: ["pattern", "relationships"],
      rows: connections.map { [.string($0.pattern), .int(Int64($0.count))] })
  }

  // MARK: Drawing

  /// The meta-graph: one node per label (captioned with its count), one
  /// relationship per connection (captioned with its type and count).
  public var extract: GraphExtract {
    let ids = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1.name, $0) })
    let nodes = labels.enumerated().map { index, kind in
      NodeSnapshot(
        id: index, labels: [kind.name],
        properties: ["caption": .string("\(kind.name)\n\(kind.count)"), "count": .int(Int64(kind.count))])
    }
    let relationships = connections.enumerated().compactMap { index, connection -> RelationshipSnapshot? in
      guard let start = ids[connection.startLabel], let end = ids[connection.endLabel] else { return nil }
      return RelationshipSnapshot(
        id: index, type: connection.type, start: start, end: end,
        properties: ["count": .int(Int64(connection.count))])
    }
    return GraphExtract(nodes: nodes, relationships: relationships)
  }

  /// Captions from the synthetic properties, counts after the type, no legend
  /// (every node is its own label).
  public var drawingStyle: GraphStyle {
    var style = GraphStyle(showLegend: false, captionProperties: ["caption"], relationshipCaptions: true)
    for type in types { style.relationships[type.name] = RelationshipStyle(caption: ["count"]) }
    return style
  }
}

/// The distinct combinations of labels that nodes carry, numbered, with each
/// node's combination: counting per combination is a flat array per node
/// and per relationship, and there are few combinations even in large graphs.
struct LabelSets {
  var members: [[Int32]] = []
  var setOf: [Int32]

  init(_ store: GraphStore) {
    setOf = [Int32](repeating: 0, count: store.nodeIDLimit)
    var byBits: [UInt64: Int32] = [:]
    var byList: [[Int32]: Int32] = [:]
    for node in 0..<store.nodeIDLimit where store.nodeExists(node) {
      if store.extraLabels[node] == nil {
        let bits = store.labelBits[node]
        if let set = byBits[bits] {
          setOf[node] = set
        } else {
          let set = Int32(members.count)
          members.append(store.labelIDs(of: node))
          byBits[bits] = set
          setOf[node] = set
        }
      } else {
        let list = store.labelIDs(of: node)
        if let set = byList[list] {
          setOf[node] = set
        } else {
          let set = Int32(members.count)
          members.append(list)
          byList[list] = set
          setOf[node] = set
        }
      }
    }
    if members.isEmpty { members.append([]) }
  }
}
