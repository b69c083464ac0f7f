import Kizuna
import Testing

struct ShellKeyDecoderTests {
  private func keys(_ text: String) -> [KeyEvent] {
    var decoder = KeyDecoder()
    return decoder.feed(Array(text.utf8))
  }

  @Test func textArrivesTogether() {
    #expect(keys("MATCH 日本") == [.text("MATCH 日本")])
  }

  @Test func controlKeys() {
    #expect(
      keys("\u{01}\u{05}\u{0B}\u{15}\u{17}\u{03}\u{04}\u{12}") == [
        .control("a"), .control("e"), .control("k"), .control("u"), .control("w"), .control("c"),
        .control("d"),
        .control("r"),
      ])
    #expect(keys("\r\n\t\u{7F}\u{08}") == [.enter, .enter, .tab, .backspace, .backspace])
  }

  @Test func arrowsAndEditingKeysInBothForms() {
    #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
    #expect(keys("\u{1B}OA\u{1B}OH\u{1B}OF") == [.up, .home, .end])
    #expect(
      keys("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~") == [.home, .end, .home, .end, .home, .end])
    #expect(keys("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[Z") == [.delete, .pageUp, .pageDown, .backTab])
  }

  @Test func modifiedArrowsMoveByWords() {
    #expect(keys("\u{1B}[1;5C\u{1B}[1;5D\u{1B}[1;3C") == [.wordRight, .wordLeft, .wordRight])
  }

  @Test func altKeys() {
    #expect(keys("\u{1B}b\u{1B}f\u{1B}d") == [.alt("b"), .alt("f"), .alt("d")])
    #expect(keys("\u{1B}\u{7F}\u{1B}\r") == [.altBackspace, .newline])
  }

  @Test func bracketedPasteAndCursorReports() {
    #expect(keys("\u{1B}[200~a\rb\u{1B}[201~") == [.pasteBegin, .text("a"), .enter, .text("b"), .pasteEnd])
    #expect(keys("\u{1B}[12;40R") == [.cursorPosition(row: 12, column: 40)])
    #expect(keys("\u{1B}[99~") == [.ignored])
  }

  @Test func sequencesSplitAcrossReadsWaitForTheirEnd() {
    var decoder = KeyDecoder()
    let events1 = decoder.feed([0x1B])
    #expect(events1.isEmpty)
    #expect(decoder.hasPending)
    let events2 = decoder.feed(Array("[1;5".utf8))
    #expect(events2.isEmpty)
    let events3 = decoder.feed(Array("Cx".utf8))
    #expect(events3 == [.wordRight, .text("x")])
    // 日 is E6 97 A5.
    let events4 = decoder.feed([0xE6, 0x97])
    #expect(events4.isEmpty)
    let events5 = decoder.feed([0xA5])
    #expect(events5 == [.text("日")])
  }

  @Test func aLoneEscapeIsTheEscapeKeyOnceNothingFollows() {
    var decoder = KeyDecoder()
    let events6 = decoder.feed([0x1B])
    #expect(events6.isEmpty)
    let events7 = decoder.flush()
    #expect(events7 == [.escape])
    #expect(!decoder.hasPending)
  }

  @Test func invalidBytesBecomeReplacementCharacters() {
    var decoder = KeyDecoder()
    let events8 = decoder.feed([0xFF, 0x41])
    #expect(events8 == [.text("\u{FFFD}A")])
    let events9 = decoder.feed([0xE6, 0x41])
    #expect(events9 == [.text("\u{FFFD}A")])
  }
}
