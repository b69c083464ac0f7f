import Foundation
import FoundationXML
import KizunaStore
import Testing

@testable import KizunaRender

/// A graph whose texts need escaping in every format.
let awkward = GraphExtract(
  nodes: [
    NodeSnapshot(
      id: 1, labels: ["Person"],
      properties: [
        "name": .string("Say \"hi\", \\ then\nleave"), "age": .int(40), "scores": .list([.int(1), .int(2)]),
        "born": .date(CypherDate(epochDay: 0)),
      ]),
    NodeSnapshot(id: 2, labels: ["Person", "Author"], properties: ["name": .string("Hà Nội & <東京>")]),
    NodeSnapshot(id: 3, labels: [], properties: ["weight": .float(1.5), "meta": .map(["a": .int(1)])]),
  ],
  relationships: [
    RelationshipSnapshot(id: 7, type: "KNOWS", start: 1, end: 2, properties: ["since": .int(2013)]),
    RelationshipSnapshot(id: 8, type: "KNOWS", start: 2, end: 1, properties: ["note": .string("a,b")]),
    RelationshipSnapshot(id: 9, type: "LIKES", start: 3, end: 3, properties: [:]),
  ])

@Test func dotExportEscapesQuotesBackslashesAndNewlines() throws {
  let dot = String(decoding: try GraphExporter.export(awkward, format: .dot), as: UTF8.self)
  #expect(dot.contains(#"name="Say \"hi\", \\ then\nleave""#))
  #expect(dot.contains("Hà Nội & <東京>"))
  let summary = try DOTReader.check(dot)
  #expect(summary.nodeCount == 3 && summary.edgeCount == 3)
  let png = try GraphRenderer.render(dot: dot, engine: .dot, format: .png)
  #expect(pngSize(png) != nil)
}

@Test func graphMLParsesWithTypedKeysAndAllElements() throws {
  let bytes = try GraphExporter.export(awkward, format: .graphml)
  let document = try XMLDocument(data: Data(bytes))
  #expect(try document.nodes(forXPath: "//*[local-name()='node']").count == 3)
  #expect(try document.nodes(forXPath: "//*[local-name()='edge']").count == 3)
  let text = String(decoding: bytes, as: UTF8.self)
  #expect(text.contains(#"attr.name="age" attr.type="long""#))
  #expect(text.contains(#"attr.name="weight" attr.type="double""#))
  #expect(text.contains(#"attr.name="scores" attr.type="string"><desc>json</desc>"#))
  let names = try document.nodes(forXPath: "//*[local-name()='data']").compactMap(\.stringValue)
  #expect(names.contains("Hà Nội & <東京>"))
  #expect(names.contains("[1,2]"))
  #expect(names.contains("1970-01-01"))
}

@Test func jsonExportHasNodesAndRelationships() throws {
  let bytes = try GraphExporter.export(awkward, format: .json)
  let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  let nodes = try #require(root["nodes"] as? [[String: Any]])
  let relationships = try #require(root["relationships"] as? [[String: Any]])
  #expect(nodes.count == 3 && relationships.count == 3)
  #expect(nodes[1]["labels"] as? [String] == ["Author", "Person"])
  let born = (nodes[0]["properties"] as? [String: Any])?["born"] as? [String: String]
  #expect(born == ["~date": "1970-01-01"])
  #expect(relationships[0]["type"] as? String == "KNOWS")
  #expect(relationships[0]["start"] as? Int == 1)
  // The Value decoder reads every property map back.
  let decoded = try Value.fromJSON(String(decoding: bytes, as: UTF8.self))
  guard case .map(let map) = decoded, case .list(let list) = map["nodes"] else {
    Issue.record("unexpected shape")
    return
  }
  #expect(list.count == 3)
  // Maps, which no other export format holds as such, come back whole.
  guard case .map(let third) = list[2], case .map(let properties)? = third["properties"] else {
    Issue.record("unexpected node shape")
    return
  }
  #expect(properties == ["weight": .float(1.5), "meta": .map(["a": .int(1)])])
}

/// `awkward` without its map property, which Cypher cannot store.
var storable: GraphExtract {
  var graph = awkward
  graph.nodes[2].properties["meta"] = nil
  return graph
}

@Test func cypherScriptCreatesNodesThenRelationshipsThenCleansUp() throws {
  let script = String(decoding: try GraphExporter.export(storable, format: .cypher), as: UTF8.self)
  #expect(script.contains("CREATE INDEX kz_import_id IF NOT EXISTS FOR (n:_KzImport) ON (n._kz_id);\n"))
  #expect(
    script.contains(
      #"(:Person:_KzImport {age: 40, born: date('1970-01-01'), name: 'Say "hi", \\ then\nleave'"#))
  #expect(script.contains("(:_KzImport {weight: 1.5, _kz_id: 3})"))
  #expect(
    script.contains("UNWIND [{s: 1, e: 2, p: {since: 2013}},\n        {s: 2, e: 1, p: {note: 'a,b'}}] AS r"))
  #expect(script.contains("CREATE (a)-[x:KNOWS]->(b) SET x = r.p;"))
  #expect(script.hasSuffix("MATCH (n:_KzImport) REMOVE n:_KzImport, n._kz_id;\nDROP INDEX kz_import_id;\n"))
}

@Test func cypherScriptRefusesMapsNamingTheProperty() {
  do {
    _ = try GraphExporter.export(awkward, format: .cypher)
    Issue.record("expected an error")
  } catch {
    #expect(error.kind == .export)
    #expect(error.message.contains("node 3 has a map in property 'meta'"))
  }
  var nested = storable
  nested.relationships[0].properties["grid"] = .list([.list([.int(1)])])
  #expect(throws: RenderError.self) { try GraphExporter.export(nested, format: .cypher) }
}

@Test func csvQuotesCommasQuotesAndNewlines() {
  #expect(CSVExporter.field("plain") == "plain")
  #expect(CSVExporter.field("a,b") == "\"a,b\"")
  #expect(CSVExporter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
  #expect(CSVExporter.field("two\nlines") == "\"two\nlines\"")
  #expect(CSVExporter.field("crlf\r\nx") == "\"crlf\r\nx\"")
}

@Test func csvFilesFollowNeo4jHeaders() throws {
  let files = CSVExporter.files(awkward.canonical)
  #expect(
    files.map(\.name) == [
      "nodes_unlabelled.csv", "nodes_Author_Person.csv", "nodes_Person.csv", "relationships_KNOWS.csv",
      "relationships_LIKES.csv",
    ])
  let person = try #require(files.first { $0.name == "nodes_Person.csv" })
  #expect(person.text.hasPrefix(":ID,:LABEL,age:long,born:date,name:string,scores:long[]\n"))
  #expect(person.text.contains("1,Person,40,1970-01-01,\"Say \"\"hi\"\", \\ then\nleave\",1;2\n"))
  let knows = try #require(files.first { $0.name == "relationships_KNOWS.csv" })
  #expect(
    knows.text == ":START_ID,:END_ID,:TYPE,note:string,since:long\n1,2,KNOWS,,2013\n2,1,KNOWS,\"a,b\",\n")
}

@Test func csvExportWritesADirectory() throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-csv-\(UUID())").path
  defer { try? FileManager.default.removeItem(atPath: directory) }
  let written = try GraphExporter.exportCSV(awkward, toDirectory: directory)
  #expect(written.nodeFiles == ["nodes_unlabelled.csv", "nodes_Author_Person.csv", "nodes_Person.csv"])
  #expect(written.relationshipFiles == ["relationships_KNOWS.csv", "relationships_LIKES.csv"])
  for name in written.nodeFiles + written.relationshipFiles {
    #expect(FileManager.default.fileExists(atPath: directory + "/" + name))
  }
  #expect(
    written.notes == [
      "nodes_unlabelled.csv: property 'meta' holds maps or lists of mixed kinds or with nulls; written as JSON text, read back as strings"
    ])
  #expect(
    written.importArguments(directory: directory, database: "x.kzdb").prefix(5)
      == ["import", "--db", "x.kzdb", "--nodes", directory + "/nodes_unlabelled.csv"])
}

@Test func malformedStyleFilesNameTheLine() {
  do {
    _ = try GraphStyle.load(json: "{\n  \"legend\": true,\n  \"labels\": {\"Person\": {\"color\": }}\n}")
    Issue.record("expected an error")
  } catch {
    #expect(error.kind == .style)
    #expect(error.line == 3)
    #expect(error.column != nil)
  }
  do {
    _ = try GraphStyle.load(json: "{\n  \"legend\": true,\n  \"engine\": \"spring\"\n}")
    Issue.record("expected an error")
  } catch {
    #expect(error.line == 3)
    #expect(error.message.contains("spring"))
  }
  #expect(throws: RenderError.self) { try GraphStyle.load(json: #"{"colour": "red"}"#) }
}

@Test func styleFileOverridesEverything() throws {
  let style = try GraphStyle.load(
    json: """
      {
        "font": {"name": "Noto Sans CJK JP", "size": 14},
        "legend": false,
        "engine": "fdp",
        "captionProperties": ["title"],
        "relationshipCaptions": true,
        "labels": {"Locality": {"color": "#ff0000", "shape": "box", "caption": ["kind"]}},
        "relationships": {"SISTER_CITY": {"color": "blue", "style": "dashed", "caption": ["since"]}},
        "cluster": {"relatedBy": "LOCATED_IN"},
        "graph": {"rankdir": "TB", "nodesep": 0.5}
      }
      """)
  #expect(style.engine == .fdp)
  #expect(style.fontSize == 14)
  #expect(style.labels["Locality"] == LabelStyle(color: "#ff0000", shape: "box", caption: ["kind"]))
  #expect(style.clustering == .relatedNode(relationshipType: "LOCATED_IN"))
  #expect(style.graphAttributes == ["rankdir": "TB", "nodesep": "0.5"])
  let dot = GraphRenderer.dotText(Fixtures.small, options: RenderOptions(style: style))
  #expect(dot.contains("layout=\"fdp\""))
  #expect(dot.contains("[label=\"city\", fillcolor=\"#ff0000\", shape=\"box\"]"))
  #expect(dot.contains("label=\"SISTER_CITY 2013\", color=\"blue\", style=\"dashed\""))
  #expect(!dot.contains("<table"))
  #expect(try DOTReader.check(dot).nodeCount == 6)
}
