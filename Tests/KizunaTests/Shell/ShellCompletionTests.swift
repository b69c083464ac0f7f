import Foundation
import Kizuna
import KizunaCypher
import KizunaStore
import Testing

struct ShellCompletionTests {
  let engine = CompletionEngine(
    vocabulary: CompletionVocabulary(
      labels: ["Country", "Office", "Person", "Two Words"],
      relationshipTypes: ["CITIZEN_OF", "HOLDS", "MET"],
      propertyKeys: ["iso", "name", "since"], parameters: ["city", "name"]))

  /// Candidates for the text with the cursor at `|` (or at the end).
  private func candidates(_ text: String) -> [String] { completion(text).candidates.map(\.text) }

  private func completion(_ text: String) -> Completion {
    let cursor = text.firstIndex(of: "|").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
    return engine.complete(text.replacingOccurrences(of: "|", with: ""), cursor: cursor)
  }

  @Test func labelsAfterAColonInANode() {
    #expect(candidates("MATCH (p:P") == ["Person"])
    #expect(candidates("MATCH (p:") == ["Country", "Office", "Person", "`Two Words`"])
    #expect(completion("MATCH (p:Pe").range == 9..<11)
  }

  @Test func relationshipTypesInsideBrackets() {
    #expect(candidates("MATCH (a)-[:") == ["CITIZEN_OF", "HOLDS", "MET"])
    #expect(candidates("MATCH (a)-[r:H") == ["HOLDS"])
    // ('|' marks the cursor in `candidates`, so call the engine itself.)
    #expect(engine.complete("MATCH (a)-[r:HOLDS|M", cursor: 20).candidates.map(\.text) == ["MET"])
  }

  @Test func labelsAndTypesWhereEitherFits() {
    #expect(candidates("MATCH (n) WHERE n:O") == ["Office"])
    #expect(candidates("MATCH (n) WHERE n:C") == ["CITIZEN_OF", "Country"])
  }

  @Test func aColonInAMapIsNotALabel() {
    #expect(!candidates("MATCH (p:Person {name: co").contains("Country"))
    #expect(candidates("MATCH (p:Person {name: co").contains("count"))
  }

  @Test func propertyKeysAfterADot() {
    #expect(candidates("MATCH (p) RETURN p.") == ["iso", "name", "since"])
    #expect(candidates("MATCH (p) RETURN p.NA") == ["name"])
  }

  @Test func proceduresAndFunctionsAfterTheirNamespace() {
    #expect(candidates("CALL db.la").contains("labels"))
    #expect(candidates("RETURN duration.bet").contains("between"))
  }

  @Test func parametersAfterADollar() {
    #expect(candidates("MATCH (c {name: $") == ["city", "name"])
    #expect(candidates("RETURN $ci") == ["city"])
  }

  @Test func keywordsFollowTheCaseTyped() {
    #expect(candidates("MAT") == ["MATCH"])
    #expect(candidates("mat") == ["match"])
    #expect(candidates("MATCH (n) RETURN n ORD") == ["ORDER"])
    #expect(candidates("shortest") == ["shortestPath"])
  }

  @Test func functionsAndVariablesCompleteToo() {
    let found = completion("MATCH (person:Person) RETURN to")
    #expect(found.candidates.contains(Completion.Candidate("toUpper", .function)))
    #expect(candidates("MATCH (person:Person) RETURN pers") == ["person"])
    #expect(candidates("UNWIND [1] AS total RETURN tot") == ["total"])
  }

  @Test func nothingInsideStringsOrComments() {
    #expect(candidates("RETURN 'MAT").isEmpty)
    #expect(candidates("RETURN 1 // MAT").isEmpty)
    #expect(candidates("RETURN 1 /* MAT").isEmpty)
  }

  @Test func backtickNamesCompleteInsideBackticks() {
    #expect(candidates("MATCH (n:`Tw") == ["`Two Words`"])
    #expect(completion("MATCH (n:`Tw").range == 9..<12)
  }

  @Test func completionUsesTheTextBeforeTheCursor() {
    #expect(candidates("MATCH (p:Pe|) RETURN p") == ["Person"])
    #expect(completion("MATCH (p:Pe|) RETURN p").range == 9..<11)
  }

  @Test func suffixesAndCommonPrefix() {
    #expect(Completion.Candidate("MATCH", .keyword).suffix == " ")
    #expect(Completion.Candidate("toUpper", .function).suffix == "(")
    #expect(Completion.Candidate("Person", .label).suffix == "")
    let found = engine.complete("MATCH (a)-[:C", cursor: 13)
    #expect(found.commonPrefix == "CITIZEN_OF")
    #expect(engine.complete("RETURN coll", cursor: 11).commonPrefix.lowercased() == "collect")
  }

  @Test func shellCommandNamesAndArguments() {
    #expect(candidates(":re") == [":render"])
    #expect(candidates(":") == ShellDirective.names.map { ":" + $0 }.sorted())
    #expect(candidates(":format j") == ["json"])
    #expect(candidates(":timing o") == ["off", "on"])
    #expect(candidates(":render out.png --layout ne") == ["neato"])
    #expect(candidates(":render out.png --c") == ["--connect"])
    #expect(candidates(":export out.json --format gr") == ["graphml"])
    #expect(candidates(":params c") == ["city", "clear"])
  }

  @Test func fileNamesForRenderAndExport() throws {
    let folder = FileManager.default.temporaryDirectory.path + "/kizuna-completion-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder + "/pictures", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = FileManager.default.createFile(atPath: folder + "/people.png", contents: Data())
    #expect(candidates(":render \(folder)/p") == ["\(folder)/people.png", "\(folder)/pictures/"])
    let found = completion(":render \(folder)/pi")
    #expect(found.candidates == [Completion.Candidate("\(folder)/pictures/", .directory)])
    #expect(found.candidates.first?.suffix == "")
  }

  @Test func vocabularyComesFromTheDatabase() throws {
    let cypher = CypherEngine(database: Database())
    _ = try cypher.run("CREATE (:Town {name: 'Hue'})-[:TWINNED_WITH {since: 1990}]->(:Town {name: 'Nara'})")
    let vocabulary = CompletionVocabulary.read(from: cypher)
    #expect(vocabulary.labels == ["Town"])
    #expect(vocabulary.relationshipTypes == ["TWINNED_WITH"])
    #expect(vocabulary.propertyKeys == ["name", "since"])
    #expect(vocabulary.keywords.contains("MATCH"))
    #expect(vocabulary.functions.contains("toUpper"))
  }
}
