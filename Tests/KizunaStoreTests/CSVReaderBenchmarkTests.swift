import KizunaStore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opt-in throughput measurement, off unless `KIZUNA_CSV_BENCH` names a
/// relationship file (`:START_ID,:END_ID,since:int`, as written by
/// `bench/gen.py`). Run it in a release build:
///
///     KIZUNA_CSV_BENCH=/tmp/g1m/knows.csv swift test -c release --filter CSVReaderBenchmark
@Suite struct CSVReaderBenchmarkTests {
  static let path: String? = getenv("KIZUNA_CSV_BENCH").map { String(cString: $0) }

  @Test(.enabled(if: path != nil)) func parsesThreeIntegersPerRow() throws {
    guard let path = Self.path else { return }
    var info = stat()
    #expect(stat(path, &info) == 0)
    let megabytes = Double(info.st_size) / 1_000_000
    for _ in 0..<3 {
      let started = Self.seconds()
      var reader = try CSVReader(path: path)
      let header = try ImportHeader(reading: &reader, kind: .relationships)
      #expect(header.columns.count == 3)
      var rows = 0
      var checksum: Int64 = 0
      while try reader.nextRecord() {
        checksum &+= try reader.int64(0) &+ reader.int64(1) &+ reader.int64(2)
        rows += 1
      }
      let elapsed = Self.seconds() - started
      #expect(rows > 0)
      print(
        "CSV benchmark: \(rows) rows, \(megabytes) MB in \(elapsed) s: \(Int(megabytes / elapsed)) MB/s, "
          + "\(Int(Double(rows) / elapsed)) rows/s (checksum \(checksum))")
    }
  }

  private static func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
