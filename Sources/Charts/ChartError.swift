/// A failure while making a chart, naming the stage and the chart.
///
/// `laying out 行政许可·项目数量: the canvas is 0×750; width and height must be positive`
public struct ChartError: Error, CustomStringConvertible, Sendable {
    /// The build stage: "checking the spec", "laying out", "rendering the PNG", …
    public let stage: String
    /// The chart's title.
    public let chart: String
    public let message: String

    public init(stage: String, chart: String, message: String) {
        self.stage = stage; self.chart = chart; self.message = message
    }

    public var description: String { "\(stage) \(chart.isEmpty ? "the chart" : chart): \(message)" }
}
