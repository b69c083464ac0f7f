/// The words the engine understands, for tools that suggest them (the
/// shell's tab completion).
extension CypherEngine {
  /// Every keyword, in upper case (`shortestPath` and `allShortestPaths` as
  /// they are usually written).
  public static let keywords: [String] = Keyword.allCases.compactMap { keyword in
    switch keyword {
    case .plain: return nil
    case .shortestPath: return "shortestPath"
    case .allShortestPaths: return "allShortestPaths"
    default: return keyword.spelling
    }
  }

  /// The names of the built-in procedures (`db.labels`, ...).
  public static let knownProcedures: [String] = Procedures.all.keys.sorted()
}
