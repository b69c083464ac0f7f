extension ExpressionCompiler {
  /// EXISTS { ... } / COUNT { ... }: planned once, here, with the current
  /// scope as its outer scope; evaluated by running its pipeline on the row.
  func compileSubquery(_ subquery: Subquery, at position: SourcePosition) throws -> CompiledExpression {
    let pipeline = try QueryPlanner(plan: plan, outer: scope).planSubquery(subquery, at: position)
    plan.subqueries.append(pipeline)
    switch subquery.kind {
    case .exists:
      return CompiledExpression { row, ctx in .bool(try pipeline.rowCount(row, ctx) > 0) }
    case .count:
      return CompiledExpression { row, ctx in .int(Int64(try pipeline.rowCount(row, ctx))) }
    }
  }
}
