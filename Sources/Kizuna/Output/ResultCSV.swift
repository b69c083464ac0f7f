import Foundation
import KizunaCypher
import KizunaStore

/// `--format csv`: a header line of column names, then one line per row.
/// Strings appear bare, null as an empty field, other values as Cypher shows them.
public enum ResultCSV {
  public static func text(_ r: QueryResult) -> String {
    var out = ""
    write(r) { out += $0 }
    return out
  }

  /// Hands the text to `sink` a line at a time.
  public static func write(_ r: QueryResult, to sink: (String) -> Void) {
    sink(r.columns.map(quote).joined(separator: ",") + "\n")
    for row in r.rows {
      sink(
        row.map { v -> String in
          switch v {
          case .null: return ""
          case .string(let s): return quote(s)
          default: return quote(v.cypherDisplay(resolver: r))
          }
        }.joined(separator: ",") + "\n")
    }
  }

  static func quote(_ s: String) -> String {
    s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
      ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }
}
