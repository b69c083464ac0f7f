import Foundation
import KizunaRender

/// What tab completion offers for the word at the cursor.
public struct Completion: Equatable, Sendable {
  /// The characters (`Character` offsets) the chosen candidate replaces.
  public var range: Range<Int>
  /// The word typed so far.
  public var typed: String
  public var candidates: [Candidate]

  public struct Candidate: Equatable, Sendable, Comparable {
    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) {
      self.text = text
      self.kind = kind
    }

    /// What follows a candidate once it is the only one: a space after a
    /// keyword or command, `(` after a function, `/` is already in a folder.
    public var suffix: String {
      switch kind {
      case .keyword, .command, .option, .file: return " "
      case .function: return "("
      case .procedure: return "()"
      case .label, .relationshipType, .propertyKey, .parameter, .variable, .directory: return ""
      }
    }

    public static func < (a: Candidate, b: Candidate) -> Bool {
      // Names in backticks sort by the name.
      let (x, y) = (a.text.lowercased().filter { $0 != "`" }, b.text.lowercased().filter { $0 != "`" })
      return x != y ? x < y : a.text < b.text
    }
  }

  public enum Kind: Sendable, Equatable {
    case keyword, function, procedure, label, relationshipType, propertyKey, parameter, variable, command,
      option,
      file, directory
  }

  /// The text all candidates share (compared ignoring case, spelled as the
  /// first candidate spells it).
  public var commonPrefix: String {
    guard var prefix = candidates.first.map({ Array($0.text) }) else { return "" }
    for candidate in candidates.dropFirst() {
      let other = Array(candidate.text)
      var length = 0
      while length < min(prefix.count, other.count)
        && prefix[length].lowercased() == other[length].lowercased()
      {
        length += 1
      }
      prefix = Array(prefix[..<length])
    }
    return String(prefix)
  }
}

/// Suggests completions for the word at the cursor, using what comes just
/// before it: after `:` labels (in a node) or relationship types (in
/// `[...]`), after `.` property keys, after `$` parameters, otherwise
/// keywords, functions and the variables the entry binds. Shell commands
/// complete their names, options and file names.
public struct CompletionEngine: Sendable {
  public var vocabulary: CompletionVocabulary

  public init(vocabulary: CompletionVocabulary) { self.vocabulary = vocabulary }

  public func complete(_ text: String, cursor: Int) -> Completion {
    let characters = Array(text)
    let cursor = min(max(0, cursor), characters.count)
    let before = Array(characters[..<cursor])
    if ShellDirective.isDirective(String(before)) && !before.contains("\n") {
      return completeDirective(before)
    }
    return completeCypher(before, whole: characters)
  }

  // MARK: Cypher

  private static func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

  private func completeCypher(_ before: [Character], whole: [Character]) -> Completion {
    let scan = LexicalScan(before)
    var start = before.count
    if scan.inBackticks {
      start = scan.backtickStart
    } else {
      if scan.inStringOrComment { return Completion(range: start..<start, typed: "", candidates: []) }
      while start > 0 && Self.isNameCharacter(before[start - 1]) { start -= 1 }
    }
    let typed = String(before[start...])
    let word = scan.inBackticks ? String(typed.dropFirst()) : typed
    let range = start..<before.count
    let previous = start > 0 ? before[start - 1] : " "

    func names(_ list: [String], _ kind: Completion.Kind) -> [Completion.Candidate] {
      list.filter { $0.lowercased().hasPrefix(word.lowercased()) }.map {
        Completion.Candidate(
          scan.inBackticks ? "`" + $0.replacingOccurrences(of: "`", with: "``") + "`" : quoted($0), kind)
      }
    }

    var candidates: [Completion.Candidate] = []
    switch previous {
    case ":", "|":
      switch enclosingBracket(before[..<start]) {
      case "[": candidates = names(vocabulary.relationshipTypes, .relationshipType)
      case "{" where previous == ":": candidates = general(word, whole)
      case "(": candidates = names(vocabulary.labels, .label)
      default:
        candidates = names(vocabulary.labels, .label) + names(vocabulary.relationshipTypes, .relationshipType)
      }
    case ".":
      let namespace = String(
        before[..<(start - 1)].reversed().prefix(while: { Self.isNameCharacter($0) || $0 == "." }).reversed())
      candidates = names(vocabulary.propertyKeys, .propertyKey)
      if !namespace.isEmpty {
        let lead = namespace.lowercased() + "."
        for (list, kind) in [
          (vocabulary.functions, Completion.Kind.function), (vocabulary.procedures, .procedure),
        ] {
          let tails = list.filter { $0.lowercased().hasPrefix(lead) }.map { String($0.dropFirst(lead.count)) }
          candidates += tails.filter { $0.lowercased().hasPrefix(word.lowercased()) }.map { .init($0, kind) }
        }
      }
    case "$": candidates = names(vocabulary.parameters, .parameter)
    default:
      if scan.inBackticks { return Completion(range: range, typed: typed, candidates: []) }
      candidates = general(word, whole)
    }
    return Completion(range: range, typed: typed, candidates: Self.unique(candidates))
  }

  /// A name as it must be written: in backticks unless a plain identifier.
  private func quoted(_ name: String) -> String {
    let plain = name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy(Self.isNameCharacter)
    return plain ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
  }

  /// Keywords (in the case the word is typed in), functions, procedures after CALL, and variables.
  private func general(_ word: String, _ whole: [Character]) -> [Completion.Candidate] {
    let lowered = word.lowercased()
    guard !lowered.isEmpty else { return [] }
    let upper = word.contains(where: \.isUppercase)
    var out: [Completion.Candidate] = []
    for keyword in vocabulary.keywords where keyword.lowercased().hasPrefix(lowered) {
      let spelled =
        keyword.contains(where: \.isLowercase) ? keyword : (upper ? keyword : keyword.lowercased())
      out.append(.init(spelled, .keyword))
    }
    for function in vocabulary.functions where function.lowercased().hasPrefix(lowered) {
      out.append(.init(function, .function))
    }
    for procedure in vocabulary.procedures where procedure.lowercased().hasPrefix(lowered) {
      out.append(.init(procedure, .procedure))
    }
    for variable in Self.variables(in: whole)
    where variable.lowercased().hasPrefix(lowered) && variable != word {
      out.append(.init(variable, .variable))
    }
    return out
  }

  /// Names the entry binds: right after `(` or `[` in a pattern, or after `AS`.
  static func variables(in text: [Character]) -> [String] {
    var found: [String] = []
    var index = 0
    var previousWord = ""
    while index < text.count {
      let c = text[index]
      if c.isLetter || c == "_" {
        var end = index
        while end < text.count && isNameCharacter(text[end]) { end += 1 }
        let word = String(text[index..<end])
        var back = index - 1
        while back >= 0 && text[back] == " " { back -= 1 }
        let opener = back >= 0 && (text[back] == "(" || text[back] == "[")
        if (opener || previousWord.uppercased() == "AS") && !found.contains(word) { found.append(word) }
        previousWord = word
        index = end
      } else {
        if !c.isWhitespace { previousWord = "" }
        index += 1
      }
    }
    return found
  }

  /// The innermost `(`, `[` or `{` still open before the word.
  private func enclosingBracket(_ text: ArraySlice<Character>) -> Character? {
    var depth = 0
    for c in text.reversed() {
      switch c {
      case ")", "]", "}": depth += 1
      case "(", "[", "{":
        if depth == 0 { return c }
        depth -= 1
      default: break
      }
    }
    return nil
  }

  private static func unique(_ candidates: [Completion.Candidate]) -> [Completion.Candidate] {
    var seen = Set<String>()
    return candidates.sorted().filter { seen.insert($0.text).inserted }
  }

  // MARK: Shell commands

  private func completeDirective(_ before: [Character]) -> Completion {
    let text = String(before)
    var wordStart = before.count
    while wordStart > 0 && !before[wordStart - 1].isWhitespace { wordStart -= 1 }
    let word = String(before[wordStart...])
    let range = wordStart..<before.count
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    let isFirstWord =
      !before[wordStart...].isEmpty && before[..<wordStart].allSatisfy(\.isWhitespace)
      || words.isEmpty
    if isFirstWord {
      let typed = word.hasPrefix(":") ? String(word.dropFirst()) : word
      let names = ShellDirective.names.filter { $0.hasPrefix(typed.lowercased()) }
      return Completion(
        range: range, typed: word, candidates: Self.unique(names.map { .init(":" + $0, .command) }))
    }
    let command = String(words[0].dropFirst()).lowercased()
    let previous = word.isEmpty ? words.last ?? "" : (words.count >= 2 ? words[words.count - 2] : "")
    func offer(_ list: [String], _ kind: Completion.Kind) -> Completion {
      Completion(
        range: range, typed: word,
        candidates: Self.unique(
          list.filter { $0.lowercased().hasPrefix(word.lowercased()) }.map { .init($0, kind) }))
    }
    switch (command, previous) {
    case ("render", "--layout"): return offer(LayoutEngine.allCases.map(\.rawValue), .option)
    case ("export", "--format"): return offer(ExportFormat.allCases.map(\.rawValue), .option)
    case ("format", _): return offer(ShellFormat.allCases.map(\.rawValue), .option)
    case ("timing", _): return offer(["on", "off"], .option)
    case ("params", _), ("param", _):
      return words.count <= 2 ? offer(["clear"] + vocabulary.parameters, .option) : offer([], .option)
    case ("render", _), ("export", _):
      if word.hasPrefix("-") {
        return offer(command == "render" ? ["--layout", "--connect"] : ["--format", "--connect"], .option)
      }
      return Completion(range: range, typed: word, candidates: Self.files(matching: word))
    default: return offer([], .option)
    }
  }

  /// Files and folders whose path starts with `prefix` (`~` is the home folder).
  static func files(matching prefix: String) -> [Completion.Candidate] {
    let slash = prefix.lastIndex(of: "/")
    let folderPart = slash.map { String(prefix[...$0]) } ?? ""
    let namePart = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
    var folder = folderPart.isEmpty ? "." : folderPart
    if folder.hasPrefix("~") { folder = NSString(string: folder).expandingTildeInPath }
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return unique(
      entries.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }.map {
        name in
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
        return isFolder.boolValue
          ? .init(folderPart + name + "/", .directory) : .init(folderPart + name, .file)
      })
  }
}

/// Whether the end of some Cypher text is inside a string, a comment or a
/// backtick name (where completion must not offer keywords).
struct LexicalScan {
  private(set) var inStringOrComment = false
  private(set) var inBackticks = false
  /// Where the open backtick is, when `inBackticks`.
  private(set) var backtickStart = 0

  init(_ text: [Character]) {
    enum State { case code, single, double, backtick, line, block }
    var state = State.code
    var index = 0
    while index < text.count {
      let c = text[index]
      let next: Character? = index + 1 < text.count ? text[index + 1] : nil
      switch state {
      case .code:
        if c == "'" {
          state = .single
        } else if c == "\"" {
          state = .double
        } else if c == "`" {
          state = .backtick
          backtickStart = index
        } else if c == "/" && next == "/" {
          state = .line
        } else if c == "/" && next == "*" {
          state = .block
          index += 1
        }
      case .single, .double:
        if c == "\\" {
          index += 1
        } else if c == (state == .single ? "'" : "\"") {
          state = .code
        }
      case .backtick: if c == "`" { state = .code }
      case .line: if c == "\n" { state = .code }
      case .block:
        if c == "*" && next == "/" {
          state = .code
          index += 1
        }
      }
      index += 1
    }
    inBackticks = state == .backtick
    inStringOrComment = state == .single || state == .double || state == .line || state == .block
  }
}
