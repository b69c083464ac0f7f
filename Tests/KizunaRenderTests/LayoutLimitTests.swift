import Foundation
import KizunaStore
import Testing

@testable import KizunaRender

/// How `dot` is kept bounded on large graphs, and how the automatic layout
/// stays readable as graphs grow.
@Suite struct LayoutLimitTests {
  let dotPNG = RenderOptions(engine: .dot, format: .png)

  @Test func smallGraphsUseTheLayeredDrawingWithoutWarnings() throws {
    let plan = try GraphRenderer.plan(Fixtures.small, options: dotPNG)
    #expect(plan.engine == .dot && plan.warnings.isEmpty && plan.dotLayoutSize == nil)
    let text = GraphRenderer.dotText(Fixtures.small, options: dotPNG)
    #expect(!text.contains("constraint"))
  }

  @Test func mediumGraphsAreRankedByASpanningForestAndStillRender() throws {
    let graph = Fixtures.random(nodes: 100, edges: 300)
    let plan = try GraphRenderer.plan(graph, options: dotPNG)
    #expect(plan.warnings.count == 1)
    #expect(plan.warnings.first?.contains("ranks nodes by a spanning tree") == true)
    let text = GraphRenderer.dotText(graph, options: dotPNG)
    // A forest of 100 nodes has at most 99 edges; the rest do not decide ranks.
    let loose = text.components(separatedBy: #"constraint="false""#).count - 1
    #expect(loose >= 300 - 99)
    #expect(text.contains(#"splines="true""#))
    // Graphviz 2.43 frees labelled constraint=false edges twice: captions
    // must be external labels here. This render crashed before.
    #expect(text.contains(#"xlabel="LINK""#) && !text.contains(#" label="LINK""#))
    let png = try GraphRenderer.render(graph, options: dotPNG)
    #expect(pngSize(png) != nil)
  }

  @Test func largerGraphsGetBoundedEffort() throws {
    let graph = Fixtures.random(nodes: 3000, edges: 9000)
    let plan = try GraphRenderer.plan(graph, options: dotPNG)
    let size = try #require(plan.dotLayoutSize)
    #expect(size > LayoutLimits.fullEffortDotSize && size <= LayoutLimits.maximumDotSize)
    #expect(plan.warnings.first?.contains("straight edges with limited crossing reduction") == true)
    let text = GraphRenderer.dotText(graph, options: dotPNG)
    for attribute in [#"splines="line""#, #"nslimit="2""#, #"mclimit="0.2""#, #"remincross="false""#] {
      #expect(text.contains(attribute), "missing \(attribute)")
    }
  }

  @Test func tooLargeGraphsAreRefusedExceptAsDOTText() throws {
    let graph = Fixtures.random(nodes: 6000, edges: 18000)
    do {
      _ = try GraphRenderer.render(graph, options: dotPNG)
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .tooLarge)
      #expect(error.message.contains("dot cannot lay out 6000 nodes and 18000 relationships"))
      #expect(error.message.contains("--layout sfdp"))
    }
    let text = RenderOptions(engine: .dot, format: .plainDOT)
    let plan = try GraphRenderer.plan(graph, options: text)
    #expect(plan.warnings.first?.contains("dot cannot lay out") == true)
    #expect(try GraphRenderer.render(graph, options: text).count > 100_000)
    // Without --layout, the automatic choice is sfdp, which has no limit.
    #expect(try GraphRenderer.plan(graph, options: RenderOptions(format: .png)).engine == .sfdp)
  }

  /// Overlap removal, affordable edge routing and a drawing size that
  /// keeps 11 pt captions legible, from 5 to 2,000 nodes.
  @Test(arguments: [5, 39, 40, 100, 299, 300, 999, 2000])
  func automaticLayoutStaysReadable(nodes: Int) throws {
    let graph = Fixtures.random(nodes: nodes, edges: nodes * 3 / 2)
    let text = GraphRenderer.dotText(graph)
    let engine = LayoutEngine.automatic(nodeCount: nodes)
    #expect(text.contains("layout=\"\(engine.rawValue)\""))
    #expect(text.contains(#"fontsize="11""#))
    switch engine {
    case .dot:
      #expect(text.contains(#"splines="true""#))
    default:
      #expect(text.contains(#"overlap="prism""#))
      let routing = nodes < 60 ? "true" : (nodes < 300 ? "curved" : "false")
      #expect(text.contains("splines=\"\(routing)\""))
    }
    let size = nodes < 60 ? 20 : (nodes < 300 ? 40 : (nodes < 1000 ? 60 : 72))
    #expect(text.contains("size=\"\(size),\(size)\""))
    #expect(text.contains(#"label="LINK""#) == (nodes < 300))
  }
}
