/// The text being edited and the cursor in it, with the editing operations
/// of a shell line editor. Positions count `Character`s, so an accented
/// letter or a CJK character is one step of the cursor however many bytes
/// or terminal cells it takes. The text may span several lines.
public struct LineBuffer: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// 0...characters.count.
  public private(set) var cursor: Int

  public init(_ text: String = "", cursor: Int? = nil) {
    characters = Array(text)
    self.cursor = min(max(0, cursor ?? characters.count), characters.count)
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }
  /// Whether the text spans more than one line.
  public var isMultiline: Bool { characters.contains("\n") }

  // MARK: Lines

  /// Where the line holding the cursor starts and ends (before its newline).
  public var currentLine: Range<Int> { line(around: cursor) }

  private func line(around position: Int) -> Range<Int> {
    var start = position
    while start > 0 && characters[start - 1] != "\n" { start -= 1 }
    var end = position
    while end < characters.count && characters[end] != "\n" { end += 1 }
    return start..<end
  }

  public var isOnFirstLine: Bool { !characters[..<cursor].contains("\n") }
  public var isOnLastLine: Bool { !characters[cursor...].contains("\n") }

  // MARK: Inserting

  public mutating func insert(_ text: String) {
    guard !text.isEmpty else { return }
    // Rebuild through String so a combining mark joins the character before it.
    let before = String(characters[..<cursor]) + text
    let joined = before + String(characters[cursor...])
    characters = Array(joined)
    cursor = min(before.count, characters.count)
  }

  /// Replaces `range` with `text` and puts the cursor after it (for completion).
  public mutating func replace(_ range: Range<Int>, with text: String) {
    let lower = min(max(0, range.lowerBound), characters.count)
    let upper = min(max(lower, range.upperBound), characters.count)
    let before = String(characters[..<lower]) + text
    characters = Array(before + String(characters[upper...]))
    cursor = min(before.count, characters.count)
  }

  // MARK: Moving

  public mutating func moveLeft() { if cursor > 0 { cursor -= 1 } }
  public mutating func moveRight() { if cursor < characters.count { cursor += 1 } }
  public mutating func moveToLineStart() { cursor = currentLine.lowerBound }
  public mutating func moveToLineEnd() { cursor = currentLine.upperBound }
  public mutating func moveToStart() { cursor = 0 }
  public mutating func moveToEnd() { cursor = characters.count }

  /// Back to the start of the previous word (letters, digits and `_`).
  public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }
  /// Forward to the end of the next word.
  public mutating func moveWordRight() { cursor = wordEnd(after: cursor) }

  /// To the line above at the same screen column; false on the first line.
  public mutating func moveUp() -> Bool {
    let here = currentLine
    guard here.lowerBound > 0 else { return false }
    let column = DisplayWidth.of(String(characters[here.lowerBound..<cursor]))
    cursor = position(inLine: line(around: here.lowerBound - 1), atColumn: column)
    return true
  }

  /// To the line below at the same screen column; false on the last line.
  public mutating func moveDown() -> Bool {
    let here = currentLine
    guard here.upperBound < characters.count else { return false }
    let column = DisplayWidth.of(String(characters[here.lowerBound..<cursor]))
    cursor = position(inLine: line(around: here.upperBound + 1), atColumn: column)
    return true
  }

  private func position(inLine line: Range<Int>, atColumn column: Int) -> Int {
    var width = 0
    for index in line {
      let next = width + DisplayWidth.of(characters[index])
      if next > column { return index }
      width = next
    }
    return line.upperBound
  }

  // MARK: Deleting

  public mutating func deleteBackward() {
    guard cursor > 0 else { return }
    characters.remove(at: cursor - 1)
    cursor -= 1
  }

  public mutating func deleteForward() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  /// Ctrl-K: deletes to the end of the line (at its end, joins the next
  /// line) and returns what was deleted.
  public mutating func killToLineEnd() -> String {
    let end = currentLine.upperBound
    return remove(cursor..<(end == cursor && end < characters.count ? end + 1 : end))
  }

  /// Ctrl-U: deletes from the start of the line to the cursor.
  public mutating func killToLineStart() -> String { remove(currentLine.lowerBound..<cursor) }

  /// Ctrl-W: deletes back to the previous white space, as in a Unix shell.
  public mutating func killWhitespaceWordBackward() -> String {
    var start = cursor
    while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
    while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
    return remove(start..<cursor)
  }

  /// Alt-Backspace: deletes back to the start of the previous word.
  public mutating func killWordBackward() -> String { remove(wordStart(before: cursor)..<cursor) }

  /// Alt-D: deletes to the end of the next word.
  public mutating func killWordForward() -> String { remove(cursor..<wordEnd(after: cursor)) }

  /// Ctrl-T: swaps the characters around the cursor.
  public mutating func transpose() {
    guard characters.count >= 2, cursor > 0 else { return }
    let at = cursor == characters.count ? cursor - 1 : cursor
    characters.swapAt(at - 1, at)
    cursor = at + 1
  }

  private mutating func remove(_ range: Range<Int>) -> String {
    guard !range.isEmpty else { return "" }
    let removed = String(characters[range])
    characters.removeSubrange(range)
    cursor = range.lowerBound
    return removed
  }

  // MARK: Words

  private static func isWord(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_"
  }

  private func wordStart(before position: Int) -> Int {
    var start = position
    while start > 0 && !Self.isWord(characters[start - 1]) { start -= 1 }
    while start > 0 && Self.isWord(characters[start - 1]) { start -= 1 }
    return start
  }

  private func wordEnd(after position: Int) -> Int {
    var end = position
    while end < characters.count && !Self.isWord(characters[end]) { end += 1 }
    while end < characters.count && Self.isWord(characters[end]) { end += 1 }
    return end
  }
}
