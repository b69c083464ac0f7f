/// One statement of a script.
public struct Statement: Sendable, Equatable {
  public enum Mode: Sendable, Equatable {
    case execute
    /// `EXPLAIN`: plan only.
    case explain
    /// `PROFILE`: run and report the plan with counts.
    case profile
  }

  public enum Kind: Sendable, Equatable {
    case query(Query)
    case schema(SchemaCommand)
  }

  public var mode: Mode
  public var kind: Kind
  /// The statement's source text without the separating `;`.
  public var text: String
  public var position: SourcePosition
}

/// A single query, or several joined by `UNION` / `UNION ALL`.
public struct Query: Sendable, Equatable {
  public var first: SingleQuery
  public var unions: [UnionPart]
  public var position: SourcePosition
}

/// The clauses of one query (single- or multi-part: `WITH` splits parts).
public struct SingleQuery: Sendable, Equatable {
  public var clauses: [Clause]
  public var position: SourcePosition
}

/// `UNION [ALL] query`.
public struct UnionPart: Sendable, Equatable {
  /// True for `UNION ALL` (keep duplicates).
  public var all: Bool
  public var query: SingleQuery
  public var position: SourcePosition
}

/// Index and constraint management.
public enum SchemaCommand: Sendable, Equatable {
  case createIndex(IndexDefinition)
  case dropIndex(name: String, ifExists: Bool)
  case createConstraint(ConstraintDefinition)
  case dropConstraint(name: String, ifExists: Bool)
  case showIndexes
  case showConstraints
}

/// What an index or constraint is defined on.
public enum SchemaEntity: Sendable, Equatable {
  /// `(n:Label)`.
  case node(label: String)
  /// `()-[r:TYPE]-()`.
  case relationship(type: String)
}

/// `CREATE INDEX [name] [IF NOT EXISTS] FOR (n:Label) ON (n.p, ...)`, or the
/// older `CREATE INDEX ON :Label(p, ...)`.
public struct IndexDefinition: Sendable, Equatable {
  public var name: String?
  public var ifNotExists: Bool
  public var entity: SchemaEntity
  public var properties: [String]
  public var position: SourcePosition
}

/// `CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR (n:Label) REQUIRE n.p IS UNIQUE`
/// (also `REQUIRE (n.a, n.b) IS UNIQUE`, `IS NOT NULL`, and the older `ON ... ASSERT ...`).
public struct ConstraintDefinition: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case unique
    case notNull
  }

  public var name: String?
  public var ifNotExists: Bool
  public var entity: SchemaEntity
  public var properties: [String]
  public var kind: Kind
  public var position: SourcePosition
}
