import KizunaStore

/// Maps store errors onto openCypher's error types.
func cypherError(_ e: StoreError) -> CypherError {
  switch e.kind {
  case .deleteConnectedNode: return .runtime(.constraintValidationFailed, "DeleteConnectedNode", e.message)
  case .invalidPropertyType: return .runtime(.typeError, "InvalidPropertyType", e.message)
  case .deletedEntity: return .runtime(.entityNotFound, "DeletedEntityAccess", e.message)
  case .constraintViolation:
    return .runtime(.constraintVerificationFailed, "ConstraintVerificationFailed", e.message)
  case .schema: return .runtime(.semanticError, "SchemaRuleViolation", e.message)
  case .storage, .importFailed: return .runtime(.semanticError, "StorageError", e.message)
  }
}

/// Runs `body`, turning store errors into Cypher errors.
func translating<T>(_ body: () throws -> T) throws -> T {
  do { return try body() } catch let e as StoreError { throw cypherError(e) }
}

/// A pattern to create, planned: nodes (new or bound) and relationships.
struct CreatePlan {
  struct NodeItem {
    var slot: Int
    var bound: Bool
    var labels: [String]
    var properties: [(String, CompiledExpression)]
  }
  struct RelationshipItem {
    var slot: Int
    var type: String
    var from: Int  // node item index
    var to: Int
    var properties: [(String, CompiledExpression)]
  }
  var nodes: [NodeItem]
  var relationships: [RelationshipItem]
  /// (path slot, node item indexes, relationship item indexes)
  var paths: [(slot: Int, nodes: [Int], relationships: [Int])]
  /// MERGE cannot create an entity with a null property: the created entity
  /// would never match its own pattern.
  var rejectsNullProperties = false

  private func evaluate(
    _ properties: [(String, CompiledExpression)], _ row: Row, _ ctx: ExecutionContext, _ tx: WriteTransaction
  ) throws -> [(Int32, Value)] {
    try properties.map { key, value in
      let v = try value.evaluate(row, ctx)
      if rejectsNullProperties && v.isNull {
        throw CypherError.runtime(
          .semanticError, "MergeReadOwnWrites",
          "Cannot merge an entity whose property `\(key)` is null; use a non-null value or CREATE.")
      }
      return (tx.keyID(key), v)
    }
  }

  func apply(_ row: inout Row, _ ctx: ExecutionContext) throws {
    let tx = try ctx.writer()
    var ids: [NodeID] = []
    for n in nodes {
      if n.bound {
        switch row[n.slot] {
        case .node(let id):
          guard ctx.store.nodeExists(id) else {
            throw CypherError.runtime(
              .entityNotFound, "DeletedEntityAccess", "Node with id \(id) has been deleted")
          }
          ids.append(id)
        default:
          throw CypherError.runtime(
            .semanticError, "CreateWithNull",
            "Cannot create a relationship to a node that is null (an OPTIONAL MATCH found nothing).")
        }
        continue
      }
      let props = try evaluate(n.properties, row, ctx, tx)
      let id = try translating {
        try tx.createNode(labels: n.labels.map { tx.labelID($0) }, properties: props)
      }
      row[n.slot] = .node(id)
      ids.append(id)
    }
    var rels: [RelationshipID] = []
    for r in relationships {
      let props = try evaluate(r.properties, row, ctx, tx)
      let id = try translating {
        try tx.createRelationship(
          type: tx.typeID(r.type), start: ids[r.from], end: ids[r.to], properties: props)
      }
      row[r.slot] = .relationship(id)
      rels.append(id)
    }
    for p in paths {
      row[p.slot] = .path(
        PathValue(nodes: p.nodes.map { ids[$0] }, relationships: p.relationships.map { rels[$0] }))
    }
  }
}

final class CreateOperator: Operator {
  let plan: CreatePlan
  init(_ plan: CreatePlan) { self.plan = plan }
  override var summary: String { "Create" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    var r = row
    try plan.apply(&r, ctx)
    try emit(r, ctx)
  }
}

/// MERGE: the pattern's matches, or the pattern created when there are none.
final class MergeOperator: Operator {
  let matcher: PatternMatcher
  let create: CreatePlan
  let onMatch: [SetAction]
  let onCreate: [SetAction]

  init(matcher: PatternMatcher, create: CreatePlan, onMatch: [SetAction], onCreate: [SetAction]) {
    self.matcher = matcher
    var create = create
    create.rejectsNullProperties = true
    self.create = create
    self.onMatch = onMatch
    self.onCreate = onCreate
  }

  override var summary: String { "Merge" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    var matches: [Row] = []
    try matcher.forEachMatch(row, ctx) { r in
      matches.append(r)
      return true
    }
    if matches.isEmpty {
      var r = row
      try create.apply(&r, ctx)
      for a in onCreate { try a.apply(r, ctx) }
      try emit(r, ctx)
      return
    }
    for r in matches {
      for a in onMatch { try a.apply(r, ctx) }
    }
    for r in matches { try emit(r, ctx) }
  }
}

/// One SET or REMOVE item.
enum SetAction {
  case property(entity: CompiledExpression, key: String, value: CompiledExpression)
  case replace(slot: Int, value: CompiledExpression)
  case merge(slot: Int, value: CompiledExpression)
  case addLabels(slot: Int, labels: [String])
  case removeLabels(slot: Int, labels: [String])

  func apply(_ row: Row, _ ctx: ExecutionContext) throws {
    let tx = try ctx.writer()
    try translating {
      switch self {
      case .property(let entity, let key, let value):
        let target = try entity.evaluate(row, ctx)
        let v = try value.evaluate(row, ctx)
        switch target {
        case .null: return
        case .node(let id): try tx.setNodeProperty(id, tx.keyID(key), v)
        case .relationship(let id): try tx.setRelationshipProperty(id, tx.keyID(key), v)
        default:
          throw CypherError.runtime(
            .typeError, "InvalidArgumentType",
            "Properties can be set on nodes and relationships only, not on \(target.typeName).")
        }
      case .replace(let slot, let value), .merge(let slot, let value):
        var replace = false
        if case .replace = self { replace = true }
        let target = row[slot]
        if target.isNull { return }
        let source = try value.evaluate(row, ctx)
        var entries: [String: Value]
        switch source {
        case .map(let m): entries = m
        case .node(let id): entries = ctx.store.nodePropertyMap(id)
        case .relationship(let id): entries = ctx.store.relationshipPropertyMap(id)
        case .null: entries = [:]
        default:
          throw CypherError.runtime(
            .typeError, "InvalidArgumentType",
            "Expected a map to set properties from, got \(source.typeName).")
        }
        switch target {
        case .node(let id):
          if replace {
            for k in ctx.store.nodePropertyKeys(id) where entries[ctx.store.keys.name(k)] == nil {
              try tx.setNodeProperty(id, k, .null)
            }
          }
          for (k, v) in entries.sorted(by: { $0.key < $1.key }) { try tx.setNodeProperty(id, tx.keyID(k), v) }
        case .relationship(let id):
          if replace {
            for k in ctx.store.relationshipPropertyKeys(id) where entries[ctx.store.keys.name(k)] == nil {
              try tx.setRelationshipProperty(id, k, .null)
            }
          }
          for (k, v) in entries.sorted(by: { $0.key < $1.key }) {
            try tx.setRelationshipProperty(id, tx.keyID(k), v)
          }
        default:
          throw CypherError.runtime(
            .typeError, "InvalidArgumentType", "Cannot set properties on \(target.typeName).")
        }
      case .addLabels(let slot, let labels):
        guard case .node(let id) = row[slot] else { return }
        for l in labels { try tx.addLabel(id, tx.labelID(l)) }
      case .removeLabels(let slot, let labels):
        guard case .node(let id) = row[slot] else { return }
        for l in labels {
          if let lid = ctx.store.labels.id(of: l) { try tx.removeLabel(id, lid) }
        }
      }
    }
  }
}

final class SetOperator: Operator {
  let actions: [SetAction]
  init(_ actions: [SetAction]) { self.actions = actions }
  override var summary: String { "SetProperties" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    for a in actions { try a.apply(row, ctx) }
    try emit(row, ctx)
  }
}

/// DELETE / DETACH DELETE. Relationships go first, so `DELETE n, r` works
/// whatever order the user wrote.
final class DeleteOperator: Operator {
  let expressions: [CompiledExpression]
  let detach: Bool
  init(expressions: [CompiledExpression], detach: Bool) {
    self.expressions = expressions
    self.detach = detach
  }
  override var summary: String { detach ? "DetachDelete" : "Delete" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    let tx = try ctx.writer()
    var nodes: [NodeID] = [], rels: [RelationshipID] = []
    for e in expressions {
      let v = try e.evaluate(row, ctx)
      switch v {
      case .null: continue
      case .node(let id): nodes.append(id)
      case .relationship(let id): rels.append(id)
      case .path(let p):
        rels.append(contentsOf: p.relationships)
        nodes.append(contentsOf: p.nodes)
      default:
        throw CypherError.runtime(
          .typeError, "InvalidArgumentType", "DELETE expects a node, relationship or path, got \(v.typeName)."
        )
      }
    }
    try translating {
      for r in rels { try tx.deleteRelationship(r) }
      for n in nodes { try tx.deleteNode(n, detach: detach) }
    }
    try emit(row, ctx)
  }
}

/// FOREACH (x IN list | updates): runs a nested pipeline per element; the
/// row itself passes through unchanged.
final class ForeachOperator: Operator {
  let list: CompiledExpression
  let slot: Int
  let body: StartOperator
  init(list: CompiledExpression, slot: Int, body: StartOperator) {
    self.list = list
    self.slot = slot
    self.body = body
  }
  override var summary: String { "Foreach" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    switch try list.evaluate(row, ctx) {
    case .null: break
    case .list(let items):
      for item in items {
        var r = row
        r[slot] = item
        try body.next?.push(r, ctx)
      }
    default:
      throw CypherError.runtime(.typeError, "InvalidArgumentType", "FOREACH needs a list.")
    }
    try emit(row, ctx)
  }

  override func finish(_ ctx: ExecutionContext) throws {
    try body.next?.finish(ctx)
    try next?.finish(ctx)
  }
}

/// A sink that drops rows (ends a FOREACH body).
final class DiscardOperator: Operator {
  override func push(_ row: Row, _ ctx: ExecutionContext) throws {}
  override func finish(_ ctx: ExecutionContext) throws {}
}
