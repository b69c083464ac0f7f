import Foundation
import Kizuna
import KizunaCypher
import KizunaStore

/// Writes statement results and errors in the chosen format to standard
/// output, buffered; the formatting itself lives in the Kizuna library.
final class ResultPrinter {
  enum Format { case table, json, csv }
  let format: Format
  /// How tables are laid out: fitted to the terminal when standard output is one.
  var table: ResultTable
  /// Whether the table footer gives the time (`3 rows, 0.42 ms`); the shell's `:timing` turns it off.
  var showsTiming: Bool {
    get { table.timing }
    set { table.timing = newValue }
  }
  private var buffer: [UInt8] = []

  init(format: Format, table: ResultTable = ResultTable(maxWidth: Terminal.outputWidth)) {
    self.format = format
    self.table = table
  }

  func print(_ r: QueryResult) {
    switch format {
    case .json: ResultJSON.append(r, to: &buffer)
    case .table: table.write(r) { append($0) }
    case .csv: ResultCSV.write(r) { append($0) }
    }
    if buffer.count > 1 << 16 { flush() }
  }

  func print(_ e: CypherError) {
    switch format {
    case .json:
      append(ResultJSON.errorLine(e))
      flush()
    case .table, .csv:
      flush()
      printError("\(e.type.rawValue) (\(e.detail)): \(e.message)")
    }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  private func append(_ s: String) {
    buffer.append(contentsOf: s.utf8)
    if buffer.count > 1 << 16 { flush() }
  }
}
