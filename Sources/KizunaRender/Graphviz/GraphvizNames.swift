import CGraphviz

/// The names Graphviz accepts for colours, node shapes and edge styles.
/// Graphviz itself only warns about an unknown one and draws a default, so
/// a style file is checked against these instead, where the mistake can be
/// reported with its line.
enum GraphvizNames {
  /// Graphviz 2.43's node shapes (`shapes.c`); names are case-sensitive.
  static let shapes: Set<String> = [
    "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "none", "plaintext", "plain",
    "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon", "note",
    "tab", "folder", "box3d", "component", "cylinder", "rect", "rectangle", "square", "doublecircle",
    "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "underline", "Mdiamond",
    "Msquare", "Mcircle", "promoter", "cds", "terminator", "utr", "insulator", "ribosite", "rnastab",
    "proteasesite", "proteinstab", "primersite", "restrictionsite", "fivepoverhang", "threepoverhang",
    "noverhang", "assembly", "signature", "rpromoter", "rarrow", "larrow", "lpromoter", "star", "record",
    "Mrecord",
  ]

  /// Edge styles; several may be combined with commas (`dashed,bold`).
  static let edgeStyles: Set<String> = ["solid", "dashed", "dotted", "bold", "invis", "tapered"]

  /// Whether every comma-separated part is an edge style.
  static func isEdgeStyle(_ text: String) -> Bool {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    return parts.allSatisfy { edgeStyles.contains(String($0).trimmingSpaces()) }
  }

  /// Whether Graphviz knows the colour: a name (`lightblue`), `#rrggbb`,
  /// `#rrggbbaa`, `H,S,V` or `/scheme/name`; or a list of them separated by
  /// `:` with optional `;fraction` weights (gradients, parallel edges).
  static func isColor(_ text: String) -> Bool {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { part in
      String(part.prefix { $0 != ";" }).trimmingSpaces()
    }
    guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return false }
    // colorxlate keeps static buffers, so it runs under the session's lock.
    let known = try? GraphvizSession.run { _ throws(RenderError) in
      parts.allSatisfy { kz_isKnownColor($0) != 0 }
    }
    return known ?? false
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var slice = self[...]
    while slice.first == " " { slice = slice.dropFirst() }
    while slice.last == " " { slice = slice.dropLast() }
    return String(slice)
  }
}
