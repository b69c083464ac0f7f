// Expressions by precedence climbing, lowest first: OR, XOR, AND, NOT,
// comparison, string/list/null predicates, + -, * / %, ^, unary + -, postfix.

extension Parser {
  mutating func parseExpression() throws(CypherError) -> Expression {
    try enterNesting()
    defer { depth -= 1 }
    return try parseOr()
  }

  private mutating func parseOr() throws(CypherError) -> Expression {
    var left = try parseXor()
    while at(.or) {
      index += 1
      left = Expression(.binary(.or, left, try parseXor()), at: left.position)
    }
    return left
  }

  private mutating func parseXor() throws(CypherError) -> Expression {
    var left = try parseAnd()
    while at(.xor) {
      index += 1
      left = Expression(.binary(.xor, left, try parseAnd()), at: left.position)
    }
    return left
  }

  private mutating func parseAnd() throws(CypherError) -> Expression {
    var left = try parseNot()
    while at(.and) {
      index += 1
      left = Expression(.binary(.and, left, try parseNot()), at: left.position)
    }
    return left
  }

  private mutating func parseNot() throws(CypherError) -> Expression {
    guard at(.not) else { return try parseComparison() }
    try enterNesting()
    defer { depth -= 1 }
    let token = advance()
    return Expression(.unary(.not, try parseNot()), at: token.position)
  }

  private var comparisonOperator: BinaryOperator? {
    switch current.kind {
    case .equal: return .equal
    case .notEqual: return .notEqual
    case .less: return .less
    case .greater: return .greater
    case .lessEqual: return .lessOrEqual
    case .greaterEqual: return .greaterOrEqual
    default: return nil
    }
  }

  private mutating func parseComparison() throws(CypherError) -> Expression {
    let first = try parsePredicates()
    var links: [ComparisonLink] = []
    while let op = comparisonOperator {
      index += 1
      links.append(ComparisonLink(op: op, operand: try parsePredicates()))
    }
    switch links.count {
    case 0: return first
    case 1: return Expression(.binary(links[0].op, first, links[0].operand), at: first.position)
    default: return Expression(.comparisonChain(first, links), at: first.position)
    }
  }

  /// `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `=~`, `IN`, `IS [NOT] NULL`.
  private mutating func parsePredicates() throws(CypherError) -> Expression {
    var left = try parseAdditive()
    while true {
      let op: BinaryOperator
      if at(.starts) && peekIs(1, .with) {
        index += 2
        op = .startsWith
      } else if at(.ends) && peekIs(1, .with) {
        index += 2
        op = .endsWith
      } else if accept(.contains) {
        op = .contains
      } else if accept(.regexMatch) {
        op = .regexMatch
      } else if accept(.in) {
        op = .in
      } else if at(.is) {
        index += 1
        let negated = accept(.not)
        try expect(.null)
        left = Expression(.isNull(left, negated: negated), at: left.position)
        continue
      } else {
        return left
      }
      left = Expression(.binary(op, left, try parseAdditive()), at: left.position)
    }
  }

  private mutating func parseAdditive() throws(CypherError) -> Expression {
    var left = try parseMultiplicative()
    while true {
      let op: BinaryOperator
      switch current.kind {
      case .plus: op = .add
      case .minus: op = .subtract
      default: return left
      }
      index += 1
      left = Expression(.binary(op, left, try parseMultiplicative()), at: left.position)
    }
  }

  private mutating func parseMultiplicative() throws(CypherError) -> Expression {
    var left = try parsePower()
    while true {
      let op: BinaryOperator
      switch current.kind {
      case .star: op = .multiply
      case .slash: op = .divide
      case .percent: op = .modulo
      default: return left
      }
      index += 1
      left = Expression(.binary(op, left, try parsePower()), at: left.position)
    }
  }

  /// `^` is left-associative in openCypher: `2 ^ 3 ^ 2` is `(2 ^ 3) ^ 2`.
  private mutating func parsePower() throws(CypherError) -> Expression {
    var left = try parseUnary()
    while accept(.caret) {
      left = Expression(.binary(.power, left, try parseUnary()), at: left.position)
    }
    return left
  }

  private mutating func parseUnary() throws(CypherError) -> Expression {
    let token = current
    try enterNesting()
    defer { depth -= 1 }
    if token.kind == .minus {
      index += 1
      if at(.integer) {
        // Folded here so that the most negative 64-bit integer can be written.
        let literal = advance()
        let value = try integerValue(literal, negated: true)
        return try parsePostfix(Expression(.literal(.integer(value)), at: token.position))
      }
      return Expression(.unary(.minus, try parseUnary()), at: token.position)
    }
    if token.kind == .plus {
      index += 1
      return Expression(.unary(.plus, try parseUnary()), at: token.position)
    }
    return try parsePostfix(try parseAtom())
  }

  /// Property lookups, subscripts, slices and label predicates after an atom.
  mutating func parsePostfix(_ atom: Expression) throws(CypherError) -> Expression {
    var subject = atom
    while true {
      switch current.kind {
      case .dot:
        index += 1
        let key = try parseName("a property name")
        subject = Expression(.property(subject, key: key), at: subject.position)
      case .leftBracket:
        index += 1
        if accept(.dotDot) {
          let upper = at(.rightBracket) ? nil : try parseExpression()
          try expect(.rightBracket, "']'")
          subject = Expression(.slice(subject, from: nil, to: upper), at: subject.position)
          continue
        }
        let first = try parseExpression()
        if accept(.dotDot) {
          let upper = at(.rightBracket) ? nil : try parseExpression()
          try expect(.rightBracket, "']'")
          subject = Expression(.slice(subject, from: first, to: upper), at: subject.position)
        } else {
          try expect(.rightBracket, "']'")
          subject = Expression(.subscript(subject, index: first), at: subject.position)
        }
      case .colon where peek(1).kind == .identifier || peek(1).kind == .escapedIdentifier:
        let labels = try parseLabels()
        subject = Expression(.hasLabels(subject, labels: labels), at: subject.position)
      default:
        return subject
      }
    }
  }

  /// `:A:B` (at least one label).
  mutating func parseLabels() throws(CypherError) -> [String] {
    var labels: [String] = []
    while accept(.colon) {
      labels.append(try parseName("a label name"))
    }
    return labels
  }

  // MARK: - Atoms

  mutating func parseAtom() throws(CypherError) -> Expression {
    let token = current
    let position = token.position
    switch token.kind {
    case .integer:
      index += 1
      return Expression(.literal(.integer(try integerValue(token))), at: position)
    case .float:
      index += 1
      return Expression(.literal(.float(try floatValue(token))), at: position)
    case .string:
      index += 1
      return Expression(.literal(.string(try stringValue(token))), at: position)
    case .parameter:
      index += 1
      return Expression(.parameter(parameterName(token)), at: position)
    case .leftBrace:
      return Expression(.map(try parseMapLiteral()), at: position)
    case .leftBracket:
      return try parseBracketExpression()
    case .leftParen:
      return try parseParenthesized()
    case .identifier:
      return try parseIdentifierAtom()
    case .escapedIdentifier:
      if peek(1).kind == .leftParen { return try parseFunctionCall() }
      index += 1
      return try variableOrMapProjection(unescapeIdentifier(token), at: position)
    default:
      throw unexpected("an expression")
    }
  }

  func parameterName(_ token: Token) -> String {
    if source[token.start + 1] == 0x60 {
      var inner = token
      inner.start += 1
      return unescapeIdentifier(inner)
    }
    return text(from: token.start + 1, to: token.end)
  }

  private mutating func parseIdentifierAtom() throws(CypherError) -> Expression {
    let token = current
    let position = token.position
    let next = peek(1).kind
    if token.keyword == .exists || token.keyword == .count, subqueryFollows() {
      return try parseSubquery()
    }
    switch token.keyword {
    case .null:
      index += 1
      return Expression(.literal(.null), at: position)
    case .true:
      index += 1
      return Expression(.literal(.bool(true)), at: position)
    case .false:
      index += 1
      return Expression(.literal(.bool(false)), at: position)
    case .case:
      return try parseCase()
    case .count where next == .leftParen && peek(2).kind == .star:
      index += 3
      try expect(.rightParen, "')'")
      return Expression(.countStar, at: position)
    case .exists where next == .leftParen:
      index += 2
      let argument = try parseExpression()
      try expect(.rightParen, "')'")
      return Expression(.exists(argument), at: position)
    case .all, .any, .none, .single:
      if next == .leftParen && peekIs(3, .in)
        && (peek(2).kind == .identifier || peek(2).kind == .escapedIdentifier)
      {
        return try parseQuantifier()
      }
    case .reduce where next == .leftParen:
      return try parseReduce()
    case .shortestPath, .allShortestPaths:
      if next == .leftParen {
        let part = try parsePatternPart()
        return Expression(.pattern(part), at: position)
      }
    default:
      break
    }
    if next == .leftParen || (next == .dot && isNamespacedCall()) {
      return try parseFunctionCall()
    }
    guard !token.keyword.isReserved else { throw unexpected("an expression") }
    index += 1
    return try variableOrMapProjection(text(token), at: position)
  }

  /// Whether `a.b.c(` follows: a namespaced function call rather than property lookups.
  private func isNamespacedCall() -> Bool {
    var ahead = 1
    while peek(ahead).kind == .dot {
      let name = peek(ahead + 1).kind
      guard name == .identifier || name == .escapedIdentifier else { return false }
      ahead += 2
    }
    return peek(ahead).kind == .leftParen
  }

  private mutating func variableOrMapProjection(_ name: String, at position: SourcePosition)
    throws(CypherError) -> Expression
  {
    guard at(.leftBrace) else { return Expression(.variable(name), at: position) }
    index += 1
    var items: [MapProjectionItem] = []
    if !at(.rightBrace) {
      repeat {
        let itemPosition = current.position
        if accept(.dot) {
          if accept(.star) {
            items.append(MapProjectionItem(kind: .allProperties, position: itemPosition))
          } else {
            let key = try parseName("a property name or '*'")
            items.append(MapProjectionItem(kind: .property(key), position: itemPosition))
          }
        } else if peek(1).kind == .colon {
          let key = try parseName("a map key")
          index += 1
          let value = try parseExpression()
          items.append(MapProjectionItem(kind: .literal(key: key, value: value), position: itemPosition))
        } else {
          let variable = try parseVariable()
          items.append(MapProjectionItem(kind: .variable(variable), position: itemPosition))
        }
      } while accept(.comma)
    }
    try expect(.rightBrace, "',' or '}'")
    return Expression(.mapProjection(variable: name, items: items), at: position)
  }

  mutating func parseMapLiteral() throws(CypherError) -> [MapEntry] {
    try expect(.leftBrace, "'{'")
    var entries: [MapEntry] = []
    if !at(.rightBrace) {
      repeat {
        let keyPosition = current.position
        let key = try parseName("a map key")
        try expect(.colon, "':'")
        let value = try parseExpression()
        entries.append(MapEntry(key: key, value: value, position: keyPosition))
      } while accept(.comma)
    }
    try expect(.rightBrace, "',' or '}'")
    return entries
  }

  private mutating func parseFunctionCall() throws(CypherError) -> Expression {
    let position = current.position
    var names = [try parseName("a function name")]
    while accept(.dot) {
      names.append(try parseName("a function name"))
    }
    try expect(.leftParen, "'('")
    let distinct = accept(.distinct)
    var arguments: [Expression] = []
    if !at(.rightParen) {
      repeat {
        arguments.append(try parseExpression())
      } while accept(.comma)
    }
    try expect(.rightParen, "',' or ')'")
    let name = names.removeLast()
    let call = FunctionCall(namespace: names, name: name, distinct: distinct, arguments: arguments)
    return Expression(.functionCall(call), at: position)
  }

  private mutating func parseCase() throws(CypherError) -> Expression {
    let position = advance().position
    let subject = at(.when) ? nil : try parseExpression()
    var alternatives: [CaseAlternative] = []
    while accept(.when) {
      let condition = try parseExpression()
      try expect(.then)
      alternatives.append(CaseAlternative(condition: condition, result: try parseExpression()))
    }
    guard !alternatives.isEmpty else { throw unexpected("WHEN") }
    let elseValue = accept(.else) ? try parseExpression() : nil
    try expect(.end)
    let expression = CaseExpression(subject: subject, alternatives: alternatives, elseValue: elseValue)
    return Expression(.caseExpression(expression), at: position)
  }

  private mutating func parseQuantifier() throws(CypherError) -> Expression {
    let token = advance()
    let quantifier: Quantifier
    switch token.keyword {
    case .all: quantifier = .all
    case .any: quantifier = .any
    case .none: quantifier = .none
    default: quantifier = .single
    }
    index += 1  // (
    let variable = try parseVariable()
    try expect(.in)
    let list = try parseExpression()
    let predicate = accept(.where) ? try parseExpression() : nil
    try expect(.rightParen, "')'")
    return Expression(
      .quantifier(quantifier, variable: variable, list: list, predicate: predicate), at: token.position)
  }

  private mutating func parseReduce() throws(CypherError) -> Expression {
    let position = advance().position
    index += 1  // (
    let accumulator = try parseVariable()
    try expect(.equal, "'='")
    let initial = try parseExpression()
    try expect(.comma, "','")
    let variable = try parseVariable()
    try expect(.in)
    let list = try parseExpression()
    try expect(.pipe, "'|'")
    let step = try parseExpression()
    try expect(.rightParen, "')'")
    return Expression(
      .reduce(accumulator: accumulator, initial: initial, variable: variable, list: list, step: step),
      at: position)
  }

  /// `(expression)` or a pattern predicate such as `(a)-[:KNOWS]->(b)`.
  private mutating func parseParenthesized() throws(CypherError) -> Expression {
    let start = index
    let position = current.position
    if let element = try? parsePatternElement(), !element.chain.isEmpty {
      let part = PatternPart(variable: nil, kind: .plain, element: element, position: position)
      return Expression(.pattern(part), at: position)
    }
    index = start + 1
    let inner = try parseExpression()
    try expect(.rightParen, "')'")
    return inner
  }

  /// A list literal, list comprehension or pattern comprehension.
  private mutating func parseBracketExpression() throws(CypherError) -> Expression {
    let position = current.position
    let start = index
    index += 1
    if atVariable && peekIs(1, .in) {
      let variable = try parseVariable()
      index += 1
      let list = try parseExpression()
      let predicate = accept(.where) ? try parseExpression() : nil
      let projection = accept(.pipe) ? try parseExpression() : nil
      try expect(.rightBracket, "']'")
      let comprehension = ListComprehension(
        variable: variable, list: list, predicate: predicate, projection: projection)
      return Expression(.listComprehension(comprehension), at: position)
    }
    if (atVariable && peek(1).kind == .equal && peek(2).kind == .leftParen) || at(.leftParen) {
      if let comprehension = try? parsePatternComprehensionBody(at: current.position) {
        return Expression(.patternComprehension(comprehension), at: position)
      }
      index = start + 1
    }
    var items: [Expression] = []
    if !at(.rightBracket) {
      repeat {
        items.append(try parseExpression())
      } while accept(.comma)
    }
    try expect(.rightBracket, "',' or ']'")
    return Expression(.list(items), at: position)
  }

  private mutating func parsePatternComprehensionBody(at position: SourcePosition)
    throws(CypherError) -> PatternComprehension
  {
    var variable: String?
    if !at(.leftParen) {
      variable = try parseVariable()
      index += 1
    }
    let element = try parsePatternElement()
    guard !element.chain.isEmpty else { throw unexpected("a relationship pattern") }
    let part = PatternPart(variable: variable, kind: .plain, element: element, position: position)
    let predicate = accept(.where) ? try parseExpression() : nil
    try expect(.pipe, "'|'")
    let projection = try parseExpression()
    try expect(.rightBracket, "']'")
    return PatternComprehension(pattern: part, predicate: predicate, projection: projection)
  }
}
