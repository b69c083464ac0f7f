// swift-tools-version: 6.1
import PackageDescription

// The benchmarks: a separate package so the main build never compiles them.
let package = Package(
  name: "KizunaBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Kizuna", path: "..")],
  targets: [
    // Clocks, memory gauges, import into a temporary database.
    .target(
      name: "BenchmarkSupport",
      dependencies: [.product(name: "KizunaStore", package: "Kizuna")],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    // The store on its own: import, reopen, index lookups, the 1-hop scan.
    .executableTarget(
      name: "kizuna-bench",
      dependencies: ["BenchmarkSupport", .product(name: "KizunaStore", package: "Kizuna")],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    // Cypher queries through the engine: the five speed targets.
    .executableTarget(
      name: "kizuna-query-bench",
      dependencies: [
        "BenchmarkSupport", .product(name: "KizunaStore", package: "Kizuna"),
        .product(name: "KizunaCypher", package: "Kizuna"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    // Graphviz layout and rendering of a 2,000-node graph, beside the dot program.
    .executableTarget(
      name: "kizuna-render-bench",
      dependencies: [
        .product(name: "KizunaRender", package: "Kizuna"), .product(name: "KizunaStore", package: "Kizuna"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]),
  ]
)
