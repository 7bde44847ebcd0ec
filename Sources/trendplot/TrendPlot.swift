import ArgumentParser

/// The `trendplot` command: government information-disclosure reports → series → charts.
@main
struct TrendPlot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trendplot",
        abstract: "Turn 政府信息公开工作年度报告 into time series, trends and briefing charts.",
        discussion: """
        Examples:
          trendplot demo -o out
          trendplot metrics --format csv
        """,
        subcommands: [
            MetricsCommand.self,
            PlotCommand.self,
            DemoCommand.self,
            ExportCommand.self,
            BenchWorkloadCommand.self,
        ]
    )
}
