import KizunaStore
import Testing

@Suite struct CSVScalarTests {
  private func int(_ text: String) -> Int64? {
    Array(text.utf8).withUnsafeBufferPointer { CSVScalar.int64($0) }
  }

  private func double(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { CSVScalar.double($0) }
  }

  private func bool(_ text: String) -> Bool? {
    Array(text.utf8).withUnsafeBufferPointer { CSVScalar.bool($0) }
  }

  @Test func integers() {
    #expect(int("0") == 0)
    #expect(int("2017") == 2017)
    #expect(int("-17") == -17)
    #expect(int("+17") == 17)
    #expect(int("  42\t") == 42)
    #expect(int("007") == 7)
    #expect(int("9223372036854775807") == Int64.max)
    #expect(int("-9223372036854775808") == Int64.min)
    #expect(int("000000000000000000000000001") == 1)
  }

  @Test func notIntegers() {
    for text in ["", " ", "-", "+", "1.0", "1e3", "12a", "a12", "1 2", "--1", "0x10", "٣"] {
      #expect(int(text) == nil, "\(text)")
    }
    #expect(int("9223372036854775808") == nil)
    #expect(int("-9223372036854775809") == nil)
    #expect(int("99999999999999999999") == nil)
  }

  @Test func doubles() {
    #expect(double("1") == 1)
    #expect(double("-2.5") == -2.5)
    #expect(double(" .5 ") == 0.5)
    #expect(double("6.02e23") == 6.02e23)
    #expect(double("1E-3") == 0.001)
    #expect(double("Infinity") == .infinity)
    #expect(double("NaN")?.isNaN == true)
  }

  @Test func notDoubles() {
    for text in ["", "  ", "abc", "1.2.3", "1,5", "0x1p3", "1e", "- 1"] {
      #expect(double(text) == nil, "\(text)")
    }
  }

  @Test func booleans() {
    #expect(bool("true") == true)
    #expect(bool("TRUE") == true)
    #expect(bool(" False ") == false)
    for text in ["", "yes", "1", "t", "truee", "fals"] {
      #expect(bool(text) == nil, "\(text)")
    }
  }
}
