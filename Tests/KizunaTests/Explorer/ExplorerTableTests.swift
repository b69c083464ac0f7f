import KizunaStore
import Testing

@testable import Kizuna

@Suite struct ExplorerTableTests {
  @Test func alignsNumbersRightAndTextLeft() {
    let table = ExplorerTable(
      columns: ["name", "n"], rows: [[.string("Hanoi"), .int(4)], [.string("Ha"), .int(120)]])
    #expect(
      table.text() == """
        +-------+-----+
        | name  | n   |
        +-------+-----+
        | Hanoi |   4 |
        | Ha    | 120 |
        +-------+-----+

        """)
  }

  @Test func wrapsLongCellsAtSpaces() {
    let table = ExplorerTable(
      columns: ["k"], rows: [[.string("alpha beta gamma delta")], [.list([.string("x"), .string("y")])]])
    #expect(
      table.text(maxWidth: 11) == """
        +-------------+
        | k           |
        +-------------+
        | alpha beta  |
        | gamma delta |
        | x, y        |
        +-------------+

        """)
  }

  @Test func breaksWordsLongerThanTheLimit() {
    #expect(ExplorerTable.wrap("abcdefghijkl mn", 8) == ["abcdefgh", "ijkl mn"])
  }

  @Test func wideCharactersTakeTwoColumns() {
    #expect(TextWidth.cells("東京") == 4)
    #expect(TextWidth.cells("Hà Nội") == 6)
  }
}
