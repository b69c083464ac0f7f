/// A clause of a query, in source order.
public enum Clause: Sendable, Equatable {
  case match(MatchClause)
  case unwind(UnwindClause)
  case with(WithClause)
  case `return`(ReturnClause)
  case create(CreateClause)
  case merge(MergeClause)
  case set(SetClause)
  case remove(RemoveClause)
  case delete(DeleteClause)
  case call(CallClause)
  case foreach(ForeachClause)

  /// Where the clause's first keyword starts.
  public var position: SourcePosition {
    switch self {
    case .match(let clause): return clause.position
    case .unwind(let clause): return clause.position
    case .with(let clause): return clause.position
    case .return(let clause): return clause.position
    case .create(let clause): return clause.position
    case .merge(let clause): return clause.position
    case .set(let clause): return clause.position
    case .remove(let clause): return clause.position
    case .delete(let clause): return clause.position
    case .call(let clause): return clause.position
    case .foreach(let clause): return clause.position
    }
  }
}

/// `[OPTIONAL] MATCH pattern [WHERE predicate]`.
public struct MatchClause: Sendable, Equatable {
  public var optional: Bool
  public var pattern: Pattern
  public var predicate: Expression?
  public var position: SourcePosition
}

/// `UNWIND expression AS variable`.
public struct UnwindClause: Sendable, Equatable {
  public var expression: Expression
  public var variable: String
  public var position: SourcePosition
}

/// The shared body of `WITH` and `RETURN`.
public struct Projection: Sendable, Equatable {
  public var distinct: Bool
  /// `*` was written: every variable in scope is projected, before `items`.
  public var includesAll: Bool
  public var items: [ProjectionItem]
  public var orderBy: [SortItem]
  public var skip: Expression?
  public var limit: Expression?
}

/// `expression [AS alias]` in `WITH` or `RETURN`.
public struct ProjectionItem: Sendable, Equatable {
  public var expression: Expression
  public var alias: String?
  /// The expression exactly as written in the source (e.g. `count(*)`, `n.name`).
  public var text: String
  public var position: SourcePosition

  /// The column name: the alias, or else the expression text as written.
  public var name: String { alias ?? text }
}

/// `expression [ASC|ASCENDING|DESC|DESCENDING]`.
public struct SortItem: Sendable, Equatable {
  public var expression: Expression
  public var ascending: Bool
  public var position: SourcePosition
}

/// `WITH projection [WHERE predicate]`.
public struct WithClause: Sendable, Equatable {
  public var projection: Projection
  public var predicate: Expression?
  public var position: SourcePosition
}

/// `RETURN projection`.
public struct ReturnClause: Sendable, Equatable {
  public var projection: Projection
  public var position: SourcePosition
}

/// `CREATE pattern`.
public struct CreateClause: Sendable, Equatable {
  public var pattern: Pattern
  public var position: SourcePosition
}

/// `MERGE part [ON CREATE SET ... | ON MATCH SET ...]*`.
public struct MergeClause: Sendable, Equatable {
  public var part: PatternPart
  /// The `ON CREATE` / `ON MATCH` actions in source order.
  public var actions: [MergeAction]
  public var position: SourcePosition
}

/// `ON CREATE SET items` or `ON MATCH SET items`.
public struct MergeAction: Sendable, Equatable {
  public enum Trigger: Sendable, Equatable {
    case onCreate
    case onMatch
  }

  public var trigger: Trigger
  public var items: [SetItem]
  public var position: SourcePosition
}

/// `SET item, item, ...`.
public struct SetClause: Sendable, Equatable {
  public var items: [SetItem]
  public var position: SourcePosition
}

/// One assignment of a `SET` clause.
public struct SetItem: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// `entity.key = value` (the entity is any expression, usually a variable).
    case property(entity: Expression, key: String, value: Expression)
    /// `variable = map`: replaces all properties.
    case replaceProperties(variable: String, value: Expression)
    /// `variable += map`: adds and overwrites properties.
    case mergeProperties(variable: String, value: Expression)
    /// `variable:Label:Other`.
    case labels(variable: String, labels: [String])
  }

  public var kind: Kind
  public var position: SourcePosition
}

/// `REMOVE item, item, ...`.
public struct RemoveClause: Sendable, Equatable {
  public var items: [RemoveItem]
  public var position: SourcePosition
}

/// One item of a `REMOVE` clause.
public struct RemoveItem: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// `entity.key`.
    case property(entity: Expression, key: String)
    /// `variable:Label:Other`.
    case labels(variable: String, labels: [String])
  }

  public var kind: Kind
  public var position: SourcePosition
}

/// `[DETACH] DELETE expression, ...`.
public struct DeleteClause: Sendable, Equatable {
  public var detach: Bool
  public var expressions: [Expression]
  public var position: SourcePosition
}

/// `CALL namespace.name(arguments) [YIELD ...] [WHERE ...]`.
public struct CallClause: Sendable, Equatable {
  /// Namespace parts, `["db"]` for `db.labels`.
  public var namespace: [String]
  public var name: String
  /// Nil when the call has no parentheses (`CALL db.labels`): arguments then come from parameters
  /// of the same names.
  public var arguments: [Expression]?
  /// Nil without `YIELD` (or with `YIELD *`): all result fields are produced.
  public var yieldItems: [YieldItem]?
  public var predicate: Expression?
  public var position: SourcePosition

  /// The full dotted name as written, e.g. `db.labels`.
  public var qualifiedName: String { (namespace + [name]).joined(separator: ".") }
}

/// `field [AS alias]` after `YIELD`.
public struct YieldItem: Sendable, Equatable {
  public var field: String
  public var alias: String?
  public var position: SourcePosition

  /// The variable the field is bound to.
  public var variable: String { alias ?? field }
}

/// `FOREACH (variable IN list | clause ...)`: the clauses are updating clauses.
public struct ForeachClause: Sendable, Equatable {
  public var variable: String
  public var list: Expression
  public var clauses: [Clause]
  public var position: SourcePosition
}
