/// How many terminal columns text takes: East Asian wide characters and
/// emoji count two, combining marks and zero-width characters none. The one
/// measure every table, prompt and line editor in the project uses, so that
/// what they line up stays lined up.
public enum TextWidth {
  /// The columns `text` takes; ASCII text is counted without decoding.
  public static func cells(_ text: some StringProtocol) -> Int {
    var ascii = true
    for byte in text.utf8 where byte >= 0x80 {
      ascii = false
      break
    }
    if ascii { return text.utf8.count }
    var width = 0
    for character in text { width += cells(character) }
    return width
  }

  /// The columns one character (grapheme cluster) takes: 0, 1 or 2.
  public static func cells(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    if scalars.count == 1, let only = scalars.first { return cells(only) }
    var widest = 0
    for scalar in scalars {
      // A variation selector 16 asks for the emoji (two-column) presentation.
      if scalar.value == 0xFE0F { return 2 }
      widest = max(widest, cells(scalar))
    }
    return widest
  }

  /// The columns one scalar takes on its own.
  public static func cells(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return value < 0x20 || (value >= 0x7F && value < 0xA0) ? 0 : 1 }
    switch value {
    case 0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF: return 0
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default:
      break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return scalar.properties.isEmojiPresentation ? 2 : 1
    }
  }
}
