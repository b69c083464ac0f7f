import KizunaCypher
import KizunaStore

/// The graphs that ship with Kizuna, loaded from the package's resources.
public enum BundledGraph {
  /// The Vietnam–Japan relations graph (`Graphs/vietnam-japan.cypher`).
  public static let vietnamJapan = "vietnam-japan"

  /// The Cypher script of a bundled graph. The scripts are compiled into
  /// the binary, so they are there whatever folder Kizuna runs from.
  public static func script(named name: String = vietnamJapan) throws -> String {
    guard name == vietnamJapan else {
      throw BundledGraphError(message: "there is no bundled graph called '\(name)'; try '\(vietnamJapan)'")
    }
    return String(decoding: PackageResources.vietnam_japan_cypher, as: UTF8.self)
  }

  /// A fresh in-memory database holding the bundled graph.
  public static func load(named name: String = vietnamJapan) throws -> Database {
    let database = Database()
    let engine = CypherEngine(database: database)
    do {
      _ = try engine.run(try script(named: name))
    } catch let e as CypherError {
      throw BundledGraphError(message: "the bundled graph '\(name)' does not load: \(e.message)")
    }
    return database
  }
}

public struct BundledGraphError: Error, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}
