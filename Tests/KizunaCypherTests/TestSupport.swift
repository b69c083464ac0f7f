@testable import KizunaCypher

/// A compact, fully parenthesised rendering of an expression, so precedence
/// tests can compare against a readable string.
func render(_ expression: Expression) -> String {
  switch expression.kind {
  case .literal(let literal):
    switch literal {
    case .null: return "null"
    case .bool(let value): return "\(value)"
    case .integer(let value): return "\(value)"
    case .float(let value): return "\(value)"
    case .string(let value): return "'\(value)'"
    }
  case .parameter(let name): return "$\(name)"
  case .variable(let name): return name
  case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
  case .map(let entries):
    return "{" + entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
  case .property(let subject, let key): return "\(render(subject)).\(key)"
  case .subscript(let subject, let index): return "\(render(subject))[\(render(index))]"
  case .slice(let subject, let from, let to):
    return "\(render(subject))[\(from.map(render) ?? "")..\(to.map(render) ?? "")]"
  case .hasLabels(let subject, let labels): return "\(render(subject)):\(labels.joined(separator: ":"))"
  case .unary(let op, let operand): return "(\(op.rawValue) \(render(operand)))"
  case .binary(let op, let left, let right): return "(\(render(left)) \(op.rawValue) \(render(right)))"
  case .comparisonChain(let first, let links):
    return "chain(" + render(first) + links.map { " \($0.op.rawValue) \(render($0.operand))" }.joined() + ")"
  case .isNull(let subject, let negated): return "(\(render(subject)) IS \(negated ? "NOT " : "")NULL)"
  case .functionCall(let call):
    return "\(call.qualifiedName)(\(call.distinct ? "DISTINCT " : "")"
      + call.arguments.map(render).joined(separator: ", ") + ")"
  case .countStar: return "count(*)"
  case .caseExpression(let value):
    var text = "CASE"
    if let subject = value.subject { text += " \(render(subject))" }
    for alternative in value.alternatives {
      text += " WHEN \(render(alternative.condition)) THEN \(render(alternative.result))"
    }
    if let elseValue = value.elseValue { text += " ELSE \(render(elseValue))" }
    return text + " END"
  case .listComprehension(let value):
    return "[\(value.variable) IN \(render(value.list))"
      + (value.predicate.map { " WHERE \(render($0))" } ?? "")
      + (value.projection.map { " | \(render($0))" } ?? "") + "]"
  case .patternComprehension(let value):
    return "[pattern" + (value.predicate.map { " WHERE \(render($0))" } ?? "")
      + " | \(render(value.projection))]"
  case .pattern(let part): return "pattern(\(part.element.chain.count))"
  case .exists(let argument): return "exists(\(render(argument)))"
  case .quantifier(let quantifier, let variable, let list, let predicate):
    return "\(quantifier.rawValue)(\(variable) IN \(render(list))"
      + (predicate.map { " WHERE \(render($0))" } ?? "") + ")"
  case .reduce(let accumulator, let initial, let variable, let list, let step):
    return "reduce(\(accumulator) = \(render(initial)), \(variable) IN \(render(list)) | \(render(step)))"
  case .mapProjection(let variable, let items):
    let rendered = items.map { item -> String in
      switch item.kind {
      case .property(let key): return ".\(key)"
      case .allProperties: return ".*"
      case .literal(let key, let value): return "\(key): \(render(value))"
      case .variable(let name): return name
      }
    }
    return "\(variable){" + rendered.joined(separator: ", ") + "}"
  case .subquery(let subquery): return "\(subquery.kind.rawValue){\(subquery.query.clauses.count)}"
  }
}

/// The clauses of a single-query statement.
func clauses(_ text: String) throws -> [Clause] {
  let statement = try Parser.parseStatement(text)
  guard case .query(let query) = statement.kind else { return [] }
  return query.first.clauses
}

/// The error a piece of text raises when parsed, or nil.
func parseError(_ text: String) -> CypherError? {
  do {
    _ = try Parser.parseScript(text)
    return nil
  } catch {
    return error
  }
}
