import KizunaStore
import Testing

@testable import KizunaRender

/// Style files: errors point at the key at fault, by its path, and values
/// Graphviz would only warn about (and then ignore) are refused.
@Suite struct StyleFileTests {
  /// The error `text` raises, or nil when it loads.
  func failure(_ text: String) -> RenderError? {
    do {
      _ = try GraphStyle.load(json: text)
      return nil
    } catch {
      return error
    }
  }

  @Test func anErrorPointsAtTheKeyUnderItsOwnParent() throws {
    // `color` appears first under Person; the bad one is under Locality.
    let error = try #require(
      failure(
        """
        {
          "labels": {
            "Person": {"color": "red"},
            "Locality": {"color": 5}
          }
        }
        """))
    #expect(error.line == 4 && error.column == 18, "\(error)")
    #expect(error.message == #""labels.Locality.color": expected a string"#)
  }

  @Test func keysWithEscapesAndNonASCIIAreFound() throws {
    let error = try #require(
      failure(#"{"labels": {"Hà Nội": {"caption": ["name"]}, "A\"B": {"caption": 3}}}"#))
    #expect(error.line == 1 && error.column == 55, "\(error)")
    #expect(error.message.hasPrefix(#""labels.A"B.caption""#))
  }

  @Test func unknownKeysNameTheirPlace() throws {
    let error = try #require(failure("{\n  \"relationships\": {\"MET\": {\n    \"colour\": \"red\"}}\n}"))
    #expect(error.line == 3 && error.column == 5)
    #expect(error.message.contains("unknown key in relationships.MET"))
  }

  @Test func unknownColoursShapesAndLineStylesAreErrors() throws {
    let colour = try #require(failure("{\"labels\": {\n\"A\": {\"color\": \"notacolour\"}}}"))
    #expect(colour.line == 2 && colour.message.contains(#"unknown colour "notacolour""#))
    let shape = try #require(failure(#"{"labels": {"A": {"shape": "BOX"}}}"#))
    #expect(shape.message.contains(#"unknown shape "BOX""#))
    let line = try #require(failure(#"{"relationships": {"R": {"style": "dashed,wobbly"}}}"#))
    #expect(line.message.contains(#"unknown line style "dashed,wobbly""#))
    #expect(failure(##"{"relationships": {"R": {"color": "#fff"}}}"##) != nil)
    #expect(failure(#"{"labels": {"A": {"color": ""}}}"#) != nil)
  }

  @Test func everyGraphvizColourFormAndShapeIsAccepted() throws {
    let style = try GraphStyle.load(
      json: """
        {
          "labels": {
            "A": {"color": "lightblue", "shape": "Mdiamond"},
            "B": {"color": "#ff000080", "shape": "record"},
            "C": {"color": "0.5 0.5 0.5", "shape": "cylinder"},
            "D": {"color": "/accent3/1"}
          },
          "relationships": {"R": {"color": "red:blue;0.3", "style": "dashed,bold"}}
        }
        """)
    #expect(style.labels["B"]?.shape == "record")
    #expect(style.relationships["R"]?.lineStyle == "dashed,bold")
  }

  @Test func recordShapesShowCaptionsLiterally() throws {
    var style = GraphStyle()
    style.labels["Locality"] = LabelStyle(shape: "record")
    let graph = GraphExtract(
      nodes: [NodeSnapshot(id: 1, labels: ["Locality"], properties: ["name": .string("a|b{c}<d>")])],
      relationships: [])
    let dot = GraphRenderer.dotText(graph, options: RenderOptions(style: style))
    #expect(dot.contains(#"label="a\|b\{c\}\<d\>""#))
    let svg = try GraphRenderer.render(graph, options: RenderOptions(format: .svg, style: style))
    #expect(String(decoding: svg, as: UTF8.self).contains(">a|b{c}&lt;d&gt;</text>"))
  }
}
