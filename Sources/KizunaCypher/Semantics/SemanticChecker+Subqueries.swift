// EXISTS { ... } and COUNT { ... }.

extension SemanticChecker {
  /// Checks a subquery's clauses as a query's, starting from the scope around it: outer variables
  /// are visible and new ones stay local. A subquery only reads (it runs once per outer row, so a
  /// write there would happen an unknowable number of times), and it needs no RETURN.
  func checkSubquery(_ subquery: Subquery, in outer: Scope) throws(CypherError) {
    // The outer variables hold one value for the whole run, so a WITH
    // inside does not hide them (unless it projects the same name).
    var scope = outer.enteringSubquery()
    let clauses = subquery.query.clauses
    for (offset, clause) in clauses.enumerated() {
      if let name = clause.updatingName {
        throw CypherError.compile(
          "InvalidClauseComposition",
          "\(name) is not allowed in \(subquery.kind.rawValue) { ... }: a subquery only reads the graph",
          at: clause.position)
      }
      if case .return = clause, offset != clauses.count - 1 {
        throw CypherError.compile(
          "InvalidClauseComposition", "RETURN can only be used at the end of the subquery",
          at: clause.position)
      }
      _ = try checkClause(clause, scope: &scope)
    }
  }
}

extension Clause {
  /// The clause's name when it writes (or may write) to the graph.
  var updatingName: String? {
    switch self {
    case .create: return "CREATE"
    case .merge: return "MERGE"
    case .set: return "SET"
    case .remove: return "REMOVE"
    case .delete(let d): return d.detach ? "DETACH DELETE" : "DELETE"
    case .foreach: return "FOREACH"
    case .match, .unwind, .with, .return, .call: return nil
    }
  }
}
