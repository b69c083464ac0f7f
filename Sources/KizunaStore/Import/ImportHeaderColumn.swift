/// What a bulk-import CSV file holds: nodes or relationships.
public enum ImportFileKind: Sendable, Equatable {
  case nodes
  case relationships
}

/// The value type named after a property column's colon (`born:int`).
public enum ImportValueType: String, Sendable, Equatable, CaseIterable {
  case int, long, float, double, boolean, string, byte, short, char
  case date, localtime, time, localdatetime, datetime, duration

  /// True for the date, time and duration types.
  public var isTemporal: Bool {
    switch self {
    case .date, .localtime, .time, .localdatetime, .datetime, .duration: return true
    default: return false
    }
  }

  /// True for the types stored as a Cypher INTEGER.
  public var isInteger: Bool {
    switch self {
    case .int, .long, .short, .byte: return true
    default: return false
    }
  }
}

/// What one header column means.
public enum ImportColumnRole: Sendable, Equatable {
  /// The node's import id (`name:ID`, `:ID(Group)`); ids are unique within their group.
  case id(group: String?)
  /// The relationship's start node id, looked up in `group`.
  case startID(group: String?)
  /// The relationship's end node id, looked up in `group`.
  case endID(group: String?)
  /// The node's labels, `;`-separated.
  case label
  /// The relationship's type.
  case type
  /// A property; `isArray` for `type[]` columns, whose elements are split by
  /// the array delimiter.
  case property(ImportValueType, isArray: Bool)
  /// A column to skip (`:IGNORE`).
  case ignore
}

/// One column of a bulk-import header.
public struct ImportColumn: Sendable, Equatable {
  /// The 0-based field index in each record.
  public var index: Int
  /// The header text as written (`born:int`), for messages.
  public var header: String
  /// The property name: for properties, and for `name:ID` (where the id is
  /// also stored as a property). Nil for `:ID`, `:LABEL`, `:START_ID` and the like.
  public var name: String?
  public var role: ImportColumnRole

  public init(index: Int, header: String, name: String?, role: ImportColumnRole) {
    self.index = index
    self.header = header
    self.name = name
    self.role = role
  }
}
