import KizunaStore

/// Short text for relationships in lists and path lines.
public enum RelationshipText {
  /// Properties that say when or where, shown after the type, in this order.
  static let detailKeys = ["date", "from", "to", "period", "since", "year", "place", "role", "field"]

  /// `MET 2023-11-27`: the type and, when it has one, the first time-like value.
  public static func caption(_ relationship: RelationshipSnapshot) -> String {
    for key in ["date", "from", "period", "since", "year"] {
      if let value = relationship.properties[key], !value.isNull {
        return relationship.type + " " + plain(value)
      }
    }
    return relationship.type
  }

  /// `2023-11-27, Tokyo`: the when and where of a relationship.
  public static func details(_ relationship: RelationshipSnapshot) -> String {
    detailKeys.compactMap { key in
      guard let value = relationship.properties[key], !value.isNull else { return nil }
      return key == "to" || key == "since" ? "\(key) \(plain(value))" : plain(value)
    }.joined(separator: ", ")
  }

  /// Strings bare, lists joined with commas, everything else as Cypher shows it.
  public static func plain(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .string(let text): return text
    case .list(let items): return items.map(plain).joined(separator: ", ")
    default: return value.cypherDisplay()
    }
  }
}
