import Foundation
import KizunaStore
import Testing

/// Kills a committing `kizuna debug commit-loop` child with SIGKILL at
/// random moments and checks that recovery keeps exactly the committed
/// transactions: every acknowledged one, whole, and nothing half applied.
@Suite struct CrashRecoveryTests {
  @Test func killedWriterLosesNoAcknowledgedTransaction() throws {
    let dir = try TemporaryDirectory()
    var rng = SplitMix64(seed: 0x4B_495A_554E_41)
    var highestAcked = 0
    var survived = 0  // the highest n in the database before the round
    var killsDuringWork = 0
    let started = Date()
    for round in 0..<25 {
      // Every fifth round starts over, so kills also land on young databases.
      let db = dir.path + "/crash-\(round / 5).kzdb"
      if round % 5 == 0 { (highestAcked, survived) = (0, 0) }
      let process = Process()
      process.executableURL = try CLI.binary()
      process.arguments = [
        "debug", "commit-loop", "--db", db, "--count", "100000", "--checkpoint-bytes", "2048",
      ]
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      try process.run()
      let acks = ReadAll(out.fileHandleForReading)
      usleep(UInt32.random(in: 20_000...250_000, using: &rng))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal, "round \(round): the child exited on its own")
      let acked = Self.acknowledged(acks.wait())
      if let last = acked.last {
        #expect(acked == Array((survived + 1)...last), "round \(round): acks out of order: \(acked)")
        highestAcked = last
        killsDuringWork += 1
      }
      let problems: [String]
      (problems, survived) = try Self.verify(db, mustContain: highestAcked)
      #expect(problems.isEmpty, "round \(round): \(problems)")
      if !problems.isEmpty { break }
    }
    #expect(killsDuringWork >= 15, "most kills should land after the child started committing")
    #expect(Date().timeIntervalSince(started) < 30)
  }

  /// The numbers in complete `ack <n>` lines (a line cut by the kill is ignored).
  private static func acknowledged(_ data: Data) -> [Int] {
    let text = String(decoding: data, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines.removeLast()  // after the final newline, or a torn line
    return lines.compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
  }

  /// Reopens the database and lists what is wrong with it, if anything.
  /// Also returns the highest n found.
  private static func verify(_ path: String, mustContain acked: Int) throws -> ([String], Int) {
    guard FileManager.default.fileExists(atPath: path + "/wal.log") else {
      return (acked == 0 ? [] : ["acked \(acked) transactions but the database has no log"], 0)
    }
    let db = try Database.open(path: path)
    return db.read { s in
      var problems: [String] = []
      guard let tick = s.labels.id(of: "Tick"), let n = s.keys.id(of: "n"), let half = s.keys.id(of: "half")
      else { return (acked == 0 ? [] : ["acked \(acked) transactions but no Tick exists"], 0) }
      var halves: [Int: [Int: NodeID]] = [:]
      for node in s.nodes(withLabel: tick) {
        guard case .int(let i)? = s.nodeProperty(Int(node), n),
          case .int(let h)? = s.nodeProperty(Int(node), half)
        else {
          problems.append("node \(node) lacks n or half")
          continue
        }
        if halves[Int(i), default: [:]][Int(h)] != nil { problems.append("n = \(i) half \(h) twice") }
        halves[Int(i), default: [:]][Int(h)] = Int(node)
      }
      let present = halves.keys.sorted()
      if present != Array(1..<(present.count + 1)) {
        problems.append("n values are not a contiguous prefix: \(present.prefix(5))...\(present.suffix(5))")
      }
      if (present.last ?? 0) < acked {
        problems.append("acked \(acked) but only \(present.last ?? 0) survived")
      }
      for (i, pair) in halves {
        guard let a = pair[1], let b = pair[2] else {
          problems.append("n = \(i) is half applied: \(pair)")
          continue
        }
        var joined = false
        s.forEachRelationship(of: a, direction: .outgoing) { other, _ in joined = joined || other == b }
        if !joined { problems.append("n = \(i) has both nodes but no relationship") }
      }
      if s.liveNodeCount != 2 * halves.count || s.liveRelationshipCount != halves.count {
        problems.append(
          "\(s.liveNodeCount) nodes and \(s.liveRelationshipCount) relationships for \(halves.count) ticks")
      }
      return (problems, present.last ?? 0)
    }
  }
}
