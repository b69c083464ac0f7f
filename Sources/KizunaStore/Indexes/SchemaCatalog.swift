/// The indexes and constraints of a database.
public struct SchemaCatalog: Sendable {
  public internal(set) var indexes: [PropertyIndex] = []
  public internal(set) var constraints: [UniqueConstraint] = []

  public init() {}

  public func index(named name: String) -> PropertyIndex? { indexes.first { $0.name == name } }

  /// The index over `label` and `key`, if one exists.
  public func index(label: Int32, key: Int32) -> PropertyIndex? {
    indexes.first { $0.label == label && $0.key == key }
  }

  /// Indexes that cover some label of a node and `key`.
  func indexes(forKey key: Int32) -> [PropertyIndex] { indexes.filter { $0.key == key } }
}

/// `CREATE CONSTRAINT name FOR (n:Label) REQUIRE n.prop IS UNIQUE`: no two
/// nodes with `label` share a non-null value of `key`. Backed by an index.
public struct UniqueConstraint: Sendable, Equatable {
  public var name: String
  public var label: Int32
  public var key: Int32
  /// The index that enforces it (created with the constraint when none exists).
  public var indexName: String
}
