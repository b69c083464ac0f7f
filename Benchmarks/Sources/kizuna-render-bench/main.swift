import Foundation
import KizunaRender
import KizunaStore

// kizuna-render-bench [--nodes N] [--edges M] [--engines sfdp,dot] [--seed S]
//                     [--timeout SECONDS] [--out DIR] [--sweep]
//
// Lays out and renders a random graph to PNG in process (GraphRenderer),
// then runs the Graphviz `dot` program on the same DOT text
// (`dot -K<engine> -Tpng`), and prints one line per engine and one JSON
// object. For dot it also runs the program on the DOT text without the
// spanning-forest ranking (every edge deciding ranks), which is what hangs. `--sweep` instead times `dot` in process on growing graphs (three
// relationships per node), printing the layout size the renderer estimates:
// the figures behind `LayoutLimits`.

struct Options {
  var nodes = 2000
  var edges = 6000
  var engines: [LayoutEngine] = [.sfdp, .dot]
  var seed: UInt64 = 42
  var timeout = 600.0
  var out = "/tmp/kizuna-render-bench"
  var sweep = false

  init(_ arguments: [String]) throws {
    var i = 1
    func value() throws -> String {
      guard i + 1 < arguments.count else { throw Failure("\(arguments[i]) needs a value") }
      i += 1
      return arguments[i]
    }
    while i < arguments.count {
      switch arguments[i] {
      case "--nodes": nodes = Int(try value()) ?? nodes
      case "--edges": edges = Int(try value()) ?? edges
      case "--seed": seed = UInt64(try value()) ?? seed
      case "--timeout": timeout = Double(try value()) ?? timeout
      case "--out": out = try value()
      case "--sweep": sweep = true
      case "--engines":
        engines = try value().split(separator: ",").map { name in
          guard let engine = LayoutEngine(rawValue: String(name)) else {
            throw Failure("unknown engine \(name)")
          }
          return engine
        }
      default:
        throw Failure(
          "usage: kizuna-render-bench [--nodes N] [--edges M] [--engines sfdp,dot] [--seed S] "
            + "[--timeout SECONDS] [--out DIR] [--sweep]")
      }
      i += 1
    }
  }
}

struct Failure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// A deterministic random graph (the same generator as the render tests).
func randomGraph(nodes: Int, edges: Int, seed: UInt64) -> GraphExtract {
  var state = seed
  func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
  let labels = ["Person", "Office", "Country", "Locality", "Organization"]
  let nodeList = (0..<nodes).map { id in
    NodeSnapshot(id: id, labels: [labels[next(labels.count)]], properties: ["name": .string("node \(id)")])
  }
  let relationshipList = (0..<edges).map { id in
    RelationshipSnapshot(id: id, type: "LINK", start: next(nodes), end: next(nodes), properties: [:])
  }
  return GraphExtract(nodes: nodeList, relationships: relationshipList)
}

func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Width and height from a PNG's IHDR chunk.
func pngSize(_ bytes: [UInt8]) -> String {
  guard bytes.count >= 24 else { return "?" }
  func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
  return "\(word(16))x\(word(20))"
}

/// Runs the `dot` program; nil when it ran past the timeout (it is killed).
func runGraphviz(_ arguments: [String], timeout: Double) throws -> Double? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["dot"] + arguments
  process.standardError = FileHandle.nullDevice
  let started = seconds()
  try process.run()
  while process.isRunning {
    if seconds() - started > timeout {
      process.terminate()
      process.waitUntilExit()
      return nil
    }
    usleep(20_000)
  }
  guard process.terminationStatus == 0 else {
    throw Failure("dot \(arguments.joined(separator: " ")) failed")
  }
  return seconds() - started
}

func benchmark(_ options: Options) throws {
  try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
  let graph = randomGraph(nodes: options.nodes, edges: options.edges, seed: options.seed)
  // Load Graphviz's plugins once, so the first engine is not charged for it.
  _ = try GraphRenderer.render(randomGraph(nodes: 3, edges: 2, seed: 1), options: RenderOptions(format: .png))
  var report: [String] = []
  for engine in options.engines {
    let renderOptions = RenderOptions(engine: engine, format: .png)
    let dotFile = "\(options.out)/graph-\(engine.rawValue).dot"
    try Data(GraphRenderer.dotText(graph, options: renderOptions).utf8).write(
      to: URL(fileURLWithPath: dotFile))
    var fields = ["\"engine\":\"\(engine.rawValue)\""]
    var line = "\(engine.rawValue): "
    do {
      let plan = try GraphRenderer.plan(graph, options: renderOptions)
      if let size = plan.dotLayoutSize { fields.append("\"dot_layout_size\":\(size)") }
      let started = seconds()
      let png = try GraphRenderer.render(graph, options: renderOptions)
      let elapsed = seconds() - started
      fields += ["\"in_process_s\":\(String(format: "%.2f", elapsed))", "\"png\":\"\(pngSize(png))\""]
      line += String(format: "in process %.2f s", elapsed) + " (\(pngSize(png)), \(png.count / 1024) KB)"
      for warning in plan.warnings { line += "\n  warning: \(warning)" }
    } catch {
      guard error.kind == .tooLarge else { throw error }
      fields.append("\"in_process_s\":null")
      line += "in process refused (\(error.message))"
    }
    let program = try runGraphviz(
      ["-K\(engine.rawValue)", "-Tpng", dotFile, "-o", "\(options.out)/graph-\(engine.rawValue).png"],
      timeout: options.timeout)
    if let program {
      fields.append("\"dot_program_s\":\(String(format: "%.2f", program))")
      line += "; dot -K\(engine.rawValue) -Tpng " + String(format: "%.2f s", program)
    } else {
      fields.append("\"dot_program_s\":null")
      line += "; dot -K\(engine.rawValue) -Tpng killed after " + String(format: "%.0f s", options.timeout)
    }
    if engine == .dot {
      // What plain dot does with the same graph ranked by every edge: the
      // DOT text without the spanning-forest attributes.
      let text = try String(contentsOfFile: dotFile, encoding: .utf8)
        .replacingOccurrences(of: ", constraint=\"false\"", with: "")
        .replacingOccurrences(of: "xlabel=", with: "label=")
      let plain = "\(options.out)/graph-dot-every-edge-ranked.dot"
      try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
      let ranked = try runGraphviz(
        ["-Tpng", plain, "-o", "\(options.out)/graph-dot-every-edge-ranked.png"], timeout: options.timeout)
      fields.append(
        "\"dot_program_every_edge_ranked_s\":" + (ranked.map { String(format: "%.2f", $0) } ?? "null"))
      line +=
        "; ranked by every edge: "
        + (ranked.map { String(format: "%.2f s", $0) }
          ?? String(format: "killed after %.0f s", options.timeout))
    }
    print(line)
    fflush(nil)
    report.append("{" + fields.joined(separator: ",") + "}")
  }
  print(
    "{\"nodes\":\(options.nodes),\"relationships\":\(options.edges),\"runs\":["
      + report.joined(separator: ",")
      + "]}")
}

func sweep(_ options: Options) throws {
  _ = try GraphRenderer.render(randomGraph(nodes: 3, edges: 2, seed: 1), options: RenderOptions(format: .png))
  for nodes in [50, 80, 100, 200, 500, 1000, 2000, 3000, 5000] {
    let graph = randomGraph(nodes: nodes, edges: 3 * nodes, seed: options.seed)
    let renderOptions = RenderOptions(engine: .dot, format: .png)
    do {
      let plan = try GraphRenderer.plan(graph, options: renderOptions)
      let started = seconds()
      let png = try GraphRenderer.render(graph, options: renderOptions)
      print(
        "dot \(nodes) nodes, \(3 * nodes) edges: layout size \(plan.dotLayoutSize.map(String.init) ?? "-"), "
          + String(format: "%.2f s, ", seconds() - started) + pngSize(png))
      fflush(nil)
    } catch {
      print("dot \(nodes) nodes, \(3 * nodes) edges: refused: \(error.message)")
    }
  }
}

do {
  let options = try Options(CommandLine.arguments)
  if options.sweep { try sweep(options) } else { try benchmark(options) }
} catch {
  FileHandle.standardError.write(Data("kizuna-render-bench: \(error)\n".utf8))
  exit(1)
}
