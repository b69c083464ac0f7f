/// Why a rendering, a style file, a DOT text or an export failed.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// Graphviz refused the graph or failed to lay it out or render it.
    case graphviz
    /// A DOT text could not be read.
    case dotSyntax = "DOT syntax"
    /// A style file is not valid JSON or does not describe a style.
    case style
    /// Writing an output file or directory failed.
    case io
    /// The data cannot be written in the requested format.
    case export
    /// The graph is too large for the chosen layout to finish in reasonable time.
    case tooLarge
  }

  public var kind: Kind
  public var message: String
  /// 1-based line (and column) in the text at fault, when known.
  public var line: Int?
  public var column: Int?

  public init(_ kind: Kind, _ message: String, line: Int? = nil, column: Int? = nil) {
    self.kind = kind
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String {
    var place = ""
    if let line {
      place = " at line \(line)"
      if let column { place += ", column \(column)" }
    }
    return "\(kind.rawValue) error\(place): \(message)"
  }
}
