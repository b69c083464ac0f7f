extension CSVReader {
  /// Calls `body` with the bytes of field `index` of the current record:
  /// unquoted and with doubled quotes already turned into one.
  ///
  /// The bytes are only valid inside `body`. A field past `fieldCount` reads
  /// as empty, so a short record never traps; check `fieldCount` to reject it.
  @inlinable
  public func withField<Result>(
    _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try body(fieldBytes(index))
  }

  /// The bytes of field `index`, valid until the next call to `nextRecord()`.
  @inlinable
  func fieldBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 && index < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
    let span = spans[index]
    return UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start)
  }

  /// Whether field `index` has no bytes (quoted or not).
  public func isEmpty(_ index: Int) -> Bool {
    guard index >= 0 && index < fieldCount else { return true }
    let span = spans[index]
    return span.start == span.end
  }

  /// Whether field `index` was enclosed in quotes. An empty quoted field (`""`)
  /// is an empty string; an empty unquoted one is a missing value.
  public func isQuoted(_ index: Int) -> Bool {
    guard index >= 0 && index < fieldCount else { return false }
    return spans[index].quoted
  }

  /// Whether field `index` is empty and unquoted: Neo4j's "no value here".
  public func isMissing(_ index: Int) -> Bool {
    isEmpty(index) && !isQuoted(index)
  }

  /// Field `index` as a string, after checking that it is valid UTF-8.
  public func string(_ index: Int) throws(CSVError) -> String {
    let bytes = fieldBytes(index)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw error(column: index + 1, kind: .invalidUTF8, "field \(index + 1) is not valid UTF-8")
    }
    return text
  }

  /// Field `index` as a decimal integer (optional sign, surrounding spaces ignored).
  ///
  /// Inlinable so a caller in another module parses without a call per field.
  @inlinable
  public func int64(_ index: Int) throws(CSVError) -> Int64 {
    guard let value = CSVScalar.int64(fieldBytes(index)) else {
      throw invalidField(index, "an integer")
    }
    return value
  }

  /// Field `index` as a floating-point number (surrounding spaces ignored).
  public func double(_ index: Int) throws(CSVError) -> Double {
    guard let value = CSVScalar.double(fieldBytes(index)) else {
      throw invalidField(index, "a number")
    }
    return value
  }

  /// Field `index` as `true` or `false`, in any letter case.
  public func bool(_ index: Int) throws(CSVError) -> Bool {
    guard let value = CSVScalar.bool(fieldBytes(index)) else {
      throw invalidField(index, "a boolean (true or false)")
    }
    return value
  }

  /// The field's text for an error message, shortened and with bad UTF-8 repaired.
  public func quotedForMessage(_ index: Int) -> String {
    Self.quotedForMessage(fieldBytes(index))
  }

  static func quotedForMessage(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let limit = 60
    let shown = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, limit)])
    var text = String(decoding: shown, as: UTF8.self)
    if bytes.count > limit { text += "…" }
    return "'" + text + "'"
  }

  @usableFromInline
  func invalidField(_ index: Int, _ expected: String) -> CSVError {
    let what = isEmpty(index) ? "an empty field" : quotedForMessage(index)
    return error(column: index + 1, kind: .invalidValue, "\(what) is not \(expected)")
  }
}
