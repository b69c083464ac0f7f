import Foundation
import KizunaStore

/// A `.cypher` file's text together with the parameter defaults it declares,
/// so a ready-made query runs as is and `--params` only overrides.
///
/// A default is a comment line of its own, anywhere in the file:
///
/// ```cypher
/// // @param from: "Kotaro Nagasaki"
/// // @param depth: 2
/// ```
///
/// The value is JSON in the same encoding as `--params`. Other databases see
/// an ordinary comment.
public struct QueryScript: Sendable {
  public var text: String
  public var parameterDefaults: [String: Value]

  public init(text: String, fileName: String = "query") throws(QueryScriptError) {
    self.text = text
    self.parameterDefaults = try Self.defaults(in: text, fileName: fileName)
  }

  /// The parameters to run with: the file's defaults, overridden by `given`.
  public func parameters(overriding given: [String: Value]) -> [String: Value] {
    parameterDefaults.merging(given) { _, explicit in explicit }
  }

  private static let marker = "@param"

  private static func defaults(in text: String, fileName: String) throws(QueryScriptError) -> [String: Value]
  {
    var result: [String: Value] = [:]
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.drop { $0 == " " || $0 == "\t" }
      guard line.hasPrefix("//") else { continue }
      let comment = line.dropFirst(2).drop { $0 == " " || $0 == "\t" }
      guard comment.hasPrefix(marker) else { continue }
      let declaration = comment.dropFirst(marker.count)
      let place = "\(fileName), line \(index + 1)"
      guard let colon = declaration.firstIndex(of: ":") else {
        throw QueryScriptError("\(place): write a parameter default as `// @param name: <JSON value>`")
      }
      let name = declaration[..<colon].trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
        throw QueryScriptError("\(place): `\(name)` is not a parameter name")
      }
      do {
        result[name] = try Value.fromJSON(String(declaration[declaration.index(after: colon)...]))
      } catch {
        throw QueryScriptError("\(place): the default of $\(name) is not JSON: \(error.message)")
      }
    }
    return result
  }
}

/// A parameter default that cannot be read, with its file and line.
public struct QueryScriptError: Error, Sendable, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}
