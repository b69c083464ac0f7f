import KizunaCypher
import KizunaStore

/// The names tab completion offers: the database's labels, relationship
/// types and property keys, the engine's keywords, functions and
/// procedures, and the shell's parameters.
public struct CompletionVocabulary: Equatable, Sendable {
  public var labels: [String]
  public var relationshipTypes: [String]
  public var propertyKeys: [String]
  public var parameters: [String]
  public var keywords: [String]
  public var functions: [String]
  public var procedures: [String]

  public init(
    labels: [String] = [], relationshipTypes: [String] = [], propertyKeys: [String] = [],
    parameters: [String] = [], keywords: [String] = CypherEngine.keywords,
    functions: [String] = CypherEngine.knownFunctions.sorted(),
    procedures: [String] = CypherEngine.knownProcedures
  ) {
    self.labels = labels
    self.relationshipTypes = relationshipTypes
    self.propertyKeys = propertyKeys
    self.parameters = parameters
    self.keywords = keywords
    self.functions = functions
    self.procedures = procedures
  }

  /// Reads the labels, types and property keys in use from the database.
  public static func read(from engine: CypherEngine) -> CompletionVocabulary {
    func names(_ procedure: String) -> [String] {
      guard let results = try? engine.run("CALL \(procedure)()") else { return [] }
      return results.flatMap { $0.rows }.compactMap { row in
        if case .string(let name)? = row.first { return name }
        return nil
      }.sorted()
    }
    return CompletionVocabulary(
      labels: names("db.labels"), relationshipTypes: names("db.relationshipTypes"),
      propertyKeys: names("db.propertyKeys"))
  }
}
