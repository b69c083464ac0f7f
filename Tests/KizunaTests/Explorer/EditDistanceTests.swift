import Testing

@testable import Kizuna

@Suite struct EditDistanceTests {
  func distance(_ a: String, _ b: String, limit: Int) -> Int? {
    EditDistance.distance(Array(a.utf8), Array(b.utf8), limit: limit)
  }

  @Test func countsEditsUpToTheLimit() {
    #expect(distance("kitten", "sitting", limit: 3) == 3)
    #expect(distance("kitten", "sitting", limit: 2) == nil)
    #expect(distance("vo van thong", "vo van thuong", limit: 1) == 1)
    #expect(distance("", "abc", limit: 3) == 3)
    #expect(distance("same", "same", limit: 0) == 0)
  }

  @Test func scoresPrefixesBeforeTyposBeforeSharedWords() {
    let query = SuggestionQuery("vo van thong")
    #expect(query.score("vo van thuong")?.tier == 1)
    #expect(SuggestionQuery("kishida").score("fumio kishida")?.tier == 0)
    #expect(SuggestionQuery("thong nguyen xyz").score("nguyen phu trong")?.tier == 2)
    #expect(SuggestionQuery("zzz").score("fumio kishida") == nil)
  }
}
