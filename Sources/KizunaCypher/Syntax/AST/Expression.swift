/// An expression and where it starts in the source.
public struct Expression: Sendable, Equatable {
  public var kind: ExpressionKind
  public var position: SourcePosition

  public init(_ kind: ExpressionKind, at position: SourcePosition) {
    self.kind = kind
    self.position = position
  }
}

/// The forms a Cypher expression takes. Parentheses leave no trace: `(a + b)`
/// is the `.binary` node itself.
public indirect enum ExpressionKind: Sendable, Equatable {
  /// `null`, `true`, `42`, `1.5`, `'text'`.
  case literal(Literal)
  /// `$name` or `$0` (the name without the `$`).
  case parameter(String)
  case variable(String)
  /// `[a, b, c]`.
  case list([Expression])
  /// `{key: value, ...}` in source order.
  case map([MapEntry])
  /// `subject.key`.
  case property(Expression, key: String)
  /// `subject[index]`.
  case `subscript`(Expression, index: Expression)
  /// `subject[from..to]`; either bound may be missing.
  case slice(Expression, from: Expression?, to: Expression?)
  /// `subject:Label:Other`: true when the node has all the labels (or the relationship has that type).
  case hasLabels(Expression, labels: [String])
  case unary(UnaryOperator, Expression)
  case binary(BinaryOperator, Expression, Expression)
  /// A chain of two or more comparisons, `a < b <= c`, meaning `a < b AND b <= c`
  /// with each middle operand evaluated once. A single comparison is `.binary`.
  case comparisonChain(Expression, [ComparisonLink])
  /// `subject IS NULL` (`negated == false`) or `subject IS NOT NULL`.
  case isNull(Expression, negated: Bool)
  case functionCall(FunctionCall)
  /// `count(*)`.
  case countStar
  case caseExpression(CaseExpression)
  /// `[variable IN list WHERE predicate | projection]`.
  case listComprehension(ListComprehension)
  /// `[path = (a)-->(b) WHERE predicate | projection]`.
  case patternComprehension(PatternComprehension)
  /// A relationship pattern used as a predicate: `WHERE (a)-[:KNOWS]->()`. True when it has a match.
  /// Also used for `shortestPath(...)` written in an expression (the part's `kind` says which).
  case pattern(PatternPart)
  /// `exists(argument)`: the argument is a property (`.property`) or a `.pattern`.
  case exists(Expression)
  /// `all/any/none/single(variable IN list WHERE predicate)`.
  case quantifier(Quantifier, variable: String, list: Expression, predicate: Expression?)
  /// `reduce(accumulator = initial, variable IN list | step)`.
  case reduce(accumulator: String, initial: Expression, variable: String, list: Expression, step: Expression)
  /// `variable {.name, .*, key: expression, otherVariable}`.
  case mapProjection(variable: String, items: [MapProjectionItem])
  /// `EXISTS { ... }` or `COUNT { ... }`: a read-only query run once per row.
  case subquery(Subquery)
}

/// `EXISTS { ... }` / `COUNT { ... }`. The simple form `EXISTS { (a)-->(b) WHERE p }` is kept as
/// the query `MATCH (a)-->(b) WHERE p`, so both forms are planned and checked alike.
public struct Subquery: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// True when the query yields at least one row.
    case exists = "EXISTS"
    /// The number of rows the query yields.
    case count = "COUNT"
  }

  public var kind: Kind
  /// The clauses; outer variables are in scope and the final RETURN is optional.
  public var query: SingleQuery

  public init(kind: Kind, query: SingleQuery) {
    self.kind = kind
    self.query = query
  }
}

/// A literal constant.
public enum Literal: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int64)
  case float(Double)
  case string(String)
}

public enum UnaryOperator: String, Sendable, Equatable {
  case not = "NOT"
  case minus = "-"
  case plus = "+"
}

/// Binary operators, including single comparisons (chains use `.comparisonChain`).
public enum BinaryOperator: String, Sendable, Equatable {
  case or = "OR"
  case xor = "XOR"
  case and = "AND"
  case equal = "="
  case notEqual = "<>"
  case less = "<"
  case greater = ">"
  case lessOrEqual = "<="
  case greaterOrEqual = ">="
  case startsWith = "STARTS WITH"
  case endsWith = "ENDS WITH"
  case contains = "CONTAINS"
  case regexMatch = "=~"
  case `in` = "IN"
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case modulo = "%"
  case power = "^"

  /// True for `=`, `<>`, `<`, `>`, `<=`, `>=`.
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual: return true
    default: return false
    }
  }
}

/// One step of a comparison chain: the operator and its right operand.
public struct ComparisonLink: Sendable, Equatable {
  public var op: BinaryOperator
  public var operand: Expression

  public init(op: BinaryOperator, operand: Expression) {
    self.op = op
    self.operand = operand
  }
}

/// One `key: value` entry of a map literal.
public struct MapEntry: Sendable, Equatable {
  public var key: String
  public var value: Expression
  public var position: SourcePosition

  public init(key: String, value: Expression, position: SourcePosition) {
    self.key = key
    self.value = value
    self.position = position
  }
}

/// `name(arguments)`, `namespace.name(arguments)` or `name(DISTINCT arguments)`.
public struct FunctionCall: Sendable, Equatable {
  /// Namespace parts, e.g. `["date"]` for `date.truncate`; empty for most functions.
  public var namespace: [String]
  /// The name as written (`toLower`, `truncate`).
  public var name: String
  public var distinct: Bool
  public var arguments: [Expression]

  public init(namespace: [String], name: String, distinct: Bool, arguments: [Expression]) {
    self.namespace = namespace
    self.name = name
    self.distinct = distinct
    self.arguments = arguments
  }

  /// The full dotted name as written, e.g. `date.truncate`.
  public var qualifiedName: String { (namespace + [name]).joined(separator: ".") }
}

/// `CASE [subject] WHEN ... THEN ... [ELSE ...] END`.
public struct CaseExpression: Sendable, Equatable {
  /// Present for the simple form (`CASE x WHEN 1 THEN ...`), nil for the searched form.
  public var subject: Expression?
  public var alternatives: [CaseAlternative]
  public var elseValue: Expression?

  public init(subject: Expression?, alternatives: [CaseAlternative], elseValue: Expression?) {
    self.subject = subject
    self.alternatives = alternatives
    self.elseValue = elseValue
  }
}

/// `WHEN condition THEN result`; in the simple form `condition` is the value compared with the subject.
public struct CaseAlternative: Sendable, Equatable {
  public var condition: Expression
  public var result: Expression

  public init(condition: Expression, result: Expression) {
    self.condition = condition
    self.result = result
  }
}

public struct ListComprehension: Sendable, Equatable {
  public var variable: String
  public var list: Expression
  public var predicate: Expression?
  public var projection: Expression?

  public init(variable: String, list: Expression, predicate: Expression?, projection: Expression?) {
    self.variable = variable
    self.list = list
    self.predicate = predicate
    self.projection = projection
  }
}

public struct PatternComprehension: Sendable, Equatable {
  /// The pattern; its `variable` is the optional path variable.
  public var pattern: PatternPart
  public var predicate: Expression?
  public var projection: Expression

  public init(pattern: PatternPart, predicate: Expression?, projection: Expression) {
    self.pattern = pattern
    self.predicate = predicate
    self.projection = projection
  }
}

public enum Quantifier: String, Sendable, Equatable {
  case all, any, none, single
}

/// One element of a map projection.
public struct MapProjectionItem: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// `.name`: the property of the same name.
    case property(String)
    /// `.*`: all properties.
    case allProperties
    /// `key: expression`.
    case literal(key: String, value: Expression)
    /// `otherVariable`: the variable's value under its own name.
    case variable(String)
  }

  public var kind: Kind
  public var position: SourcePosition

  public init(kind: Kind, position: SourcePosition) {
    self.kind = kind
    self.position = position
  }
}
