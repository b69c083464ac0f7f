import KizunaStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A benchmark's failure, printed for the person running it.
public struct BenchmarkFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// A fresh directory under /tmp.
public func temporaryDirectory() throws -> String {
  var template = Array("/tmp/kizuna-bench-XXXXXX".utf8CString)
  guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
    throw BenchmarkFailure("cannot create a temporary directory")
  }
  return String(cString: made)
}

/// Imports `data`/persons.csv (Person) and `data`/knows.csv (KNOWS), the
/// graph of `shared/bench/gen.py`, with integer ids; returns the node count.
public func importGraph(from data: String, into database: Database) throws -> Int {
  var job = BulkImport()
  job.idType = .integer
  job.nodeFiles = [BulkImport.Source(tag: "Person", path: data + "/persons.csv")]
  job.relationshipFiles = [BulkImport.Source(tag: "KNOWS", path: data + "/knows.csv")]
  return try job.run(into: database).nodes
}

/// `v` rounded to `digits` decimals, as JSON number text.
public func format(_ v: Double, _ digits: Int) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (v * scale).rounded() / scale
  return String(rounded)
}

/// Prints `fields` as one JSON object on a line.
public func printJSON(_ fields: [(String, String)]) {
  print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
}

/// Writes `message` to standard error and exits with status 1.
public func fail(_ tool: String, _ error: any Error) -> Never {
  let message = "\(tool): \(error)\n"
  _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
  exit(1)
}
