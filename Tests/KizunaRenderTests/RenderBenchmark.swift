import Foundation
import KizunaStore
import Testing

@testable import KizunaRender

/// Opt-in benchmark: `KIZUNA_BENCH=1 swift test --filter renderBenchmark`.
/// Lays out and renders a 2,000-node, 6,000-edge random graph to PNG with
/// sfdp and dot, and writes its DOT text to /tmp/kizuna-bench.dot so the
/// `dot`/`sfdp` programs can be timed on the same input.
@Test(.enabled(if: ProcessInfo.processInfo.environment["KIZUNA_BENCH"] != nil))
func renderBenchmark() throws {
  let graph = Fixtures.random(nodes: 2000, edges: 6000)
  for engine in [LayoutEngine.sfdp, .dot] {
    let options = RenderOptions(engine: engine, format: .png)
    try FileOutput.write(
      Array(GraphRenderer.dotText(graph, options: options).utf8), to: "/tmp/kizuna-bench-\(engine).dot")
    let clock = ContinuousClock()
    var png: [UInt8] = []
    let elapsed = try clock.measure { png = try GraphRenderer.render(graph, options: options) }
    let size = try #require(pngSize(png))
    print("BENCH \(engine): \(elapsed) for \(png.count) bytes, \(size.width)x\(size.height)")
  }
}
