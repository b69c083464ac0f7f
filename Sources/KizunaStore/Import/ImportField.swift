/// How `:ID`, `:START_ID` and `:END_ID` values are read (`--id-type`).
public enum ImportIDType: Sendable, Equatable {
  /// Ids are strings, compared byte for byte.
  case string
  /// Ids are decimal integers.
  case integer
}

/// Converting the current record's fields to values by their header column.
///
/// Missing values follow Neo4j: an empty unquoted field means the property is
/// absent (nil). A quoted empty field (`""`) is an empty string in a string
/// column and an empty list in an array column, and absent otherwise.
///
/// All integer types (`int`, `long`, `short`, `byte`) become a Cypher INTEGER
/// (64-bit, no narrower range check: Cypher has only one integer type), and
/// `float` / `double` a FLOAT. `char` is a one-character string.
extension CSVReader {
  /// The value of property `column` in the current record, nil when absent.
  /// Columns other than properties (id, label, ignore, ...) give nil.
  ///
  /// - Parameter arrayDelimiter: separates the elements of `type[]` columns.
  public func propertyValue(
    for column: ImportColumn, arrayDelimiter: UInt8 = UInt8(ascii: ";")
  ) throws(CSVError) -> Value? {
    guard case .property(let type, let isArray) = column.role else { return nil }
    let bytes = fieldBytes(column.index)
    if bytes.isEmpty {
      guard isQuoted(column.index) else { return nil }
      if isArray { return .list([]) }
      return type == .string ? .string("") : nil
    }
    if !isArray {
      do {
        return try ImportFieldConversion.scalar(bytes, as: type)
      } catch {
        throw fieldError(error, text: Self.quotedForMessage(bytes), column: column)
      }
    }
    var elements: [Value] = []
    var start = 0
    var position = 0
    while true {
      if position == bytes.count || bytes[position] == arrayDelimiter {
        let element = UnsafeBufferPointer(rebasing: bytes[start..<position])
        do {
          elements.append(try ImportFieldConversion.scalar(element, as: type))
        } catch {
          let text = Self.quotedForMessage(element) + " (element \(elements.count + 1))"
          throw fieldError(error, text: text, column: column)
        }
        if position == bytes.count { break }
        start = position + 1
      }
      position += 1
    }
    return .list(elements)
  }

  /// The fast path for an integer property column: the value without going
  /// through `Value`, nil when the field is empty. Inlinable, like `int64(_:)`.
  @inlinable
  public func integerProperty(for column: ImportColumn) throws(CSVError) -> Int64? {
    let bytes = fieldBytes(column.index)
    if bytes.isEmpty { return nil }
    guard let value = CSVScalar.int64(bytes) else {
      throw notAnInteger(column)
    }
    return value
  }

  /// The error for a bad integer, kept out of line: it is the cold path.
  @usableFromInline
  func notAnInteger(_ column: ImportColumn) -> CSVError {
    fieldError(.notA("an integer"), text: quotedForMessage(column.index), column: column)
  }

  /// The labels in a `:LABEL` column: `;`-separated, empty parts skipped.
  public func labels(for column: ImportColumn) throws(CSVError) -> [String] {
    let bytes = fieldBytes(column.index)
    var labels: [String] = []
    var start = 0
    for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: ";") {
      let part = UnsafeBufferPointer(rebasing: bytes[start..<position])
      start = position + 1
      if part.isEmpty { continue }
      guard let label = String(validating: part, as: UTF8.self) else {
        throw fieldError(.notA("valid UTF-8"), text: Self.quotedForMessage(part), column: column)
      }
      labels.append(label)
    }
    return labels
  }

  /// The value of an `:ID`, `:START_ID` or `:END_ID` column, as stored in the
  /// id property: a string, or an integer with `--id-type integer`.
  /// An empty id is an error: the row could not be referred to or connected.
  public func idValue(for column: ImportColumn, type: ImportIDType) throws(CSVError) -> Value {
    let bytes = fieldBytes(column.index)
    guard !bytes.isEmpty else {
      throw CSVError(
        file: name, line: line, kind: .invalidValue, reason: "missing id in column '\(column.header)'")
    }
    switch type {
    case .integer:
      guard let value = CSVScalar.int64(bytes) else {
        throw fieldError(
          .notA("an integer id (--id-type integer)"), text: Self.quotedForMessage(bytes), column: column)
      }
      return .int(value)
    case .string:
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw fieldError(.notA("valid UTF-8"), text: Self.quotedForMessage(bytes), column: column)
      }
      return .string(text)
    }
  }

  private func fieldError(_ failure: ImportFieldFailure, text: String, column: ImportColumn) -> CSVError {
    let reason: String
    switch failure {
    case .notA(let expected): reason = "\(text) is not \(expected) for column '\(column.header)'"
    case .message(let message): reason = "\(message), in \(text) for column '\(column.header)'"
    }
    return CSVError(file: name, line: line, kind: .invalidValue, reason: reason)
  }
}

/// Why one field (or array element) could not be converted; the caller adds
/// the file, line, text and column.
enum ImportFieldFailure: Error {
  /// The text is not the kind of value named (`"an integer"`).
  case notA(String)
  /// Any other reason, as a phrase.
  case message(String)
}

/// Converts the bytes of one value to a `Value` by column type.
enum ImportFieldConversion {
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, as type: ImportValueType) throws(ImportFieldFailure)
    -> Value
  {
    switch type {
    case .int, .long, .short, .byte:
      guard let value = CSVScalar.int64(bytes) else { throw .notA("an integer") }
      return .int(value)
    case .float, .double:
      guard let value = CSVScalar.double(bytes) else { throw .notA("a number") }
      return .float(value)
    case .boolean:
      guard let value = CSVScalar.bool(bytes) else { throw .notA("a boolean (true or false)") }
      return .bool(value)
    case .string:
      return .string(try text(bytes))
    case .char:
      let value = try text(bytes)
      guard value.count == 1 else { throw .notA("a single character") }
      return .string(value)
    case .date, .localtime, .time, .localdatetime, .datetime, .duration:
      return try ImportTemporalHook.parse(try text(bytes), as: type)
    }
  }

  private static func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(ImportFieldFailure) -> String {
    guard let value = String(validating: bytes, as: UTF8.self) else { throw .notA("valid UTF-8") }
    return value
  }
}
