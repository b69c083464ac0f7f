import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Signal handlers cannot capture anything, so what they touch is global.
nonisolated(unsafe) private var terminalAtStart = termios()
private let rawModeIsOn = Atomic<Bool>(false)
private let windowWasResized = Atomic<Bool>(false)
private let interruptPipe = Atomic<Int32>(-1)
private let leaveBracketedPaste: [UInt8] = Array("\u{1B}[?2004l".utf8)

/// Standard input and output of a terminal in raw mode: every key arrives
/// as it is pressed, nothing is echoed, Ctrl-C is a byte instead of a
/// signal. Output post-processing stays on, so `\n` still starts a line.
/// The settings from before are put back on `restore()`, and by the signal
/// handlers if the process is terminated.
final class RawTerminal {
  private var original = termios()

  /// nil when standard input is not a terminal.
  init?() {
    guard isatty(0) != 0, tcgetattr(0, &original) == 0 else { return nil }
    terminalAtStart = original
    _ = leaveBracketedPaste.count
  }

  enum Input {
    case bytes([UInt8])
    case timedOut
    /// A signal arrived (a window resize); nothing was read.
    case interrupted
    case ended
  }

  func enterRawMode() {
    var raw = original
    raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
    raw.c_cflag |= tcflag_t(CS8)
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    // TCSADRAIN, not TCSAFLUSH: keys typed while a statement ran are kept.
    tcsetattr(0, TCSADRAIN, &raw)
    rawModeIsOn.store(true, ordering: .sequentiallyConsistent)
    send("\u{1B}[?2004h")
  }

  func restore() {
    guard rawModeIsOn.exchange(false, ordering: .sequentiallyConsistent) else { return }
    send("\u{1B}[?2004l")
    tcsetattr(0, TCSADRAIN, &original)
  }

  /// Columns of the terminal (80 when it cannot tell).
  var width: Int {
    var size = winsize()
    for descriptor: Int32 in [1, 0, 2]
    where ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return 80
  }

  /// Rows of the terminal (24 when it cannot tell).
  var height: Int {
    var size = winsize()
    for descriptor: Int32 in [1, 0, 2]
    where ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 {
      return Int(size.ws_row)
    }
    return 24
  }

  /// Whether the window changed size since the last call.
  func takeResize() -> Bool { windowWasResized.exchange(false, ordering: .relaxed) }

  /// Waits for input, at most `milliseconds` (-1: for ever).
  func readInput(waiting milliseconds: Int32) -> Input {
    var request = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    let ready = poll(&request, 1, milliseconds)
    if ready < 0 { return errno == EINTR ? .interrupted : .ended }
    if ready == 0 { return .timedOut }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
    if count < 0 { return errno == EINTR || errno == EAGAIN ? .interrupted : .ended }
    if count == 0 { return .ended }
    return .bytes(Array(buffer[..<count]))
  }

  func send(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Stops the process as Ctrl-Z would, with the terminal as it was; raw
  /// mode comes back when the shell is continued (`fg`).
  func suspend() {
    restore()
    kill(getpid(), SIGTSTP)
    enterRawMode()
  }

  /// Termination signals put the terminal back before the process ends;
  /// window changes are noted for the editor to lay out the entry again.
  static func installSignalHandlers() {
    for number in [SIGTERM, SIGHUP, SIGQUIT] {
      _ = signal(number) { received in
        if rawModeIsOn.load(ordering: .relaxed) {
          leaveBracketedPaste.withUnsafeBytes { _ = write(1, $0.baseAddress, $0.count) }
          tcsetattr(0, TCSANOW, &terminalAtStart)
        }
        signal(received, SIG_DFL)
        raise(received)
      }
    }
    _ = signal(SIGWINCH) { _ in windowWasResized.store(true, ordering: .relaxed) }
  }

  /// Ctrl-C while a statement runs (the terminal is not in raw mode then,
  /// so it is SIGINT): `action` is called on a thread of its own, since a
  /// signal handler may do next to nothing.
  static func onInterrupt(_ action: @escaping @Sendable () -> Void) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return }
    interruptPipe.store(ends[1], ordering: .sequentiallyConsistent)
    let readEnd = ends[0]
    _ = signal(SIGINT) { _ in
      var byte: UInt8 = 1
      _ = write(interruptPipe.load(ordering: .relaxed), &byte, 1)
    }
    let watcher = Thread {
      var byte: UInt8 = 0
      while true {
        let count = read(readEnd, &byte, 1)
        if count > 0 {
          action()
        } else if count == 0 || errno != EINTR {
          return
        }
      }
    }
    watcher.start()
  }
}
