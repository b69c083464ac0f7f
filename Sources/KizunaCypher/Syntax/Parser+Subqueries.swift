// Subquery expressions: `EXISTS { ... }` and `COUNT { ... }`.

extension Parser {
  /// Whether the `{` after EXISTS or COUNT opens a subquery. `count {.name}` and `exists {key: 1}` are
  /// map projections of variables that happen to have those names, so only what can start a query
  /// decides: a node pattern, a path assignment `p = (...)`, or a clause keyword (reserved words,
  /// which cannot be projected variables) not used as a map key.
  func subqueryFollows() -> Bool {
    guard peek(1).kind == .leftBrace else { return false }
    let first = peek(2)
    if first.kind == .leftParen { return true }
    guard first.kind == .identifier || first.kind == .escapedIdentifier else { return false }
    let after = peek(3).kind
    if after == .equal { return true }
    return first.kind == .identifier && Self.clauseStarters.contains(first.keyword) && after != .colon
  }

  private static let clauseStarters: Set<Keyword> = [
    .match, .optional, .with, .unwind, .return, .create, .merge, .set, .remove, .delete, .detach, .call,
    .foreach,
  ]

  /// `EXISTS { pattern [WHERE predicate] }` or `EXISTS { clauses }` (likewise COUNT). The simple
  /// form becomes a one-clause query, `MATCH pattern [WHERE predicate]`.
  mutating func parseSubquery() throws(CypherError) -> Expression {
    let token = advance()
    let kind: Subquery.Kind = token.keyword == .exists ? .exists : .count
    try expect(.leftBrace, "'{'")
    try enterNesting()
    defer { depth -= 1 }
    let position = current.position
    var clauses: [Clause] = []
    while let clause = try parseClause() {
      clauses.append(clause)
    }
    let simple = clauses.isEmpty
    if simple {
      let pattern = try parsePattern()
      let predicate = accept(.where) ? try parseExpression() : nil
      clauses = [
        .match(MatchClause(optional: false, pattern: pattern, predicate: predicate, position: position))
      ]
    }
    try expect(.rightBrace, simple ? "'}' to close the subquery" : "a clause or '}' to close the subquery")
    let query = SingleQuery(clauses: clauses, position: position)
    return Expression(.subquery(Subquery(kind: kind, query: query)), at: token.position)
  }
}
