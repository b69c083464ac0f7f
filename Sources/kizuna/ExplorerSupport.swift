import ArgumentParser
import Foundation
import Kizuna
import KizunaRender
import KizunaStore

/// Options every explorer command takes.
struct ExplorerOptions: ParsableArguments {
  @Option(
    help: "Database directory, or :memory: for an empty graph. Default: the bundled Vietnam–Japan graph.")
  var db: String?

  @Option(help: "Output format: table, json (one JSON object per table) or csv.")
  var format: QueryCommand.OutputFormatArgument = .table

  func openDatabase() throws -> Database { try kizuna.openDatabase(db) }

  /// Prints `sections` in the chosen format: text tables under their
  /// headings, or one JSON/CSV table per section (headings are for people).
  func emit(_ sections: [(heading: String?, table: ExplorerTable)]) {
    switch format {
    case .table:
      var text = ""
      for (index, section) in sections.enumerated() {
        if index > 0 { text += "\n" }
        if let heading = section.heading { text += heading + "\n" }
        text += section.table.text()
      }
      write(text)
    case .json, .csv:
      let printer = ResultPrinter(format: format == .json ? .json : .csv)
      for (index, section) in sections.enumerated() {
        if index > 0 && format == .csv {
          printer.flush()
          write("\n")
        }
        printer.print(section.table.queryResult)
      }
      printer.flush()
    }
  }

  /// Text for people, printed only with the table format.
  func say(_ text: String) {
    if format == .table { write(text + "\n") }
  }

  private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}

/// `-o FILE`: a drawing whose format comes from the file's extension.
struct DrawingOption: ParsableArguments {
  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: "Also draw the result into this .png, .svg, .pdf or .dot file.")
  var output: String?

  func validate() throws {
    if let output, ResultDrawing.format(forPath: output) == nil {
      throw ValidationError("cannot tell the format of \(output): name it .png, .svg, .pdf or .dot")
    }
  }

  func draw(_ extract: GraphExtract, style: GraphStyle = GraphStyle()) throws {
    guard let output else { return }
    do {
      try ResultDrawing.write(extract, to: output, style: style)
    } catch {
      throw CLIFailure("cannot draw \(output): \(error.message)")
    }
    printError("wrote \(output)")
  }
}

extension ExplorerError {
  /// Explorer errors end the command with exit status 1.
  var failure: CLIFailure { CLIFailure(message) }
}

/// Runs `body`, turning an explorer error into a failure for the user.
func explore<T>(_ body: () throws(ExplorerError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    throw error.failure
  }
}
