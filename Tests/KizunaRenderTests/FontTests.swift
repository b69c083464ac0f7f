import Foundation
import FoundationXML
import KizunaStore
import Testing

@testable import KizunaRender

/// Vietnamese diacritics and Japanese must render as themselves, in a font
/// that has their glyphs (scripts/setup.sh installs DejaVu and Noto CJK).
@Suite struct FontTests {
  static let names = ["Hà Nội", "東京", "Võ Văn Thưởng", "Đà Nẵng"]

  static var graph: GraphExtract {
    GraphExtract(
      nodes: names.enumerated().map {
        NodeSnapshot(id: $0, labels: ["Locality"], properties: ["name": .string($1)])
      },
      relationships: [RelationshipSnapshot(id: 0, type: "SISTER_CITY", start: 0, end: 1, properties: [:])])
  }

  @Test func svgCarriesEveryNameAndTheDefaultFonts() throws {
    let svg = try GraphRenderer.render(Self.graph, options: RenderOptions(format: .svg))
    let document = try XMLDocument(data: Data(svg))
    let texts = try document.nodes(forXPath: "//*[local-name()='text']")
    let captions = texts.compactMap(\.stringValue)
    for name in Self.names { #expect(captions.contains(name), "missing \(name)") }
    let text = String(decoding: svg, as: UTF8.self)
    let families = text.components(separatedBy: "font-family=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(families.count == texts.count)
    #expect(Set(families) == [Substring(GraphStyle().fontName)])
  }

  /// fontconfig must know a family, among the default style's, that has a
  /// glyph for every character of the names.
  @Test func theDefaultFontFamiliesCoverVietnameseAndJapanese() throws {
    let characters = Set(Self.names.joined().unicodeScalars.filter { !$0.properties.isWhitespace })
    let charset = characters.map { String($0.value, radix: 16) }.sorted().joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["fc-list", ":charset=\(charset)", "family"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let listing = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let covering = Set(
      listing.split(separator: "\n").flatMap { $0.split(separator: ",") }.map {
        $0.trimmingCharacters(in: .whitespaces)
      })
    let defaults = GraphStyle().fontName.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(
      defaults.contains(where: covering.contains),
      "no default family (\(defaults)) covers \(charset); run scripts/setup.sh")
  }

  @Test func pngOfTheNamesRenders() throws {
    let png = try GraphRenderer.render(Self.graph, options: RenderOptions(format: .png))
    let size = try #require(pngSize(png))
    #expect(size.width > 100 && size.height > 50)
  }
}
