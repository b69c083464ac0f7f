/// Breaks text into lines that fit a number of terminal columns.
public enum TextWrap {
  /// Lines of at most `limit` columns, broken at spaces (inside a word only
  /// when the word alone is too long). Linear in the length of `text`, so a
  /// megabyte-long cell costs no more than reading it.
  public static func lines(_ text: String, width limit: Int) -> [String] {
    let limit = max(2, limit)
    guard TextWidth.cells(text) > limit else { return [text] }
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      var rest = Substring(word)
      var restWidth = TextWidth.cells(rest)
      while restWidth > limit {
        if !current.isEmpty { lines.append(current) }
        current = ""
        currentWidth = 0
        var head = rest.startIndex
        var headWidth = 0
        while head < rest.endIndex {
          let width = TextWidth.cells(rest[head])
          if headWidth + width > limit && headWidth > 0 { break }
          headWidth += width
          head = rest.index(after: head)
        }
        lines.append(String(rest[..<head]))
        rest = rest[head...]
        restWidth -= headWidth
      }
      if current.isEmpty {
        current = String(rest)
        currentWidth = restWidth
      } else if currentWidth + 1 + restWidth <= limit {
        current += " " + rest
        currentWidth += 1 + restWidth
      } else {
        lines.append(current)
        current = String(rest)
        currentWidth = restWidth
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// `text` cut to at most `limit` columns, ending in `…` when cut.
  public static func truncate(_ text: String, width limit: Int) -> String {
    guard TextWidth.cells(text) > limit else { return text }
    var out = ""
    var width = 0
    for character in text {
      let cells = TextWidth.cells(character)
      if width + cells > limit - 1 { break }
      out.append(character)
      width += cells
    }
    return out + "…"
  }
}
