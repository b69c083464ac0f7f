// Statements: EXPLAIN/PROFILE, queries, and the schema commands.

extension Parser {
  mutating func parseStatement() throws(CypherError) -> Statement {
    let first = current
    var mode = Statement.Mode.execute
    if accept(.explain) {
      mode = .explain
    } else if accept(.profile) {
      mode = .profile
    }
    let kind: Statement.Kind
    if let command = try parseSchemaCommand() {
      kind = .schema(command)
    } else {
      kind = .query(try parseQuery())
    }
    return Statement(
      mode: mode, kind: kind, text: text(from: first.start, to: previousEnd), position: first.position)
  }

  private mutating func parseSchemaCommand() throws(CypherError) -> SchemaCommand? {
    let position = current.position
    if at(.create) && (peekIs(1, .index) || peekIs(1, .constraint)) {
      index += 1
      if accept(.index) { return .createIndex(try parseIndexDefinition(at: position)) }
      index += 1
      return .createConstraint(try parseConstraintDefinition(at: position))
    }
    if at(.drop) {
      index += 1
      let isIndex: Bool
      if accept(.index) {
        isIndex = true
      } else if accept(.constraint) {
        isIndex = false
      } else {
        throw unexpected("INDEX or CONSTRAINT")
      }
      let name = try parseName(isIndex ? "an index name" : "a constraint name")
      var ifExists = false
      if accept(.if) {
        try expect(.exists)
        ifExists = true
      }
      return isIndex
        ? .dropIndex(name: name, ifExists: ifExists) : .dropConstraint(name: name, ifExists: ifExists)
    }
    if at(.show) {
      index += 1
      if accept(.indexes) || accept(.index) { return .showIndexes }
      if accept(.constraints) || accept(.constraint) { return .showConstraints }
      throw unexpected("INDEXES or CONSTRAINTS")
    }
    return nil
  }

  /// `[name] [IF NOT EXISTS]` after `CREATE INDEX` / `CREATE CONSTRAINT`.
  private mutating func parseSchemaNameAndGuard() throws(CypherError) -> (String?, Bool) {
    var name: String?
    if atName && !(at(.if) && peekIs(1, .not)) && !at(.for) && !at(.on) {
      name = try parseName("a name")
    }
    var ifNotExists = false
    if accept(.if) {
      try expect(.not)
      try expect(.exists)
      ifNotExists = true
    }
    return (name, ifNotExists)
  }

  private mutating func parseIndexDefinition(at position: SourcePosition) throws(CypherError)
    -> IndexDefinition
  {
    let (name, ifNotExists) = try parseSchemaNameAndGuard()
    if at(.on) && peek(1).kind == .colon {
      // Older form: CREATE INDEX ON :Label(prop, ...)
      index += 2
      let label = try parseName("a label name")
      try expect(.leftParen, "'('")
      var properties: [String] = []
      repeat {
        properties.append(try parseName("a property name"))
      } while accept(.comma)
      try expect(.rightParen, "')'")
      return IndexDefinition(
        name: name, ifNotExists: ifNotExists, entity: .node(label: label), properties: properties,
        position: position)
    }
    try expect(.for)
    let entity = try parseSchemaEntity()
    try expect(.on)
    try expect(.leftParen, "'('")
    var properties: [String] = []
    repeat {
      properties.append(try parseSchemaProperty())
    } while accept(.comma)
    try expect(.rightParen, "')'")
    return IndexDefinition(
      name: name, ifNotExists: ifNotExists, entity: entity, properties: properties, position: position)
  }

  private mutating func parseConstraintDefinition(at position: SourcePosition) throws(CypherError)
    -> ConstraintDefinition
  {
    let (name, ifNotExists) = try parseSchemaNameAndGuard()
    if !accept(.for) && !accept(.on) { throw unexpected("FOR") }
    let entity = try parseSchemaEntity()
    if !accept(.require) && !accept(.assert) { throw unexpected("REQUIRE") }
    var properties: [String] = []
    if accept(.leftParen) {
      repeat {
        properties.append(try parseSchemaProperty())
      } while accept(.comma)
      try expect(.rightParen, "')'")
    } else {
      properties.append(try parseSchemaProperty())
    }
    try expect(.is)
    let kind: ConstraintDefinition.Kind
    if accept(.unique) {
      kind = .unique
    } else if accept(.not) {
      try expect(.null)
      kind = .notNull
    } else {
      throw unexpected("UNIQUE or NOT NULL")
    }
    return ConstraintDefinition(
      name: name, ifNotExists: ifNotExists, entity: entity, properties: properties, kind: kind,
      position: position)
  }

  /// `(n:Label)` or `()-[r:TYPE]-()` (any arrow direction).
  private mutating func parseSchemaEntity() throws(CypherError) -> SchemaEntity {
    let element = try parsePatternElement()
    if element.chain.isEmpty, element.start.labels.count == 1, let label = element.start.labels.first {
      return .node(label: label)
    }
    if element.chain.count == 1, let type = element.chain[0].relationship.types.first,
      element.chain[0].relationship.types.count == 1
    {
      return .relationship(type: type)
    }
    throw CypherError.syntax(
      "UnexpectedSyntax",
      "Expected a single-label node pattern such as (n:Label) or a relationship "
        + "pattern such as ()-[r:TYPE]-()", line: element.position.line, column: element.position.column)
  }

  /// `n.prop` in an index or constraint definition; the property name is what matters.
  private mutating func parseSchemaProperty() throws(CypherError) -> String {
    _ = try parseName("a variable name")
    try expect(.dot, "'.'")
    return try parseName("a property name")
  }
}
