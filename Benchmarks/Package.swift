// swift-tools-version: 6.1
import PackageDescription

// The store benchmark: a separate package so the main build never compiles it.
let package = Package(
  name: "KizunaBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Kizuna", path: "..")],
  targets: [
    .executableTarget(
      name: "kizuna-bench",
      dependencies: [.product(name: "KizunaStore", package: "Kizuna")],
      swiftSettings: [.swiftLanguageMode(.v6)])
  ]
)
