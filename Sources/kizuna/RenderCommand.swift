import ArgumentParser
import Foundation
import Kizuna
import KizunaCypher
import KizunaRender
import KizunaStore

extension LayoutEngine: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw the nodes, relationships and paths a query returns (PNG, SVG, PDF or DOT).",
    discussion: """
      Every statement's results are drawn together; the output format follows the
      file name (.png, .svg, .pdf, or .dot/.gv for the DOT text before layout).
      Without --layout the layout is chosen by size: dot below 40 nodes, neato below
      300, sfdp from 300. dot is slow on large graphs: from \(LayoutLimits.forestRankedDot) nodes it ranks
      them by a spanning tree, on larger ones it draws straight edges with bounded
      effort (with a warning), and it refuses graphs too large even so (use sfdp).
      A style file changes colours, shapes, captions and clusters (docs/style-file.md).
      A .dot or .gv FILE is drawn as it is, with --layout or its own layout attribute;
      a syntax error names its line.

      Examples:
        kizuna render -e 'MATCH p=(:Locality)-[:SISTER_CITY]-(:Locality) RETURN p' -o sister-cities.png
        kizuna render Queries/sister-cities.cypher -o sister-cities.svg --layout dot
        kizuna render Queries/dialogues.cypher -o dialogues.pdf
        kizuna render Queries/ego-network.cypher --params '{"name": "Truong Thi Mai"}' -o mai.png
        kizuna render Queries/path-between-officials.cypher \\
          --params '{"from": "Vo Van Thuong", "to": "Kishida Fumio"}' -o path.png
        kizuna render -e 'MATCH (p:Person) RETURN p' --connect -o who-met-whom.png
        kizuna render -e 'MATCH (n) RETURN n' --connect --layout sfdp -o whole-graph.png
        kizuna render -e 'MATCH (l:Locality)-[r:LOCATED_IN]->(c) RETURN l, r, c' --style my-style.json -o map.svg
        kizuna render drawing.dot -o drawing.pdf --layout neato
      """)

  @Option(name: .customShort("e"), help: "The statements to run.")
  var text: String?

  @Argument(help: "A .cypher file, a .dot or .gv file (drawn as it is), or - for standard input.")
  var file: String?

  @Option(name: .shortAndLong, help: "The picture to write: .png, .svg, .pdf, or .dot (DOT text).")
  var output: String

  @Option(help: "Layout: dot, neato, fdp, sfdp, circo or twopi. Default: chosen by size (or the style's).")
  var layout: LayoutEngine?

  @Option(help: "Query parameters as a JSON object, e.g. '{\"name\": \"Vo Van Thuong\"}'.")
  var params: String?

  @Option(
    help: "Database directory, or :memory: for an empty graph. Default: the bundled Vietnam–Japan graph.")
  var db: String?

  @Flag(help: "Also draw the relationships that join any two of the returned nodes.")
  var connect = false

  @Option(help: "A JSON style file (see docs/style-file.md).")
  var style: String?

  func validate() throws {
    try StatementInput(text: text, file: file).validate(optional: false)
    guard ResultDrawing.format(forPath: output) != nil else {
      throw ValidationError("cannot tell the picture format of '\(output)': name it .png, .svg, .pdf or .dot")
    }
    if let style, !FileManager.default.fileExists(atPath: style) {
      throw ValidationError("no such style file: \(style)")
    }
    if let dotFile, params != nil || connect || style != nil || db != nil {
      throw ValidationError(
        "\(dotFile) is a DOT file, drawn as it is; --params, --connect, --style and --db apply to queries")
    }
  }

  /// The FILE argument when it names DOT text rather than statements.
  var dotFile: String? {
    guard text == nil, let file, ResultDrawing.format(forPath: file) == .plainDOT else { return nil }
    return file
  }

  func run() throws {
    if let dotFile { return try renderDOT(dotFile) }
    let graphStyle = try loadStyle()
    guard let script = try StatementInput(text: text, file: file).script() else { return }
    let parameters = try StatementInput.parameters(script, params: params)
    let engine = CypherEngine(database: try openDatabase(db))
    let results = try runStatements(script.text, parameters: parameters, engine: engine)
    let extract: GraphExtract
    do {
      extract = try ResultDrawing.extract(from: results, connect: connect, engine: engine)
    } catch {
      ResultPrinter(format: .table).print(error)
      throw CLIFailure("")
    }
    guard !extract.nodes.isEmpty else {
      throw CLIFailure(
        "the query returned no nodes to draw; return nodes, relationships or paths (RETURN n, r, p)")
    }
    do {
      let drawing = try ResultDrawing.write(extract, to: output, engine: layout, style: graphStyle)
      for warning in drawing.warnings { printError("warning: " + warning) }
      print(
        "Drew \(quantity(drawing.nodeCount, "node")) and \(quantity(drawing.relationshipCount, "relationship"))"
          + " with \(drawing.engine.rawValue) into \(output).")
    } catch {
      throw CLIFailure(error.message)
    }
  }

  func renderDOT(_ path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIFailure("cannot read \(path)")
    }
    guard let format = ResultDrawing.format(forPath: output) else {
      throw CLIFailure("cannot tell the picture format of '\(output)': name it .png, .svg, .pdf or .dot")
    }
    do {
      let drawn = try GraphRenderer.render(
        dot: String(decoding: data, as: UTF8.self), engine: layout, format: format, toFile: output)
      print(
        "Drew \(quantity(drawn.nodeCount, "node")) and \(quantity(drawn.edgeCount, "edge")) with \(drawn.engine)"
          + " into \(output).")
    } catch {
      // Errors in the text name the file (and the line, when Graphviz gives it).
      switch error.kind {
      case .dotSyntax: throw CLIFailure("\(path): \(error)")
      case .graphviz: throw CLIFailure("\(path): \(error.message)")
      default: throw CLIFailure(error.message)
      }
    }
  }

  func loadStyle() throws -> GraphStyle {
    guard let style else { return GraphStyle() }
    guard let data = FileManager.default.contents(atPath: style) else {
      throw CLIFailure("cannot read \(style)")
    }
    do {
      return try GraphStyle.load(json: String(decoding: data, as: UTF8.self))
    } catch {
      throw CLIFailure("\(style): \(error)")
    }
  }
}

/// `1 node`, `12 nodes`.
func quantity(_ n: Int, _ noun: String) -> String {
  "\(n) \(noun)" + (n == 1 ? "" : "s")
}
