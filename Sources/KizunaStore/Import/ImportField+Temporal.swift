/// The hook through which import reads date, time and duration columns.
///
/// Temporal parsing lives with the temporal value types (`Temporal+*.swift`),
/// which were being written at the same time as the importer. Until it is
/// wired in here, a temporal column whose field holds a value fails the import
/// with "temporal columns are not supported yet". To wire it in, replace the
/// body of `parse(_:as:)` with calls to the temporal parsers (ISO 8601 text,
/// as Cypher's `date('2024-01-31')` accepts), throwing `.notA("a date")` and
/// the like on bad text; nothing else in the importer needs to change.
enum ImportTemporalHook {
  /// Parses `text` as a value of the temporal `type`.
  static func parse(_ text: String, as type: ImportValueType) throws(ImportFieldFailure) -> Value {
    throw .message("temporal columns are not supported yet (\(type.rawValue))")
  }
}
