import KizunaStore

/// Answers the counts of a projection over a one-relationship MATCH with a
/// `RelationshipCountScan`: one row out per row in, each count call's slot
/// set to the number of matches.
final class CountScanOperator: Operator {
  let scan: RelationshipCountScan
  let slots: [Int]

  init(scan: RelationshipCountScan, slots: [Int]) {
    self.scan = scan
    self.slots = slots
  }

  override var summary: String { "RelationshipCountScan[\(scan.text)]" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    let n = Value.int(Int64(try scan.count(ctx)))
    var r = row
    for s in slots {
      ExpressionCompiler.widen(&r, s)
      r[s] = n
    }
    try emit(r, ctx)
  }
}
