import Foundation

/// Writes bytes to files, reporting failures as `RenderError`.
enum FileOutput {
  static func write(_ bytes: [UInt8], to path: String) throws(RenderError) {
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    } catch {
      throw RenderError(.io, "cannot write \(path): \(error.localizedDescription)")
    }
  }

  static func makeDirectory(_ path: String) throws(RenderError) {
    do {
      try FileManager.default.createDirectory(
        at: URL(fileURLWithPath: path), withIntermediateDirectories: true)
    } catch {
      throw RenderError(.io, "cannot create directory \(path): \(error.localizedDescription)")
    }
  }
}
