/// A problem found while reading or converting a CSV file, with the place it
/// was found so a person can fix the file.
///
/// The description reads `persons.csv, line 12: unterminated quoted field starting here`,
/// or with a column, `knows.csv, line 1, column 3: unknown type 'integr' in 'since:integr'; ...`.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, for callers that react to the kind rather than the text.
  public enum Kind: Sendable, Equatable {
    /// The file could not be opened or read, or the reader was misconfigured.
    case io
    /// A quoted field was still open at the end of the file.
    case unterminatedQuote
    /// A `"` appeared inside a field that did not start with one.
    case quoteInUnquotedField
    /// Something other than a delimiter or a line end followed a closing quote.
    case garbageAfterQuote
    /// A field's bytes are not valid UTF-8.
    case invalidUTF8
    /// A field does not hold what its column type asks for.
    case invalidValue
    /// A record has a different number of fields than the header.
    case fieldCount
    /// The header row breaks the bulk-import header conventions.
    case header
    /// A row would break a uniqueness constraint of the database.
    case constraintViolation
  }

  /// The file's name as given to the reader.
  public var file: String
  /// The 1-based line; 0 when the problem is not tied to a line (opening the file).
  public var line: Int
  /// The 1-based column (field) number, when the problem is tied to one.
  public var column: Int?
  public var kind: Kind
  /// A sentence for a person, without the file and line prefix.
  public var reason: String

  public init(file: String, line: Int, column: Int? = nil, kind: Kind, reason: String) {
    self.file = file
    self.line = line
    self.column = column
    self.kind = kind
    self.reason = reason
  }

  public var description: String {
    var text = file
    if line > 0 { text += ", line \(line)" }
    if let column { text += ", column \(column)" }
    return text + ": " + reason
  }
}
