import Foundation
import Kizuna

/// The shell without a line editor: reads standard input line by line (a
/// piped script, or a terminal that cannot do raw mode), runs each
/// statement and command as soon as it is complete, and says whether all
/// of them succeeded.
struct ScriptShell {
  let session: ShellSession
  let output: ShellOutput
  /// Prompts for a terminal without line editing; nil for a script.
  let prompts: (first: String, continuation: String)?
  /// Stop at the first failure instead of running the rest.
  let stopAtFailure: Bool

  func run() -> Bool {
    var reader = ShellInputReader()
    var succeeded = true
    func runAll(_ inputs: [ShellInput]) -> Bool {
      for input in inputs {
        var quit = false
        let ok = session.run(input) { event in
          if case .quit = event { quit = true }
          output.show(event, in: session)
        }
        succeeded = succeeded && ok
        if quit || (!ok && stopAtFailure) { return false }
      }
      return true
    }
    while true {
      if let prompts {
        FileHandle.standardOutput.write(
          Data((reader.isInsideStatement ? prompts.continuation : prompts.first).utf8))
      }
      guard let line = readLine(strippingNewline: true) else {
        // Ctrl-D at a prompt: end the prompt's line.
        if prompts != nil { FileHandle.standardOutput.write(Data("\n".utf8)) }
        break
      }
      if !runAll(reader.add(line: line)) { return succeeded }
    }
    _ = runAll(reader.finish())
    return succeeded
  }
}
