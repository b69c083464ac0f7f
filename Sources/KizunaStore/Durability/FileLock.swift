#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on `<db>/LOCK` holding the owner's process id, so a
/// second process gets "database is locked by process N" instead of two
/// writers corrupting one log. The kernel drops the lock when the process
/// dies, however it dies.
final class FileLock {
  private let fd: Int32

  /// The descriptor is stored only once the lock is held: a failed init
  /// closes it itself, and `deinit` (which runs only for a fully
  /// initialized object) closes it otherwise, so it is closed exactly once.
  init(directory: String) throws {
    let path = directory + "/LOCK"
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileIO.error("open", path) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      var buf = [UInt8](repeating: 0, count: 32)
      let n = pread(fd, &buf, 31, 0)
      close(fd)
      let pid = n > 0 ? String(decoding: buf[0..<n], as: UTF8.self).filter(\.isNumber) : "?"
      throw StoreError(.storage, "database \(directory) is locked by process \(pid)")
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    self.fd = fd
  }

  deinit { close(fd) }
}
