import KizunaStore

/// Turns expressions into closures over row slots, resolving variables,
/// parameters, property keys and functions once, at plan time.
final class ExpressionCompiler {
  let plan: PlanContext
  var scope: VariableScope
  /// Aggregate calls (by source offset) already computed into a slot.
  var aggregateSlots: [Int: Int] = [:]

  init(plan: PlanContext, scope: VariableScope) {
    self.plan = plan
    self.scope = scope
  }

  func compile(_ e: Expression) throws -> CompiledExpression {
    switch e.kind {
    case .literal(let l):
      switch l {
      case .null: return .literal(.null)
      case .bool(let b): return .literal(.bool(b))
      case .integer(let i): return .literal(.int(i))
      case .float(let f): return .literal(.float(f))
      case .string(let s): return .literal(.string(s))
      }
    case .parameter(let name):
      guard let v = plan.parameters[name] else {
        throw CypherError(
          type: .parameterMissing, detail: "MissingParameter", phase: .compile,
          message: "Expected a parameter named $\(name); pass it with --params '{\"\(name)\": ...}'.",
          line: e.position.line, column: e.position.column)
      }
      return .literal(v)
    case .variable(let name):
      guard let slot = scope[name] else { throw undefined(name, e.position) }
      return .variable(slot)
    case .list(let items):
      let parts = try items.map(compile)
      if parts.allSatisfy({ $0.constant != nil }) { return .literal(.list(parts.compactMap(\.constant))) }
      return CompiledExpression { row, ctx in .list(try parts.map { try $0.evaluate(row, ctx) }) }
    case .map(let entries):
      let parts = try entries.map { ($0.key, try compile($0.value)) }
      return CompiledExpression { row, ctx in
        var m: [String: Value] = [:]
        for (k, v) in parts { m[k] = try v.evaluate(row, ctx) }
        return .map(m)
      }
    case .property(let subject, let key):
      return try compileProperty(try compile(subject), key)
    case .subscript(let container, let index):
      let c = try compile(container), i = try compile(index)
      return CompiledExpression { row, ctx in
        let v = try c.evaluate(row, ctx)
        try Self.checkLive(v, ctx)
        return try CypherOperators.subscriptValue(v, try i.evaluate(row, ctx), store: ctx.store)
      }
    case .slice(let list, let from, let to):
      let l = try compile(list)
      let f = try from.map(compile), t = try to.map(compile)
      return CompiledExpression { row, ctx in
        try CypherOperators.slice(
          try l.evaluate(row, ctx), from: try f?.evaluate(row, ctx), to: try t?.evaluate(row, ctx))
      }
    case .hasLabels(let subject, let labels):
      let s = try compile(subject)
      // Interned ids never change: look them up once (a label unknown now
      // is looked up by name when the row is evaluated).
      let known = labels.map { plan.store.labels.id(of: $0) }
      return CompiledExpression { row, ctx in
        switch try s.evaluate(row, ctx) {
        case .null: return .null
        case .node(let id):
          for (i, name) in labels.enumerated() {
            guard let l = known[i] ?? ctx.store.labels.id(of: name), ctx.store.hasLabel(id, l) else {
              return .bool(false)
            }
          }
          return .bool(true)
        case .relationship(let id):
          // `r:T` asks for the relationship's (single) type.
          let store = ctx.store
          guard id >= 0, id < store.relationshipType.count, store.typeID(of: id) >= 0 else {
            throw CypherError.deletedEntity("a type check", .relationship(id))
          }
          return .bool(labels.count == 1 && store.types.name(store.typeID(of: id)) == labels[0])
        case let other:
          throw CypherError.runtime(
            .typeError, "InvalidArgumentType",
            "Expected a node or relationship for a label check, got \(other.typeName).")
        }
      }
    case .unary(let op, let operand):
      let o = try compile(operand)
      switch op {
      case .not: return CompiledExpression { row, ctx in try CypherOperators.not(try o.evaluate(row, ctx)) }
      case .minus:
        return CompiledExpression { row, ctx in try CypherOperators.negate(try o.evaluate(row, ctx)) }
      case .plus:
        return CompiledExpression { row, ctx in try CypherOperators.identity(try o.evaluate(row, ctx)) }
      }
    case .binary(let op, let left, let right):
      return try compileBinary(op, try compile(left), try compile(right))
    case .comparisonChain(let first, let links):
      let operands = try [compile(first)] + links.map { try compile($0.operand) }
      let ops = try links.map { try compileComparison($0.op) }
      return CompiledExpression { row, ctx in
        var previous = try operands[0].evaluate(row, ctx)
        var result: Value = .bool(true)
        for (i, op) in ops.enumerated() {
          let current = try operands[i + 1].evaluate(row, ctx)
          result = try CypherOperators.and(result, op(previous, current))
          previous = current
        }
        return result
      }
    case .isNull(let operand, let negated):
      let o = try compile(operand)
      return CompiledExpression { row, ctx in .bool(try o.evaluate(row, ctx).isNull != negated) }
    case .functionCall(let call):
      return try compileFunction(call, at: e.position)
    case .countStar:
      guard let slot = aggregateSlots[e.position.offset] else {
        throw CypherError.compile(
          "InvalidAggregation", "count(*) is only allowed in WITH and RETURN.", at: e.position)
      }
      return CompiledExpression { row, _ in row[slot] }
    case .caseExpression(let c):
      return try compileCase(c)
    case .listComprehension(let c):
      return try compileListComprehension(c)
    case .quantifier(let q, let variable, let list, let predicate):
      return try compileQuantifier(q, variable, list, predicate)
    case .reduce(let accumulator, let initial, let variable, let list, let step):
      return try compileReduce(accumulator, initial, variable, list, step)
    case .patternComprehension(let c):
      return try compilePatternComprehension(c)
    case .pattern(let part):
      return try compilePatternExpression(part)
    case .exists(let inner):
      if case .pattern(let part) = inner.kind {
        let matcher = try plan.subpattern(part, scope: scope, compiler: self)
        return CompiledExpression { row, ctx in .bool(try matcher.exists(row, ctx)) }
      }
      let i = try compile(inner)
      return CompiledExpression { row, ctx in
        let v = try i.evaluate(row, ctx)
        return .bool(!v.isNull)
      }
    case .mapProjection(let variable, let items):
      return try compileMapProjection(variable, items, at: e.position)
    case .subquery(let subquery):
      return try compileSubquery(subquery, at: e.position)
    }
  }

  func undefined(_ name: String, _ position: SourcePosition) -> CypherError {
    CypherError.compile("UndefinedVariable", "Variable `\(name)` not defined", at: position)
  }

  /// Reading from a deleted node or relationship is an error in openCypher.
  static func checkLive(_ v: Value, _ ctx: ExecutionContext) throws {
    switch v {
    case .node(let id) where !ctx.store.nodeExists(id):
      throw CypherError.runtime(
        .entityNotFound, "DeletedEntityAccess", "Node with id \(id) has been deleted in this transaction")
    case .relationship(let id) where !ctx.store.relationshipExists(id):
      throw CypherError.runtime(
        .entityNotFound, "DeletedEntityAccess",
        "Relationship with id \(id) has been deleted in this transaction")
    default: return
    }
  }

  private func compileProperty(_ subject: CompiledExpression, _ key: String) throws -> CompiledExpression {
    let known = plan.store.keys.id(of: key)
    @inline(__always) func read(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
      switch v {
      case .node(let id):
        let store = ctx.store
        guard store.nodeExists(id) else { try Self.checkLive(v, ctx); return .null }
        guard let k = known ?? store.keys.id(of: key) else { return .null }
        return store.nodeProperty(id, k) ?? .null
      case .relationship(let id):
        let store = ctx.store
        guard store.relationshipExists(id) else { try Self.checkLive(v, ctx); return .null }
        guard let k = known ?? store.keys.id(of: key) else { return .null }
        return store.relationshipProperty(id, k) ?? .null
      case .null: return .null
      case .map(let m): return m[key] ?? .null
      default: return try CypherOperators.property(v, key, store: ctx.store)
      }
    }
    // A property of a variable (the common case) reads the slot directly.
    if let slot = subject.slot {
      return CompiledExpression { row, ctx in try read(row[slot], ctx) }
    }
    return CompiledExpression { row, ctx in try read(try subject.evaluate(row, ctx), ctx) }
  }

  private func compileComparison(_ op: BinaryOperator) throws -> (Value, Value) throws -> Value {
    switch op {
    case .equal: return { CypherOperators.equals($0, $1) }
    case .notEqual: return { CypherOperators.notEquals($0, $1) }
    case .less: return { CypherOperators.lessThan($0, $1) }
    case .greater: return { CypherOperators.greaterThan($0, $1) }
    case .lessOrEqual: return { CypherOperators.lessThanOrEqual($0, $1) }
    case .greaterOrEqual: return { CypherOperators.greaterThanOrEqual($0, $1) }
    default:
      throw CypherError.runtime(
        .syntaxError, "UnexpectedSyntax", "internal: \(op.rawValue) is not a comparison")
    }
  }

  private func compileBinary(_ op: BinaryOperator, _ l: CompiledExpression, _ r: CompiledExpression) throws
    -> CompiledExpression
  {
    let f: (Value, Value) throws -> Value
    switch op {
    case .and:
      return CompiledExpression { row, ctx in
        let a = try l.evaluate(row, ctx)
        if case .bool(false) = a { return .bool(false) }
        return try CypherOperators.and(a, try r.evaluate(row, ctx))
      }
    case .or:
      return CompiledExpression { row, ctx in
        let a = try l.evaluate(row, ctx)
        if case .bool(true) = a { return .bool(true) }
        return try CypherOperators.or(a, try r.evaluate(row, ctx))
      }
    case .xor: f = { try CypherOperators.xor($0, $1) }
    case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual:
      if op == .greater || op == .less { return fastIntComparison(op, l, r) }
      f = try compileComparison(op)
    case .startsWith: f = { CypherOperators.startsWith($0, $1) }
    case .endsWith: f = { CypherOperators.endsWith($0, $1) }
    case .contains: f = { CypherOperators.contains($0, $1) }
    case .regexMatch: f = { try CypherOperators.regexMatch($0, $1) }
    case .in: f = { try CypherOperators.isIn($0, $1) }
    case .add:
      f = { try CypherOperators.add($0, $1) }
      if l.constant == nil || r.constant == nil { return fastIntAdd(l, r) }
    case .subtract: f = { try CypherOperators.subtract($0, $1) }
    case .multiply: f = { try CypherOperators.multiply($0, $1) }
    case .divide: f = { try CypherOperators.divide($0, $1) }
    case .modulo: f = { try CypherOperators.modulo($0, $1) }
    case .power: f = { try CypherOperators.power($0, $1) }
    }
    if let a = l.constant, let b = r.constant, let v = try? f(a, b) { return .literal(v) }
    return CompiledExpression { row, ctx in try f(try l.evaluate(row, ctx), try r.evaluate(row, ctx)) }
  }

  /// `+` on two integers that do not overflow skips the general addition
  /// (everything else, overflow included, goes through it unchanged).
  private func fastIntAdd(_ l: CompiledExpression, _ r: CompiledExpression) -> CompiledExpression {
    if case .int(let y)? = r.constant {
      return CompiledExpression { row, ctx in
        let a = try l.evaluate(row, ctx)
        if case .int(let x) = a {
          let (sum, overflow) = x.addingReportingOverflow(y)
          if !overflow { return .int(sum) }
        }
        return try CypherOperators.add(a, .int(y))
      }
    }
    return CompiledExpression { row, ctx in
      let a = try l.evaluate(row, ctx), b = try r.evaluate(row, ctx)
      if case .int(let x) = a, case .int(let y) = b {
        let (sum, overflow) = x.addingReportingOverflow(y)
        if !overflow { return .int(sum) }
      }
      return try CypherOperators.add(a, b)
    }
  }

  /// `<` and `>` on two integers skip the general comparison.
  private func fastIntComparison(_ op: BinaryOperator, _ l: CompiledExpression, _ r: CompiledExpression)
    -> CompiledExpression
  {
    let less = op == .less
    return CompiledExpression { row, ctx in
      let a = try l.evaluate(row, ctx), b = try r.evaluate(row, ctx)
      if case .int(let x) = a, case .int(let y) = b { return .bool(less ? x < y : x > y) }
      return less ? CypherOperators.lessThan(a, b) : CypherOperators.greaterThan(a, b)
    }
  }

  private func compileFunction(_ call: FunctionCall, at position: SourcePosition) throws -> CompiledExpression
  {
    if let slot = aggregateSlots[position.offset] { return CompiledExpression { row, _ in row[slot] } }
    let name = call.qualifiedName
    if FunctionTable.isAggregate(name) {
      throw CypherError.compile(
        "InvalidAggregation", "Aggregate function \(name)() is only allowed in WITH and RETURN.", at: position
      )
    }
    guard let function = FunctionTable.scalar(named: name) else {
      let suggestion = FunctionNames.suggestion(for: name, among: FunctionTable.knownNames)
      throw CypherError.compile(
        "UnknownFunction",
        "Unknown function '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: position)
    }
    guard function.arity.contains(call.arguments.count) else {
      throw CypherError.compile(
        "InvalidNumberOfArguments",
        "Function \(function.name)() takes \(arityText(function.arity)) argument(s), got \(call.arguments.count).",
        at: position)
    }
    let args = try call.arguments.map(compile)
    let body = function.body
    let entityFunction = Self.entityReading.contains(name.lowercased())
    return CompiledExpression { row, ctx in
      var values: [Value] = []
      values.reserveCapacity(args.count)
      for a in args { values.append(try a.evaluate(row, ctx)) }
      if entityFunction, let first = values.first { try Self.checkLive(first, ctx) }
      return try body(values, ctx.functions)
    }
  }

  private static let entityReading: Set<String> = ["labels", "keys", "properties"]

  private func arityText(_ r: ClosedRange<Int>) -> String {
    r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound) to \(r.upperBound)"
  }

  private func compileCase(_ c: CaseExpression) throws -> CompiledExpression {
    let subject = try c.subject.map(compile)
    let alternatives = try c.alternatives.map { (try compile($0.condition), try compile($0.result)) }
    let otherwise = try c.elseValue.map(compile)
    return CompiledExpression { row, ctx in
      if let subject {
        let s = try subject.evaluate(row, ctx)
        for (when, then) in alternatives {
          if case .bool(true) = CypherOperators.equals(s, try when.evaluate(row, ctx)) {
            return try then.evaluate(row, ctx)
          }
        }
      } else {
        for (when, then) in alternatives {
          if case .bool(true) = try when.evaluate(row, ctx) { return try then.evaluate(row, ctx) }
        }
      }
      return try otherwise?.evaluate(row, ctx) ?? .null
    }
  }

  /// Compiles `body` with `variable` bound to a fresh slot.
  private func withLocal<T>(_ variable: String, _ body: (Int) throws -> T) rethrows -> T {
    let saved = scope
    let slot = plan.slots.next()
    scope.bind(variable, slot)
    defer { scope = saved }
    return try body(slot)
  }

  private func listItems(_ v: Value) throws -> [Value]? {
    switch v {
    case .null: return nil
    case .list(let items): return items
    default:
      throw CypherError.runtime(.typeError, "InvalidArgumentType", "Expected a list, got \(v.typeName).")
    }
  }

  private func compileListComprehension(_ c: ListComprehension) throws -> CompiledExpression {
    let list = try compile(c.list)
    return try withLocal(c.variable) { slot in
      let predicate = try c.predicate.map(compile)
      let projection = try c.projection.map(compile)
      return CompiledExpression { row, ctx in
        guard let items = try self.listItems(try list.evaluate(row, ctx)) else { return .null }
        var r = row
        Self.widen(&r, slot)
        var out: [Value] = []
        for item in items {
          r[slot] = item
          if let predicate, try predicate.evaluate(r, ctx) != .bool(true) { continue }
          out.append(try projection?.evaluate(r, ctx) ?? item)
        }
        return .list(out)
      }
    }
  }

  private func compileQuantifier(
    _ q: Quantifier, _ variable: String, _ list: Expression, _ predicate: Expression?
  )
    throws -> CompiledExpression
  {
    let l = try compile(list)
    return try withLocal(variable) { slot in
      let p = try predicate.map(compile)
      return CompiledExpression { row, ctx in
        guard let items = try self.listItems(try l.evaluate(row, ctx)) else { return .null }
        var r = row
        Self.widen(&r, slot)
        var trues = 0, nulls = 0
        for item in items {
          r[slot] = item
          switch try p?.evaluate(r, ctx) ?? .bool(true) {
          case .bool(true): trues += 1
          case .null: nulls += 1
          default: break
          }
        }
        let falses = items.count - trues - nulls
        switch q {
        case .all: return falses > 0 ? .bool(false) : (nulls > 0 ? .null : .bool(true))
        case .any: return trues > 0 ? .bool(true) : (nulls > 0 ? .null : .bool(false))
        case .none: return trues > 0 ? .bool(false) : (nulls > 0 ? .null : .bool(true))
        case .single:
          if trues > 1 { return .bool(false) }
          if nulls > 0 { return .null }
          return .bool(trues == 1)
        }
      }
    }
  }

  private func compileReduce(
    _ accumulator: String, _ initial: Expression, _ variable: String, _ list: Expression, _ step: Expression
  ) throws -> CompiledExpression {
    let start = try compile(initial), l = try compile(list)
    return try withLocal(accumulator) { accSlot in
      try withLocal(variable) { slot in
        let s = try compile(step)
        return CompiledExpression { row, ctx in
          guard let items = try self.listItems(try l.evaluate(row, ctx)) else { return .null }
          var r = row
          Self.widen(&r, max(slot, accSlot))
          r[accSlot] = try start.evaluate(row, ctx)
          for item in items {
            r[slot] = item
            r[accSlot] = try s.evaluate(r, ctx)
          }
          return r[accSlot]
        }
      }
    }
  }

  private func compilePatternComprehension(_ c: PatternComprehension) throws -> CompiledExpression {
    let saved = scope
    defer { scope = saved }
    let matcher = try plan.subpattern(c.pattern, scope: scope, compiler: self)
    scope = matcher.scopeAfter
    let predicate = try c.predicate.map(compile)
    let projection = try compile(c.projection)
    return CompiledExpression { row, ctx in
      var out: [Value] = []
      try matcher.forEachMatch(row, ctx) { r in
        if let predicate, try predicate.evaluate(r, ctx) != .bool(true) { return true }
        out.append(try projection.evaluate(r, ctx))
        return true
      }
      return .list(out)
    }
  }

  private func compilePatternExpression(_ part: PatternPart) throws -> CompiledExpression {
    let matcher = try plan.subpattern(part, scope: scope, compiler: self)
    if part.kind != .plain, let pathSlot = matcher.pathSlot {
      // shortestPath(...) used as a value: the path, or null.
      return CompiledExpression { row, ctx in
        var found: Value = .null
        try matcher.forEachMatch(row, ctx) { r in
          found = r[pathSlot]
          return false
        }
        return found
      }
    }
    return CompiledExpression { row, ctx in .bool(try matcher.exists(row, ctx)) }
  }

  private func compileMapProjection(
    _ variable: String, _ items: [MapProjectionItem], at position: SourcePosition
  )
    throws -> CompiledExpression
  {
    guard let slot = scope[variable] else { throw undefined(variable, position) }
    var parts: [(MapProjectionItem.Kind, CompiledExpression?)] = []
    for item in items {
      switch item.kind {
      case .property(let key):
        parts.append((item.kind, try compileProperty(CompiledExpression { row, _ in row[slot] }, key)))
      case .literal(_, let value): parts.append((item.kind, try compile(value)))
      case .variable(let name):
        guard let s = scope[name] else { throw undefined(name, position) }
        parts.append((item.kind, CompiledExpression { row, _ in row[s] }))
      case .allProperties: parts.append((item.kind, nil))
      }
    }
    return CompiledExpression { row, ctx in
      let subject = row[slot]
      if subject.isNull { return .null }
      try Self.checkLive(subject, ctx)
      var out: [String: Value] = [:]
      for (kind, e) in parts {
        switch kind {
        case .property(let key): out[key] = try e?.evaluate(row, ctx) ?? .null
        case .literal(let key, _): out[key] = try e?.evaluate(row, ctx) ?? .null
        case .variable(let name): out[name] = try e?.evaluate(row, ctx) ?? .null
        case .allProperties:
          switch subject {
          case .node(let id): out.merge(ctx.store.nodePropertyMap(id)) { _, new in new }
          case .relationship(let id): out.merge(ctx.store.relationshipPropertyMap(id)) { _, new in new }
          case .map(let m): out.merge(m) { _, new in new }
          default:
            throw CypherError.runtime(
              .typeError, "InvalidArgumentType",
              "Map projection needs a node, relationship or map, got \(subject.typeName).")
          }
        }
      }
      return .map(out)
    }
  }

  /// Rows are sized when the plan is built; locals allocated later (inside
  /// comprehensions) may lie past the end of an older row.
  static func widen(_ row: inout Row, _ slot: Int) {
    if row.count <= slot { row.append(contentsOf: repeatElement(.null, count: slot + 1 - row.count)) }
  }
}
