import Foundation
import KizunaStore
import Testing

/// `kizuna import` end to end, through the built binary.
@Suite struct ImportCommandTests {
  /// Node and relationship counts, labels and properties, in a comparable form.
  private func snapshot(_ path: String) throws -> [String] {
    let db = try Database.open(path: path)
    return db.read { s in
      var lines = ["\(s.liveNodeCount) nodes, \(s.liveRelationshipCount) relationships"]
      for n in 0..<s.nodeIDLimit where s.nodeExists(n) {
        let keys = s.nodePropertyKeys(n).map {
          "\(s.keys.name($0))=\(s.nodeProperty(n, $0).map { "\($0)" } ?? "")"
        }
        lines.append("node \(n) \(s.labelNames(of: n).sorted()) \(keys.sorted())")
      }
      for r in 0..<s.relationshipIDLimit where s.relationshipExists(r) {
        lines.append("rel \(r) \(s.types.name(s.typeID(of: r))) \(s.startNode(of: r))->\(s.endNode(of: r))")
      }
      lines.append("indexes \(s.schema.indexes.map(\.name).sorted())")
      return lines
    }
  }

  private func files(_ dir: TemporaryDirectory) throws {
    try dir.write("persons.csv", "id:ID,name,born:int,:LABEL\n1,Ann,1970,Actor\n2,Bob,1980,\n")
    try dir.write("knows.csv", ":START_ID,:END_ID,since:int\n1,2,2001\n")
    try dir.write("typed.csv", ":START_ID,:END_ID,:TYPE\n2,1,LIKES\n")
    try dir.write("bad.csv", ":START_ID,:END_ID\n1,2\n1,99\n")
  }

  @Test func importPrintsCountsAndLoadsTheGraph() throws {
    let dir = try TemporaryDirectory()
    try files(dir)
    let result = try CLI.run(
      [
        "import", "--db", "g.kzdb", "--id-type", "integer", "--nodes=Person", "persons.csv",
        "--relationships=KNOWS", "knows.csv", "--relationships", "typed.csv",
      ], in: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(line.wholeMatch(of: /Imported 2 nodes and 2 relationships in \d+\.\d+ s\./) != nil, "\(line)")
    let graph = try snapshot(dir.path + "/g.kzdb")
    #expect(graph.first == "2 nodes, 2 relationships")
    #expect(
      graph.contains(
        "node 0 [\"Actor\", \"Person\"] [\"born=int(1970)\", \"id=int(1)\", \"name=string(\\\"Ann\\\")\"]"))
    #expect(graph.contains("rel 0 KNOWS 0->1"))
    #expect(graph.contains("rel 1 LIKES 1->0"))
    #expect(graph.last == "indexes [\"Actor_id\", \"Person_id\"]")
  }

  @Test func badRowExitsOneAndLeavesTheDatabaseAlone() throws {
    let dir = try TemporaryDirectory()
    try files(dir)
    let first = try CLI.run(["import", "--db", "g.kzdb", "--nodes=Person", "persons.csv"], in: dir.path)
    #expect(first.status == 0)
    let before = try snapshot(dir.path + "/g.kzdb")
    let result = try CLI.run(
      ["import", "--db", "g.kzdb", "--nodes=Person", "persons.csv", "--relationships=KNOWS", "bad.csv"],
      in: dir.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.csv, line 3"), "\(result.stderr)")
    #expect(result.stderr.contains("unknown node id '99'"))
    #expect(result.stdout.isEmpty)
    #expect(try snapshot(dir.path + "/g.kzdb") == before)
  }

  /// A file that can be read only once (a pipe, a process substitution)
  /// streams through the general path instead of the reopening fast path.
  @Test func relationshipsFromAPipe() throws {
    let dir = try TemporaryDirectory()
    try files(dir)
    let result = try CLI.run(
      [
        "import", "--db", "g.kzdb", "--id-type", "integer", "--nodes=Person", "persons.csv",
        "--relationships=KNOWS", "/dev/stdin",
      ], stdin: ":START_ID,:END_ID,since:int\n1,2,2001\n2,1,2002\n", in: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Imported 2 nodes and 2 relationships"), "\(result.stdout)")
    let graph = try snapshot(dir.path + "/g.kzdb")
    #expect(graph.contains("rel 0 KNOWS 0->1"), "\(graph)")
    #expect(graph.contains("rel 1 KNOWS 1->0"), "\(graph)")
  }

  @Test func failedImportIntoANewDirectoryLeavesNoDatabaseBehind() throws {
    let dir = try TemporaryDirectory()
    try files(dir)
    let result = try CLI.run(
      ["import", "--db", "new.kzdb", "--nodes=Person", "persons.csv", "--relationships=KNOWS", "bad.csv"],
      in: dir.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.csv, line 3"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/new.kzdb"))
    // An existing empty directory stays, as it was.
    try FileManager.default.createDirectory(
      atPath: dir.path + "/empty.kzdb", withIntermediateDirectories: false)
    let again = try CLI.run(
      ["import", "--db", "empty.kzdb", "--nodes=Person", "persons.csv", "--relationships=KNOWS", "bad.csv"],
      in: dir.path)
    #expect(again.status == 1)
    #expect(FileManager.default.fileExists(atPath: dir.path + "/empty.kzdb"))
  }

  #if os(Linux)
    /// On a terminal the import draws a bar with the rate and the ETA on
    /// standard error; into a pipe it prints only the summary.
    @Test func progressBarOnATerminalOnly() throws {
      let dir = try TemporaryDirectory()
      var persons = "id:ID,name\n"
      for i in 0..<140_000 { persons += "\(i),p\(i)\n" }
      try dir.write("many.csv", persons)
      try dir.write("edges.csv", ":START_ID,:END_ID\n0,1\n1,2\n")
      let arguments = [
        "import", "--db", "g.kzdb", "--id-type", "integer", "--nodes=Person", "many.csv",
        "--relationships=KNOWS", "edges.csv",
      ]
      let (status, terminal, stdout) = try Self.runOnTerminal(arguments, in: dir.path)
      #expect(status == 0, "\(terminal)")
      #expect(stdout.contains("Imported 140000 nodes and 2 relationships"), "\(stdout)")
      #expect(terminal.contains("many.csv (1/2)"), "\(terminal)")
      #expect(terminal.contains("rows/s"))
      #expect(terminal.contains("ETA "))
      #expect(terminal.contains("100%"))
      #expect(terminal.contains("\r\u{1B}[K"), "each redraw replaces the line")
      let piped = try CLI.run(arguments.map { $0 == "g.kzdb" ? "h.kzdb" : $0 }, in: dir.path)
      #expect(piped.status == 0)
      #expect(piped.stderr.isEmpty, "\(piped.stderr)")
      #expect(piped.stdout.hasPrefix("Imported 140000 nodes and 2 relationships in "))
    }

    /// Runs kizuna with standard error on a pseudo-terminal (standard output
    /// on a pipe); returns what each received.
    private static func runOnTerminal(_ arguments: [String], in directory: String) throws
      -> (Int32, String, String)
    {
      // A pseudo-terminal pair from /dev/ptmx: unlock the other side, then
      // ask for its number (TIOCSPTLCK and TIOCGPTN, as on every Linux).
      let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
      try #require(master >= 0)
      defer { close(master) }
      var unlock: Int32 = 0
      var number: UInt32 = 0
      try #require(ioctl(master, UInt(0x4004_5431), &unlock) == 0)
      try #require(ioctl(master, UInt(0x8004_5430), &number) == 0)
      let name = "/dev/pts/\(number)"
      let slaveDescriptor = open(name, O_RDWR | O_NOCTTY)
      try #require(slaveDescriptor >= 0)
      let slave = FileHandle(fileDescriptor: slaveDescriptor, closeOnDealloc: true)
      let process = Process()
      process.executableURL = try CLI.binary()
      process.arguments = arguments
      process.currentDirectoryURL = URL(fileURLWithPath: directory)
      let out = Pipe()
      process.standardOutput = out
      process.standardError = slave
      try process.run()
      try slave.close()
      // Reading the master ends with EIO once the last slave descriptor closes.
      let screen = DrainDescriptor(master)
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (
        process.terminationStatus, String(decoding: screen.wait(), as: UTF8.self),
        String(decoding: stdout, as: UTF8.self)
      )
    }

  #endif

  @Test func missingFileIsAUsageErrorAndCreatesNothing() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["import", "--db", "g.kzdb", "--nodes=Person", "nope.csv"], in: dir.path)
    #expect(result.status != 0)
    #expect(result.stderr.contains("no such file: nope.csv"))
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/g.kzdb"))
  }

  @Test func missingFileExitsTwo() throws {
    let dir = try TemporaryDirectory()
    let result = try CLI.run(["import", "--db", "g.kzdb", "--nodes=Person", "nope.csv"], in: dir.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains("no such file: nope.csv"))
    #expect(result.stderr.contains("kizuna import"), "the usage shown is the import command's")
  }

  @Test func unknownFlagExitsTwo() throws {
    let dir = try TemporaryDirectory()
    try files(dir)
    let result = try CLI.run(
      ["import", "--db", "g.kzdb", "--bogus", "--nodes=Person", "persons.csv"], in: dir.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown option '--bogus'"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/g.kzdb"))
  }

  @Test(arguments: [
    (["import", "--db", "g.kzdb"], "nothing to import"),
    (["import", "--db", "g.kzdb", "--id-type", "integer"], "nothing to import"),
    (["import", "--nodes=Person", "persons.csv"], "--db"),
    (["import", "--db", "g.kzdb", "--nodes=Person"], "--nodes=Person needs a file"),
    (["import", "--db", "g.kzdb", "--nodes", "--relationships", "knows.csv"], "--nodes needs a file"),
    (["import", "--db", "g.kzdb", "persons.csv"], "unexpected argument 'persons.csv'"),
    (["import", "--db", "g.kzdb", "--nodes=", "persons.csv"], "--nodes="),
    (["import", "--db", "g.kzdb", "--id-type", "float", "--nodes", "persons.csv"], "float"),
  ])
  func badUsageExitsTwo(arguments: [String], message: String) throws {
    let dir = try TemporaryDirectory()
    try files(dir)
    let result = try CLI.run(arguments, in: dir.path)
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/g.kzdb"))
  }

  @Test func bothFlagFormsAndEqualsValuesWork() throws {
    let dir = try TemporaryDirectory()
    try files(dir)
    let result = try CLI.run(
      [
        "import", "--nodes", "persons.csv", "--db=g.kzdb", "--id-type=integer", "--relationships=KNOWS",
        "knows.csv",
      ], in: dir.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try snapshot(dir.path + "/g.kzdb").first == "2 nodes, 1 relationships")
  }

  @Test func debugCommandIsHiddenFromHelp() throws {
    let help = try CLI.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("import"))
    #expect(!help.stdout.contains("debug"))
    let dir = try TemporaryDirectory()
    let loop = try CLI.run(["debug", "commit-loop", "--db", dir.path + "/d.kzdb", "--count", "3"])
    #expect(loop.status == 0)
    #expect(loop.stdout == "ack 1\nack 2\nack 3\n")
    let again = try CLI.run(["debug", "commit-loop", "--db", dir.path + "/d.kzdb", "--count", "1"])
    #expect(again.stdout == "ack 4\n")
  }
}

/// Reads a descriptor on a background thread until end of file or an error
/// (a pseudo-terminal's master reports EIO when the other side closes).
final class DrainDescriptor: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ fd: Int32) {
    Thread {
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        self.data.append(contentsOf: buffer[0..<n])
      }
      self.done.signal()
    }.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
