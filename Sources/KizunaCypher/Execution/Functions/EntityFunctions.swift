import KizunaStore

// Functions over nodes, relationships, paths and maps: id, labels, keys,
// properties, type, startNode, endNode, nodes, relationships, length.

extension FunctionTable {
  static let entityFunctions: [ScalarFunction] = [
    unary("id") { (value) throws(CypherError) -> Value in
      switch value {
      case .node(let id), .relationship(let id): return .int(Int64(id))
      default: throw CypherError.invalidArgumentType("id()", value, expected: "a NODE or RELATIONSHIP")
      }
    },
    unary("elementId") { (value) throws(CypherError) -> Value in
      switch value {
      case .node(let id), .relationship(let id): return .string(String(id))
      default:
        throw CypherError.invalidArgumentType("elementId()", value, expected: "a NODE or RELATIONSHIP")
      }
    },
    function("labels", 1...1) { (arguments, context) throws(CypherError) -> Value in
      switch arguments[0] {
      case .null: return .null
      case .node(let id):
        try requireLive(arguments[0], "labels()", context.store)
        return .list(context.store.labelNames(of: id).map(Value.string))
      default: throw CypherError.invalidArgumentValueType("labels()", arguments[0], expected: "a NODE")
      }
    },
    function("type", 1...1) { (arguments, context) throws(CypherError) -> Value in
      switch arguments[0] {
      case .null: return .null
      case .relationship(let id):
        // A deleted relationship keeps its type (the TCK reads `type(r)` after
        // `DELETE r`); only a relationship the store never held has none.
        let store = context.store
        guard id >= 0, id < store.relationshipType.count, store.typeID(of: id) >= 0 else {
          throw CypherError.deletedEntity("type()", arguments[0])
        }
        return .string(store.types.name(store.typeID(of: id)))
      default:
        throw CypherError.invalidArgumentValueType("type()", arguments[0], expected: "a RELATIONSHIP")
      }
    },
    function("keys", 1...1) { (arguments, context) throws(CypherError) -> Value in
      guard let map = try propertyMap(arguments[0], "keys()", context.store) else { return .null }
      return .list(map.keys.sorted().map(Value.string))
    },
    function("properties", 1...1) { (arguments, context) throws(CypherError) -> Value in
      guard let map = try propertyMap(arguments[0], "properties()", context.store) else { return .null }
      return .map(map)
    },
    function("startNode", 1...1) { (arguments, context) throws(CypherError) -> Value in
      try endpoint(arguments[0], "startNode()", context.store, start: true)
    },
    function("endNode", 1...1) { (arguments, context) throws(CypherError) -> Value in
      try endpoint(arguments[0], "endNode()", context.store, start: false)
    },
    unary("nodes") { (value) throws(CypherError) -> Value in
      guard case .path(let path) = value else {
        throw CypherError.invalidArgumentType("nodes()", value, expected: "a PATH")
      }
      return .list(path.nodes.map(Value.node))
    },
    unary("relationships") { (value) throws(CypherError) -> Value in
      guard case .path(let path) = value else {
        throw CypherError.invalidArgumentType("relationships()", value, expected: "a PATH")
      }
      return .list(path.relationships.map(Value.relationship))
    },
    // Neo4j 5 and the TCK accept only paths; strings and lists use size().
    unary("length") { (value) throws(CypherError) -> Value in
      guard case .path(let path) = value else {
        throw CypherError.invalidArgumentType("length()", value, expected: "a PATH")
      }
      return .int(Int64(path.length))
    },
  ]

  /// Throws `DeletedEntityAccess` when `entity` no longer exists in `store`.
  static func requireLive(_ entity: Value, _ what: String, _ store: GraphStore) throws(CypherError) {
    switch entity {
    case .node(let id) where !store.nodeExists(id): throw CypherError.deletedEntity(what, entity)
    case .relationship(let id) where !store.relationshipExists(id):
      throw CypherError.deletedEntity(what, entity)
    default: return
    }
  }

  /// The properties of a node, relationship or map; nil for null.
  static func propertyMap(_ value: Value, _ what: String, _ store: GraphStore) throws(CypherError)
    -> [String: Value]?
  {
    switch value {
    case .null: return nil
    case .map(let map): return map
    case .node(let id):
      try requireLive(value, what, store)
      return store.nodePropertyMap(id)
    case .relationship(let id):
      try requireLive(value, what, store)
      return store.relationshipPropertyMap(id)
    default: throw CypherError.invalidArgumentType(what, value, expected: "a NODE, RELATIONSHIP or MAP")
    }
  }

  private static func endpoint(_ value: Value, _ what: String, _ store: GraphStore, start: Bool)
    throws(CypherError) -> Value
  {
    switch value {
    case .null: return .null
    case .relationship(let id):
      try requireLive(value, what, store)
      return .node(start ? store.startNode(of: id) : store.endNode(of: id))
    default: throw CypherError.invalidArgumentType(what, value, expected: "a RELATIONSHIP")
    }
  }
}
