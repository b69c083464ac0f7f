/// Interned names (labels, relationship types or property keys): each name
/// gets a small integer id the first time it is seen, so storage and plans
/// compare integers, never strings.
public struct NameTable: Sendable {
  public private(set) var names: [String] = []
  private var ids: [String: Int32] = [:]

  public init() {}

  /// The id of `name`, if it has been interned.
  @inlinable public func id(of name: String) -> Int32? { lookup(name) }

  @usableFromInline func lookup(_ name: String) -> Int32? { ids[name] }

  /// The id of `name`, interning it when new.
  public mutating func intern(_ name: String) -> Int32 {
    if let id = ids[name] { return id }
    let id = Int32(names.count)
    names.append(name)
    ids[name] = id
    return id
  }

  /// The name with id `id`.
  @inlinable public func name(_ id: Int32) -> String { names[Int(id)] }

  public var count: Int { names.count }
}
