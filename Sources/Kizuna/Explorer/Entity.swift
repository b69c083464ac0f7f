import KizunaStore

/// A node as the explorer commands show it: its caption and labels.
public struct Entity: Sendable, Hashable, CustomStringConvertible {
  public var id: NodeID
  public var labels: [String]
  /// The node's `name`, else `title`, else a label and id.
  public var caption: String

  public init(id: NodeID, labels: [String], caption: String) {
    self.id = id
    self.labels = labels
    self.caption = caption
  }

  public init(_ node: NodeSnapshot) {
    self.init(
      id: node.id, labels: node.labels,
      caption: Self.caption(node.properties, labels: node.labels, id: node.id))
  }

  /// Reads the node from `store`; the caller checks that it exists.
  public init(node: NodeID, in store: GraphStore) {
    let labels = store.labelNames(of: node)
    var properties: [String: Value] = [:]
    for key in Self.captionKeys {
      if let k = store.keys.id(of: key), let value = store.nodeProperty(node, k) { properties[key] = value }
    }
    self.init(id: node, labels: labels, caption: Self.caption(properties, labels: labels, id: node))
  }

  /// "Vo Van Thuong (Person)".
  public var description: String { labels.isEmpty ? caption : "\(caption) (\(labelText))" }

  /// "Person", or "Person:Leader" for several labels.
  public var labelText: String { labels.joined(separator: ":") }

  /// The properties tried for a caption, in order (as drawings do).
  public static let captionKeys = ["name", "title"]

  static func caption(_ properties: [String: Value], labels: [String], id: NodeID) -> String {
    for key in captionKeys {
      switch properties[key] {
      case .string(let text)? where !text.isEmpty: return text
      case let value? where !value.isNull: return value.cypherDisplay()
      default: continue
      }
    }
    return labels.isEmpty ? "#\(id)" : "\(labels[0]) #\(id)"
  }
}

extension GraphStore {
  /// A copy of a live node, for drawings.
  func snapshot(ofNode node: NodeID) -> NodeSnapshot {
    NodeSnapshot(id: node, labels: labelNames(of: node), properties: nodePropertyMap(node))
  }

  /// A copy of a live relationship.
  func snapshot(ofRelationship relationship: RelationshipID) -> RelationshipSnapshot {
    RelationshipSnapshot(
      id: relationship, type: types.name(typeID(of: relationship)), start: startNode(of: relationship),
      end: endNode(of: relationship), properties: relationshipPropertyMap(relationship))
  }
}
