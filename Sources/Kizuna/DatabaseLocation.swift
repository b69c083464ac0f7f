import KizunaStore

/// Where a command's graph comes from: `--db PATH`, `--db :memory:`, or
/// (no `--db`) the bundled Vietnam–Japan graph, loaded into memory.
public enum DatabaseLocation: Sendable, Equatable {
  case bundled
  case memory
  case directory(String)

  public init(argument: String?) {
    switch argument {
    case nil: self = .bundled
    case ":memory:": self = .memory
    case let path?: self = .directory(path)
    }
  }

  public func open() throws -> Database {
    switch self {
    case .bundled: return try BundledGraph.load()
    case .memory: return Database()
    case .directory(let path): return try Database.open(path: path)
    }
  }
}
