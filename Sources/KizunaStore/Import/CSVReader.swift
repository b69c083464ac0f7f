#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming RFC 4180 CSV reader over UTF-8 bytes.
///
/// Reads its source in large chunks into one reusable buffer, so memory stays
/// bounded by the chunk size (or the longest record) whatever the file size.
/// Records are read one at a time with `nextRecord()`; the current record's
/// fields are then read with `withField(_:_:)`, `string(_:)`, `int64(_:)`,
/// `double(_:)` and `bool(_:)` without allocating per field.
///
/// Accepted input: an optional UTF-8 byte order mark, LF, CRLF or lone CR line
/// ends, quoted fields holding delimiters, line breaks and doubled quotes (`""`).
/// Blank lines between records are skipped. A field's bytes are only checked
/// for valid UTF-8 when read as a string.
///
/// ```swift
/// var reader = try CSVReader(path: "knows.csv")
/// while try reader.nextRecord() {
///   let start = try reader.int64(0)
/// }
/// ```
public struct CSVReader: ~Copyable {
  /// The default size of one read from the source: 4 MiB.
  public static let defaultChunkSize = 4 << 20

  /// The name errors use for the source: the path unless another was given.
  public let name: String
  /// The field separator byte (`,` unless configured).
  public let delimiter: UInt8
  /// How many fields the current record has (0 before the first record and at the end).
  public internal(set) var fieldCount = 0
  /// The 1-based line on which the current record starts; line breaks inside
  /// quoted fields count, so this matches what an editor shows.
  public internal(set) var line = 0
  /// Bytes taken from the source so far (progress reporting).
  public internal(set) var bytesRead = 0

  // The buffer holds source bytes [0, dataEnd) plus one sentinel byte at
  // dataEnd, so the unquoted-field scan needs no bounds check per byte.
  @usableFromInline var buffer: UnsafeMutablePointer<UInt8>
  var capacity: Int
  var dataEnd = 0
  /// The first byte not yet consumed by a record.
  var position = 0
  /// The line number at `position`.
  var nextLine = 1
  var atEOF = false
  var startPending = true
  /// The fields of the current record, as offsets into `buffer`.
  @usableFromInline var spans: UnsafeMutablePointer<CSVFieldSpan>
  var spanCapacity: Int
  /// 256 entries classifying each byte value (see `CSVByteClass`).
  let byteClasses: UnsafeMutablePointer<UInt8>

  // Exactly one source: a file descriptor, or bytes in memory.
  let fileDescriptor: Int32
  let memory: [UInt8]
  var memoryOffset = 0

  /// Opens the file at `path` for reading.
  ///
  /// - Parameters:
  ///   - name: what errors call the file; defaults to `path`.
  ///   - delimiter: the field separator; not `"`, CR or LF.
  ///   - chunkSize: bytes read at a time; the buffer grows beyond it only
  ///     for a record longer than a chunk.
  public init(
    path: String, name: String? = nil, delimiter: UInt8 = UInt8(ascii: ","),
    chunkSize: Int = CSVReader.defaultChunkSize
  ) throws(CSVError) {
    let displayName = name ?? path
    try Self.checkDelimiter(delimiter, name: displayName)
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw CSVError(
        file: displayName, line: 0, kind: .io, reason: "cannot open file: \(Self.systemError())")
    }
    self.init(
      name: displayName, delimiter: delimiter, chunkSize: chunkSize, fileDescriptor: descriptor,
      memory: [])
  }

  /// Reads CSV from bytes in memory, the same way as from a file (chunk by
  /// chunk, so tests can exercise records that straddle chunks).
  public init(
    bytes: [UInt8], name: String, delimiter: UInt8 = UInt8(ascii: ","),
    chunkSize: Int = CSVReader.defaultChunkSize
  ) throws(CSVError) {
    try Self.checkDelimiter(delimiter, name: name)
    self.init(name: name, delimiter: delimiter, chunkSize: chunkSize, fileDescriptor: -1, memory: bytes)
  }

  private init(name: String, delimiter: UInt8, chunkSize: Int, fileDescriptor: Int32, memory: [UInt8]) {
    self.name = name
    self.delimiter = delimiter
    self.fileDescriptor = fileDescriptor
    self.memory = memory
    capacity = max(1, chunkSize)
    buffer = .allocate(capacity: capacity + 1)
    buffer[0] = CSVByte.lf
    spanCapacity = 16
    spans = .allocate(capacity: spanCapacity)
    byteClasses = .allocate(capacity: 256)
    byteClasses.initialize(repeating: CSVByteClass.plain, count: 256)
    byteClasses[Int(delimiter)] = CSVByteClass.delimiter
    byteClasses[Int(CSVByte.quote)] = CSVByteClass.quote
    byteClasses[Int(CSVByte.lf)] = CSVByteClass.lineFeed
    byteClasses[Int(CSVByte.cr)] = CSVByteClass.carriageReturn
  }

  deinit {
    buffer.deallocate()
    spans.deallocate()
    byteClasses.deallocate()
    if fileDescriptor >= 0 { close(fileDescriptor) }
  }

  /// Moves to the next record; false at the end of the input.
  ///
  /// Field contents read before this call are no longer valid after it.
  /// After a thrown error the reader stays on the bad record: calling again
  /// throws the same error.
  public mutating func nextRecord() throws(CSVError) -> Bool {
    if startPending { try skipByteOrderMark() }
    while true {
      switch try scanRecord() {
      case .record: return true
      case .end:
        fieldCount = 0
        return false
      case .needMore: try refill()
      }
    }
  }

  /// An error located at the current record, for callers that find a problem
  /// in its fields (for example a wrong field count).
  public func error(column: Int? = nil, kind: CSVError.Kind, _ reason: String) -> CSVError {
    CSVError(file: name, line: line, column: column, kind: kind, reason: reason)
  }

  private mutating func skipByteOrderMark() throws(CSVError) {
    startPending = false
    while dataEnd - position < 3 && !atEOF { try refill() }
    if dataEnd - position >= 3 && buffer[position] == 0xEF && buffer[position + 1] == 0xBB
      && buffer[position + 2] == 0xBF
    {
      position += 3
    }
  }

  /// Keeps the unconsumed bytes (a partial record), moved to the front, and
  /// reads more after them, growing the buffer when a record fills all of it.
  mutating func refill() throws(CSVError) {
    let kept = dataEnd - position
    if position > 0 {
      if kept > 0 { buffer.update(from: buffer + position, count: kept) }
      position = 0
      dataEnd = kept
    }
    if dataEnd == capacity {
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 1)
      grown.update(from: buffer, count: dataEnd)
      buffer.deallocate()
      buffer = grown
      capacity *= 2
    }
    let count = try readSource(into: buffer + dataEnd, maxCount: capacity - dataEnd)
    if count == 0 { atEOF = true }
    dataEnd += count
    bytesRead += count
    buffer[dataEnd] = CSVByte.lf
  }

  private mutating func readSource(into target: UnsafeMutablePointer<UInt8>, maxCount: Int) throws(CSVError)
    -> Int
  {
    if fileDescriptor < 0 {
      let count = min(maxCount, memory.count - memoryOffset)
      memory.withUnsafeBufferPointer { source in
        if let base = source.baseAddress, count > 0 {
          target.update(from: base + memoryOffset, count: count)
        }
      }
      memoryOffset += count
      return count
    }
    while true {
      let count = read(fileDescriptor, target, maxCount)
      if count >= 0 { return count }
      if errno != EINTR {
        throw CSVError(
          file: name, line: nextLine, kind: .io, reason: "cannot read file: \(Self.systemError())")
      }
    }
  }

  private static func checkDelimiter(_ delimiter: UInt8, name: String) throws(CSVError) {
    if delimiter == CSVByte.quote || delimiter == CSVByte.lf || delimiter == CSVByte.cr || delimiter >= 0x80 {
      throw CSVError(
        file: name, line: 0, kind: .io,
        reason: "the delimiter must be an ASCII character other than a quote or a line break")
    }
  }

  private static func systemError() -> String {
    String(cString: strerror(errno))
  }
}

/// Where one field of the current record lies in the reader's buffer.
@usableFromInline
struct CSVFieldSpan {
  @usableFromInline var start: Int
  @usableFromInline var end: Int
  /// The field was enclosed in quotes (so an empty one is an empty string, not a missing value).
  var quoted: Bool
  /// The quoted field held doubled quotes, still to be unescaped.
  var escaped: Bool
}

/// The bytes that structure CSV.
enum CSVByte {
  static let quote = UInt8(ascii: "\"")
  static let lf = UInt8(ascii: "\n")
  static let cr = UInt8(ascii: "\r")
}

/// Byte classes in the reader's lookup table; `plain` bytes are field content.
enum CSVByteClass {
  static let plain: UInt8 = 0
  static let delimiter: UInt8 = 1
  static let quote: UInt8 = 2
  static let lineFeed: UInt8 = 3
  static let carriageReturn: UInt8 = 4
}
