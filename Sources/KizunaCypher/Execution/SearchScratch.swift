import Synchronization

/// Per-node working memory for graph searches, sized to the node count and
/// kept between statements. A search stamps each node it reaches with its
/// generation (and side), so starting a new one clears nothing.
///
/// Used by one search at a time (the pool hands it out), so it moves between
/// the pool's users without locking of its own.
final class SearchScratch: @unchecked Sendable {
  /// Per node: the stamp in the high 32 bits, the relationship the node was
  /// reached through in the low 32. A search takes the array out while it
  /// runs (plain local access, no exclusivity checks) and puts it back.
  var slots: [UInt64] = []
  var frontiers: ([UInt32], [UInt32], [UInt32]) = ([], [], [])
  private(set) var generation: UInt32 = 0

  /// Starts a search over nodes below `nodeCount`: returns the stamp of the
  /// start side (the end side uses the stamp plus one).
  func begin(nodeCount: Int) -> UInt32 {
    if slots.count < nodeCount { slots.append(contentsOf: repeatElement(0, count: nodeCount - slots.count)) }
    if generation >= UInt32.max - 2 {
      for i in slots.indices { slots[i] = 0 }
      generation = 0
    }
    generation += 2
    frontiers.0.removeAll(keepingCapacity: true)
    frontiers.1.removeAll(keepingCapacity: true)
    frontiers.2.removeAll(keepingCapacity: true)
    return generation
  }
}

/// Scratch areas shared by the statements of one engine: a search takes one
/// (or makes one) and gives it back, so concurrent readers never share.
final class SearchScratchPool: Sendable {
  private let free = Mutex<[SearchScratch]>([])

  /// Runs `body` with a scratch area nobody else is using.
  func with<R>(_ body: (SearchScratch) throws -> R) rethrows -> R {
    let scratch = free.withLock { $0.popLast() } ?? SearchScratch()
    defer { free.withLock { $0.append(scratch) } }
    return try body(scratch)
  }
}
