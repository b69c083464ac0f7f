/// Where the renderer changes how it lays graphs out, measured on random
/// graphs with three relationships per node (Graphviz 2.43, one core;
/// `Benchmarks/README.md` has the figures).
public enum LayoutLimits {
  /// From this many nodes (or three times as many relationships) `dot`
  /// ranks by a spanning forest instead of by every edge. Ranking by every
  /// edge took 6 s at 100 nodes and over 5 minutes at 200.
  public static let forestRankedDot = 80
  /// Up to this many layout nodes (nodes plus the virtual nodes of edges
  /// crossing ranks) `dot` draws curved edges at full effort: ~1 s for
  /// 1,000 nodes and 3,000 edges (~9,000 layout nodes).
  public static let fullEffortDotSize = 12_000
  /// Up to this many layout nodes `dot` draws straight edges with a limited
  /// number of crossing-reduction and positioning passes (2,000 nodes and
  /// 6,000 edges, ~20,000 layout nodes, take a few seconds); beyond it the
  /// renderer refuses and suggests `sfdp`.
  public static let maximumDotSize = 60_000
}
