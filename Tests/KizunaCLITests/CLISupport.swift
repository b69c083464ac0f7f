import Foundation
import Testing

/// Finds and runs the built `kizuna` binary for end-to-end tests.
enum CLI {
  struct BinaryNotFound: Error, CustomStringConvertible {
    let searched: [String]
    var description: String {
      "the kizuna binary was not found; build it first with "
        + "`swift build --scratch-path <same scratch path> --product kizuna`. Looked in: "
        + searched.joined(separator: ", ")
    }
  }

  /// The `kizuna` executable next to the test bundle (`.build*/<config>/`),
  /// or the one named by `KIZUNA_BINARY`.
  static func binary() throws -> URL {
    if let explicit = ProcessInfo.processInfo.environment["KIZUNA_BINARY"] {
      return URL(fileURLWithPath: explicit)
    }
    var folders: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    var searched: [String] = []
    for folder in folders {
      let candidate = folder.appendingPathComponent("kizuna").standardizedFileURL
      if searched.contains(candidate.path) { continue }
      searched.append(candidate.path)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw BinaryNotFound(searched: searched)
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `kizuna arguments...` to completion.
  static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Drain stderr on another thread so a chatty child never blocks on a full pipe.
    let errData = ReadAll(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData.wait(), as: UTF8.self))
  }
}

/// Drains a pipe on a background thread.
final class ReadAll: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}

/// A fresh directory under the system temporary folder, removed when dropped.
final class TemporaryDirectory {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.path + "/kizuna-cli-test-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A small deterministic generator, so kill timings repeat run to run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
