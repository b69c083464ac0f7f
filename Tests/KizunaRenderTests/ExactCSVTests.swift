import KizunaStore
import Testing

@testable import KizunaRender

/// CSV columns have one type: elements whose values differ in kind go to
/// separate files, so they read back as they were.
@Suite struct ExactCSVTests {
  static func dialogue(_ id: Int, _ properties: [String: Value]) -> NodeSnapshot {
    NodeSnapshot(id: id, labels: ["Dialogue"], properties: properties)
  }

  @Test func valuesOfDifferentKindsGoToSeparateFiles() throws {
    let graph = GraphExtract(
      nodes: [
        Self.dialogue(1, ["since": .int(2007), "name": .string("a")]),
        Self.dialogue(2, ["since": .string("2012-11")]),
        Self.dialogue(3, ["since": .int(2010)]),
        Self.dialogue(4, ["since": .float(2.5)]),
      ],
      relationships: [
        RelationshipSnapshot(id: 0, type: "R", start: 1, end: 2, properties: ["w": .int(1)]),
        RelationshipSnapshot(id: 1, type: "R", start: 2, end: 3, properties: ["w": .float(1.5)]),
      ])
    let output = CSVExporter.export(graph)
    #expect(output.notes == [])
    #expect(
      output.files.map(\.text) == [
        ":ID,:LABEL,name:string,since:long\n1,Dialogue,a,2007\n3,Dialogue,,2010\n",
        ":ID,:LABEL,since:string\n2,Dialogue,2012-11\n",
        ":ID,:LABEL,since:double\n4,Dialogue,2.5\n",
        ":START_ID,:END_ID,:TYPE,w:long\n1,2,R,1\n",
        ":START_ID,:END_ID,:TYPE,w:double\n2,3,R,1.5\n",
      ])
    #expect(
      output.files.map(\.name) == [
        "nodes_Dialogue.csv", "nodes_Dialogue_2.csv", "nodes_Dialogue_3.csv", "relationships_R.csv",
        "relationships_R_2.csv",
      ])
  }

  @Test func anEmptyListSharesAColumnWithTypedLists() {
    let graph = GraphExtract(
      nodes: [
        Self.dialogue(1, ["scores": .list([.int(1), .int(2)])]),
        Self.dialogue(2, ["scores": .list([])]),
      ], relationships: [])
    let output = CSVExporter.export(graph)
    #expect(output.files.map(\.text) == [":ID,:LABEL,scores:long[]\n1,Dialogue,1;2\n2,Dialogue,\"\"\n"])
    #expect(output.notes == [])
  }

  @Test func listsMixingIntegersAndFloatsAreNoted() {
    let graph = GraphExtract(
      nodes: [Self.dialogue(1, ["xs": .list([.int(1), .float(2.5)])])], relationships: [])
    let output = CSVExporter.export(graph)
    #expect(output.files.first?.text.hasPrefix(":ID,:LABEL,xs:double[]\n") == true)
    #expect(
      output.notes == [
        "nodes_Dialogue.csv: property 'xs' has lists mixing integers and floats; the integers read back as floats"
      ])
  }

  @Test func graphMLKeepsLabelsAndTypesApartFromPropertiesOfTheirNames() throws {
    let graph = GraphExtract(
      nodes: [
        NodeSnapshot(id: 1, labels: ["A"], properties: ["labels": .string("mine")]),
        NodeSnapshot(id: 2, labels: [], properties: [:]),
      ],
      relationships: [
        RelationshipSnapshot(id: 0, type: "R", start: 1, end: 2, properties: ["type": .string("kind")])
      ])
    let text = String(decoding: try GraphExporter.export(graph, format: .graphml), as: UTF8.self)
    #expect(text.contains(#"<key id="n0" for="node" attr.name="prop_labels" attr.type="string"/>"#))
    #expect(text.contains(#"<key id="e0" for="edge" attr.name="prop_type" attr.type="string"/>"#))
    let dot = String(decoding: try GraphExporter.export(graph, format: .dot), as: UTF8.self)
    #expect(dot.contains(##""n2" [label="#2", labels=""];"##))
  }
}
