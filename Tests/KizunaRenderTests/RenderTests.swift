import Foundation
import FoundationXML
import KizunaStore
import Testing

@testable import KizunaRender

/// Width and height from a PNG's IHDR chunk, or nil when it is not a PNG.
func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
  let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8)
  else { return nil }
  func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
  return (word(16), word(20))
}

@Test func pngHasSignatureAndSensibleDimensions() throws {
  let png = try GraphRenderer.render(Fixtures.small, options: RenderOptions(format: .png))
  let size = try #require(pngSize(png))
  #expect(size.width > 100 && size.width < 5000)
  #expect(size.height > 50 && size.height < 5000)
}

@Test func svgParsesAsXMLAndShowsEveryCaption() throws {
  let svg = try GraphRenderer.render(Fixtures.small, options: RenderOptions(format: .svg))
  let document = try XMLDocument(data: Data(svg))
  let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
  for caption in Fixtures.captions {
    #expect(texts.contains(caption), "missing \(caption)")
  }
  #expect(texts.contains("SISTER_CITY 2013"))  // `since` follows the type by default
  #expect(texts.contains("Locality"))  // the legend
}

@Test func relationshipCaptionsIncludeChosenProperties() throws {
  var style = GraphStyle()
  style.relationships["SISTER_CITY"] = RelationshipStyle(caption: ["since"])
  let svg = try GraphRenderer.render(Fixtures.small, options: RenderOptions(format: .svg, style: style))
  #expect(String(decoding: svg, as: UTF8.self).contains("SISTER_CITY 2013"))
}

@Test func pdfRenders() throws {
  let pdf = try GraphRenderer.render(Fixtures.small, options: RenderOptions(format: .pdf))
  #expect(pdf.starts(with: Array("%PDF".utf8)))
}

@Test func dotTextIsByteIdenticalAndReadsBack() throws {
  let shuffled = GraphExtract(
    nodes: Fixtures.small.nodes.reversed(), relationships: Fixtures.small.relationships.reversed())
  let first = GraphRenderer.dotText(Fixtures.small)
  #expect(first == GraphRenderer.dotText(Fixtures.small))
  #expect(first == GraphRenderer.dotText(shuffled))
  let summary = try DOTReader.check(first)
  #expect(summary.nodeCount == 6)
  #expect(summary.edgeCount == 6)
  #expect(summary.isDirected)
}

@Test func laidOutDOTKeepsNodesAndEdges() throws {
  let dot = try GraphRenderer.render(Fixtures.small, options: RenderOptions(format: .layoutDOT))
  let summary = try DOTReader.check(String(decoding: dot, as: UTF8.self))
  #expect(summary.nodeCount == 6 && summary.edgeCount == 6)
  #expect(String(decoding: dot, as: UTF8.self).contains("pos="))
}

@Test(arguments: LayoutEngine.allCases)
func everyLayoutEngineRenders(engine: LayoutEngine) throws {
  let png = try GraphRenderer.render(Fixtures.small, options: RenderOptions(engine: engine, format: .png))
  #expect(pngSize(png) != nil)
}

@Test func automaticEngineFollowsSize() {
  #expect(LayoutEngine.automatic(nodeCount: 10) == .dot)
  #expect(LayoutEngine.automatic(nodeCount: 100) == .neato)
  #expect(LayoutEngine.automatic(nodeCount: 2000) == .sfdp)
}

@Test func clustersGroupByPropertyAndByRelatedNode() throws {
  var style = GraphStyle()
  style.clustering = .relatedNode(relationshipType: "LOCATED_IN")
  let dot = GraphRenderer.dotText(Fixtures.small, options: RenderOptions(engine: .dot, style: style))
  #expect(dot.contains("subgraph \"cluster_0\" {\n    label=\"Japan\";"))
  #expect(dot.contains("subgraph \"cluster_1\" {\n    label=\"Vietnam\";"))
  style.clustering = .property("kind")
  let byKind = GraphRenderer.dotText(Fixtures.small, options: RenderOptions(engine: .dot, style: style))
  #expect(byKind.contains("label=\"city\";"))
  let summary = try DOTReader.check(byKind)
  #expect(summary.nodeCount == 6)
  let png = try GraphRenderer.render(Fixtures.small, options: RenderOptions(engine: .fdp, style: style))
  #expect(pngSize(png) != nil)
}

@Test func renderingToAFileWritesIt() throws {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-render-\(UUID()).svg").path
  defer { try? FileManager.default.removeItem(atPath: path) }
  try GraphRenderer.render(Fixtures.small, options: RenderOptions(format: .svg), toFile: path)
  let data = try #require(FileManager.default.contents(atPath: path))
  #expect(String(decoding: data, as: UTF8.self).contains("東京"))
}

@Test func malformedDOTReportsTheLine() {
  do {
    _ = try DOTReader.check("digraph {\n  a -> b;\n  c -> ;\n}\n")
    Issue.record("expected a syntax error")
  } catch {
    #expect(error.kind == .dotSyntax)
    #expect(error.line == 3, "\(error)")
  }
  // Graphviz recovers for the next text.
  #expect((try? DOTReader.check("graph { a -- b }"))?.edgeCount == 1)
}

@Test func unknownColourIsNotFatalButBadEngineInputIsAnError() throws {
  #expect(throws: RenderError.self) {
    _ = try GraphRenderer.render(dot: "digraph { a -> }", engine: .dot, format: .png)
  }
}
