/// Errors the store reports; the query engine maps them onto openCypher's
/// error types.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    /// A value that cannot be stored as a property (a node, a map holding one...).
    case invalidPropertyType
    /// Deleting a node that still has relationships.
    case deleteConnectedNode
    /// Reading or writing a node or relationship that has been deleted.
    case deletedEntity
    /// A write would break a uniqueness constraint.
    case constraintViolation
    /// Index or constraint statements: name clashes, missing names, bad targets.
    case schema
    /// The database directory cannot be used (locked, unreadable, damaged).
    case storage
    /// CSV import input is wrong.
    case importFailed
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
