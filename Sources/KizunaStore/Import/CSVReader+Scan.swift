/// The result of trying to read one record from the buffered bytes.
enum CSVScanOutcome {
  case record
  /// The buffer ends inside the record (or just after a CR or a quote whose
  /// meaning depends on the next byte); read more and scan it again.
  case needMore
  case end
}

extension CSVReader {
  /// Reads the record at `position`, recording its fields as spans.
  ///
  /// A record cut by the end of the buffer is scanned again from its start
  /// after a refill; nothing is committed (position, line numbers, in-place
  /// unescaping) until the whole record has been seen, which keeps the scan
  /// free of resumable state.
  mutating func scanRecord() throws(CSVError) -> CSVScanOutcome {
    let bytes = buffer
    let end = dataEnd
    let final = atEOF
    let classes = byteClasses
    let delimiter = self.delimiter
    var index = position
    var line = nextLine

    // Blank lines between records are skipped, and committed at once so a
    // long run of them is never scanned twice.
    while index < end {
      let byte = bytes[index]
      if byte == CSVByte.lf {
        index += 1
      } else if byte == CSVByte.cr {
        if index + 1 < end {
          index += bytes[index + 1] == CSVByte.lf ? 2 : 1
        } else if final {
          index += 1
        } else {
          break
        }
      } else {
        break
      }
      line += 1
    }
    position = index
    nextLine = line
    if index == end { return final ? .end : .needMore }
    if bytes[index] == CSVByte.cr { return .needMore }

    let recordLine = line
    var count = 0
    var anyEscaped = false
    while true {
      if count == spanCapacity { growSpans() }
      if index < end && bytes[index] == CSVByte.quote {
        let fieldLine = line
        var cursor = index + 1
        var escaped = false
        while true {
          guard cursor < end else {
            if final {
              throw CSVError(
                file: name, line: fieldLine, column: count + 1, kind: .unterminatedQuote,
                reason: "unterminated quoted field starting here")
            }
            return .needMore
          }
          let byte = bytes[cursor]
          if byte == CSVByte.quote {
            if cursor + 1 < end {
              guard bytes[cursor + 1] == CSVByte.quote else { break }
              escaped = true
              cursor += 2
              continue
            }
            if final { break }
            return .needMore
          } else if byte == CSVByte.lf {
            line += 1
          } else if byte == CSVByte.cr {
            // A CR followed by LF is counted at the LF.
            if cursor + 1 < end {
              if bytes[cursor + 1] != CSVByte.lf { line += 1 }
            } else if !final {
              return .needMore
            }
          }
          cursor += 1
        }
        spans[count] = CSVFieldSpan(start: index + 1, end: cursor, quoted: true, escaped: escaped)
        anyEscaped = anyEscaped || escaped
        count += 1
        index = cursor + 1
        if index < end {
          let byteClass = classes[Int(bytes[index])]
          if byteClass != CSVByteClass.delimiter && byteClass != CSVByteClass.lineFeed
            && byteClass != CSVByteClass.carriageReturn
          {
            throw CSVError(
              file: name, line: line, column: count, kind: .garbageAfterQuote,
              reason: "unexpected \(Self.describe(bytes[index])) after the closing quote of a quoted field")
          }
        }
      } else {
        // The hot path: the sentinel at `end` stops this loop.
        var cursor = index
        while classes[Int(bytes[cursor])] == CSVByteClass.plain { cursor &+= 1 }
        if cursor < end && bytes[cursor] == CSVByte.quote {
          throw CSVError(
            file: name, line: line, column: count + 1, kind: .quoteInUnquotedField,
            reason: "a quote inside an unquoted field; quote the whole field and double the inner quotes")
        }
        spans[count] = CSVFieldSpan(start: index, end: cursor, quoted: false, escaped: false)
        count += 1
        index = cursor
      }

      // `index` is at the byte that ends the field.
      if index >= end {
        if final { break }
        return .needMore
      }
      let terminator = bytes[index]
      if terminator == delimiter {
        index += 1
        continue
      }
      if terminator == CSVByte.lf {
        index += 1
      } else if index + 1 < end {
        index += bytes[index + 1] == CSVByte.lf ? 2 : 1
      } else if final {
        index += 1
      } else {
        return .needMore
      }
      line += 1
      break
    }

    fieldCount = count
    self.line = recordLine
    position = index
    nextLine = line
    if anyEscaped { unescapeFields() }
    return .record
  }

  /// Turns each doubled quote into one, in place: the text only shrinks, and
  /// the record's bytes are never scanned again.
  private mutating func unescapeFields() {
    for field in 0..<fieldCount where spans[field].escaped {
      let span = spans[field]
      var read = span.start
      var write = span.start
      while read < span.end {
        let byte = buffer[read]
        buffer[write] = byte
        write += 1
        read += byte == CSVByte.quote ? 2 : 1
      }
      spans[field].end = write
      spans[field].escaped = false
    }
  }

  private mutating func growSpans() {
    let grown = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: spanCapacity * 2)
    grown.initialize(from: spans, count: spanCapacity)
    spans.deallocate()
    spans = grown
    spanCapacity *= 2
  }

  /// A byte as a person would name it in an error message.
  static func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    if byte == 0x20 { return "space" }
    if byte == 0x09 { return "tab" }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }
}
