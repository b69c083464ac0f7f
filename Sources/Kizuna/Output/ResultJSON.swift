import Foundation
import KizunaCypher
import KizunaStore

/// `--format json`: one JSON object per statement, one per line. The shape
/// is a fixed interface (docs: shared/interface.md); change nothing here
/// without changing every program that reads it.
public enum ResultJSON {
  /// `{"columns":[...],"rows":[...],"stats":{...},"timeMs":0.41}` and a newline.
  public static func append(_ r: QueryResult, to buffer: inout [UInt8]) {
    func append(_ s: String) { buffer.append(contentsOf: s.utf8) }
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

  /// `{"error":{"type":...,"detail":...,"phase":...,"message":...,"line":1,"column":8}}` and a newline.
  public static func errorLine(_ e: CypherError) -> String {
    var fields: [String: Value] = [
      "type": .string(e.type.rawValue), "detail": .string(e.detail), "phase": .string(e.phase.rawValue),
      "message": .string(e.message),
    ]
    if let line = e.line { fields["line"] = .int(Int64(line)) }
    if let column = e.column { fields["column"] = .int(Int64(column)) }
    return Value.map(["error": .map(fields)]).jsonText() + "\n"
  }

  /// The whole line for one result, as text.
  public static func text(_ r: QueryResult) -> String {
    var buffer: [UInt8] = []
    append(r, to: &buffer)
    return String(decoding: buffer, as: UTF8.self)
  }
}
