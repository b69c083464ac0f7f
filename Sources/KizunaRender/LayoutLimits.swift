/// Where the renderer changes how `dot` lays graphs out. Measured on random
/// graphs with three relationships per node (Graphviz 2.43, in process;
/// `kizuna-render-bench --sweep`, figures in `Benchmarks/README.md`).
///
/// The layout size is nodes + relationships + the virtual nodes of
/// relationships that cross ranks, estimated before layout (`DotRanking`).
public enum LayoutLimits {
  /// From this many nodes (or three times as many relationships) `dot`
  /// ranks by a spanning forest instead of by every edge. Ranking by every
  /// edge took 6 s at 100 nodes and over 5 minutes at 200.
  public static let forestRankedDot = 80
  /// Up to this layout size `dot` draws curved edges at full effort:
  /// 2,000 nodes and 6,000 edges (size ~13,700) take ~5.5 s.
  public static let fullEffortDotSize = 15_000
  /// Up to this layout size `dot` draws straight edges with a limited number
  /// of crossing-reduction and positioning passes (3,000 nodes and 9,000
  /// edges, size ~21,400: ~7.5 s; 5,000 and 15,000, ~34,000: ~25 s).
  /// Beyond it the renderer refuses and suggests `sfdp`.
  public static let maximumDotSize = 30_000
}
