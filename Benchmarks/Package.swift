// swift-tools-version: 6.1
import PackageDescription

// The store and render benchmarks: a separate package so the main build never compiles them.
let package = Package(
  name: "KizunaBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Kizuna", path: "..")],
  targets: [
    .executableTarget(
      name: "kizuna-bench",
      dependencies: [.product(name: "KizunaStore", package: "Kizuna")],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    .executableTarget(
      name: "kizuna-render-bench",
      dependencies: [
        .product(name: "KizunaRender", package: "Kizuna"), .product(name: "KizunaStore", package: "Kizuna"),
      ],
      swiftSettings: [.swiftLanguageMode(.v6)]),
  ]
)
