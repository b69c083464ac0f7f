/// Where a piece of syntax starts in the statement text.
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// Byte offset into the UTF-8 text of the whole script.
  public var offset: Int
  /// 1-based line.
  public var line: Int
  /// 1-based column, counted in Unicode scalars from the start of the line.
  public var column: Int

  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  public var description: String { "line \(line), column \(column)" }
}
