import ArgumentParser
import Foundation
import KizunaStore

/// Hidden tools for tests: `kizuna debug commit-loop` is what the crash
/// test kills mid-write.
struct DebugCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "debug",
    abstract: "Tools for testing the store (not for everyday use).",
    shouldDisplay: false,
    subcommands: [CommitLoop.self]
  )

  /// Commits numbered two-node transactions, acknowledging each on stdout
  /// once it is durable, so a parent process can kill it at any moment and
  /// check that every acknowledged transaction survived whole.
  struct CommitLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "commit-loop",
      abstract: "Commit (:Tick {n, half: 1})-[:NEXT]->(:Tick {n, half: 2}) transactions, printing 'ack <n>'.")

    @Option(help: "The database directory (created when missing).")
    var db: String

    @Option(help: "How many transactions to commit.")
    var count = 1000

    @Option(name: .customLong("checkpoint-bytes"), help: "Checkpoint once the log is larger than this.")
    var checkpointBytes: Int?

    func run() throws {
      let database: Database
      do { database = try Database.open(path: db) } catch let e as StoreError { throw CLIFailure(e.message) }
      if let checkpointBytes { database.checkpointThreshold = checkpointBytes }
      // Continue after what an earlier (killed) run left, so n stays a contiguous prefix.
      let first = database.read(Self.highestTick) + 1
      for n in first..<(first + max(0, count)) {
        try database.write { tx in
          let tick = tx.labelID("Tick"), key = tx.keyID("n"), half = tx.keyID("half")
          let a = try tx.createNode(labels: [tick], properties: [(key, .int(Int64(n))), (half, .int(1))])
          let b = try tx.createNode(labels: [tick], properties: [(key, .int(Int64(n))), (half, .int(2))])
          try tx.createRelationship(type: tx.typeID("NEXT"), start: a, end: b, properties: [])
        }
        // Unbuffered, so the parent sees the ack as soon as the commit returned.
        FileHandle.standardOutput.write(Data("ack \(n)\n".utf8))
      }
    }

    private static func highestTick(_ store: GraphStore) -> Int {
      guard let tick = store.labels.id(of: "Tick"), let key = store.keys.id(of: "n") else { return 0 }
      var highest = 0
      for node in store.nodes(withLabel: tick) {
        if case .int(let n)? = store.nodeProperty(Int(node), key) { highest = max(highest, Int(n)) }
      }
      return highest
    }
  }
}
