import Foundation
import KizunaCypher
import KizunaStore

/// Query results as an aligned text table with a `3 rows, 0.42 ms` footer:
/// what `kizuna query` prints for people and what the shell shows.
///
/// Given a maximum width (the terminal's), columns share it and long cells
/// wrap at spaces, up to `maxCellLines` lines, so a node with a long property
/// map no longer makes a table hundreds of columns wide. Without one, every
/// cell is shown in full.
///
/// ```swift
/// print(ResultTable(maxWidth: 80).text(result), terminator: "")
/// ```
public struct ResultTable: Sendable {
  /// Columns the whole table may take, borders included; nil for no limit.
  public var maxWidth: Int?
  /// Lines a wrapped cell may take before the rest is cut off with `…`.
  public var maxCellLines: Int
  /// Whether the footer ends with the time the statement took.
  public var timing: Bool

  /// Narrowest a column is squeezed to, however many columns share the width.
  static let minimumColumnWidth = 6

  public init(maxWidth: Int? = nil, maxCellLines: Int = 20, timing: Bool = true) {
    self.maxWidth = maxWidth
    self.maxCellLines = max(1, maxCellLines)
    self.timing = timing
  }

  /// The plan (for EXPLAIN and PROFILE), the table and its footer.
  public func text(_ result: QueryResult) -> String {
    var out = ""
    write(result) { out += $0 }
    return out
  }

  /// Hands the text to `sink` a row at a time, so a large result is printed
  /// as it is laid out.
  public func write(_ result: QueryResult, to sink: (String) -> Void) {
    if let plan = result.plan { sink(plan + "\n\n") }
    if !result.columns.isEmpty {
      let cells = result.rows.map { row in row.map { $0.cypherDisplay(resolver: result) } }
      let numeric = result.columns.indices.map { column in
        var sawNumber = false
        for row in result.rows where column < row.count {
          switch row[column] {
          case .int, .float: sawNumber = true
          case .null: continue
          default: return false
          }
        }
        return sawNumber
      }
      writeGrid(columns: result.columns, cells: cells, rightAligned: numeric, to: sink)
    }
    sink(Self.summary(result, timing: timing) + "\n")
  }

  /// `2 nodes created; 1 row, 0.35 ms`: what changed, how many rows, how long.
  public static func summary(_ result: QueryResult, timing: Bool = true) -> String {
    let s = result.statistics
    var changes: [String] = []
    for (n, name) in [
      (s.nodesCreated, "nodes created"), (s.nodesDeleted, "nodes deleted"),
      (s.relationshipsCreated, "relationships created"), (s.relationshipsDeleted, "relationships deleted"),
      (s.propertiesSet, "properties set"), (s.labelsAdded, "labels added"),
      (s.labelsRemoved, "labels removed"),
      (s.indexesAdded, "indexes added"), (s.indexesRemoved, "indexes removed"),
      (s.constraintsAdded, "constraints added"), (s.constraintsRemoved, "constraints removed"),
    ] where n > 0 { changes.append("\(n) \(name)") }
    var text = changes.isEmpty ? "" : changes.joined(separator: ", ") + "; "
    text += result.rows.count == 1 ? "1 row" : "\(result.rows.count) rows"
    if timing { text += ", " + Self.milliseconds(result.timeMs) }
    return text
  }

  static func milliseconds(_ ms: Double) -> String { String(format: "%.2f ms", ms) }

  /// The bordered grid of `columns` over `cells`.
  public func grid(columns: [String], cells: [[String]], rightAligned: [Bool] = []) -> String {
    var out = ""
    writeGrid(columns: columns, cells: cells, rightAligned: rightAligned) { out += $0 }
    return out
  }

  private func writeGrid(
    columns: [String], cells: [[String]], rightAligned: [Bool], to sink: (String) -> Void
  ) {
    let header = columns.map(Self.cellLines)
    let body = cells.map { row in columns.indices.map { $0 < row.count ? Self.cellLines(row[$0]) : [""] } }
    var natural = header.map(Self.widest)
    for row in body {
      for (column, lines) in row.enumerated() { natural[column] = max(natural[column], Self.widest(lines)) }
    }
    let widths: [Int]
    if let maxWidth {
      widths = Self.columnWidths(natural: natural, available: maxWidth - (3 * columns.count + 1))
    } else {
      widths = natural
    }
    let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
    func emit(_ row: [[String]], alignRight: Bool) {
      let fitted = row.enumerated().map { fit($0.element, width: widths[$0.offset]) }
      let height = fitted.map(\.count).max() ?? 1
      var text = ""
      for index in 0..<height {
        text += "|"
        for (column, lines) in fitted.enumerated() {
          let item = index < lines.count ? lines[index] : ""
          let padding = String(repeating: " ", count: max(0, widths[column] - TextWidth.cells(item)))
          let right = alignRight && column < rightAligned.count && rightAligned[column]
          text += right ? " " + padding + item + " |" : " " + item + padding + " |"
        }
        text += "\n"
      }
      sink(text)
    }
    sink(rule)
    emit(header, alignRight: false)
    sink(rule)
    for row in body { emit(row, alignRight: true) }
    sink(rule)
  }

  /// A cell's lines wrapped to `width`, cut to `maxCellLines` when there is a limit.
  private func fit(_ lines: [String], width: Int) -> [String] {
    guard maxWidth != nil, Self.widest(lines) > width || lines.count > maxCellLines else { return lines }
    var wrapped: [String] = []
    for line in lines {
      wrapped += TextWrap.lines(line, width: width)
      if wrapped.count > maxCellLines { break }
    }
    guard wrapped.count > maxCellLines else { return wrapped }
    wrapped.removeLast(wrapped.count - maxCellLines)
    let last = wrapped[maxCellLines - 1]
    wrapped[maxCellLines - 1] =
      TextWidth.cells(last) < width ? last + "…" : TextWrap.truncate(last + "…", width: width)
    return wrapped
  }

  /// How wide each column may be: columns that fit in an even share keep
  /// their width and the wide ones split what is left, none narrower than
  /// `minimumColumnWidth` (so a table with very many columns may still overflow).
  static func columnWidths(natural: [Int], available: Int) -> [Int] {
    guard natural.reduce(0, +) > available else { return natural }
    var widths = natural
    var remaining = max(0, available)
    var left = natural.count
    for column in natural.indices.sorted(by: { natural[$0] < natural[$1] }) {
      let share = remaining / left
      widths[column] = max(min(natural[column], share), min(natural[column], minimumColumnWidth))
      remaining = max(0, remaining - widths[column])
      left -= 1
    }
    return widths
  }

  static func widest(_ lines: [String]) -> Int { lines.map(TextWidth.cells).max() ?? 0 }

  /// A value's text as lines: line breaks start new lines, tabs become
  /// spaces, and other control characters show as their visible symbols
  /// (␛) so that no cell can move the cursor or change the terminal.
  static func cellLines(_ text: String) -> [String] {
    var needsCleaning = false
    for byte in text.utf8 where byte < 0x20 || byte == 0x7F {
      needsCleaning = true
      break
    }
    guard needsCleaning else { return [text] }
    var lines: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A:
        lines.append(current)
        current = ""
      case 0x0D: continue
      case 0x09: current += " "
      case 0x00..<0x20: current.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
      case 0x7F: current += "␡"
      default: current.unicodeScalars.append(scalar)
      }
    }
    lines.append(current)
    return lines
  }
}
