/// Reading `wal.log` back on open: which records are intact, what is the
/// torn tail of an interrupted commit (dropped), and what is damage (an
/// error: dropping it would lose committed transactions).
extension WriteAheadLog {
  struct Recovered {
    var records: [Record] = []
    /// Where the intact records end: the log's size after recovery.
    var intactEnd: Int
    var droppedTailBytes = 0
    /// The file is empty, or holds only the start of a header: write one.
    var needsHeader = false
  }

  /// What the bytes of a log hold; throws for anything but intact records
  /// followed by at most a torn tail.
  static func recover(_ bytes: [UInt8], path: String) throws -> Recovered {
    let headerSize = magic.count
    // Empty, or the header write of a new or just-emptied log was cut
    // short: both only ever happen when no record is needed (creation, or
    // a checkpoint whose snapshot is already durable).
    if bytes.count < headerSize && bytes.elementsEqual(magic.prefix(bytes.count)) {
      return Recovered(intactEnd: headerSize, needsHeader: true)
    }
    guard bytes.count >= headerSize else {
      throw StoreError(
        .storage,
        "\(path): not a Kizuna log (\(bytes.count) bytes, shorter than the \(headerSize)-byte header)")
    }
    guard bytes[0..<headerSize - 1].elementsEqual(magic.prefix(headerSize - 1)) else {
      throw StoreError(.storage, "\(path): not a Kizuna log (bad header at offset 0)")
    }
    let fileVersion = bytes[headerSize - 1]
    if fileVersion == 1 && bytes.count == headerSize {
      // An empty log of the previous format holds nothing to convert.
      return Recovered(intactEnd: headerSize, needsHeader: true)
    }
    guard fileVersion == version else {
      throw StoreError(
        .storage,
        "\(path): unsupported log format version \(fileVersion) (this build reads version \(version)). Open the database with the build that wrote it and run a checkpoint, or move the log away to open the last checkpoint."
      )
    }
    var out = Recovered(intactEnd: headerSize)
    var offset = headerSize
    scan: while offset < bytes.count {
      switch frameStatus(bytes, at: offset) {
      case .intact(let sequence, let payload):
        out.records.append(try decode(bytes, payload, sequence: sequence, recordOffset: offset, path: path))
        offset = payload.upperBound
        out.intactEnd = offset
      case .torn:
        break scan
      case .damagedHeader:
        if let next = nextIntactRecord(bytes, after: offset) {
          throw damaged(
            path, offset, "header checksum mismatch, and an intact record follows at offset \(next)")
        }
        break scan
      case .damagedPayload(let end):
        if end < bytes.count { throw damaged(path, offset, "checksum mismatch") }
        break scan
      }
    }
    // What is left is the last append, cut short by a crash: that
    // transaction never committed, so its bytes go.
    out.droppedTailBytes = bytes.count - out.intactEnd
    return out
  }

  enum FrameStatus {
    case intact(sequence: UInt64, payload: Range<Int>)
    /// Too few bytes left for a header, or an intact header whose payload
    /// runs past the end of the file.
    case torn
    case damagedHeader
    /// An intact header, a payload that fails its checksum.
    case damagedPayload(end: Int)
  }

  static func frameStatus(_ bytes: [UInt8], at offset: Int) -> FrameStatus {
    guard bytes.count - offset >= recordHeaderSize else { return .torn }
    let headerCRC = CRC32C.checksum(bytes, offset..<offset + 16)
    var header = ByteReader(bytes, from: offset, to: offset + recordHeaderSize)
    // Bounds were checked above, so the reads cannot fail.
    guard let length = try? Int(header.u32()), let payloadCRC = try? header.u32(),
      let sequence = try? header.u64(), let storedHeaderCRC = try? header.u32()
    else { return .torn }
    guard storedHeaderCRC == headerCRC else { return .damagedHeader }
    let start = offset + recordHeaderSize
    guard length <= bytes.count - start else { return .torn }
    let payload = start..<start + length
    guard CRC32C.checksum(bytes, payload) == payloadCRC else {
      return .damagedPayload(end: payload.upperBound)
    }
    return .intact(sequence: sequence, payload: payload)
  }

  /// The offset of the first intact record starting after `offset`, if any:
  /// what tells damage in the middle of the log from a torn tail.
  static func nextIntactRecord(_ bytes: [UInt8], after offset: Int) -> Int? {
    var at = offset + 1
    while bytes.count - at >= recordHeaderSize {
      if case .intact = frameStatus(bytes, at: at) { return at }
      at += 1
    }
    return nil
  }

  private static func decode(
    _ bytes: [UInt8], _ payload: Range<Int>, sequence: UInt64, recordOffset: Int, path: String
  ) throws -> Record {
    do {
      var r = ByteReader(bytes, from: payload.lowerBound, to: payload.upperBound)
      let n = try r.count()
      var changes: [GraphChange] = []
      changes.reserveCapacity(n)
      for _ in 0..<n { changes.append(try r.change()) }
      guard r.isAtEnd else { throw ByteReader.Truncated(offset: r.offset) }
      return Record(sequence: sequence, changes: changes, offset: recordOffset)
    } catch {
      throw StoreError(
        .storage, "\(path): record at offset \(recordOffset) passes its checksum but cannot be decoded")
    }
  }

  private static func damaged(_ path: String, _ offset: Int, _ why: String) -> StoreError {
    StoreError(
      .storage,
      "\(path): damaged record at offset \(offset) (\(why)); the database cannot be opened safely. Restore from a backup, or move the log away to open the last checkpoint."
    )
  }
}
