/// Function name knowledge used by the checker: which names aggregate, and
/// "did you mean" suggestions for unknown ones.
enum FunctionNames {
  /// The aggregating functions of openCypher, lower-cased.
  static let aggregates: Set<String> = [
    "count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont",
    "percentiledisc",
  ]

  /// The known name closest to `name` (by edit distance, ignoring case), if close enough to be a
  /// plausible typo.
  /// `known` holds names as they should be shown (`toLower`); comparison ignores case.
  static func suggestion(for name: String, among known: [String]) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in known {
      let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
      if distance <= max(1, target.count / 3), distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      } else if distance == best?.distance, let current = best?.name, candidate < current {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// Levenshtein distance with a single rolling row.
  static func editDistance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
    guard !left.isEmpty else { return right.count }
    guard !right.isEmpty else { return left.count }
    var row = Array(0...right.count)
    for (leftIndex, leftScalar) in left.enumerated() {
      var diagonal = row[0]
      row[0] = leftIndex + 1
      for (rightIndex, rightScalar) in right.enumerated() {
        let above = row[rightIndex + 1]
        let substitution = diagonal + (leftScalar == rightScalar ? 0 : 1)
        row[rightIndex + 1] = min(substitution, above + 1, row[rightIndex] + 1)
        diagonal = above
      }
    }
    return row[right.count]
  }
}
