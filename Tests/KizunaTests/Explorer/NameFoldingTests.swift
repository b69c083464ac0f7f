import Kizuna
import Testing

@Suite struct NameFoldingTests {
  @Test(arguments: [
    ("Vo Van Thuong", "vo van thuong"),
    ("Võ Văn Thưởng", "vo van thuong"),
    ("VÕ VĂN THƯỞNG", "vo van thuong"),
    ("Đà Nẵng", "da nang"),
    ("đường", "duong"),
    ("  Vo \t Van\n Thuong  ", "vo van thuong"),
    ("Vietnam – Japan Cooperation Committee", "vietnam japan cooperation committee"),
    ("Ho Chi Minh City’s metroline No.1", "ho chi minh city s metroline no 1"),
    ("Ｔｏｋｙｏ", "tokyo"),
    ("東京", "東京"),
    ("", ""),
  ])
  func folds(_ text: String, _ folded: String) {
    #expect(NameFolding.fold(text) == folded)
  }

  @Test func tidyTrimsAndCollapsesButKeepsCase() {
    #expect(NameFolding.tidy("  Hà   Nội\t ") == "Hà Nội")
  }
}
