import KizunaStore

/// Where each object key of a JSON text stands, by its path from the root
/// (`["labels", "Person", "color"]`), so an error about a value can point
/// at its line even when the same key appears under several parents.
///
/// Decoded values carry no positions, so this scans the text again. It runs
/// only on text that already parsed, so it needs to follow no more than
/// strings, nesting and commas.
struct JSONKeyPositions {
  private var positions: [[String]: (line: Int, column: Int)] = [:]

  init(_ text: String) {
    struct Container {
      var isObject: Bool
      var expectsKey: Bool
      var key: String?
    }
    let bytes = Array(text.utf8)
    var stack: [Container] = []
    var line = 1
    // Counted in characters (Unicode scalars), not bytes.
    var column = 1
    var index = 0
    func advance() {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if bytes[index] & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\""):
        let start = (line: line, column: column)
        let first = index
        advance()
        while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
          if bytes[index] == UInt8(ascii: "\\") && index + 1 < bytes.count { advance() }
          advance()
        }
        if index < bytes.count { advance() }
        guard let top = stack.last, top.isObject, top.expectsKey else { continue }
        // The JSON decoder undoes the escapes, so keys match the decoded maps.
        guard
          case .string(let key)? = try? Value.fromJSON(String(decoding: bytes[first..<index], as: UTF8.self))
        else { continue }
        let path = stack.dropLast().map { $0.isObject ? ($0.key ?? "") : "[]" } + [key]
        if positions[path] == nil { positions[path] = start }
        stack[stack.count - 1].key = key
        stack[stack.count - 1].expectsKey = false
        continue
      case UInt8(ascii: "{"): stack.append(Container(isObject: true, expectsKey: true))
      case UInt8(ascii: "["): stack.append(Container(isObject: false, expectsKey: false))
      case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
      case UInt8(ascii: ","):
        if let top = stack.last, top.isObject { stack[stack.count - 1].expectsKey = true }
      default: break
      }
      advance()
    }
  }

  /// The line and column of the key at `path`, or of its nearest recorded
  /// parent; nil for the root.
  func position(of path: [String]) -> (line: Int, column: Int)? {
    var path = path
    while !path.isEmpty {
      if let found = positions[path] { return found }
      path.removeLast()
    }
    return nil
  }
}
