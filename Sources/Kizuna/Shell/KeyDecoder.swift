/// A key press (or pasted text) as the line editor sees it.
public enum KeyEvent: Equatable, Sendable {
  /// Printable characters, several at once when they arrive together.
  case text(String)
  case enter
  /// Alt-Enter: a line break without running the entry.
  case newline
  case tab, backTab
  case backspace, delete
  case left, right, up, down, home, end, pageUp, pageDown
  case wordLeft, wordRight
  /// Ctrl with a letter, given in lower case (`control("a")` for Ctrl-A).
  case control(Character)
  /// Alt (Meta) with a character (`alt("b")` for Alt-B).
  case alt(Character)
  case altBackspace
  case escape
  /// Bracketed paste: the text between is typed, not acted on.
  case pasteBegin, pasteEnd
  /// The terminal's answer to a cursor position query (`ESC [ 6 n`), 1-based.
  case cursorPosition(row: Int, column: Int)
  /// An escape sequence the editor has no use for.
  case ignored
}

/// Turns the bytes a terminal sends in raw mode into key events: UTF-8
/// text, control characters, and the escape sequences of arrows, Home/End,
/// Delete, Ctrl/Alt combinations and bracketed paste (xterm and VT100 forms).
///
/// Bytes can arrive split anywhere; an incomplete sequence waits for the
/// next `feed`. A lone ESC is ambiguous until no more bytes follow, so the
/// terminal layer calls `flush()` after a short pause.
public struct KeyDecoder: Sendable {
  private var pending: [UInt8] = []

  public init() {}

  /// Whether bytes are waiting for the rest of their sequence.
  public var hasPending: Bool { !pending.isEmpty }

  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [KeyEvent] {
    pending.append(contentsOf: bytes)
    var events: [KeyEvent] = []
    var index = 0
    while index < pending.count {
      guard let (event, length) = Self.decode(pending, at: index) else { break }
      if case .text(let more) = event, case .text(let earlier)? = events.last {
        events[events.count - 1] = .text(earlier + more)
      } else {
        events.append(event)
      }
      index += length
    }
    pending.removeFirst(index)
    return events
  }

  /// Gives up waiting: a pending ESC is the Escape key, other partial
  /// sequences are dropped.
  public mutating func flush() -> [KeyEvent] {
    defer { pending.removeAll() }
    if pending.first == 0x1B {
      var rest = KeyDecoder()
      return [.escape] + rest.feed(pending.dropFirst())
    }
    return []
  }

  /// The event at `index` and how many bytes it took; nil if incomplete.
  private static func decode(_ bytes: [UInt8], at index: Int) -> (KeyEvent, Int)? {
    let byte = bytes[index]
    switch byte {
    case 0x1B: return escape(bytes, at: index)
    case 0x0D, 0x0A: return (.enter, 1)
    case 0x09: return (.tab, 1)
    case 0x08, 0x7F: return (.backspace, 1)
    case 0x00: return (.ignored, 1)
    case 0x01...0x1A: return (.control(Character(Unicode.Scalar(byte + 0x60))), 1)
    case 0x1C...0x1F: return (.ignored, 1)
    default: return text(bytes, at: index)
    }
  }

  /// One UTF-8 character; invalid bytes become U+FFFD.
  private static func text(_ bytes: [UInt8], at index: Int) -> (KeyEvent, Int)? {
    let lead = bytes[index]
    let length: Int
    switch lead {
    case 0x20..<0x80: length = 1
    case 0xC2..<0xE0: length = 2
    case 0xE0..<0xF0: length = 3
    case 0xF0..<0xF5: length = 4
    default: return (.text("\u{FFFD}"), 1)
    }
    guard index + length <= bytes.count else {
      // Wait for the rest only while what came so far is a valid start.
      let valid = bytes[(index + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
      return valid ? nil : (.text("\u{FFFD}"), 1)
    }
    let slice = bytes[index..<(index + length)]
    guard slice.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return (.text("\u{FFFD}"), 1) }
    return (.text(String(decoding: slice, as: UTF8.self)), length)
  }

  private static func escape(_ bytes: [UInt8], at index: Int) -> (KeyEvent, Int)? {
    guard index + 1 < bytes.count else { return nil }
    let second = bytes[index + 1]
    switch second {
    case UInt8(ascii: "["): return controlSequence(bytes, at: index)
    case UInt8(ascii: "O"):
      guard index + 2 < bytes.count else { return nil }
      let key: KeyEvent
      switch bytes[index + 2] {
      case UInt8(ascii: "A"): key = .up
      case UInt8(ascii: "B"): key = .down
      case UInt8(ascii: "C"): key = .right
      case UInt8(ascii: "D"): key = .left
      case UInt8(ascii: "H"): key = .home
      case UInt8(ascii: "F"): key = .end
      default: key = .ignored
      }
      return (key, 3)
    case 0x0D, 0x0A: return (.newline, 2)
    case 0x08, 0x7F: return (.altBackspace, 2)
    case 0x1B: return (.escape, 1)
    case 0x20..<0x7F: return (.alt(Character(Unicode.Scalar(second))), 2)
    default: return (.escape, 1)
    }
  }

  /// `ESC [ parameters final`.
  private static func controlSequence(_ bytes: [UInt8], at index: Int) -> (KeyEvent, Int)? {
    var end = index + 2
    while end < bytes.count && (0x20...0x3F).contains(bytes[end]) { end += 1 }
    guard end < bytes.count else { return nil }
    let final = bytes[end]
    let parameters = String(decoding: bytes[(index + 2)..<end], as: UTF8.self).split(separator: ";")
    let modifier = parameters.count > 1 ? Int(parameters[1]) ?? 1 : 1
    // xterm modifiers: 3 Alt, 5 Ctrl (plus 1); either moves by words.
    let byWord = modifier == 3 || modifier == 5 || modifier == 7
    let key: KeyEvent
    switch final {
    case UInt8(ascii: "A"): key = .up
    case UInt8(ascii: "B"): key = .down
    case UInt8(ascii: "C"): key = byWord ? .wordRight : .right
    case UInt8(ascii: "D"): key = byWord ? .wordLeft : .left
    case UInt8(ascii: "H"): key = .home
    case UInt8(ascii: "F"): key = .end
    case UInt8(ascii: "Z"): key = .backTab
    case UInt8(ascii: "R") where parameters.count == 2:
      key = .cursorPosition(row: Int(parameters[0]) ?? 1, column: Int(parameters[1]) ?? 1)
    case UInt8(ascii: "~"):
      switch parameters.first.flatMap({ Int($0) }) {
      case 1, 7: key = .home
      case 4, 8: key = .end
      case 3: key = .delete
      case 5: key = .pageUp
      case 6: key = .pageDown
      case 200: key = .pasteBegin
      case 201: key = .pasteEnd
      default: key = .ignored
      }
    default: key = .ignored
    }
    return (key, end - index + 1)
  }
}
