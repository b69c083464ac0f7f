import KizunaStore

/// What planning one statement shares: the store (for names, counts and
/// indexes), the parameters, and the slot allocator.
final class PlanContext {
  let store: GraphStore
  let parameters: [String: Value]
  let slots = SlotAllocator()
  /// Whether the planner may replace generic operators by specialized ones
  /// (`RelationshipCountScan`); off only to compare the two in tests.
  let fastPaths: Bool
  /// The EXISTS / COUNT subqueries planned so far, for EXPLAIN and PROFILE.
  var subqueries: [SubqueryPipeline] = []

  init(store: GraphStore, parameters: [String: Value], fastPaths: Bool = true) {
    self.store = store
    self.parameters = parameters
    self.fastPaths = fastPaths
  }

  /// A pattern used inside an expression (pattern predicate, pattern
  /// comprehension, shortestPath as a value).
  func subpattern(_ part: PatternPart, scope: VariableScope, compiler: ExpressionCompiler) throws
    -> PatternMatcher
  {
    let saved = compiler.scope
    compiler.scope = scope
    defer { compiler.scope = saved }
    return try PatternPlanner(plan: self, compiler: compiler).plan([part], predicates: []).0
  }
}
