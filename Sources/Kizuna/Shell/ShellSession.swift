import Foundation
import KizunaCypher
import KizunaRender
import KizunaStore

/// What running something in the shell produced, for the terminal to print.
public enum ShellEvent: Sendable {
  case result(QueryResult)
  case failure(CypherError, statement: ShellStatement)
  /// Output a command was asked for (`:help`, `:schema`, `:params`).
  case text(String)
  /// A short confirmation (`Wrote graph.png ...`).
  case note(String)
  /// A shell command that could not be carried out.
  case problem(String)
  case quit
}

/// The state of a shell: the database, the parameters, the output
/// settings, the last result (for `:render` and `:export`) and the names
/// completion offers. It runs statements and shell commands and reports
/// what happened as `ShellEvent`s, knowing nothing of terminals.
public final class ShellSession: @unchecked Sendable {
  public let engine: CypherEngine
  public private(set) var parameters: [String: Value]
  public var format: ShellFormat = .table
  public var showsTiming = true
  /// How wide lists such as `:schema` may be (the terminal's width).
  public var outputWidth = 100
  /// The last result that had columns (a `CREATE` without `RETURN` does not replace it).
  public private(set) var lastResult: QueryResult?

  private var cachedVocabulary: CompletionVocabulary?
  private let lock = NSLock()
  private var running: CancellationFlag?

  public init(engine: CypherEngine, parameters: [String: Value] = [:]) {
    self.engine = engine
    self.parameters = parameters
  }

  // MARK: Completion

  /// The names completion offers, read again from the database after a write.
  public var vocabulary: CompletionVocabulary {
    if cachedVocabulary == nil { cachedVocabulary = CompletionVocabulary.read(from: engine) }
    var vocabulary = cachedVocabulary ?? CompletionVocabulary()
    vocabulary.parameters = parameters.keys.sorted()
    return vocabulary
  }

  public func completion(for text: String, cursor: Int) -> Completion {
    CompletionEngine(vocabulary: vocabulary).complete(text, cursor: cursor)
  }

  // MARK: Running

  /// Runs a typed entry or a script: its statements and commands in order.
  /// Stops after `:quit`; returns whether everything succeeded.
  @discardableResult
  public func run(entry: String, emit: (ShellEvent) -> Void) -> Bool {
    var succeeded = true
    for input in ShellInputReader.inputs(in: entry) {
      var quit = false
      succeeded =
        run(input) { event in
          if case .quit = event { quit = true }
          emit(event)
        } && succeeded
      if quit { break }
    }
    return succeeded
  }

  /// Runs one statement or command; false if it failed.
  public func run(_ input: ShellInput, emit: (ShellEvent) -> Void) -> Bool {
    switch input {
    case .statement(let statement): return run(statement, emit: emit)
    case .directive(let text, _):
      do {
        return perform(try ShellDirective.parse(text), emit: emit)
      } catch {
        emit(.problem(error.message))
        return false
      }
    }
  }

  /// Stops the statement running now, from any thread (Ctrl-C).
  public func cancelRunningStatement() {
    lock.lock()
    defer { lock.unlock() }
    running?.cancel()
  }

  private func run(_ statement: ShellStatement, emit: (ShellEvent) -> Void) -> Bool {
    let flag = CancellationFlag()
    lock.lock()
    running = flag
    lock.unlock()
    defer {
      lock.lock()
      running = nil
      lock.unlock()
    }
    engine.cancellation = flag
    var succeeded = true
    engine.runEach(statement.text, parameters: parameters) { outcome in
      switch outcome {
      case .success(let result):
        if !result.columns.isEmpty { lastResult = result }
        if result.statistics.changesSchemaOrData { cachedVocabulary = nil }
        emit(.result(result))
      case .failure(let error):
        succeeded = false
        emit(.failure(Self.relocate(error, to: statement), statement: statement))
      }
    }
    return succeeded
  }

  /// The engine saw the statement alone; give the error the line and
  /// column it has in the whole entry or script.
  static func relocate(_ error: CypherError, to statement: ShellStatement) -> CypherError {
    guard let line = error.line, statement.line > 1 || statement.column > 1 else { return error }
    var moved = error
    moved.line = line + statement.line - 1
    if let column = error.column {
      moved.column = line == 1 ? column + statement.column - 1 : column
      let old = " (line \(line), column \(column))"
      if moved.message.hasSuffix(old) {
        moved.message =
          moved.message.dropLast(old.count)
          + " (line \(moved.line ?? line), column \(moved.column ?? column))"
      }
    }
    return moved
  }

  // MARK: Commands

  private func perform(_ directive: ShellDirective, emit: (ShellEvent) -> Void) -> Bool {
    switch directive {
    case .help:
      emit(.text(Self.helpText))
    case .quit:
      emit(.quit)
    case .schema:
      let v = vocabulary
      emit(
        .text(
          [
            Self.list("Labels", v.labels.map { ":" + CypherText.identifier($0) }, width: outputWidth),
            Self.list(
              "Relationship types", v.relationshipTypes.map { ":" + CypherText.identifier($0) },
              width: outputWidth),
            Self.list("Property keys", v.propertyKeys.map { CypherText.identifier($0) }, width: outputWidth),
          ].joined(separator: "\n")))
    case .listParameters:
      if parameters.isEmpty {
        emit(.text("No parameters. Set one with :param name => value"))
      } else {
        emit(
          .text(
            parameters.keys.sorted().map { name in
              ":param \(name) => "
                + (parameters[name].map { $0.cypherLiteral ?? $0.cypherDisplay() } ?? "null")
            }.joined(separator: "\n")))
      }
    case .setParameter(let name, let expression):
      do {
        parameters[name] = try evaluate(expression)
        emit(
          .note("$\(name) = " + (parameters[name].map { $0.cypherLiteral ?? $0.cypherDisplay() } ?? "null")))
      } catch {
        emit(.problem(error.message))
        return false
      }
    case .setParameters(let text):
      do {
        guard case .map(let values) = try evaluate(text) else {
          emit(.problem(":params takes a map, like :params {\"name\": \"Vo Van Thuong\"}"))
          return false
        }
        parameters = values
        emit(.note(values.count == 1 ? "1 parameter set" : "\(values.count) parameters set"))
      } catch {
        emit(.problem(error.message))
        return false
      }
    case .clearParameters:
      parameters = [:]
      emit(.note("Parameters cleared"))
    case .timing(let on):
      showsTiming = on ?? !showsTiming
      emit(.note("Timing " + (showsTiming ? "on" : "off")))
    case .format(let chosen):
      if let chosen {
        format = chosen
        emit(.note("Results are printed as \(chosen.rawValue)"))
      } else {
        emit(.text("Results are printed as \(format.rawValue)"))
      }
    case .render(let path, let layout, let connect):
      return draw(into: Self.expand(path), connect: connect, emit: emit) { extract, path throws in
        try ResultDrawing.write(extract, to: path, engine: layout)
      }
    case .export(let path, let format, let connect):
      let path = Self.expand(path)
      guard let format = format ?? Self.exportFormat(forPath: path) else {
        emit(
          .problem(
            "cannot tell the export format of \(path): name it .json, .graphml, .cypher or .dot, or add --format"
          ))
        return false
      }
      return draw(into: path, connect: connect, emit: emit) { extract, path throws in
        try GraphExporter.export(extract, format: format, toPath: path)
      }
    }
    return true
  }

  /// Takes the last result's graph and hands it to `write`.
  private func draw(
    into path: String, connect: Bool, emit: (ShellEvent) -> Void,
    _ write: (GraphExtract, String) throws -> Void
  ) -> Bool {
    guard let lastResult else {
      emit(.problem("there is no result yet: run a query that returns nodes, relationships or paths first"))
      return false
    }
    do {
      let extract = try ResultDrawing.extract(from: [lastResult], connect: connect, engine: engine)
      guard !extract.nodes.isEmpty else {
        emit(
          .problem(
            "the last result holds no nodes, relationships or paths to draw; return them, as in MATCH p = (a)-[:MET]->(b) RETURN p"
          ))
        return false
      }
      try write(extract, path)
      let nodes = extract.nodes.count == 1 ? "1 node" : "\(extract.nodes.count) nodes"
      let relationships =
        extract.relationships.count == 1 ? "1 relationship" : "\(extract.relationships.count) relationships"
      emit(.note("Wrote \(path) (\(nodes), \(relationships))"))
      return true
    } catch let error as CypherError {
      emit(.problem(error.message))
    } catch let error as RenderError {
      emit(.problem(error.description))
    } catch {
      emit(.problem("\(error)"))
    }
    return false
  }

  /// A parameter value: JSON (with the `~date`... encodings) or a Cypher
  /// expression, which may use the parameters already set.
  private func evaluate(_ text: String) throws(ShellDirectiveError) -> Value {
    if let value = try? Value.fromJSON(text) { return value }
    do {
      let results = try engine.run("RETURN \(text) AS value", parameters: parameters)
      guard let value = results.last?.rows.first?.first else {
        throw ShellDirectiveError("\(text) has no value")
      }
      return value
    } catch let error as CypherError {
      throw ShellDirectiveError(
        "\(text) is neither JSON nor a Cypher value: " + Self.withoutPosition(error.message))
    } catch let error as ShellDirectiveError {
      throw error
    } catch {
      throw ShellDirectiveError("\(error)")
    }
  }

  /// The engine's message without its "(line 1, column 8)", which would
  /// point into the `RETURN` the shell wrapped the value in.
  private static func withoutPosition(_ message: String) -> String {
    guard let range = message.range(of: #"\s*\(line \d+, column \d+\)$"#, options: .regularExpression) else {
      return message
    }
    return String(message[..<range.lowerBound])
  }

  static func exportFormat(forPath path: String) -> ExportFormat? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "json": return .json
    case "graphml": return .graphml
    case "cypher", "cql": return .cypher
    case "dot", "gv": return .dot
    default: return nil
    }
  }

  static func expand(_ path: String) -> String {
    path.hasPrefix("~") ? NSString(string: path).expandingTildeInPath : path
  }

  /// `Title (n): a, b, c`, wrapped with a hanging indent.
  static func list(_ title: String, _ names: [String], width: Int) -> String {
    var lines: [String] = []
    var line = "\(title) (\(names.count)):"
    if names.isEmpty { return line + " none" }
    for (index, name) in names.enumerated() {
      let piece = " " + name + (index < names.count - 1 ? "," : "")
      if DisplayWidth.of(line) + DisplayWidth.of(piece) > max(width, 20) {
        lines.append(line)
        line = "   "
      }
      line += piece
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// `:help`, in lines that fit 80 columns.
  public static let helpText: String = {
    let column = 26
    var lines = [
      "Cypher statements end with ';' and may span lines. Commands start with ':'",
      "and need no ';'.", "",
    ]
    for usage in ShellDirective.usages {
      if usage.synopsis.count + 2 <= column {
        lines.append(
          "  " + usage.synopsis.padding(toLength: column, withPad: " ", startingAt: 0) + usage.summary)
      } else {
        lines.append("  " + usage.synopsis)
        lines.append(String(repeating: " ", count: column + 2) + usage.summary)
      }
    }
    lines += [
      "",
      "Keys: Tab completes (labels after ':', property keys after '.', parameters",
      "after '$'). Up/Down recall earlier entries, Ctrl-R searches them. Alt-Enter",
      "breaks a line without running it. Ctrl-A/Ctrl-E go to the line's start/end;",
      "Ctrl-K, Ctrl-U and Ctrl-W delete, Ctrl-Y puts the text back. Ctrl-L clears",
      "the screen, Ctrl-C cancels the entry or the running statement, Ctrl-D quits.",
    ]
    return lines.joined(separator: "\n")
  }()
}

extension UpdateStatistics {
  /// Whether labels, types or keys may have appeared or gone.
  var changesSchemaOrData: Bool {
    nodesCreated + nodesDeleted + relationshipsCreated + relationshipsDeleted + propertiesSet + labelsAdded
      + labelsRemoved > 0
  }
}
