import Foundation
import KizunaCypher
import KizunaStore

/// Writes statement results and errors in the chosen format.
final class ResultPrinter {
  enum Format { case table, json, csv }
  let format: Format
  /// Whether the table footer gives the time (`3 rows, 0.42 ms`); the shell's `:timing` turns it off.
  var showsTiming = true
  private var buffer: [UInt8] = []

  init(format: Format) { self.format = format }

  func print(_ r: QueryResult) {
    switch format {
    case .json: json(r)
    case .table: table(r)
    case .csv: csv(r)
    }
    if buffer.count > 1 << 16 { flush() }
  }

  func print(_ e: CypherError) {
    switch format {
    case .json:
      var fields: [String: Value] = [
        "type": .string(e.type.rawValue), "detail": .string(e.detail), "phase": .string(e.phase.rawValue),
        "message": .string(e.message),
      ]
      if let line = e.line { fields["line"] = .int(Int64(line)) }
      if let column = e.column { fields["column"] = .int(Int64(column)) }
      append(Value.map(["error": .map(fields)]).jsonText() + "\n")
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

  private func append(_ s: String) { buffer.append(contentsOf: s.utf8) }

  private func json(_ r: QueryResult) {
    append("{\"columns\":")
    append(Value.list(r.columns.map { .string($0) }).jsonText())
    append(",\"rows\":[")
    for (i, row) in r.rows.enumerated() {
      if i > 0 { buffer.append(UInt8(ascii: ",")) }
      Value.list(row).appendJSON(to: &buffer, resolver: r)
    }
    append("],\"stats\":{")
    let s = r.statistics
    let counters: [(String, Int)] = [
      ("nodesCreated", s.nodesCreated), ("nodesDeleted", s.nodesDeleted),
      ("relationshipsCreated", s.relationshipsCreated), ("relationshipsDeleted", s.relationshipsDeleted),
      ("propertiesSet", s.propertiesSet), ("labelsAdded", s.labelsAdded), ("labelsRemoved", s.labelsRemoved),
    ]
    append(counters.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ","))
    append("},\"timeMs\":")
    append(String(format: "%.4f", r.timeMs))
    if let plan = r.plan {
      append(",\"plan\":")
      append(Value.string(plan).jsonText())
    }
    append("}\n")
  }

  private func table(_ r: QueryResult) {
    if let plan = r.plan { append(plan + "\n\n") }
    if !r.columns.isEmpty {
      let cells = r.rows.map { $0.map { $0.cypherDisplay(resolver: r) } }
      var widths = r.columns.map(displayWidth)
      for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], displayWidth(c)) } }
      let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
      func line(_ items: [String]) -> String {
        "|"
          + items.enumerated().map {
            " " + $0.element + String(repeating: " ", count: widths[$0.offset] - displayWidth($0.element))
              + " "
          }
          .joined(separator: "|") + "|\n"
      }
      append(rule + line(r.columns) + rule)
      for row in cells { append(line(row)) }
      append(rule)
    }
    let s = r.statistics
    var changes: [String] = []
    for (n, name) in [
      (s.nodesCreated, "nodes created"), (s.nodesDeleted, "nodes deleted"),
      (s.relationshipsCreated, "relationships created"), (s.relationshipsDeleted, "relationships deleted"),
      (s.propertiesSet, "properties set"), (s.labelsAdded, "labels added"),
      (s.labelsRemoved, "labels removed"),
      (s.indexesAdded, "indexes added"), (s.indexesRemoved, "indexes removed"),
      (s.constraintsAdded, "constraints added"), (s.constraintsRemoved, "constraints removed"),
    ] where n > 0 { changes.append("\(n) \(name)") }
    let rows = r.rows.count == 1 ? "1 row" : "\(r.rows.count) rows"
    let time = showsTiming ? String(format: ", %.2f ms", r.timeMs) : ""
    append((changes.isEmpty ? "" : changes.joined(separator: ", ") + "; ") + rows + time + "\n")
  }

  private func csv(_ r: QueryResult) {
    func quote(_ s: String) -> String {
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    append(r.columns.map(quote).joined(separator: ",") + "\n")
    for row in r.rows {
      append(
        row.map { v -> String in
          switch v {
          case .null: return ""
          case .string(let s): return quote(s)
          default: return quote(v.cypherDisplay(resolver: r))
          }
        }.joined(separator: ",") + "\n")
    }
  }
}

/// Columns count East Asian wide characters as two cells.
func displayWidth(_ s: String) -> Int {
  var w = 0
  for scalar in s.unicodeScalars {
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F: continue
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      w += 2
    default: w += 1
    }
  }
  return w
}
