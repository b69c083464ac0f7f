import KizunaStore

// The runtime errors functions and operators raise, named as openCypher's
// TCK names them, so every call site words its message the same way.

extension CypherError {
  /// `TypeError.InvalidArgumentType`: `what` got a value of the wrong type.
  static func invalidArgumentType(_ what: String, _ value: Value, expected: String) -> CypherError {
    .runtime(
      .typeError, "InvalidArgumentType", "\(what) expected \(expected) but got \(value.typeName)")
  }

  /// `TypeError.InvalidArgumentValue`: what openCypher reports when `labels()`
  /// or `type()` meets a value that is not a graph element at run time.
  static func invalidArgumentValueType(_ what: String, _ value: Value, expected: String) -> CypherError {
    .runtime(
      .typeError, "InvalidArgumentValue", "\(what) expected \(expected) but got \(value.typeName)")
  }

  /// `ArgumentError.NumberOutOfRange`.
  static func numberOutOfRange(_ message: String) -> CypherError {
    .runtime(.argumentError, "NumberOutOfRange", message)
  }

  /// `ArgumentError.InvalidArgumentValue`.
  static func invalidArgumentValue(_ message: String) -> CypherError {
    .runtime(.argumentError, "InvalidArgumentValue", message)
  }

  /// `ArgumentError.NegativeIntegerArgument`.
  static func negativeIntegerArgument(_ message: String) -> CypherError {
    .runtime(.argumentError, "NegativeIntegerArgument", message)
  }

  /// `ArithmeticError.IntegerOverflow`.
  static func integerOverflow(_ message: String) -> CypherError {
    .runtime(.arithmeticError, "IntegerOverflow", message)
  }

  /// `ArithmeticError.DivisionByZero`.
  static func divisionByZero(_ message: String) -> CypherError {
    .runtime(.arithmeticError, "DivisionByZero", message)
  }

  /// `EntityNotFound.DeletedEntityAccess`: `what` read a node or relationship deleted earlier.
  static func deletedEntity(_ what: String, _ value: Value) -> CypherError {
    .runtime(
      .entityNotFound, "DeletedEntityAccess",
      "\(what) cannot read a \(value.typeName.lowercased()) that has been deleted")
  }

  /// The openCypher error for a failed temporal operation: bad text, fields or
  /// units are `InvalidArgumentValue`, results outside the supported range
  /// `NumberOutOfRange`.
  static func temporal(_ error: any Error, in what: String) -> CypherError {
    guard let error = error as? TemporalError else {
      return .invalidArgumentValue("\(what): \(error)")
    }
    switch error.kind {
    case .invalidArgument: return .invalidArgumentValue("\(what): \(error.message)")
    case .outOfRange: return .numberOutOfRange("\(what): \(error.message)")
    }
  }
}

/// Runs a temporal-API call, turning its untyped errors into `CypherError`s.
@inline(__always)
func temporalCall<T>(_ what: String, _ body: () throws -> T) throws(CypherError) -> T {
  do {
    return try body()
  } catch {
    throw CypherError.temporal(error, in: what)
  }
}
