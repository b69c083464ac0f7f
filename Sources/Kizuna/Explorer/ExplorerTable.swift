import KizunaCypher
import KizunaStore

/// A table an explorer command prints: plain values (no nodes), so the same
/// rows read well as an aligned text table, as JSON and as CSV.
public struct ExplorerTable: Sendable, Hashable {
  public var columns: [String]
  public var rows: [[Value]]

  public init(columns: [String], rows: [[Value]]) {
    self.columns = columns
    self.rows = rows
  }

  /// The rows as a query result, for the JSON and CSV printers.
  public var queryResult: QueryResult {
    QueryResult(columns: columns, rows: rows, statistics: UpdateStatistics())
  }

  /// A boxed table with strings unquoted and numbers aligned right; cells
  /// wider than `maxWidth` wrap at spaces onto more lines.
  public func text(maxWidth: Int = 60) -> String {
    let limit = max(8, maxWidth)
    let cells = rows.map { $0.map { Self.wrap(RelationshipText.plain($0), limit) } }
    var widths = columns.map(TextWidth.cells)
    for row in cells {
      for (i, lines) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], lines.map(TextWidth.cells).max() ?? 0)
      }
    }
    let numeric = columns.indices.map { column in
      !rows.isEmpty
        && rows.allSatisfy { row in
          switch row[column] {
          case .int, .float, .null: return true
          default: return false
          }
        }
    }
    let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
    func line(_ items: [String], header: Bool) -> String {
      var out = "|"
      for (i, item) in items.enumerated() where i < widths.count {
        let padding = String(repeating: " ", count: widths[i] - TextWidth.cells(item))
        out += numeric[i] && !header ? " " + padding + item + " |" : " " + item + padding + " |"
      }
      return out + "\n"
    }
    var out = rule + line(columns, header: true) + rule
    for row in cells {
      let height = row.map(\.count).max() ?? 1
      for index in 0..<height { out += line(row.map { index < $0.count ? $0[index] : "" }, header: false) }
    }
    return out + rule
  }

  /// Lines of at most `limit` cells, broken at spaces (inside a word only
  /// when the word alone is too long).
  static func wrap(_ text: String, _ limit: Int) -> [String] { TextWrap.lines(text, width: limit) }
}
