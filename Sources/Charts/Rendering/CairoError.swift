import CCairo

/// A failure reported by cairo, with the stage that hit it.
///
/// ```swift
/// do { _ = try CairoSurface.image(width: -5, height: 10) }
/// catch let e as CairoError { print(e) }   // "creating an image surface: invalid value …"
/// ```
public struct CairoError: Error, CustomStringConvertible, Sendable {
    /// What trendplot was doing, e.g. "creating an image surface".
    public let stage: String
    /// cairo's own message.
    public let message: String

    init(stage: String, status: cairo_status_t) {
        self.stage = stage
        self.message = String(cString: cairo_status_to_string(status))
    }

    public var description: String { "\(stage): \(message)" }

    static func check(_ status: cairo_status_t, _ stage: @autoclosure () -> String) throws {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(stage: stage(), status: status) }
    }
}
