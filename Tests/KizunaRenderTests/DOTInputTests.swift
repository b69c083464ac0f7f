import Foundation
import Testing

@testable import KizunaRender

/// DOT text written elsewhere, drawn as it is; and output files that
/// cannot be written.
@Suite struct DOTInputTests {
  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-\(UUID())-\(name)").path
  }

  @Test func aDOTTextUsesItsOwnLayoutUnlessOneIsGiven() throws {
    let text = "graph { layout=circo; a -- b -- c -- a; \"Hà Nội\" -- \"東京\" }\n"
    let path = temporaryPath("own.svg")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let drawn = try GraphRenderer.render(dot: text, format: .svg, toFile: path)
    #expect(drawn == DOTRendering(engine: "circo", nodeCount: 5, edgeCount: 4))
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    #expect(svg.contains(">Hà Nội</text>") && svg.contains(">東京</text>"))
    let given = try GraphRenderer.render(dot: text, engine: .neato, format: .png, toFile: path)
    #expect(given.engine == "neato")
    let plain = try GraphRenderer.render(dot: "digraph { a -> b }", format: .png)
    #expect(pngSize(plain) != nil)
  }

  @Test func errorsFoundDuringLayoutAreNotSwallowed() {
    let path = temporaryPath("html.png")
    do {
      try GraphRenderer.render(dot: "digraph {\n  c [label=<<b>x</i>>]\n}\n", format: .png, toFile: path)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .graphviz)
      #expect(error.message.contains("in label of node c"), "\(error)")
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func plainDOTOutputStillChecksTheText() {
    #expect(throws: RenderError.self) {
      _ = try GraphRenderer.render(dot: "digraph { a -> }", format: .plainDOT)
    }
  }

  @Test func anUnwritableOutputIsAnErrorNamingThePath() {
    let path = "/nonexistent-kizuna-dir/x.png"
    do {
      try GraphRenderer.render(Fixtures.small, options: RenderOptions(format: .png), toFile: path)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .io)
      #expect(error.message == "cannot write \(path): No such file or directory")
    }
    #expect(throws: RenderError.self) {
      try GraphRenderer.render(dot: "digraph { a }", format: .svg, toFile: path)
    }
  }
}
