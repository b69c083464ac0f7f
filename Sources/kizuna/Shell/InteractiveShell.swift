import Foundation
import Kizuna

/// The shell at a terminal: the line editor on raw input, history kept in
/// a file, completion from the session, and Ctrl-C that cancels the entry
/// being typed or the statement running.
final class InteractiveShell {
  private let session: ShellSession
  private let terminal: RawTerminal
  private let output: ShellOutput
  private let historyFile: ShellHistoryFile
  private var editor: LineEditor
  private var renderer = EntryRenderer()
  private let prompt: String
  private let continuationPrompt = "   ...> "

  init(session: ShellSession, terminal: RawTerminal, historyFile: ShellHistoryFile, color: Bool) {
    self.session = session
    self.terminal = terminal
    self.historyFile = historyFile
    output = ShellOutput(interactive: true, color: color)
    editor = LineEditor(history: historyFile.load())
    prompt = color ? "\u{1B}[1;36mkizuna>\u{1B}[0m " : "kizuna> "
  }

  func run(banner: String) {
    RawTerminal.installSignalHandlers()
    RawTerminal.onInterrupt { [session] in session.cancelRunningStatement() }
    terminal.send(banner + "\n")
    terminal.enterRawMode()
    defer { terminal.restore() }
    var decoder = KeyDecoder()
    var historyWarned = false
    // Keys that arrived while waiting for the terminal's answer to a query.
    var queued: [KeyEvent] = []
    draw()
    while true {
      var keys: [KeyEvent] = []
      if !queued.isEmpty {
        keys = queued
        queued = []
      } else {
        switch terminal.readInput(waiting: decoder.hasPending ? 40 : -1) {
        case .ended:
          renderer.finish(on: terminal)
          return
        case .interrupted:
          if terminal.takeResize() { queued += resize(&decoder) }
          continue
        case .timedOut: keys = decoder.flush()
        case .bytes(let bytes): keys = decoder.feed(bytes)
        }
      }
      var needsDrawing = false
      for key in keys {
        let wasSearching = editor.searchPrompt != nil
        let outcome = editor.apply(key) { [session] text, cursor in
          session.completion(for: text, cursor: cursor)
        }
        // Leaving a search puts the usual prompt back.
        if wasSearching && editor.searchPrompt == nil { needsDrawing = true }
        switch outcome {
        case .redraw, .none, .bell: break
        case .submit(let entry):
          // The editor has already started a new entry: draw the one submitted, as typed.
          if needsDrawing || wasSearching { draw(LineBuffer(entry), searching: false) }
          needsDrawing = false
        default:
          // Show the entry as it is before leaving it.
          if needsDrawing { draw() }
          needsDrawing = false
        }
        switch outcome {
        case .redraw: needsDrawing = true
        case .none: break
        case .bell: terminal.send("\u{07}")
        case .clearScreen:
          terminal.send("\u{1B}[H\u{1B}[2J")
          renderer.forget()
          needsDrawing = true
        case .cancel:
          renderer.finish(on: terminal, marker: "^C")
          needsDrawing = true
        case .endOfInput:
          renderer.finish(on: terminal)
          return
        case .suspend:
          renderer.finish(on: terminal)
          terminal.suspend()
          needsDrawing = true
        case .showCandidates(let candidates):
          renderer.finish(on: terminal)
          terminal.send(Self.columns(candidates, width: terminal.width, maxRows: terminal.height - 4))
          needsDrawing = true
        case .submit(let entry):
          renderer.finish(on: terminal)
          if editor.remember(entry) {
            do {
              try historyFile.append(entry)
            } catch {
              if !historyWarned { output.show(.problem("\(error)"), in: session) }
              historyWarned = true
            }
          }
          if !execute(entry) { return }
          needsDrawing = true
        }
      }
      if needsDrawing { draw() }
    }
  }

  /// Draws the entry again for the new width. Lines the terminal re-wrapped
  /// may have pushed the entry's first rows off the top of the screen, out
  /// of the cursor's reach; the terminal is asked where the cursor is, so
  /// the drawing starts no higher than the top row. Returns the keys read
  /// meanwhile.
  private func resize(_ decoder: inout KeyDecoder) -> [KeyEvent] {
    renderer.resized(to: terminal.width)
    terminal.send("\u{1B}[6n")
    var keys: [KeyEvent] = []
    var answered = false
    waiting: for _ in 0..<10 {
      switch terminal.readInput(waiting: 30) {
      case .bytes(let bytes):
        for key in decoder.feed(bytes) {
          if case .cursorPosition(let row, _) = key, !answered {
            renderer.clamp(toRowsAbove: row - 1)
            answered = true
          } else {
            keys.append(key)
          }
        }
        if answered { break waiting }
      case .ended: break waiting
      case .timedOut, .interrupted: continue
      }
    }
    _ = terminal.takeResize()
    draw()
    return keys
  }

  private func draw() { draw(editor.buffer, searching: true) }

  private func draw(_ buffer: LineBuffer, searching: Bool) {
    let layout = ScreenLayout(
      prompt: (searching ? editor.searchPrompt : nil) ?? prompt, continuationPrompt: continuationPrompt,
      buffer: buffer, width: terminal.width)
    renderer.draw(layout, on: terminal)
  }

  /// Runs an entry with the terminal as it was (so Ctrl-C is a signal that
  /// cancels the statement); false after `:quit`.
  private func execute(_ entry: String) -> Bool {
    session.outputWidth = terminal.width - 1
    terminal.restore()
    defer {
      terminal.enterRawMode()
      renderer.forget()
    }
    var quit = false
    session.run(entry: entry) { event in
      if case .quit = event { quit = true }
      output.show(event, in: session)
    }
    return !quit
  }

  /// Candidates in columns, read down then across, in at most `maxRows`
  /// rows (so the entry stays on screen); the rest are counted.
  static func columns(_ candidates: [String], width: Int, maxRows: Int) -> String {
    let cell = (candidates.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    let perRow = max(1, width / max(cell, 1))
    let rows = min((candidates.count + perRow - 1) / perRow, max(1, maxRows))
    let shown = min(candidates.count, rows * perRow)
    var out = ""
    for row in 0..<rows {
      var line = ""
      for column in 0..<perRow {
        let index = column * rows + row
        guard index < shown else { break }
        let item = candidates[index]
        line += item + String(repeating: " ", count: max(0, cell - DisplayWidth.of(item)))
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\r\n"
    }
    if shown < candidates.count {
      out += "... and \(candidates.count - shown) more; type more letters to narrow them\r\n"
    }
    return out
  }
}
