/// Quoting of ids and attribute values in DOT text.
enum DOTQuoting {
  /// A double-quoted DOT string. Inside quotes DOT only treats `\"` and a
  /// backslash-newline specially; other backslashes are escape sequences in
  /// labels (`\n`, `\l`, `\N`), so backslashes are doubled to mean themselves,
  /// and newlines become `\n` (a centred line break in labels).
  static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": break
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A quoted string that keeps DOT's label escapes (`\n`, `\l`): for
  /// captions this module composes itself.
  static func quotedKeepingEscapes(_ text: String) -> String {
    "\"" + text.replacingQuotes() + "\""
  }

  /// Ids are always quoted: simpler than deciding when DOT would accept them
  /// bare, and keywords such as `node` or `edge` stay safe.
  static func id(_ text: String) -> String { quoted(text) }

  /// An attribute name: bare when DOT reads it as an identifier, else quoted.
  static func name(_ text: String) -> String {
    let isPlain =
      !text.isEmpty
      && text.unicodeScalars.enumerated().allSatisfy { offset, scalar in
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
          || (offset > 0 && ("0"..."9").contains(scalar))
      }
    let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
    return isPlain && !keywords.contains(text.lowercased()) ? text : quoted(text)
  }

  static func value(_ value: DOTDocument.AttributeValue) -> String {
    switch value {
    case .text(let text): return quotedKeepingEscapes(text)
    case .html(let html): return "<" + html + ">"
    }
  }

  /// Escapes text so that, as a label, it shows exactly as written:
  /// backslashes doubled, newlines as `\n`.
  static func labelText(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": break
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Label text for `record` and `Mrecord` shapes, where `{`, `}`, `|`,
  /// `<` and `>` lay out fields and ports unless escaped.
  static func recordText(_ text: String) -> String {
    var out = ""
    for scalar in labelText(text).unicodeScalars {
      if "{}|<>".unicodeScalars.contains(scalar) { out += "\\" }
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  /// HTML-like label text: the five XML specials as entities.
  static func html(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n": out += "<br/>"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  /// Escapes double quotes not already escaped; backslashes are left alone
  /// because attribute texts here are already in DOT escape form.
  fileprivate func replacingQuotes() -> String {
    var out = ""
    var escaped = false
    for scalar in unicodeScalars {
      if scalar == "\"" && !escaped { out += "\\" }
      escaped = scalar == "\\" && !escaped
      out.unicodeScalars.append(scalar)
      if scalar == "\n" { out.removeLast(); out += "\\n" }
    }
    return out
  }
}
