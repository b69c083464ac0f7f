#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin, throwing wrappers over POSIX file calls; every error names the file.
enum FileIO {
  static func error(_ what: String, _ path: String) -> StoreError {
    StoreError(.storage, "\(path): \(what) failed: \(String(cString: strerror(errno)))")
  }

  static func readAll(_ path: String) throws -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw error("open", path)
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw error("stat", path) }
    let size = Int(st.st_size)
    var out = [UInt8](repeating: 0, count: size)
    var done = 0
    try out.withUnsafeMutableBytes { buf in
      while done < size {
        let n = read(fd, buf.baseAddress.map { $0 + done }, size - done)
        if n < 0 {
          if errno == EINTR { continue }
          throw error("read", path)
        }
        if n == 0 { break }
        done += n
      }
    }
    if done < size { out.removeLast(size - done) }
    return out
  }

  /// Calls `body` with the file's bytes mapped read-only (no copy into the
  /// heap); nil when the file does not exist. The mapping is gone after
  /// `body` returns, so nothing may keep pointers into it.
  static func withMappedFile<R>(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
    let fd = open(path, O_RDONLY)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw error("open", path)
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw error("stat", path) }
    let size = Int(st.st_size)
    if size == 0 { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    #if canImport(Glibc)
      let flags = MAP_PRIVATE | MAP_POPULATE
    #else
      let flags = MAP_PRIVATE
    #endif
    guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else {
      throw error("mmap", path)
    }
    defer { munmap(base, size) }
    return try body(UnsafeRawBufferPointer(start: base, count: size))
  }

  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ path: String) throws {
    var done = 0
    while done < bytes.count {
      let n = write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        throw error("write", path)
      }
      done += n
    }
  }

  static func fsyncDirectory(_ dir: String) throws {
    let fd = open(dir, O_RDONLY)
    guard fd >= 0 else { throw error("open", dir) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw error("fsync", dir) }
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// The directory holding `path` ("." for a bare name).
  static func parent(of path: String) -> String {
    var path = Substring(path)
    while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func makeDirectory(_ path: String) throws {
    if mkdir(path, 0o755) == 0 {
      // Make the new directory's entry durable too (best effort: the
      // parent may not be readable, and the log fsyncs what it holds).
      let fd = open(parent(of: path), O_RDONLY)
      if fd >= 0 {
        _ = fsync(fd)
        close(fd)
      }
    } else if errno != EEXIST {
      throw error("mkdir", path)
    }
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
      throw StoreError(.storage, "\(path) exists and is not a database directory")
    }
  }
}
