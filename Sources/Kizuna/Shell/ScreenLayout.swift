/// Where the entry being edited goes on a terminal `width` cells wide: the
/// prompt, then the text, with a continuation prompt before each further
/// line and long lines wrapped (a wide character that does not fit in the
/// last column moves to the next row, as terminals do).
public struct ScreenLayout: Equatable, Sendable {
  /// What each screen row shows, prompts included.
  public var rows: [String]
  public var cursorRow: Int
  public var cursorColumn: Int

  public init(prompt: String, continuationPrompt: String, buffer: LineBuffer, width: Int) {
    let width = max(width, 2)
    var rows = [""]
    var column = 0
    var cursor: (row: Int, column: Int)?

    func newRow() {
      rows.append("")
      column = 0
    }
    func put(_ text: String, _ cells: Int) {
      if column + cells > width && column > 0 { newRow() }
      rows[rows.count - 1] += text
      column += cells
    }
    func placeCursor() {
      if column >= width { newRow() }
      cursor = (rows.count - 1, column)
    }

    put(prompt, Self.visibleWidth(prompt))
    for (index, character) in buffer.characters.enumerated() {
      if character == "\n" {
        if index == buffer.cursor { placeCursor() }
        newRow()
        put(continuationPrompt, Self.visibleWidth(continuationPrompt))
        continue
      }
      let (text, cells) = Self.shown(character)
      if column + cells > width && column > 0 { newRow() }
      if index == buffer.cursor { placeCursor() }
      put(text, cells)
    }
    if cursor == nil { placeCursor() }
    self.rows = rows
    cursorRow = cursor?.row ?? 0
    cursorColumn = cursor?.column ?? 0
  }

  /// How a character is drawn: tabs as spaces, control characters as `?`.
  static func shown(_ character: Character) -> (String, Int) {
    if character == "\t" { return (String(repeating: " ", count: DisplayWidth.tab), DisplayWidth.tab) }
    if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
      return ("?", 1)
    }
    return (String(character), DisplayWidth.of(character))
  }

  /// The cells a prompt takes, not counting its colour escape sequences.
  public static func visibleWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for character in text {
      if inEscape {
        if character.isLetter { inEscape = false }
      } else if character == "\u{1B}" {
        inEscape = true
      } else {
        width += DisplayWidth.of(character)
      }
    }
    return width
  }
}
