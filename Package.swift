// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "Kizuna",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Kizuna", targets: ["Kizuna"]),
    // The storage layer and the query engine on their own, for the
    // benchmarks (Benchmarks/).
    .library(name: "KizunaStore", targets: ["KizunaStore"]),
    .library(name: "KizunaCypher", targets: ["KizunaCypher"]),
    .library(name: "KizunaRender", targets: ["KizunaRender"]),
    .executable(name: "kizuna", targets: ["kizuna"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // Values, storage, indexes, transactions, durability, CSV import.
    .target(name: "KizunaStore", swiftSettings: strict),
    // Lexer, parser, semantic checks, planner, executor.
    .target(name: "KizunaCypher", dependencies: ["KizunaStore"], swiftSettings: strict),
    // The Graphviz C library (libgvc, libcgraph), found by pkg-config.
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]),
    // Owns Graphviz objects; styles, layouts and the export formats.
    .target(name: "KizunaRender", dependencies: ["KizunaStore", "CGraphviz"], swiftSettings: strict),
    // What a Swift program imports: Database, sessions, results, the bundled graph.
    // `Graphs/` at the top level links to its Resources/Graphs, bundled here.
    .target(
      name: "Kizuna", dependencies: ["KizunaStore", "KizunaCypher", "KizunaRender"],
      resources: [.embedInCode("Resources/Graphs/vietnam-japan.cypher")], swiftSettings: strict),
    // The command-line tool.
    .executableTarget(
      name: "kizuna",
      dependencies: ["Kizuna", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: strict),
    .testTarget(name: "KizunaStoreTests", dependencies: ["KizunaStore"], swiftSettings: strict),
    .testTarget(name: "KizunaCypherTests", dependencies: ["KizunaCypher"], swiftSettings: strict),
    .testTarget(name: "KizunaRenderTests", dependencies: ["KizunaRender"], swiftSettings: strict),
    .testTarget(
      name: "KizunaTests", dependencies: ["Kizuna"], resources: [.copy("Fixtures")], swiftSettings: strict),
    .testTarget(name: "KizunaCLITests", dependencies: ["kizuna"], swiftSettings: strict),
  ]
)
