import Foundation

/// What the terminal should do after a key.
public enum EditOutcome: Equatable, Sendable {
  /// The text or the cursor changed: draw the entry again.
  case redraw
  /// Nothing visible changed.
  case none
  /// The key did nothing here (no completion, no older history): ring the bell.
  case bell
  /// The entry is complete (ends with `;`, or is a shell command): run it.
  case submit(String)
  /// Ctrl-C: the entry was thrown away.
  case cancel
  /// Ctrl-D on an empty entry: leave the shell.
  case endOfInput
  /// Ctrl-L.
  case clearScreen
  /// Ctrl-Z: stop the process (the terminal is restored first).
  case suspend
  /// Tab found several candidates and none is longer than the typed word.
  case showCandidates([String])
}

/// The shell's line editor without a terminal: applies key events to the
/// entry being typed, its history and a reverse search, and says what the
/// terminal should do. Enter inserts a line break until the entry is
/// complete (`StatementSplitter.isComplete`), so a multi-line statement is
/// edited, and remembered, as one entry.
public struct LineEditor: Sendable {
  public private(set) var buffer = LineBuffer()
  /// Older entries first.
  public private(set) var history: [String]
  /// The entry of `history` being shown, nil while editing a new one.
  private var historyIndex: Int?
  /// Whether the shown history entry is still as it was recalled.
  private var recalledUnchanged = false
  /// The new entry, kept while browsing history.
  private var draft = LineBuffer()
  /// The last text deleted by Ctrl-K, Ctrl-U, Ctrl-W..., for Ctrl-Y.
  private var killed = ""
  private var pasting = false
  public private(set) var search: ReverseSearch?

  /// Ctrl-R: finds older entries containing `query` (ignoring case).
  public struct ReverseSearch: Equatable, Sendable {
    public var query: String
    /// The history entry that matches, if any yet.
    public var match: Int?
    public var failed: Bool
    var original: LineBuffer
  }

  public init(history: [String] = []) { self.history = history }

  /// The prompt to show instead of the usual one while searching.
  public var searchPrompt: String? {
    guard let search else { return nil }
    return "(\(search.failed ? "failed " : "")reverse-i-search)`\(search.query)': "
  }

  /// Starts a new, empty entry.
  public mutating func reset() {
    buffer = LineBuffer()
    historyIndex = nil
    recalledUnchanged = false
    search = nil
    pasting = false
  }

  /// Remembers an entry run; blank ones, repeats of the last one and ones
  /// typed with a leading space (to keep them out) are not kept.
  @discardableResult
  public mutating func remember(_ entry: String) -> Bool {
    guard Self.isMemorable(entry), history.last != entry else { return false }
    history.append(entry)
    return true
  }

  public static func isMemorable(_ entry: String) -> Bool {
    !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && entry.first?.isWhitespace != true
  }

  /// Applies one key. `complete` answers Tab.
  public mutating func apply(
    _ key: KeyEvent, complete: (String, Int) -> Completion? = { _, _ in nil }
  ) -> EditOutcome {
    if search != nil, let outcome = searching(key) { return outcome }
    let before = buffer
    let shownBefore = historyIndex
    let outcome = editing(key, complete: complete)
    // Moving through history shows an entry as recalled; anything else that changes the text edits it.
    if buffer != before && historyIndex == shownBefore { recalledUnchanged = false }
    return outcome
  }

  private mutating func editing(_ key: KeyEvent, complete: (String, Int) -> Completion?) -> EditOutcome {
    switch key {
    case .text(let text):
      buffer.insert(text)
    case .enter:
      if pasting || !StatementSplitter.isComplete(buffer.text) {
        buffer.insert("\n")
      } else {
        let entry = buffer.text
        reset()
        return .submit(entry)
      }
    case .newline: buffer.insert("\n")
    case .tab:
      if pasting {
        buffer.insert("\t")
      } else {
        return completion(complete(buffer.text, buffer.cursor))
      }
    case .backspace, .control("h"): buffer.deleteBackward()
    case .delete: buffer.deleteForward()
    case .control("d"):
      if buffer.isEmpty { return .endOfInput }
      buffer.deleteForward()
    case .left, .control("b"): buffer.moveLeft()
    case .right, .control("f"): buffer.moveRight()
    case .home, .control("a"): buffer.moveToLineStart()
    case .end, .control("e"): buffer.moveToLineEnd()
    case .alt("<"), .pageUp: buffer.moveToStart()
    case .alt(">"), .pageDown: buffer.moveToEnd()
    case .wordLeft, .alt("b"): buffer.moveWordLeft()
    case .wordRight, .alt("f"): buffer.moveWordRight()
    case .up, .control("p"):
      if historyIndex != nil && recalledUnchanged || !buffer.moveUp() { return older() }
    case .down, .control("n"):
      if historyIndex != nil && recalledUnchanged || !buffer.moveDown() { return newer() }
    case .control("k"): kill(buffer.killToLineEnd())
    case .control("u"): kill(buffer.killToLineStart())
    case .control("w"): kill(buffer.killWhitespaceWordBackward())
    case .altBackspace: kill(buffer.killWordBackward())
    case .alt("d"): kill(buffer.killWordForward())
    case .control("y"): buffer.insert(killed)
    case .control("t"): buffer.transpose()
    case .control("l"): return .clearScreen
    case .control("c"):
      reset()
      return .cancel
    case .control("z"): return .suspend
    case .control("r"):
      search = ReverseSearch(query: "", match: nil, failed: false, original: buffer)
    case .pasteBegin: pasting = true
    case .pasteEnd: pasting = false
    default: return .none
    }
    return .redraw
  }

  private mutating func kill(_ text: String) {
    if !text.isEmpty { killed = text }
  }

  private mutating func completion(_ found: Completion?) -> EditOutcome {
    guard let found, !found.candidates.isEmpty else { return .bell }
    if found.candidates.count == 1, let only = found.candidates.first {
      buffer.replace(found.range, with: only.text + only.suffix)
      return .redraw
    }
    let prefix = found.commonPrefix
    if prefix.count > found.typed.count {
      buffer.replace(found.range, with: prefix)
      return .redraw
    }
    return .showCandidates(found.candidates.map(\.text))
  }

  // MARK: History

  private mutating func older() -> EditOutcome {
    let index = (historyIndex ?? history.count) - 1
    guard index >= 0 else { return .bell }
    if historyIndex == nil { draft = buffer }
    show(index)
    return .redraw
  }

  private mutating func newer() -> EditOutcome {
    guard let current = historyIndex else { return .bell }
    if current + 1 < history.count {
      show(current + 1)
    } else {
      historyIndex = nil
      buffer = draft
    }
    return .redraw
  }

  private mutating func show(_ index: Int) {
    historyIndex = index
    buffer = LineBuffer(history[index])
    recalledUnchanged = true
  }

  // MARK: Reverse search

  /// Handles a key during Ctrl-R; nil when the key ends the search and
  /// should then be applied as usual.
  private mutating func searching(_ key: KeyEvent) -> EditOutcome? {
    guard var state = search else { return nil }
    switch key {
    case .text(let text):
      state.query += text
      find(&state, from: state.match ?? history.count - 1)
    case .backspace, .control("h"):
      guard !state.query.isEmpty else { return .bell }
      state.query.removeLast()
      find(&state, from: history.count - 1)
    case .control("r"):
      find(&state, from: (state.match ?? history.count) - 1)
    case .control("g"), .escape, .control("c"):
      buffer = state.original
      search = nil
      return .redraw
    default:
      // Any other key takes the match and then does what it always does.
      search = nil
      if let match = state.match, !state.failed {
        historyIndex = match
        recalledUnchanged = false
      }
      return nil
    }
    search = state
    return state.failed ? .bell : .redraw
  }

  private mutating func find(_ state: inout ReverseSearch, from start: Int) {
    guard !state.query.isEmpty else {
      state.failed = false
      state.match = nil
      buffer = state.original
      return
    }
    let query = state.query.lowercased()
    var index = min(start, history.count - 1)
    while index >= 0 {
      let entry = history[index]
      let lowered = entry.lowercased()
      if let found = lowered.range(of: query) {
        state.match = index
        state.failed = false
        buffer = LineBuffer(entry, cursor: lowered.distance(from: lowered.startIndex, to: found.lowerBound))
        return
      }
      index -= 1
    }
    state.failed = true
  }
}
