/// Reads date, time and duration columns with the same ISO 8601 parsers
/// that Cypher's `date('2024-01-31')` and friends use.
enum ImportTemporalHook {
  /// Parses `text` as a value of the temporal `type`.
  static func parse(_ text: String, as type: ImportValueType) throws(ImportFieldFailure) -> Value {
    do {
      switch type {
      case .date: return .date(try CypherDate.parse(text))
      case .localtime: return .localTime(try CypherLocalTime.parse(text))
      case .time: return .time(try CypherTime.parse(text))
      case .localdatetime: return .localDateTime(try CypherLocalDateTime.parse(text))
      case .datetime: return .dateTime(try CypherDateTime.parse(text))
      case .duration: return .duration(try CypherDuration.parse(text))
      default: throw ImportFieldFailure.message("'\(type.rawValue)' is not a temporal type")
      }
    } catch let failure as ImportFieldFailure {
      throw failure
    } catch {
      throw .notA("a \(type.rawValue)")
    }
  }
}
