import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "List every metric: id, Chinese and English label, unit, templates, formula.",
        discussion: """
        Examples:
          trendplot metrics
          trendplot metrics --format csv > metrics.csv
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        let metrics = MetricCatalog.standard.metrics
        switch format {
        case .csv:
            var s = "id,label_zh,label_en,unit,templates,kind,formula\n"
            for m in metrics {
                s += [m.id, m.labelZh, m.labelEn, m.unit, m.templates.map(\.rawValue).joined(separator: " "),
                      m.kind.rawValue, m.formula ?? ""].map(TidyTable.escape).joined(separator: ",") + "\n"
            }
            print(s, terminator: "")
        case .json:
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(metrics), as: UTF8.self))
        case .table:
            let rows = metrics.map { m in
                [m.id, m.labelZh, m.labelEn, m.unit, m.templates.map(\.rawValue).joined(separator: "/"), m.formula ?? ""]
            }
            print(TextTable.render(header: ["id", "名称", "label", "单位", "模板", "公式"], rows: rows), terminator: "")
        }
    }
}
