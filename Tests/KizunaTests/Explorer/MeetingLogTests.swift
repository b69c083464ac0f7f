import Kizuna
import KizunaCypher
import KizunaStore
import Testing

@Suite struct MeetingLogTests {
  func log(_ name: String) throws -> MeetingLog {
    try MeetingLog.meetings(of: Bundled.entity(name), engine: Bundled.engine)
  }

  @Test func thuongMetKishidaInTokyoOnTheVisit() throws {
    let log = try log("Vo Van Thuong")
    let first = try #require(log.meetings.first)
    // 000: talks with Kishida in Tokyo on 27 November 2023; 001 announced them.
    #expect(first.other.caption == "Fumio Kishida")
    #expect(first.when == "2023-11-27")
    #expect(first.place == "Tokyo")
    #expect(first.outgoing)
    #expect(first.sources == ["000_a2b94bbd73e11da9.txt", "001_b515567d38da300a.txt"])
    // 001: meetings with the Emperor and Empress only announced.
    let planned = log.meetings.filter(\.planned).map(\.other.caption)
    #expect(Set(planned) == ["Naruhito", "Masako"])
    #expect(log.table.rows.filter { $0[0] == .string("2023-11 (planned)") }.count == 2)
  }

  @Test func kishidasMeetingsAreInDateOrder() throws {
    let log = try log("Kishida Fumio")
    #expect(
      log.meetings.map(\.other.caption) == [
        "Nguyen Phu Trong", "Pham Minh Chinh", "Vo Van Thuong", "Truong Thi Mai",
      ])
    #expect(log.meetings.map(\.when) == ["2022-05-01", "2022-05-01", "2023-11-27", "Tuesday"])
    #expect(log.meetings.map(\.outgoing) == [true, true, false, false])
  }

  @Test func maiMetSixPeopleAndReceivedNagasaki() throws {
    let log = try log("truong thi mai")
    // 004: met Kishida, Otsuji, Nukaga; discussions with Shii, Nikai; received Nagasaki.
    #expect(
      Set(log.meetings.map(\.other.caption)) == [
        "Fumio Kishida", "Hidehisa Otsuji", "Fukushiro Nukaga", "Kazuo Shii", "Toshihiro Nikai",
        "Kotaro Nagasaki",
      ])
    #expect(log.meetings.first { $0.other.caption == "Kotaro Nagasaki" }?.outgoing == false)
    #expect(log.sources.map(\.id) == ["004_5e64809e236f6828.txt"])
    #expect(log.sources.first?.title == "Vietnam sees Japan as important strategic partner: Party official")
    let met = try count(
      Bundled.engine, "MATCH (p)-[:MET]-() WHERE id(p) = $id RETURN count(*)",
      ["id": .int(Int64(log.person.id))])
    #expect(log.meetings.count == met)
  }

  @Test func someoneWhoMetNobodyHasAnEmptyLog() throws {
    let log = try log("Hanoi")
    #expect(log.meetings.isEmpty)
    #expect(log.sources.isEmpty)
  }

  @Test func graphsWithoutSourceNodesStillList() throws {
    let (database, engine) = try graph(
      "CREATE (:Person {name: 'A'})-[:MET {date: date('2024-01-02'), sources: ['x']}]->(:Person {name: 'B'})")
    let log = try MeetingLog.meetings(of: EntityFinder.resolve("b", in: database), engine: engine)
    #expect(log.meetings.map(\.other.caption) == ["A"])
    #expect(log.meetings.first?.outgoing == false)
    #expect(log.sources.isEmpty)
  }
}
