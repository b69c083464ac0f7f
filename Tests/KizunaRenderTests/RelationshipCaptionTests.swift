import KizunaRender
import KizunaStore
import Testing

/// A relationship's caption is its type and, unless a style says otherwise,
/// the first of `since`, `year`, `date` it has: `SISTER_CITY 2013`.
struct RelationshipCaptionTests {
  let graph = GraphExtract(
    nodes: [
      NodeSnapshot(id: 1, labels: ["Locality"], properties: ["name": .string("Hà Nội")]),
      NodeSnapshot(id: 2, labels: ["Locality"], properties: ["name": .string("東京")]),
    ],
    relationships: [
      RelationshipSnapshot(
        id: 1, type: "SISTER_CITY", start: 1, end: 2, properties: ["since": .int(2013), "year": .int(1999)]),
      RelationshipSnapshot(id: 2, type: "MET", start: 2, end: 1, properties: ["place": .string("Tokyo")]),
    ])

  @Test func defaultCaptionsCarryTheFirstDatingProperty() {
    let dot = GraphRenderer.dotText(graph)
    #expect(dot.contains("label=\"SISTER_CITY 2013\""))
    #expect(dot.contains("label=\"MET\""))
  }

  @Test func aStyleFileChoosesOtherProperties() throws {
    let style = try GraphStyle.load(json: #"{"relationshipCaptionProperties": ["place", "year"]}"#)
    let dot = GraphRenderer.dotText(graph, options: RenderOptions(style: style))
    #expect(dot.contains("label=\"SISTER_CITY 1999\""))
    #expect(dot.contains("label=\"MET Tokyo\""))
  }

  @Test func aTypeStyleStillWins() throws {
    let style = try GraphStyle.load(json: #"{"relationships": {"SISTER_CITY": {"caption": ["year"]}}}"#)
    #expect(
      GraphRenderer.dotText(graph, options: RenderOptions(style: style)).contains(
        "label=\"SISTER_CITY 1999\""))
  }
}
