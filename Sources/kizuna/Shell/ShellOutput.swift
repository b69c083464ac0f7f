import Foundation
import Kizuna
import KizunaCypher

/// Prints what the shell produced: results on standard output in the
/// session's format, errors on standard error with the line they point at.
/// At the prompt, confirmations go to standard output (dimmed); in a script
/// they go to standard error, so standard output holds only results.
struct ShellOutput {
  let interactive: Bool
  let color: Bool

  func show(_ event: ShellEvent, in session: ShellSession) {
    switch event {
    case .result(let result):
      let printer = ResultPrinter(format: Self.printerFormat(session.format))
      printer.showsTiming = session.showsTiming
      printer.print(result)
      printer.flush()
    case .failure(let error, let statement):
      if session.format == .json {
        let printer = ResultPrinter(format: .json)
        printer.print(error)
        printer.flush()
        return
      }
      // After the ^C the terminal echoed, start a line of its own.
      let start = interactive && error.detail == "Cancelled" ? "\n" : ""
      var lines = [start + paint("\(error.type.rawValue) (\(error.detail)):", "1;31") + " " + error.message]
      if let line = error.line, let column = error.column {
        lines += ErrorExcerpt.lines(source: statement.positionedText, line: line, column: column)
      }
      printError(lines.joined(separator: "\n"))
    case .text(let text):
      FileHandle.standardOutput.write(Data((text + "\n").utf8))
    case .note(let text):
      if interactive {
        FileHandle.standardOutput.write(Data((paint(text, "2") + "\n").utf8))
      } else {
        printError(text)
      }
    case .problem(let text):
      printError(paint("error:", "1;31") + " " + text)
    case .quit:
      break
    }
  }

  private func paint(_ text: String, _ style: String) -> String {
    color ? "\u{1B}[\(style)m" + text + "\u{1B}[0m" : text
  }

  static func printerFormat(_ format: ShellFormat) -> ResultPrinter.Format {
    switch format {
    case .table: return .table
    case .json: return .json
    case .csv: return .csv
    }
  }

  /// Colour only on terminals, and never when NO_COLOR is set.
  static var colorWanted: Bool {
    let environment = ProcessInfo.processInfo.environment
    return isatty(2) != 0 && isatty(1) != 0 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }
}
