import Foundation

/// The form names are compared in: lower case, no diacritics, punctuation
/// as spaces, runs of spaces as one, so "Võ Văn  Thưởng", "vo van thuong"
/// and "VO-VAN THUONG" compare equal.
public enum NameFolding {
  public static func fold(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
    let base = text.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in base.unicodeScalars {
      guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      if let replacement = unfoldedLetters[scalar] {
        out.append(contentsOf: replacement.unicodeScalars)
      } else {
        out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(out)
  }

  /// The common case without Foundation: a byte loop, so folding every name
  /// of a million-node graph stays cheap.
  static func foldASCII(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        if pendingSpace { out.append(UInt8(ascii: " ")) }
        pendingSpace = false
        out.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        if pendingSpace { out.append(UInt8(ascii: " ")) }
        pendingSpace = false
        out.append(byte + 0x20)
      default:
        pendingSpace = !out.isEmpty
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Trims and collapses whitespace, keeping everything else as written.
  public static func tidy(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Letters that Unicode folding leaves alone because they have no
  /// decomposition, yet people type without the stroke: Vietnamese đ above all.
  static let unfoldedLetters: [Unicode.Scalar: String] = [
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ı": "i",
  ]
}
