import SeriesModel

/// A failure while making a chart, naming the stage and the chart.
///
/// `laying out 行政许可·项目数量: the canvas is 0×750; width and height must be positive`
public struct ChartError: Error, CustomStringConvertible, Sendable {
    /// The build stage: "checking the spec", "laying out", "rendering the PNG", …
    public let stage: String
    /// The chart's title.
    public let chart: String
    /// What went wrong and what was expected.
    public let message: String

    public init(stage: String, chart: String, message: String) {
        self.stage = stage; self.chart = chart; self.message = message
    }

    public var description: String { "\(stage) \(chart.isEmpty ? "the chart" : chart): \(message)" }
}

// MARK: - Messages

/// Every user-facing message of the chart engine, in one place (choosing data is Publishing's: see
/// `ChartError+Data.swift` there).
extension ChartError {
    static func specFile(_ file: String, _ message: String) -> ChartError {
        ChartError(stage: "reading the spec file", chart: file, message: message)
    }

    static func specWithoutData(title: String) -> ChartError {
        ChartError(stage: "reading the spec file of", chart: title, message: "no data: give `series`, or `data` with `metrics`")
    }

    static func rendering(_ format: OutputFormat, chart: String, cause: CairoError) -> ChartError {
        ChartError(stage: "rendering the \(format.rawValue.uppercased()) of", chart: chart, message: cause.description)
    }

    static func badCanvas(_ s: ChartSize, chart: String) -> ChartError {
        ChartError(stage: "checking the spec of", chart: chart,
                   message: "the canvas is \(s.width)×\(s.height); width must be 40…16000 and height 30…16000")
    }

    static func badScale(_ s: ChartSize, chart: String) -> ChartError {
        ChartError(stage: "checking the spec of", chart: chart,
                   message: "the scale factor \(s.scale) must be above 0 and at most 8 (and the PNG at most 32000 pixels wide)")
    }

    static func negativeShare(chart: String, series: String, year: Int, value: Double) -> ChartError {
        ChartError(stage: "checking the spec of", chart: chart,
                   message: "含负值，不宜作构成图: \(series) is \(NumberText.display(value)) in \(year); a share (100%) chart needs "
                       + "parts that are zero or more — use `stacked` or `change` for changes")
    }
}
