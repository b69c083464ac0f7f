import KizunaStore

/// Finds nodes by what people call them: `name`, `title` (offices) or any of
/// `aliases`, compared folded (see `NameFolding`). `#12` picks a node by id
/// and `Label:Name` picks among nodes that share a name.
public struct EntityFinder {
  /// The properties searched for names; `aliases` holds a list.
  public static let nameKeys = ["name", "title", "aliases"]
  public static let suggestionLimit = 5

  let store: GraphStore

  public init(store: GraphStore) { self.store = store }

  /// Looks `text` up in `database` under a read lock.
  public static func resolve(_ text: String, in database: Database) throws(ExplorerError) -> Entity {
    let outcome = database.read { store in
      Result { () throws(ExplorerError) -> Entity in try EntityFinder(store: store).resolve(text) }
    }
    return try outcome.get()
  }

  /// The one node `text` names; an error naming close matches when none
  /// does, or listing them when several do.
  public func resolve(_ text: String) throws(ExplorerError) -> Entity {
    let wanted = NameFolding.tidy(text)
    guard !wanted.isEmpty else { throw ExplorerError(.notFound, "give the name of an entity") }
    if let id = Self.nodeID(wanted) {
      guard store.nodeExists(id) else { throw ExplorerError(.notFound, "there is no node #\(id)") }
      return Entity(node: id, in: store)
    }
    var (name, label) = (wanted, nil as Int32?)
    var matches = exactMatches(name, label: nil)
    if matches.isEmpty, let (prefix, rest) = labelPrefix(wanted) {
      (name, label) = (rest, prefix)
      matches = exactMatches(name, label: label)
    }
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty {
      let close = suggestions(for: name, label: label)
      let hint = close.isEmpty ? "" : "; did you mean: " + close.map(\.description).joined(separator: ", ")
      throw ExplorerError(.notFound, "no entity named \"\(wanted)\"\(hint)", candidates: close)
    }
    // Several fold together ("Tokyo" and "TOKYO"): the one written exactly so wins.
    let verbatim = matches.filter { names(of: $0.id).contains(name) }
    if verbatim.count == 1 { return verbatim[0] }
    let shown = matches.prefix(10).map { "\($0.description) #\($0.id)" }.joined(separator: ", ")
    let more = matches.count > 10 ? " and \(matches.count - 10) more" : ""
    let example = matches[0]
    let pick =
      example.labels.first.map { "\"\($0):\(name)\" or \"#\(example.id)\"" } ?? "\"#\(example.id)\""
    throw ExplorerError(
      .ambiguous, "\"\(wanted)\" names \(matches.count) entities: \(shown)\(more); pick one with \(pick)",
      candidates: matches)
  }

  /// Nodes whose name, title or an alias folds to the same text as `text`,
  /// by label, caption and id.
  public func exactMatches(_ text: String, label: Int32? = nil) -> [Entity] {
    let wanted = NameFolding.fold(text)
    guard !wanted.isEmpty else { return [] }
    var found = Set<NodeID>()
    forEachName(label: label) { node, name in
      if !found.contains(node), NameFolding.fold(name) == wanted { found.insert(node) }
    }
    return sorted(found.map { Entity(node: $0, in: store) })
  }

  /// Up to `limit` nodes whose names come close to `text`, best first:
  /// names that contain every word typed (as word prefixes), then names a
  /// few typing mistakes away, then names sharing some of the words.
  public func suggestions(for text: String, label: Int32? = nil, limit: Int = suggestionLimit) -> [Entity] {
    let query = SuggestionQuery(NameFolding.fold(text))
    guard !query.isEmpty else { return [] }
    var best: [NodeID: (score: SuggestionQuery.Score, name: String)] = [:]
    forEachName(label: label) { node, name in
      let folded = NameFolding.fold(name)
      guard let score = query.score(folded) else { return }
      if let known = best[node], (known.score, known.name) <= (score, folded) { return }
      best[node] = (score, folded)
    }
    // Entities only for the few shown: a common word can score many thousands of nodes.
    let ranked = best.sorted { a, b in
      (a.value.score, a.value.name, a.key) < (b.value.score, b.value.name, b.key)
    }
    return ranked.prefix(limit).map { Entity(node: $0.key, in: store) }
  }

  /// Every name, title and alias of `node`.
  func names(of node: NodeID) -> [String] {
    var out: [String] = []
    for key in Self.nameKeys {
      guard let k = store.keys.id(of: key), let value = store.nodeProperty(node, k) else { continue }
      Self.strings(in: value, into: &out)
    }
    return out
  }

  /// Calls `body(node, name)` for every name, title and alias of every live
  /// node (with `label`, when given).
  func forEachName(label: Int32?, _ body: (NodeID, String) -> Void) {
    var scratch: [String] = []
    for key in Self.nameKeys {
      guard let k = store.keys.id(of: key), Int(k) < store.nodeProperties.count else { continue }
      let column = store.nodeProperties[Int(k)]
      if let label {
        for node in store.nodes(withLabel: label) where column.has(Int(node)) {
          visit(Int(node), column, &scratch, body)
        }
      } else {
        for node in 0..<min(column.slotCount, store.nodeIDLimit)
        where column.has(node) && store.nodeExists(node) {
          visit(node, column, &scratch, body)
        }
      }
    }
  }

  private func visit(
    _ node: NodeID, _ column: PropertyColumn, _ scratch: inout [String], _ body: (NodeID, String) -> Void
  ) {
    if column.kind == .strings {
      body(node, column.strings[node])
      return
    }
    guard let value = column.value(node) else { return }
    scratch.removeAll(keepingCapacity: true)
    Self.strings(in: value, into: &scratch)
    for name in scratch { body(node, name) }
  }

  static func strings(in value: Value, into out: inout [String]) {
    switch value {
    case .string(let text): out.append(text)
    case .list(let items): for case .string(let text) in items { out.append(text) }
    default: break
    }
  }

  /// `#12` → 12.
  static func nodeID(_ text: String) -> NodeID? {
    guard text.hasPrefix("#"), let id = Int(text.dropFirst()), id >= 0 else { return nil }
    return id
  }

  /// `Locality:Tokyo` → (the Locality label, "Tokyo"), when the part before
  /// the colon names a label of this graph.
  func labelPrefix(_ text: String) -> (Int32, String)? {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let prefix = NameFolding.fold(String(text[..<colon]))
    let rest = NameFolding.tidy(String(text[text.index(after: colon)...]))
    guard !prefix.isEmpty, !rest.isEmpty else { return nil }
    for (id, name) in store.labels.names.enumerated() where NameFolding.fold(name) == prefix {
      return (Int32(id), rest)
    }
    return nil
  }

  private func sorted(_ entities: [Entity]) -> [Entity] {
    entities.sorted { ($0.labelText, $0.caption, $0.id) < ($1.labelText, $1.caption, $1.id) }
  }
}

/// A folded query, ready to be scored against folded names. Works on UTF-8
/// bytes without allocating per name, since a miss in a large graph scores
/// every name in it.
struct SuggestionQuery {
  /// Lower is better: the tier first, then the distance within it.
  struct Score: Comparable {
    var tier: Int
    var distance: Int
    static func < (a: Score, b: Score) -> Bool { (a.tier, a.distance) < (b.tier, b.distance) }
  }

  let text: [UInt8]
  let words: [[UInt8]]
  let typoLimit: Int

  init(_ folded: String) {
    text = Array(folded.utf8)
    words = text.split(separator: UInt8(ascii: " ")).map(Array.init)
    typoLimit = max(1, text.count / 4)
  }

  var isEmpty: Bool { text.isEmpty }

  func score(_ name: String) -> Score? {
    var name = name
    return name.withUTF8 { score(UnsafeBufferPointer(rebasing: $0[...])) }
  }

  func score(_ name: UnsafeBufferPointer<UInt8>) -> Score? {
    guard !name.isEmpty else { return nil }
    // Every word typed starts a word of the name: "kishida", "vo van".
    if words.allSatisfy({ word in Self.anyWord(of: name) { Self.hasPrefix($0, word) } }) {
      return Score(tier: 0, distance: abs(name.count - text.count))
    }
    if let distance = EditDistance.distance(text, name, limit: typoLimit) {
      return Score(tier: 1, distance: distance)
    }
    // Word by word: "vo van thong" still finds "Vo Van Thuong" in a name
    // list too long for whole-text distance to reach.
    var close = 0
    for word in words where word.count >= 3 {
      let found = Self.anyWord(of: name) { nameWord in
        Self.hasPrefix(nameWord, word)
          || (word.count >= 4 && EditDistance.distance(word, nameWord, limit: 1) != nil)
      }
      if found { close += 1 }
    }
    guard close > 0, close * 2 >= words.count else { return nil }
    return Score(tier: 2, distance: words.count - close)
  }

  /// Whether `test` holds for some space-separated word of `name`.
  static func anyWord(
    of name: UnsafeBufferPointer<UInt8>, _ test: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    var start = 0
    for index in 0...name.count where index == name.count || name[index] == UInt8(ascii: " ") {
      if index > start, test(UnsafeBufferPointer(rebasing: name[start..<index])) { return true }
      start = index + 1
    }
    return false
  }

  static func hasPrefix(_ word: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
    guard word.count >= prefix.count else { return false }
    for index in prefix.indices where word[index] != prefix[index] { return false }
    return true
  }
}
