/// A Cypher value: what a property holds and what a query produces.
///
/// Properties hold only the storable cases (everything but `node`,
/// `relationship` and `path`); queries produce any of them. Graph entities are
/// held by id: their labels and properties are read from the store that
/// produced them, inside the same transaction.
///
/// The three widest payloads are `indirect` so a value stays 17 bytes (24 in
/// an array): property columns and result rows hold many of them.
public enum Value: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
  case list([Value])
  case map([String: Value])
  case date(CypherDate)
  case localTime(CypherLocalTime)
  case time(CypherTime)
  case localDateTime(CypherLocalDateTime)
  indirect case dateTime(CypherDateTime)
  indirect case duration(CypherDuration)
  case node(NodeID)
  case relationship(RelationshipID)
  indirect case path(PathValue)
}

/// A node's id: stable for the life of the database and never reused.
public typealias NodeID = Int
/// A relationship's id: stable for the life of the database and never reused.
public typealias RelationshipID = Int

/// A path: `nodes.count == relationships.count + 1`; relationship `i` joins
/// `nodes[i]` and `nodes[i + 1]` in either direction.
public struct PathValue: Sendable, Hashable {
  public var nodes: [NodeID]
  public var relationships: [RelationshipID]

  public init(nodes: [NodeID], relationships: [RelationshipID]) {
    self.nodes = nodes
    self.relationships = relationships
  }

  /// The number of relationships.
  public var length: Int { relationships.count }
}

extension Value {
  /// True for null.
  @inlinable public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// True for the cases a property may hold (no nodes, relationships or paths,
  /// also inside lists and maps).
  public var isStorable: Bool {
    switch self {
    case .node, .relationship, .path: return false
    case .list(let items): return items.allSatisfy(\.isStorable)
    case .map(let entries): return entries.values.allSatisfy(\.isStorable)
    default: return true
    }
  }

  /// The openCypher type name, as used in error messages (`INTEGER`, `STRING`, ...).
  public var typeName: String {
    switch self {
    case .null: return "NULL"
    case .bool: return "BOOLEAN"
    case .int: return "INTEGER"
    case .float: return "FLOAT"
    case .string: return "STRING"
    case .list: return "LIST"
    case .map: return "MAP"
    case .date: return "DATE"
    case .localTime: return "LOCAL TIME"
    case .time: return "TIME"
    case .localDateTime: return "LOCAL DATETIME"
    case .dateTime: return "DATETIME"
    case .duration: return "DURATION"
    case .node: return "NODE"
    case .relationship: return "RELATIONSHIP"
    case .path: return "PATH"
    }
  }
}
