import Foundation
import KizunaRender

/// How the shell prints results.
public enum ShellFormat: String, Sendable, CaseIterable {
  case table, json, csv
}

/// A shell command: a line that starts with `:`, such as `:params` or
/// `:render out.png`. Commands are not Cypher and need no `;`.
public enum ShellDirective: Equatable, Sendable {
  case help
  case schema
  case listParameters
  /// `:param name => expression`: the expression is Cypher (or JSON).
  case setParameter(name: String, expression: String)
  /// `:params {...}`: replaces every parameter.
  case setParameters(String)
  case clearParameters
  case render(path: String, layout: LayoutEngine?, connect: Bool)
  case export(path: String, format: ExportFormat?, connect: Bool)
  /// nil toggles.
  case timing(Bool?)
  /// nil shows the current format.
  case format(ShellFormat?)
  case quit

  /// One line of `:help`: the command as typed, and what it does.
  public struct Usage: Sendable {
    public let name: String
    public let synopsis: String
    public let summary: String
  }

  public static let usages: [Usage] = [
    Usage(name: "help", synopsis: ":help", summary: "this list"),
    Usage(name: "schema", synopsis: ":schema", summary: "labels, relationship types and property keys"),
    Usage(name: "params", synopsis: ":params", summary: "list the parameters"),
    Usage(
      name: "param", synopsis: ":param NAME => VALUE", summary: "set a parameter (VALUE is Cypher or JSON)"),
    Usage(name: "params", synopsis: ":params {JSON}", summary: "replace every parameter"),
    Usage(name: "params", synopsis: ":params clear", summary: "remove every parameter"),
    Usage(
      name: "render", synopsis: ":render FILE.(png|svg|pdf|dot) [--layout L] [--connect]",
      summary: "draw the last result"),
    Usage(
      name: "export", synopsis: ":export FILE.(json|graphml|cypher|dot) [--format F] [--connect]",
      summary: "write the last result's graph"),
    Usage(name: "timing", synopsis: ":timing [on|off]", summary: "show or hide the time after each result"),
    Usage(name: "format", synopsis: ":format table|json|csv", summary: "how results are printed"),
    Usage(name: "quit", synopsis: ":quit, :exit", summary: "leave the shell (or Ctrl-D)"),
  ]

  /// Every command name, for completion.
  public static let names = [
    "help", "schema", "params", "param", "render", "export", "timing", "format", "quit", "exit",
  ]

  /// Whether `text` is a shell command: its first non-blank character is `:`.
  public static func isDirective(_ text: some StringProtocol) -> Bool {
    text.first(where: { !$0.isWhitespace }) == ":"
  }

  /// Parses `:name arguments`; a trailing `;` is ignored.
  public static func parse(_ text: String) throws(ShellDirectiveError) -> ShellDirective {
    var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    guard body.hasPrefix(":") else {
      throw ShellDirectiveError("a shell command starts with ':', like :help")
    }
    body = body.dropFirst()
    while body.hasSuffix(";") { body = body.dropLast() }
    let typed = String(body.prefix(while: { !$0.isWhitespace }))
    let rest = String(body.dropFirst(typed.count)).trimmingCharacters(in: .whitespaces)
    let name = try resolve(typed.lowercased())
    switch name {
    case "help": return .help
    case "schema": return .schema
    case "quit", "exit": return .quit
    case "param", "params": return try parameters(rest)
    case "render", "export": return try drawing(name, rest)
    case "timing":
      switch rest.lowercased() {
      case "": return .timing(nil)
      case "on": return .timing(true)
      case "off": return .timing(false)
      default: throw ShellDirectiveError(":timing takes on or off, not '\(rest)'")
      }
    case "format":
      if rest.isEmpty { return .format(nil) }
      guard let format = ShellFormat(rawValue: rest.lowercased()) else {
        throw ShellDirectiveError(":format takes table, json or csv, not '\(rest)'")
      }
      return .format(format)
    default:
      throw ShellDirectiveError("unknown command :\(typed); :help lists the commands")
    }
  }

  /// A full name, or a prefix that only one command has (`:q`, `:sch`).
  private static func resolve(_ typed: String) throws(ShellDirectiveError) -> String {
    if typed.isEmpty { throw ShellDirectiveError("a command name must follow ':'; :help lists them") }
    if names.contains(typed) { return typed }
    let matches = Set(names.filter { $0.hasPrefix(typed) })
    // :exit and :quit are one command.
    let commands = Set(matches.map { $0 == "exit" ? "quit" : $0 })
    if commands.count == 1, let only = commands.first { return only }
    if matches.count > 1 {
      throw ShellDirectiveError(
        ":\(typed) could be " + matches.sorted().map { ":" + $0 }.joined(separator: " or "))
    }
    throw ShellDirectiveError("unknown command :\(typed); :help lists the commands")
  }

  private static func parameters(_ rest: String) throws(ShellDirectiveError) -> ShellDirective {
    if rest.isEmpty { return .listParameters }
    if rest.lowercased() == "clear" { return .clearParameters }
    if rest.hasPrefix("{") { return .setParameters(rest) }
    // name => value (Neo4j's form), or name: value.
    let name = String(rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }))
    var value = Substring(rest.dropFirst(name.count)).drop(while: \.isWhitespace)
    if value.hasPrefix("=>") {
      value = value.dropFirst(2)
    } else if value.hasPrefix(":") {
      value = value.dropFirst()
    } else {
      throw ShellDirectiveError("write :param name => value, like :param name => 'Vo Van Thuong'")
    }
    let expression = value.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, name.first?.isNumber == false else {
      throw ShellDirectiveError("a parameter name is a letter followed by letters, digits or _")
    }
    guard !expression.isEmpty else { throw ShellDirectiveError("give :param \(name) a value after =>") }
    return .setParameter(name: name, expression: expression)
  }

  private static func drawing(_ name: String, _ rest: String) throws(ShellDirectiveError) -> ShellDirective {
    var words = try ShellWords.split(rest)
    var connect = false
    var option: String?
    var path: String?
    while !words.isEmpty {
      let word = words.removeFirst()
      switch word {
      case "--connect": connect = true
      case "--layout" where name == "render", "--format" where name == "export":
        guard !words.isEmpty else { throw ShellDirectiveError("\(word) needs a value") }
        option = words.removeFirst()
      default:
        if word.hasPrefix("--") { throw ShellDirectiveError(":\(name) has no option \(word)") }
        guard path == nil else { throw ShellDirectiveError(":\(name) takes one file name") }
        path = word
      }
    }
    guard let path else {
      throw ShellDirectiveError(
        name == "render" ? "give a file to draw into: :render graph.png" : "give a file: :export graph.json")
    }
    if name == "render" {
      var layout: LayoutEngine?
      if let option {
        guard let engine = LayoutEngine(rawValue: option.lowercased()) else {
          throw ShellDirectiveError(
            "unknown layout \(option); use one of "
              + LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))
        }
        layout = engine
      }
      return .render(path: path, layout: layout, connect: connect)
    }
    var format: ExportFormat?
    if let option {
      guard let chosen = ExportFormat(rawValue: option.lowercased()) else {
        throw ShellDirectiveError(
          "unknown export format \(option); use one of "
            + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
      }
      format = chosen
    }
    return .export(path: path, format: format, connect: connect)
  }
}

/// Why a shell command could not be understood or carried out.
public struct ShellDirectiveError: Error, Equatable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Splits command arguments at white space, honouring quotes, so file names
/// with spaces can be written `:render "my graph.png"`.
enum ShellWords {
  static func split(_ text: String) throws(ShellDirectiveError) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" && quote != "'" {
        escaped = true
        inWord = true
      } else if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character.isWhitespace {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if let quote { throw ShellDirectiveError("a \(quote) is never closed") }
    if inWord { words.append(current) }
    return words
  }
}
