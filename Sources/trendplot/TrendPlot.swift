import ArgumentParser
import Publishing
import ReportReading

/// The `trendplot` command: government information-disclosure reports → series → charts.
@main
struct TrendPlot: AsyncParsableCommand {
    /// The version `trendplot --version` prints.
    static let version = "0.9.0"

    static let configuration = CommandConfiguration(
        commandName: "trendplot",
        abstract: "Turn 政府信息公开工作年度报告 into time series, trends and briefing charts.",
        discussion: """
        Examples:
          trendplot demo -o out
          trendplot extract datasets/mudanjiang/mudanjiang_2020.txt --format csv
          trendplot check datasets/
          trendplot trends datasets/ --metric licensing.decisions
          trendplot trends datasets/ --findings
          trendplot plot datasets/ --metric licensing.decisions \\
              --metric penalty.decisions -o decisions.png
          trendplot brief datasets/pingtan -o briefing.pdf
          trendplot export datasets/ -o charts --formats png,svg --per both
          trendplot metrics --format csv
        """,
        version: "trendplot \(TrendPlot.version)",
        subcommands: [
            MetricsCommand.self,
            ExtractCommand.self,
            CheckCommand.self,
            PlotCommand.self,
            DemoCommand.self,
            TrendsCommand.self,
            BriefCommand.self,
            ExportCommand.self,
        ]
    )
}
