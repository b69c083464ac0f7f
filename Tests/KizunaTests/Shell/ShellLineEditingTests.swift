import Kizuna
import Testing

struct ShellLineBufferTests {
  @Test func insertsAndMovesByCharacters() {
    var buffer = LineBuffer()
    buffer.insert("RETURN 1")
    buffer.moveLeft()
    buffer.insert("2")
    #expect(buffer.text == "RETURN 21")
    #expect(buffer.cursor == 8)
    buffer.moveToLineStart()
    #expect(buffer.cursor == 0)
    buffer.moveLeft()
    #expect(buffer.cursor == 0)
    buffer.moveToLineEnd()
    buffer.moveRight()
    #expect(buffer.cursor == 9)
  }

  @Test func wideAndCombinedCharactersAreOneStep() {
    var buffer = LineBuffer("'日本'")
    buffer.moveLeft()
    buffer.moveLeft()
    buffer.deleteBackward()
    #expect(buffer.text == "'本'")
    // An accent typed after its letter joins it into one character.
    var accented = LineBuffer("Ha Noi")
    accented.moveLeft()
    accented.insert("\u{0300}")
    #expect(accented.text == "Ha No\u{0300}i")
    #expect(accented.characters.count == 6)
    #expect(accented.cursor == 5)
  }

  @Test func killCommands() {
    var buffer = LineBuffer("MATCH (p:Person) RETURN p.name")
    buffer.moveWordLeft()
    let killed1 = buffer.killToLineEnd()
    #expect(killed1 == "name")
    #expect(buffer.text == "MATCH (p:Person) RETURN p.")
    let killed2 = buffer.killWhitespaceWordBackward()
    #expect(killed2 == "p.")
    let killed3 = buffer.killWordBackward()
    #expect(killed3 == "RETURN ")
    buffer.moveToStart()
    let killed4 = buffer.killWordForward()
    #expect(killed4 == "MATCH")
    buffer.moveToEnd()
    let killed5 = buffer.killToLineStart()
    #expect(killed5 == " (p:Person) ")
    #expect(buffer.isEmpty)
  }

  @Test func wordMotionSkipsPunctuation() {
    var buffer = LineBuffer("RETURN p.name, x")
    buffer.moveWordLeft()
    #expect(buffer.cursor == 15)
    buffer.moveWordLeft()
    #expect(buffer.cursor == 9)
    buffer.moveToStart()
    buffer.moveWordRight()
    #expect(buffer.cursor == 6)
    buffer.moveWordRight()
    #expect(buffer.cursor == 8)
  }

  @Test func linesOfAMultiLineEntry() {
    var buffer = LineBuffer("MATCH (日本:Country)\nRETURN x", cursor: 12)
    #expect(buffer.isOnFirstLine)
    let moved6 = buffer.moveDown()
    #expect(moved6)
    // Column 14 on screen (the CJK letters are two cells each) lands at the end of the shorter line.
    #expect(buffer.cursor == buffer.characters.count)
    let moved7 = buffer.moveDown()
    #expect(!moved7)
    buffer.moveToLineStart()
    #expect(buffer.cursor == 19)
    buffer.moveRight()
    buffer.moveRight()
    buffer.moveRight()
    let moved8 = buffer.moveUp()
    #expect(moved8)
    // Three cells in: after "MAT".
    #expect(buffer.cursor == 3)
    let moved9 = buffer.moveUp()
    #expect(!moved9)
  }

  @Test func moveUpLandsOnWideCharacterBoundaries() {
    var buffer = LineBuffer("日本語\nabcde", cursor: 7)
    // Cursor after "abc" (3 cells): the cell boundary before is after 日 (2 cells).
    let moved10 = buffer.moveUp()
    #expect(moved10)
    #expect(buffer.cursor == 1)
  }

  @Test func killToLineEndJoinsLinesAtTheEnd() {
    var buffer = LineBuffer("RETURN 1\n+ 1;", cursor: 8)
    let killed11 = buffer.killToLineEnd()
    #expect(killed11 == "\n")
    #expect(buffer.text == "RETURN 1+ 1;")
  }

  @Test func transposeAndReplace() {
    var buffer = LineBuffer("RETRUN", cursor: 4)
    buffer.transpose()
    #expect(buffer.text == "RETURN")
    buffer.replace(0..<3, with: "return".prefix(3).uppercased())
    #expect(buffer.text == "RETURN")
    #expect(buffer.cursor == 3)
  }
}

struct ShellLineEditorTests {
  private func type(_ text: String, into editor: inout LineEditor) {
    _ = editor.apply(.text(text))
  }

  @Test func enterBreaksTheLineUntilTheStatementEnds() {
    var editor = LineEditor()
    type("MATCH (n)", into: &editor)
    let outcome12 = editor.apply(.enter)
    #expect(outcome12 == .redraw)
    type("RETURN n;", into: &editor)
    let outcome13 = editor.apply(.enter)
    #expect(outcome13 == .submit("MATCH (n)\nRETURN n;"))
    #expect(editor.buffer.isEmpty)
  }

  @Test func commandsAndEmptyEntriesSubmitAtOnce() {
    var editor = LineEditor()
    let outcome14 = editor.apply(.enter)
    #expect(outcome14 == .submit(""))
    type(":help", into: &editor)
    let outcome15 = editor.apply(.enter)
    #expect(outcome15 == .submit(":help"))
  }

  @Test func enterSubmitsWithTheCursorAnywhere() {
    var editor = LineEditor()
    type("RETURN 1;", into: &editor)
    _ = editor.apply(.home)
    let outcome16 = editor.apply(.enter)
    #expect(outcome16 == .submit("RETURN 1;"))
  }

  @Test func altEnterAndPastedLineBreaksDoNotSubmit() {
    var editor = LineEditor()
    type("RETURN 1;", into: &editor)
    _ = editor.apply(.newline)
    #expect(editor.buffer.text == "RETURN 1;\n")
    _ = editor.apply(.pasteBegin)
    type("RETURN 2;", into: &editor)
    let outcome17 = editor.apply(.enter)
    #expect(outcome17 == .redraw)
    let outcome18 = editor.apply(.tab)
    #expect(outcome18 == .redraw)
    _ = editor.apply(.pasteEnd)
    #expect(editor.buffer.text == "RETURN 1;\nRETURN 2;\n\t")
  }

  @Test func historyUpAndDownKeepsTheDraft() {
    var editor = LineEditor(history: ["RETURN 1;", "MATCH (n)\nRETURN n;"])
    type("draft", into: &editor)
    _ = editor.apply(.up)
    #expect(editor.buffer.text == "MATCH (n)\nRETURN n;")
    // A recalled multi-line entry goes on to the older one, not to its own first line.
    _ = editor.apply(.up)
    #expect(editor.buffer.text == "RETURN 1;")
    let outcome19 = editor.apply(.up)
    #expect(outcome19 == .bell)
    _ = editor.apply(.down)
    _ = editor.apply(.down)
    #expect(editor.buffer.text == "draft")
    let outcome20 = editor.apply(.down)
    #expect(outcome20 == .bell)
  }

  @Test func upMovesWithinAnEditedMultiLineEntry() {
    var editor = LineEditor(history: ["RETURN 0;"])
    type("MATCH (n)", into: &editor)
    _ = editor.apply(.newline)
    type("RETURN n", into: &editor)
    _ = editor.apply(.up)
    #expect(editor.buffer.text == "MATCH (n)\nRETURN n")
    #expect(editor.buffer.isOnFirstLine)
    _ = editor.apply(.up)
    #expect(editor.buffer.text == "RETURN 0;")
  }

  @Test func rememberSkipsBlanksRepeatsAndLeadingSpaces() {
    var editor = LineEditor()
    let kept21 = editor.remember("RETURN 1;")
    #expect(kept21)
    let kept22 = editor.remember("RETURN 1;")
    #expect(!kept22)
    let kept23 = editor.remember("  \n")
    #expect(!kept23)
    let kept24 = editor.remember(" RETURN 'secret';")
    #expect(!kept24)
    #expect(editor.history == ["RETURN 1;"])
  }

  @Test func reverseSearchFindsOlderEntries() {
    var editor = LineEditor(history: [
      "MATCH (p:Person) RETURN p;", "RETURN 1;", "MATCH (c:Country) RETURN c;",
    ])
    type("draft", into: &editor)
    _ = editor.apply(.control("r"))
    type("match", into: &editor)
    #expect(editor.buffer.text == "MATCH (c:Country) RETURN c;")
    #expect(editor.searchPrompt == "(reverse-i-search)`match': ")
    _ = editor.apply(.control("r"))
    #expect(editor.buffer.text == "MATCH (p:Person) RETURN p;")
    let outcome25 = editor.apply(.control("r"))
    #expect(outcome25 == .bell)
    #expect(editor.searchPrompt?.hasPrefix("(failed") == true)
    // Escape gives the draft back.
    _ = editor.apply(.escape)
    #expect(editor.buffer.text == "draft")
    #expect(editor.searchPrompt == nil)
  }

  @Test func reverseSearchThenEnterRunsTheMatch() {
    var editor = LineEditor(history: ["RETURN 'needle';", "RETURN 2;"])
    _ = editor.apply(.control("r"))
    type("need", into: &editor)
    #expect(editor.buffer.cursor == 8)
    let outcome26 = editor.apply(.enter)
    #expect(outcome26 == .submit("RETURN 'needle';"))
  }

  @Test func reverseSearchThenAnotherKeyEdits() {
    var editor = LineEditor(history: ["RETURN 'needle';"])
    _ = editor.apply(.control("r"))
    type("need", into: &editor)
    _ = editor.apply(.control("e"))
    #expect(editor.searchPrompt == nil)
    #expect(editor.buffer.cursor == editor.buffer.characters.count)
  }

  @Test func controlCCancelsAndControlDLeavesOnlyWhenEmpty() {
    var editor = LineEditor()
    type("RETURN", into: &editor)
    _ = editor.apply(.home)
    let outcome27 = editor.apply(.control("d"))
    #expect(outcome27 == .redraw)
    #expect(editor.buffer.text == "ETURN")
    let outcome28 = editor.apply(.control("c"))
    #expect(outcome28 == .cancel)
    #expect(editor.buffer.isEmpty)
    let outcome29 = editor.apply(.control("d"))
    #expect(outcome29 == .endOfInput)
  }

  @Test func yankPutsBackWhatWasKilled() {
    var editor = LineEditor()
    type("RETURN x", into: &editor)
    _ = editor.apply(.control("w"))
    _ = editor.apply(.control("a"))
    _ = editor.apply(.control("y"))
    #expect(editor.buffer.text == "xRETURN ")
  }

  @Test func tabCompletesAWholeWordOrTheSharedPart() {
    let completer = CompletionEngine(
      vocabulary: CompletionVocabulary(
        labels: ["Person", "Persona", "Place"], keywords: ["MATCH"], functions: []))
    func complete(_ text: String, _ cursor: Int) -> Completion? { completer.complete(text, cursor: cursor) }
    var editor = LineEditor()
    type("MAT", into: &editor)
    let outcome30 = editor.apply(.tab, complete: complete)
    #expect(outcome30 == .redraw)
    #expect(editor.buffer.text == "MATCH ")
    type("(n:Pe", into: &editor)
    _ = editor.apply(.tab, complete: complete)
    #expect(editor.buffer.text == "MATCH (n:Person")
    let outcome31 = editor.apply(.tab, complete: complete)
    #expect(outcome31 == .showCandidates(["Person", "Persona"]))
    type(") RETURN zz", into: &editor)
    let outcome32 = editor.apply(.tab, complete: complete)
    #expect(outcome32 == .bell)
  }
}

struct ShellScreenLayoutTests {
  @Test func shortEntryOnOneRow() {
    let layout = ScreenLayout(
      prompt: "kizuna> ", continuationPrompt: "   ...> ", buffer: LineBuffer("RETURN 1", cursor: 3), width: 80
    )
    #expect(layout.rows == ["kizuna> RETURN 1"])
    #expect(layout.cursorRow == 0)
    #expect(layout.cursorColumn == 11)
  }

  @Test func continuationLinesGetTheirPrompt() {
    let layout = ScreenLayout(
      prompt: "> ", continuationPrompt: ". ", buffer: LineBuffer("MATCH (n)\nRETURN n;"), width: 80)
    #expect(layout.rows == ["> MATCH (n)", ". RETURN n;"])
    #expect(layout.cursorRow == 1)
    #expect(layout.cursorColumn == 11)
  }

  @Test func longLinesWrapAndWideCharactersTakeTwoCells() {
    let layout = ScreenLayout(
      prompt: "> ", continuationPrompt: "", buffer: LineBuffer("ab日本語", cursor: 3), width: 7)
    // "> ab日" fills 6 cells; 本 would need cells 7 and 8, so it starts the next row.
    #expect(layout.rows == ["> ab日", "本語"])
    #expect(layout.cursorRow == 1)
    #expect(layout.cursorColumn == 0)
  }

  @Test func cursorAtTheEndOfAFullRowGoesToTheNextRow() {
    let layout = ScreenLayout(prompt: "> ", continuationPrompt: "", buffer: LineBuffer("abcd"), width: 6)
    #expect(layout.rows == ["> abcd", ""])
    #expect(layout.cursorRow == 1)
    #expect(layout.cursorColumn == 0)
    let notAtEnd = ScreenLayout(
      prompt: "> ", continuationPrompt: "", buffer: LineBuffer("abcd", cursor: 1), width: 6)
    #expect(notAtEnd.rows == ["> abcd"])
  }

  @Test func cursorBeforeALineBreakOnAFullRow() {
    let layout = ScreenLayout(
      prompt: "> ", continuationPrompt: "> ", buffer: LineBuffer("abcd\nx", cursor: 4), width: 6)
    #expect(layout.rows == ["> abcd", "", "> x"])
    #expect(layout.cursorRow == 1)
  }

  @Test func tabsAndControlCharactersAreShownSafely() {
    let layout = ScreenLayout(prompt: "", continuationPrompt: "", buffer: LineBuffer("a\tb\u{7}"), width: 80)
    #expect(layout.rows == ["a    b?"])
    #expect(layout.cursorColumn == 7)
  }

  @Test func promptColoursTakeNoCells() {
    #expect(ScreenLayout.visibleWidth("\u{1B}[1;36mkizuna>\u{1B}[0m ") == 8)
    let layout = ScreenLayout(
      prompt: "\u{1B}[1mk>\u{1B}[0m ", continuationPrompt: "", buffer: LineBuffer("x"), width: 80)
    #expect(layout.cursorColumn == 4)
  }

  @Test func displayWidths() {
    #expect(DisplayWidth.of("Hà Nội") == 6)
    #expect(DisplayWidth.of("東京") == 4)
    #expect(DisplayWidth.of("서울") == 4)
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("e\u{0301}") == 1)
  }
}
