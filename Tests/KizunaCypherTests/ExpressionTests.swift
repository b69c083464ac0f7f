import Testing

@testable import KizunaCypher

@Suite struct ExpressionTests {
  static let precedence: [(String, String)] = [
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("(1 + 2) * 3", "((1 + 2) * 3)"),
    ("1 - 2 - 3", "((1 - 2) - 3)"),
    ("2 ^ 3 ^ 2", "((2 ^ 3) ^ 2)"),
    ("-2 ^ 2", "(-2 ^ 2)"),
    ("-x ^ 2", "((- x) ^ 2)"),
    ("2 * 3 ^ 2", "(2 * (3 ^ 2))"),
    ("10 % 3 / 2", "((10 % 3) / 2)"),
    ("a OR b AND c", "(a OR (b AND c))"),
    ("a XOR b OR c", "((a XOR b) OR c)"),
    ("a AND b XOR c", "((a AND b) XOR c)"),
    ("NOT a AND b", "((NOT a) AND b)"),
    ("NOT a = b", "(NOT (a = b))"),
    ("NOT NOT a", "(NOT (NOT a))"),
    ("a = b AND c <> d", "((a = b) AND (c <> d))"),
    ("a < b < c", "chain(a < b < c)"),
    ("1 <= x < 10 = true", "chain(1 <= x < 10 = true)"),
    ("a + 1 > b * 2", "((a + 1) > (b * 2))"),
    ("x IN [1, 2] = true", "((x IN [1, 2]) = true)"),
    ("a + b IN list", "((a + b) IN list)"),
    ("name STARTS WITH 'A' AND name ENDS WITH 'z'", "((name STARTS WITH 'A') AND (name ENDS WITH 'z'))"),
    ("s CONTAINS 'x'", "(s CONTAINS 'x')"),
    ("s =~ 'a.*'", "(s =~ 'a.*')"),
    ("x IS NULL", "(x IS NULL)"),
    ("x IS NOT NULL OR y", "((x IS NOT NULL) OR y)"),
    ("n.age + 1 IS NULL", "((n.age + 1) IS NULL)"),
    ("n.a.b", "n.a.b"),
    ("list[0][1]", "list[0][1]"),
    ("list[..2]", "list[..2]"),
    ("list[1..]", "list[1..]"),
    ("list[-1]", "list[-1]"),
    ("n:Person:Admin", "n:Person:Admin"),
    ("n:Person AND m:Dog", "(n:Person AND m:Dog)"),
    ("-n.x", "(- n.x)"),
    ("+1", "(+ 1)"),
    ("1 - -1", "(1 - -1)"),
    ("count(*)", "count(*)"),
    ("count(DISTINCT x)", "count(DISTINCT x)"),
    ("toLower(n.name)", "toLower(n.name)"),
    ("date.truncate('month', d)", "date.truncate('month', d)"),
    ("duration.between(a, b)", "duration.between(a, b)"),
    ("rand()", "rand()"),
    (
      "CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END",
      "CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END"
    ),
    ("CASE WHEN a > 1 THEN 1 END", "CASE WHEN (a > 1) THEN 1 END"),
    ("[x IN list WHERE x > 1 | x * 2]", "[x IN list WHERE (x > 1) | (x * 2)]"),
    ("[x IN list | x]", "[x IN list | x]"),
    ("[x IN list WHERE x]", "[x IN list WHERE x]"),
    ("all(x IN list WHERE x > 0)", "all(x IN list WHERE (x > 0))"),
    ("any(x IN list WHERE x)", "any(x IN list WHERE x)"),
    ("none(x IN list WHERE x)", "none(x IN list WHERE x)"),
    ("single(x IN list WHERE x)", "single(x IN list WHERE x)"),
    ("reduce(acc = 0, x IN list | acc + x)", "reduce(acc = 0, x IN list | (acc + x))"),
    ("n {.name, .*, age: n.age, other}", "n{.name, .*, age: n.age, other}"),
    ("exists(n.name)", "exists(n.name)"),
    ("exists((a)-->())", "exists(pattern(1))"),
    ("(a)-[:KNOWS]->(b)", "pattern(1)"),
    ("(a)--()<--(c)", "pattern(2)"),
    ("NOT (a)-->()", "(NOT pattern(1))"),
    ("(a) - (b)", "(a - b)"),
    ("[(a)-->(b) WHERE b.x | b.name]", "[pattern WHERE b.x | b.name]"),
    ("[p = (a)-->() | p]", "[pattern | p]"),
    ("[(1), (2)]", "[1, 2]"),
    ("n.count + n.end", "(n.count + n.end)"),
    ("a<-1", "(a < -1)"),
    ("a<>b", "(a <> b)"),
    ("a<=b", "(a <= b)"),
    ("a>=-b", "(a >= (- b))"),
    ("x=~'r'", "(x =~ 'r')"),
    ("1--1", "(1 - -1)"),
    ("a.b.c.d", "a.b.c.d"),
    ("a.`weird key`", "a.weird key"),
    ("n.x IN [1, 2][..1]", "(n.x IN [1, 2][..1])"),
  ]

  @Test(arguments: precedence)
  func precedenceAndForms(text: String, expected: String) throws {
    #expect(render(try Parser.parseExpression(text)) == expected)
  }

  @Test func patternComprehensionKeepsPathVariable() throws {
    let expression = try Parser.parseExpression("[p = (a)-[:R]->(b) | length(p)]")
    guard case .patternComprehension(let value) = expression.kind else { return #expect(Bool(false)) }
    #expect(value.pattern.variable == "p")
    #expect(value.pattern.element.chain[0].relationship.types == ["R"])
  }

  @Test func shortestPathInExpression() throws {
    let expression = try Parser.parseExpression("shortestPath((a)-[*]-(b))")
    guard case .pattern(let part) = expression.kind else { return #expect(Bool(false)) }
    #expect(part.kind == .shortestPath)
  }

  @Test func positionsOfNestedExpressions() throws {
    let expression = try Parser.parseExpression("1 +\n  foo(x)")
    guard case .binary(_, _, let right) = expression.kind else { return #expect(Bool(false)) }
    #expect(right.position == SourcePosition(offset: 6, line: 2, column: 3))
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let expression = try Parser.parseExpression("'éé' + x")
    guard case .binary(_, _, let right) = expression.kind else { return #expect(Bool(false)) }
    #expect(right.position.column == 8)
    #expect(right.position.offset == 9)
  }
}
