import KizunaStore

/// MATCH and OPTIONAL MATCH: extends each incoming row with every match of
/// the pattern; an optional match with none passes the row on with the
/// pattern's new variables set to null.
final class MatchOperator: Operator {
  let matcher: PatternMatcher
  let optional: Bool
  /// Slots this pattern binds, nulled for an optional match without results.
  let newSlots: [Int]

  init(matcher: PatternMatcher, optional: Bool, newSlots: [Int]) {
    self.matcher = matcher
    self.optional = optional
    self.newSlots = newSlots
  }

  override var summary: String {
    var parts: [String] = []
    for step in matcher.steps {
      switch step {
      case .anchor(let n, let source):
        let name = matcher.nodes[n].variable ?? "anon"
        switch source {
        case .bound: parts.append("Argument(\(name))")
        case .allNodes: parts.append("AllNodesScan(\(name))")
        case .label(let l): parts.append("NodeByLabelScan(\(name):\(l))")
        case .seek(let l, let k, _, let many):
          parts.append("NodeIndexSeek(\(name):\(l)(\(k))\(many ? " IN" : ""))")
        case .range(let l, let k, _, _, _, _): parts.append("NodeIndexSeekByRange(\(name):\(l)(\(k)))")
        }
      case .check: parts.append("Check")
      case .expand(let r, _, let to, _, let toBound):
        let spec = matcher.relationships[r]
        let kind = spec.length == nil ? "Expand" : "VarLengthExpand"
        parts.append(
          "\(kind)\(toBound ? "(Into)" : "(All)")(\(spec.variable ?? "anon")->\(matcher.nodes[to].variable ?? "anon"))"
        )
      case .shortest(_, _, _, let all): parts.append(all ? "AllShortestPaths" : "ShortestPath")
      case .path: parts.append("ProjectPath")
      case .filter: parts.append("Filter")
      }
    }
    return (optional ? "Optional" : "") + "Match[" + parts.joined(separator: " → ") + "]"
  }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    var matched = false
    try matcher.forEachMatch(row, ctx) { r in
      matched = true
      try self.emit(r, ctx)
      return true
    }
    if optional && !matched {
      var r = row
      for s in newSlots { r[s] = .null }
      try emit(r, ctx)
    }
  }
}

/// Starts a pipeline with one empty row.
final class StartOperator: Operator {
  override var summary: String { "Start" }
  func run(width: Int, _ ctx: ExecutionContext) throws {
    try run(argument: Row(repeating: .null, count: width), ctx)
  }

  /// Runs the pipeline on one given row (a subquery's outer row).
  func run(argument: Row, _ ctx: ExecutionContext) throws {
    do {
      try emit(argument, ctx)
    } catch is Stop {}
    try finish(ctx)
  }
}
