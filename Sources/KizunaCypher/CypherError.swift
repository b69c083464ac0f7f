/// An error raised while compiling or running a Cypher statement, classified
/// the way openCypher and Neo4j classify them (`SyntaxError.UnexpectedSyntax`,
/// `SemanticError.UndefinedVariable`, ...).
public struct CypherError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The openCypher error classification.
  public enum ErrorType: String, Sendable, Equatable {
    case syntaxError = "SyntaxError"
    case semanticError = "SemanticError"
    case typeError = "TypeError"
    case argumentError = "ArgumentError"
    case arithmeticError = "ArithmeticError"
    case entityNotFound = "EntityNotFound"
    case constraintValidationFailed = "ConstraintValidationFailed"
    case constraintVerificationFailed = "ConstraintVerificationFailed"
    case parameterMissing = "ParameterMissing"
    case procedureError = "ProcedureError"
  }

  /// When the error was detected.
  public enum Phase: String, Sendable, Equatable {
    case compile
    case runtime
  }

  public var type: ErrorType
  /// The openCypher detail name, such as `UndefinedVariable` or `InvalidNumberLiteral`.
  public var detail: String
  public var phase: Phase
  /// A sentence for a person: what is wrong, where, and how to fix it when obvious.
  public var message: String
  /// 1-based line of the offending text, when known.
  public var line: Int?
  /// 1-based column (in characters) of the offending text, when known.
  public var column: Int?

  public init(
    type: ErrorType, detail: String, phase: Phase, message: String, line: Int? = nil, column: Int? = nil
  ) {
    self.type = type
    self.detail = detail
    self.phase = phase
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String { "\(type.rawValue).\(detail): \(message)" }

  /// A compile-time syntax error at a line and column; the position is appended to the message.
  public static func syntax(_ detail: String, _ message: String, line: Int, column: Int) -> CypherError {
    CypherError(
      type: .syntaxError, detail: detail, phase: .compile,
      message: "\(message) (line \(line), column \(column))", line: line, column: column)
  }

  /// A compile-time error found by semantic analysis (an undefined variable, a
  /// misplaced aggregate, ...). Its type is `SyntaxError`, because that is how
  /// the openCypher TCK classifies every compile-time error; the detail says
  /// which rule was broken.
  public static func compile(_ detail: String, _ message: String, at position: SourcePosition?)
    -> CypherError
  {
    var text = message
    if let position { text += " (line \(position.line), column \(position.column))" }
    return CypherError(
      type: .syntaxError, detail: detail, phase: .compile, message: text, line: position?.line,
      column: position?.column)
  }

  /// A runtime error without a source position.
  public static func runtime(_ type: ErrorType, _ detail: String, _ message: String) -> CypherError {
    CypherError(type: type, detail: detail, phase: .runtime, message: message)
  }
}
