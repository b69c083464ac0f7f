import Testing

@testable import KizunaCypher

@Suite struct SchemaTests {
  private func command(_ text: String) throws -> SchemaCommand? {
    guard case .schema(let command) = try Parser.parseStatement(text).kind else { return nil }
    return command
  }

  @Test func createIndexForms() throws {
    let named = try command("CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)")
    #expect(
      named
        == .createIndex(
          IndexDefinition(
            name: "person_name", ifNotExists: true, entity: .node(label: "Person"), properties: ["name"],
            position: SourcePosition(offset: 0, line: 1, column: 1))))
    guard case .createIndex(let anonymous) = try command("CREATE INDEX FOR (n:P) ON (n.a, n.b)") else {
      return #expect(Bool(false))
    }
    #expect(anonymous.name == nil && anonymous.properties == ["a", "b"])
    guard case .createIndex(let legacy) = try command("CREATE INDEX ON :Person(name)") else {
      return #expect(Bool(false))
    }
    #expect(legacy.entity == .node(label: "Person"))
    guard case .createIndex(let rel) = try command("CREATE INDEX FOR ()-[r:KNOWS]-() ON (r.since)") else {
      return #expect(Bool(false))
    }
    #expect(rel.entity == .relationship(type: "KNOWS"))
  }

  @Test func constraints() throws {
    guard
      case .createConstraint(let unique) = try command(
        "CREATE CONSTRAINT uniq IF NOT EXISTS FOR (n:Person) REQUIRE n.email IS UNIQUE")
    else { return #expect(Bool(false)) }
    #expect(unique.name == "uniq" && unique.ifNotExists && unique.kind == .unique)
    #expect(unique.properties == ["email"])
    guard
      case .createConstraint(let notNull) = try command(
        "CREATE CONSTRAINT FOR (n:P) REQUIRE (n.a, n.b) IS NOT NULL")
    else { return #expect(Bool(false)) }
    #expect(notNull.kind == .notNull && notNull.properties == ["a", "b"])
    guard
      case .createConstraint(let legacy) = try command("CREATE CONSTRAINT ON (n:P) ASSERT n.id IS UNIQUE")
    else { return #expect(Bool(false)) }
    #expect(legacy.entity == .node(label: "P"))
  }

  @Test func dropsAndShows() throws {
    #expect(try command("DROP INDEX idx") == .dropIndex(name: "idx", ifExists: false))
    #expect(try command("DROP INDEX idx IF EXISTS") == .dropIndex(name: "idx", ifExists: true))
    #expect(try command("DROP CONSTRAINT c IF EXISTS") == .dropConstraint(name: "c", ifExists: true))
    #expect(try command("SHOW INDEXES") == .showIndexes)
    #expect(try command("show constraints") == .showConstraints)
  }
}
