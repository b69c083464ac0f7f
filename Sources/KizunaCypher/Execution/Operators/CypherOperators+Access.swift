import KizunaStore

// Reading inside values: `list[i]`, `list[from..to]`, `map[key]`,
// `entity[key]`, and `value.key` on maps, entities and temporal values.

extension CypherOperators {
  /// `container[index]`: a list element by integer (negative counts from the
  /// end, out of range is null), or a map, node or relationship property by
  /// string key. Wrong index types use the TCK's details
  /// (`ListElementAccessByNonInteger`, `MapElementAccessByNonString`).
  public static func subscriptValue(_ container: Value, _ index: Value, store: GraphStore)
    throws(CypherError) -> Value
  {
    switch (container, index) {
    case (.null, _), (_, .null): return .null
    case (.list(let items), .int(let position)):
      let count = Int64(items.count)
      let resolved = position < 0 ? position + count : position
      guard resolved >= 0 && resolved < count else { return .null }
      return items[Int(resolved)]
    case (.list, _):
      throw CypherError.runtime(
        .typeError, "ListElementAccessByNonInteger", "A LIST index must be an INTEGER, not \(index.typeName)")
    case (.map, .string(let key)), (.node, .string(let key)), (.relationship, .string(let key)):
      return try property(container, key, store: store)
    case (.map, _), (.node, _), (.relationship, _):
      throw CypherError.runtime(
        .typeError, "MapElementAccessByNonString",
        "A \(container.typeName) key must be a STRING, not \(index.typeName)")
    default: throw mismatch("[]", container, index)
    }
  }

  /// `list[from..to]`: `from` inclusive, `to` exclusive, either may be
  /// absent (nil) or negative (from the end); bounds are clamped. A null
  /// list or bound gives null.
  public static func slice(_ list: Value, from: Value?, to: Value?) throws(CypherError) -> Value {
    if list.isNull || from?.isNull == true || to?.isNull == true { return .null }
    guard case .list(let items) = list else { throw mismatch("[..]", list) }
    let count = Int64(items.count)
    func bound(_ value: Value?, _ absent: Int64) throws(CypherError) -> Int64 {
      guard let value else { return absent }
      guard case .int(let position) = value else {
        throw CypherError.runtime(
          .typeError, "InvalidArgumentType", "A LIST slice bound must be an INTEGER, not \(value.typeName)")
      }
      let resolved = position < 0 ? position &+ count : position
      return min(max(resolved, 0), count)
    }
    let start = try bound(from, 0)
    let end = try bound(to, count)
    guard start < end else { return .list([]) }
    return .list(Array(items[Int(start)..<Int(end)]))
  }

  /// `subject.key`: a map entry (null when absent), a node or relationship
  /// property (null when unset; an error once deleted), or a temporal
  /// value's field (`date.year`, `duration.minutes`).
  public static func property(_ subject: Value, _ key: String, store: GraphStore) throws(CypherError) -> Value
  {
    switch subject {
    case .null: return .null
    case .map(let entries): return entries[key] ?? .null
    case .node(let id):
      try FunctionTable.requireLive(subject, "Property access .\(key)", store)
      guard let keyID = store.keys.id(of: key) else { return .null }
      return store.nodeProperty(id, keyID) ?? .null
    case .relationship(let id):
      try FunctionTable.requireLive(subject, "Property access .\(key)", store)
      guard let keyID = store.keys.id(of: key) else { return .null }
      return store.relationshipProperty(id, keyID) ?? .null
    case .date, .localTime, .time, .localDateTime, .dateTime, .duration:
      guard let field = subject.temporalField(key) else {
        throw CypherError.invalidArgumentValue("A \(subject.typeName) has no field '\(key)'")
      }
      return field
    default:
      throw CypherError.runtime(
        .typeError, "InvalidArgumentType", "Cannot read property '\(key)' of a \(subject.typeName)")
    }
  }

  /// `subject:Label1:Label2`: true when the node has every label; null for
  /// null; an error for a deleted node or a value that is not a node.
  public static func hasLabels(_ subject: Value, _ labels: [String], store: GraphStore) throws(CypherError)
    -> Value
  {
    switch subject {
    case .null: return .null
    case .node(let id):
      try FunctionTable.requireLive(subject, "A label test", store)
      for label in labels {
        guard let labelID = store.labels.id(of: label), store.hasLabel(id, labelID) else {
          return .bool(false)
        }
      }
      return .bool(true)
    default:
      throw CypherError.runtime(
        .typeError, "InvalidArgumentType", "Cannot test labels of a \(subject.typeName); expected a NODE")
    }
  }
}
