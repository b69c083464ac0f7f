import Foundation

extension CLI {
  /// Runs `kizuna arguments...` with `input` on its standard input (a pipe,
  /// so the command sees no terminal), to completion. `environment` entries
  /// are added to the test's own.
  static func run(
    _ arguments: [String], stdin input: String, in directory: String? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let inPipe = Pipe(), out = Pipe(), err = Pipe()
    process.standardInput = inPipe
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errData = ReadAll(err.fileHandleForReading)
    let outData = ReadAll(out.fileHandleForReading)
    // Written after the readers started, so a large script cannot fill the pipes both ways.
    let writer = inPipe.fileHandleForWriting
    try? writer.write(contentsOf: Data(input.utf8))
    try? writer.close()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData.wait(), as: UTF8.self),
      stderr: String(decoding: errData.wait(), as: UTF8.self))
  }
}
