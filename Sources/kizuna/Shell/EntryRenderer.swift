import Kizuna

/// Draws the entry being edited in place: moves back to where the last
/// drawing started, clears below, and writes the new layout. It remembers
/// only the cursor's row within the entry, so it works wherever on the
/// screen the prompt is.
struct EntryRenderer {
  private var cursorRow = 0
  private var last: ScreenLayout?

  mutating func draw(_ layout: ScreenLayout, on terminal: RawTerminal) {
    var out = ""
    if cursorRow > 0 { out += "\u{1B}[\(cursorRow)A" }
    out += "\r\u{1B}[J" + layout.rows.joined(separator: "\r\n")
    let up = layout.rows.count - 1 - layout.cursorRow
    if up > 0 { out += "\u{1B}[\(up)A" }
    out += "\r"
    if layout.cursorColumn > 0 { out += "\u{1B}[\(layout.cursorColumn)C" }
    terminal.send(out)
    cursorRow = layout.cursorRow
    last = layout
  }

  /// Leaves the entry: the cursor goes to the start of the line below it.
  mutating func finish(on terminal: RawTerminal, marker: String = "") {
    var out = marker
    if let last {
      let down = last.rows.count - 1 - cursorRow
      if down > 0 { out += "\u{1B}[\(down)B" }
    }
    terminal.send(out + "\r\n")
    cursorRow = 0
    last = nil
  }

  /// Starts afresh at the cursor (after the screen was cleared or written over).
  mutating func forget() {
    cursorRow = 0
    last = nil
  }

  /// After the window changed width: a terminal that re-wraps its lines
  /// moves each row of the last drawing onto as many rows as it now needs;
  /// count them to find the entry's first row again.
  mutating func resized(to width: Int) {
    guard let last, width > 0 else { return }
    var row = 0
    for index in 0..<cursorRow {
      row += max(1, (ScreenLayout.visibleWidth(last.rows[index]) + width - 1) / width)
    }
    cursorRow = row + last.cursorColumn / width
  }

  /// The entry cannot start above the top of the screen: with the cursor
  /// on screen row `screenRow` (0-based), at most that many rows are above.
  mutating func clamp(toRowsAbove screenRow: Int) {
    cursorRow = min(cursorRow, max(0, screenRow))
  }
}
