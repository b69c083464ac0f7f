/// Why an explorer command could not answer, written for a person.
public struct ExplorerError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// No node has that name; `candidates` holds close matches.
    case notFound
    /// Several nodes have that name; `candidates` holds them.
    case ambiguous
    /// The two entities are not connected within the limits.
    case noPath
    /// An argument names something the graph does not have (a relationship type).
    case invalidArgument
    /// The query behind the command failed.
    case query
  }

  public var kind: Kind
  public var message: String
  public var candidates: [Entity]

  public init(_ kind: Kind, _ message: String, candidates: [Entity] = []) {
    self.kind = kind
    self.message = message
    self.candidates = candidates
  }

  public var description: String { message }
}
