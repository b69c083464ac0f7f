import ArgumentParser
import Foundation
import Kizuna
import KizunaCypher
import KizunaStore

/// Where `render` and `export` read their statements from: `-e TEXT`, a
/// `.cypher` file, or `-` for standard input, as `kizuna query` does.
struct StatementInput {
  var text: String?
  var file: String?

  /// Usage errors (exit 2): both given, or a missing file. Neither is fine
  /// when `optional` (export then writes the whole graph).
  func validate(optional: Bool) throws {
    if !optional && text == nil && file == nil {
      throw ValidationError("give a query with -e TEXT, a FILE, or - for standard input")
    }
    if text != nil && file != nil { throw ValidationError("give either -e TEXT or a FILE, not both") }
    if let file, file != "-", !FileManager.default.fileExists(atPath: file) {
      throw ValidationError("no such file: \(file)")
    }
  }

  /// The statements, or nil when none were given.
  func source() throws -> String? {
    if let text { return text }
    guard let file else { return nil }
    if file == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CLIFailure("cannot read \(file)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}

extension StatementInput {
  /// The statements with the parameter defaults their file declares
  /// (`// @param name: JSON`), or nil when none were given.
  func script() throws -> QueryScript? {
    guard let source = try source() else { return nil }
    let name = text != nil ? "-e" : (file == "-" ? "stdin" : file ?? "query")
    do {
      return try QueryScript(text: source, fileName: name)
    } catch {
      throw CLIFailure(error.description)
    }
  }

  /// The script's defaults overridden by `--params`.
  static func parameters(_ script: QueryScript, params: String?) throws -> [String: Value] {
    script.parameters(overriding: try parseParameters(params))
  }
}

/// Opens `--db` as `kizuna query` does; failures exit 1 with the store's message.
func openDatabase(_ argument: String?) throws -> Database {
  do {
    return try DatabaseLocation(argument: argument).open()
  } catch let e as StoreError {
    throw CLIFailure(e.message)
  } catch {
    throw CLIFailure("\(error)")
  }
}

/// Runs every statement in order, each in its own transaction. The first
/// failure is printed as `kizuna query` prints it in a terminal, and the run
/// stops with exit status 1 (earlier statements stay committed).
func runStatements(_ source: String, parameters: [String: Value], engine: CypherEngine) throws
  -> [QueryResult]
{
  var results: [QueryResult] = []
  var failure: CypherError?
  engine.runEach(source, parameters: parameters) { result in
    switch result {
    case .success(let r): results.append(r)
    case .failure(let e): failure = e
    }
  }
  if let failure {
    ResultPrinter(format: .table).print(failure)
    throw CLIFailure("")
  }
  return results
}
