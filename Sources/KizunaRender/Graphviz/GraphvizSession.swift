import CGraphviz
import Synchronization

/// Owns the one Graphviz context (`GVC_t`), created on first use with its
/// plugins (layouts, cairo renderers) and freed when the process ends.
final class GVContext {
  let pointer: OpaquePointer

  init?() {
    guard let context = gvContext() else { return nil }
    pointer = context
  }

  deinit { gvFreeContext(pointer) }
}

/// Serialises every use of Graphviz: the library keeps global state (error
/// level, parser, plugin caches) and is not thread-safe.
enum GraphvizSession {
  /// The context is created lazily inside the lock and kept for reuse:
  /// loading the plugins costs far more than a small layout.
  private static let state = Mutex<GVContextBox>(GVContextBox())

  /// Runs `body` with exclusive use of Graphviz and a fresh error buffer.
  static func run<T>(_ body: (GVContext) throws(RenderError) -> T) throws(RenderError) -> T {
    let result: Result<T, RenderError> = state.withLock { box in
      if box.context == nil {
        GraphvizDiagnostics.install()
        box.context = GVContext()
      }
      guard let context = box.context else {
        return .failure(RenderError(.graphviz, "Graphviz could not create its context"))
      }
      GraphvizDiagnostics.reset()
      do throws(RenderError) {
        return .success(try body(context))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}

/// The context lives only inside the session's lock, which is what makes
/// sending it between threads safe.
struct GVContextBox: @unchecked Sendable {
  var context: GVContext?
}
