import Foundation
import Kizuna
import Testing

struct ShellHistoryFileTests {
  private func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.path + "/kizuna-history-\(UUID().uuidString)"
  }

  @Test func multiLineEntriesComeBackWhole() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = ShellHistoryFile(path: path)
    let entries = [
      "RETURN 1;", "MATCH (n)\nRETURN n;", #"RETURN 'back\slash \n not a break';"#, "RETURN '日本';",
    ]
    for entry in entries { try file.append(entry) }
    #expect(file.load() == entries)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.split(separator: "\n").count == 4)
    #expect(text.contains(#"MATCH (n)\nRETURN n;"#))
  }

  @Test func theFileIsPrivate() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ShellHistoryFile(path: path).append("RETURN 1;")
    let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
  }

  @Test func onlyTheNewestEntriesAreKept() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = ShellHistoryFile(path: path, limit: 3)
    for n in 1...7 { try file.append("RETURN \(n);") }
    #expect(file.load() == ["RETURN 5;", "RETURN 6;", "RETURN 7;"])
    // Past twice the limit the file was rewritten with the newest entries.
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count <= 6)
    #expect(lines.last == "RETURN 7;")
  }

  @Test func repeatsInARowAreFolded() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("RETURN 1;\nRETURN 1;\nRETURN 2;\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(ShellHistoryFile(path: path).load() == ["RETURN 1;", "RETURN 2;"])
  }

  @Test func aMissingFileIsAnEmptyHistory() {
    #expect(ShellHistoryFile(path: temporaryPath()).load().isEmpty)
  }

  @Test func anUnwritablePlaceIsReported() {
    let file = ShellHistoryFile(path: "/nonexistent-folder-kizuna/history")
    #expect(throws: HistoryError.self) { try file.append("RETURN 1;") }
  }

  @Test func theEnvironmentChoosesThePath() {
    #expect(
      ShellHistoryFile.defaultPath(environment: ["KIZUNA_HISTORY": "/tmp/h", "HOME": "/home/x"]) == "/tmp/h")
    #expect(ShellHistoryFile.defaultPath(environment: ["HOME": "/home/x"]) == "/home/x/.kizuna_history")
  }
}
