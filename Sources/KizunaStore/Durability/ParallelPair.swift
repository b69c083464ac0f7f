import Dispatch

/// Runs two independent pieces of work at once, one per core (the machines
/// Kizuna targets have at least two), and returns both results.
///
/// The closures must not touch shared mutable state except through
/// disjoint memory; callers pass unsafe buffers over separate ranges.
func inParallel<A, B>(_ first: () -> A, second: () -> B) -> (A, B) {
  let slots = PairSlots<A, B>()
  withoutActuallyEscaping(first) { first in
    withoutActuallyEscaping(second) { second in
      let work = UncheckedPair(first: first, second: second)
      DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { slots.first = work.first() } else { slots.second = work.second() }
      }
    }
  }
  // concurrentPerform returns only after both iterations ran, so both are set.
  guard let a = slots.first, let b = slots.second else { return (first(), second()) }
  return (a, b)
}

/// The two results, each written by exactly one thread before the join.
private final class PairSlots<A, B>: @unchecked Sendable {
  var first: A?
  var second: B?
}

/// The two closures, each called by exactly one thread.
private struct UncheckedPair<A, B>: @unchecked Sendable {
  let first: () -> A
  let second: () -> B
}
