/// Cells in the shell's editor: `TextWidth`'s measure, except that a tab,
/// which the editor draws as spaces (it keeps no tab stops), takes `tab`.
public enum DisplayWidth {
  public static let tab = 4

  public static func of(_ text: some StringProtocol) -> Int {
    var width = 0
    for character in text { width += of(character) }
    return width
  }

  public static func of(_ character: Character) -> Int {
    character == "\t" ? tab : TextWidth.cells(character)
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int { TextWidth.cells(scalar) }
}
