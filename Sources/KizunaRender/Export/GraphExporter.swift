import KizunaStore

/// The data formats a graph extract can be exported to.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
  /// Graphviz DOT with every label, type and property as attributes.
  case dot
  /// GraphML, as read by Gephi, NetworkX, yEd.
  case graphml
  /// `{"nodes":[...],"relationships":[...]}` with the Value JSON encoding.
  case json
  /// Cypher statements that recreate the graph in an openCypher database.
  case cypher
  /// Neo4j bulk-import CSV files, one per label set and relationship type;
  /// written into a directory with `GraphExporter.exportCSV`.
  case csv
}

/// Writes graph extracts in data formats. Nodes and relationships are
/// written in id order, so the same extract always gives the same bytes.
///
/// ```swift
/// let graphml = try GraphExporter.export(extract, format: .graphml)
/// let files = try GraphExporter.exportCSV(extract, toDirectory: "out/")
/// ```
public enum GraphExporter {
  /// The export as UTF-8 bytes. CSV spans several files: use `exportCSV`,
  /// or this returns the files concatenated, each after a `# file:` line.
  public static func export(_ extract: GraphExtract, format: ExportFormat) throws(RenderError) -> [UInt8] {
    let graph = extract.canonical
    switch format {
    case .dot: return Array(DOTExporter.text(graph).utf8)
    case .graphml: return Array(GraphMLExporter.text(graph).utf8)
    case .json: return JSONExporter.bytes(graph)
    case .cypher: return Array(try CypherScriptExporter.text(graph).utf8)
    case .csv:
      var out = ""
      for file in CSVExporter.files(graph) { out += "# file: \(file.name)\n" + file.text }
      return Array(out.utf8)
    }
  }

  /// Writes the export to a file (for CSV: a directory, see `exportCSV`).
  public static func export(_ extract: GraphExtract, format: ExportFormat, toPath path: String)
    throws(RenderError)
  {
    if format == .csv {
      try exportCSV(extract, toDirectory: path)
    } else {
      try FileOutput.write(try export(extract, format: format), to: path)
    }
  }

  /// Writes Neo4j bulk-import CSV files into `directory` (created if
  /// needed): `nodes_<Labels>.csv` per label set, `relationships_<TYPE>.csv`
  /// per type. The result names them and says what will not read back
  /// exactly (maps, mixed columns; see `CSVExport.notes`).
  @discardableResult
  public static func exportCSV(_ extract: GraphExtract, toDirectory directory: String) throws(RenderError)
    -> CSVExport
  {
    try FileOutput.makeDirectory(directory)
    let output = CSVExporter.export(extract.canonical)
    for file in output.files {
      let separator = directory.hasSuffix("/") ? "" : "/"
      try FileOutput.write(Array(file.text.utf8), to: directory + separator + file.name)
    }
    return CSVExport(
      nodeFiles: output.files.filter(\.holdsNodes).map(\.name),
      relationshipFiles: output.files.filter { !$0.holdsNodes }.map(\.name), notes: output.notes)
  }
}

/// What `GraphExporter.exportCSV` wrote.
public struct CSVExport: Sendable, Hashable {
  /// File names (inside the directory) of the nodes files, for `--nodes`.
  public var nodeFiles: [String]
  /// File names of the relationships files, for `--relationships`.
  public var relationshipFiles: [String]
  /// One sentence per property or label that will not read back exactly.
  public var notes: [String]

  public init(nodeFiles: [String], relationshipFiles: [String], notes: [String]) {
    self.nodeFiles = nodeFiles
    self.relationshipFiles = relationshipFiles
    self.notes = notes
  }

  /// The arguments of the `kizuna import` that loads these files back into
  /// `database`, file paths joined onto `directory`.
  public func importArguments(directory: String, database: String) -> [String] {
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    var arguments = ["import", "--db", database]
    for name in nodeFiles { arguments += ["--nodes", base + name] }
    for name in relationshipFiles { arguments += ["--relationships", base + name] }
    return arguments
  }
}
