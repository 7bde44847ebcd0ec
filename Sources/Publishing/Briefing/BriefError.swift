import Charts
import ReportReading
import SeriesModel

/// A briefing that cannot be made from the input, with what was expected.
public struct BriefError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
