/// Levenshtein distance over UTF-8 bytes (folded names are almost all
/// ASCII), for "did you mean" lists.
enum EditDistance {
  /// The distance, or nil once it is certain to exceed `limit` (most names
  /// in a large graph are rejected by length alone).
  static func distance<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B, limit: Int) -> Int?
  where A.Index == Int, B.Index == Int {
    let n = a.count, m = b.count
    if abs(n - m) > limit { return nil }
    if n == 0 || m == 0 { return max(n, m) }
    let a0 = a.startIndex, b0 = b.startIndex
    var previous = Array(0...m)
    var current = [Int](repeating: 0, count: m + 1)
    for i in 1...n {
      current[0] = i
      var rowBest = i
      let ai = a[a0 + i - 1]
      for j in 1...m {
        let substitution = previous[j - 1] + (ai == b[b0 + j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        rowBest = min(rowBest, current[j])
      }
      if rowBest > limit { return nil }
      swap(&previous, &current)
    }
    return previous[m] <= limit ? previous[m] : nil
  }
}
