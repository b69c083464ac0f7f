import KizunaStore

/// One record as the tests see it.
struct CSVTestRecord: Equatable, CustomStringConvertible {
  var line: Int
  var fields: [String]
  var description: String { "\(line): \(fields)" }
}

/// Reads every record of `text` with the given chunk size.
func csvRecords(
  _ text: String, chunkSize: Int = CSVReader.defaultChunkSize, delimiter: UInt8 = UInt8(ascii: ",")
) throws -> [CSVTestRecord] {
  try csvRecords(bytes: Array(text.utf8), chunkSize: chunkSize, delimiter: delimiter)
}

func csvRecords(
  bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize, delimiter: UInt8 = UInt8(ascii: ",")
) throws -> [CSVTestRecord] {
  var reader = try CSVReader(bytes: bytes, name: "test.csv", delimiter: delimiter, chunkSize: chunkSize)
  var records: [CSVTestRecord] = []
  while try reader.nextRecord() {
    var fields: [String] = []
    for index in 0..<reader.fieldCount { fields.append(try reader.string(index)) }
    records.append(CSVTestRecord(line: reader.line, fields: fields))
  }
  return records
}

/// The error reading `text` throws, as its description; nil when it reads cleanly.
func csvErrorMessage(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) -> String? {
  csvError(bytes: Array(text.utf8), chunkSize: chunkSize)?.description
}

func csvError(bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) -> CSVError? {
  do {
    _ = try csvRecords(bytes: bytes, chunkSize: chunkSize)
    return nil
  } catch let error as CSVError {
    return error
  } catch {
    return nil
  }
}
