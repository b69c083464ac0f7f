/// The binary form of storable values, shared by the log and the snapshot.
/// A tag byte, then the payload (see docs/storage-format.md).
enum ValueTag: UInt8 {
  case null = 0, falseValue, trueValue, int, float, string, list, map
  case date, localTime, time, localDateTime, dateTime, duration
}

extension ByteWriter {
  mutating func value(_ v: Value) {
    switch v {
    case .null: u8(ValueTag.null.rawValue)
    case .bool(let b): u8(b ? ValueTag.trueValue.rawValue : ValueTag.falseValue.rawValue)
    case .int(let i):
      u8(ValueTag.int.rawValue)
      signed(i)
    case .float(let d):
      u8(ValueTag.float.rawValue)
      u64(d.bitPattern)
    case .string(let s):
      u8(ValueTag.string.rawValue)
      string(s)
    case .list(let items):
      u8(ValueTag.list.rawValue)
      varint(UInt64(items.count))
      for item in items { value(item) }
    case .map(let entries):
      u8(ValueTag.map.rawValue)
      varint(UInt64(entries.count))
      for key in entries.keys.sorted() {
        string(key)
        value(entries[key] ?? .null)
      }
    case .date(let d):
      u8(ValueTag.date.rawValue)
      signed(d.epochDay)
    case .localTime(let t):
      u8(ValueTag.localTime.rawValue)
      signed(t.nanoOfDay)
    case .time(let t):
      u8(ValueTag.time.rawValue)
      signed(t.nanoOfDay)
      signed(Int64(t.offsetSeconds))
    case .localDateTime(let t):
      u8(ValueTag.localDateTime.rawValue)
      signed(t.date.epochDay)
      signed(t.time.nanoOfDay)
    case .dateTime(let t):
      u8(ValueTag.dateTime.rawValue)
      signed(t.local.date.epochDay)
      signed(t.local.time.nanoOfDay)
      signed(Int64(t.offsetSeconds))
      string(t.zoneName ?? "")
    case .duration(let d):
      u8(ValueTag.duration.rawValue)
      signed(d.months)
      signed(d.days)
      signed(d.seconds)
      signed(d.nanoseconds)
    case .node, .relationship, .path:
      // Callers check `isStorable` first; write null rather than trap.
      u8(ValueTag.null.rawValue)
    }
  }
}

extension ByteReader {
  struct BadTag: Error {
    let offset: Int
    let tag: UInt8
  }
}

/// The reads value decoding needs, shared by `ByteReader` (log records)
/// and `RawByteReader` (mapped snapshots).
protocol BinaryDecoding {
  var offset: Int { get }
  mutating func u8() throws -> UInt8
  mutating func u64() throws -> UInt64
  mutating func signed() throws -> Int64
  mutating func count() throws -> Int
  mutating func string() throws -> String
}

extension ByteReader: BinaryDecoding {}

extension BinaryDecoding {
  mutating func value(depth: Int = 0) throws -> Value {
    let at = offset
    let raw = try u8()
    guard let tag = ValueTag(rawValue: raw), depth < 512 else {
      throw ByteReader.BadTag(offset: at, tag: raw)
    }
    switch tag {
    case .null: return .null
    case .falseValue: return .bool(false)
    case .trueValue: return .bool(true)
    case .int: return .int(try signed())
    case .float: return .float(Double(bitPattern: try u64()))
    case .string: return .string(try string())
    case .list:
      let n = try count()
      var items: [Value] = []
      items.reserveCapacity(n)
      for _ in 0..<n { items.append(try value(depth: depth + 1)) }
      return .list(items)
    case .map:
      let n = try count()
      var entries: [String: Value] = [:]
      for _ in 0..<n {
        let key = try string()
        entries[key] = try value(depth: depth + 1)
      }
      return .map(entries)
    case .date: return .date(CypherDate(epochDay: try signed()))
    case .localTime: return .localTime(CypherLocalTime(nanoOfDay: try signed()))
    case .time:
      let nano = try signed()
      return .time(CypherTime(nanoOfDay: nano, offsetSeconds: Int32(truncatingIfNeeded: try signed())))
    case .localDateTime:
      let day = try signed()
      return .localDateTime(
        CypherLocalDateTime(date: CypherDate(epochDay: day), time: CypherLocalTime(nanoOfDay: try signed())))
    case .dateTime:
      let day = try signed(), nano = try signed()
      let offsetSeconds = Int32(truncatingIfNeeded: try signed())
      let zone = try string()
      let local = CypherLocalDateTime(date: CypherDate(epochDay: day), time: CypherLocalTime(nanoOfDay: nano))
      return .dateTime(
        CypherDateTime(local: local, offsetSeconds: offsetSeconds, zoneName: zone.isEmpty ? nil : zone))
    case .duration:
      let months = try signed(), days = try signed(), seconds = try signed()
      return .duration(
        CypherDuration(months: months, days: days, seconds: seconds, nanoseconds: try signed()))
    }
  }
}
