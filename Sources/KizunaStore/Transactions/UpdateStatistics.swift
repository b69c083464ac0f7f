/// The counters a statement reports (interface.md's `stats`).
public struct UpdateStatistics: Sendable, Equatable {
  public var nodesCreated = 0
  public var nodesDeleted = 0
  public var relationshipsCreated = 0
  public var relationshipsDeleted = 0
  public var propertiesSet = 0
  public var labelsAdded = 0
  public var labelsRemoved = 0
  public var indexesAdded = 0
  public var indexesRemoved = 0
  public var constraintsAdded = 0
  public var constraintsRemoved = 0

  public init() {}

  public var containsUpdates: Bool { self != UpdateStatistics() }
}
