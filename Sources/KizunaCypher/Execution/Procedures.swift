import KizunaStore

/// Built-in procedures (`CALL db.labels()` ...): each yields named columns.
enum Procedures {
  struct Definition: Sendable {
    let name: String
    let outputs: [String]
    let rows: @Sendable (GraphStore) -> [[Value]]
  }

  static let all: [String: Definition] = {
    let list: [Definition] = [
      Definition(name: "db.labels", outputs: ["label"]) { store in
        store.labels.names.enumerated().filter { store.nodeCount(withLabel: Int32($0.offset)) > 0 }
          .map { [.string($0.element)] }
      },
      Definition(name: "db.relationshipTypes", outputs: ["relationshipType"]) { store in
        var used = Set<Int32>()
        for r in 0..<store.relationshipIDLimit where store.relationshipExists(r) {
          used.insert(store.typeID(of: r))
        }
        return store.types.names.enumerated().filter { used.contains(Int32($0.offset)) }.map {
          [.string($0.element)]
        }
      },
      Definition(name: "db.propertyKeys", outputs: ["propertyKey"]) { store in
        store.keys.names.map { [.string($0)] }
      },
      Definition(name: "db.indexes", outputs: ["name", "labelsOrTypes", "properties", "uniqueness"]) {
        store in
        indexRows(store)
      },
      Definition(name: "db.constraints", outputs: ["name", "labelsOrTypes", "properties", "type"]) { store in
        constraintRows(store)
      },
    ]
    return Dictionary(uniqueKeysWithValues: list.map { ($0.name.lowercased(), $0) })
  }()

  static func indexRows(_ store: GraphStore) -> [[Value]] {
    store.schema.indexes.map { index in
      let unique = store.schema.constraints.contains { $0.indexName == index.name }
      return [
        .string(index.name), .list([.string(store.labels.name(index.label))]),
        .list([.string(store.keys.name(index.key))]), .string(unique ? "UNIQUE" : "NONUNIQUE"),
      ]
    }
  }

  static func constraintRows(_ store: GraphStore) -> [[Value]] {
    store.schema.constraints.map { c in
      [
        .string(c.name), .list([.string(store.labels.name(c.label))]),
        .list([.string(store.keys.name(c.key))]),
        .string("UNIQUENESS"),
      ]
    }
  }
}

/// CALL proc(...) YIELD ...: one output row per procedure row.
final class CallOperator: Operator {
  let procedure: Procedures.Definition
  /// (output column index, slot)
  let yields: [(Int, Int)]
  init(procedure: Procedures.Definition, yields: [(Int, Int)]) {
    self.procedure = procedure
    self.yields = yields
  }
  override var summary: String { "ProcedureCall(\(procedure.name))" }

  override func push(_ row: Row, _ ctx: ExecutionContext) throws {
    for values in procedure.rows(ctx.store) {
      var r = row
      for (column, slot) in yields { r[slot] = values[column] }
      try emit(r, ctx)
    }
  }
}
