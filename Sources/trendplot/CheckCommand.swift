import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports against the template's identities, across years and against their own text.",
        discussion: """
        Exit status: 0 clean (warnings allowed), 1 findings of severity error or a file that could not be read,
        2 nothing could be read.
        Tidy CSV/JSON files among the inputs are not checked themselves, but a value they give that disagrees
        with a report (or with another file) is listed as a conflict, with both sources.
        Examples:
          trendplot check datasets/mudanjiang/mudanjiang_2020.txt
          trendplot check datasets/pingtan/*.html --format json
          trendplot check datasets/
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp(Inputs.dataHelp, valueName: "DATA"))
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var entityOptions: EntityOptions

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        let (inputs, aliases) = try dataOptions.load(files)
        let nothingRead = inputs.reports.isEmpty && inputs.dataset.count == 0
        var results = inputs.reports
        var report = CheckReport.run(inputs)
        if !entityOptions.entities.isEmpty && !nothingRead {
            // Only the reports of these bodies, and the conflicts about them.
            let wanted = Set(try entityOptions.resolve(in: (inputs.dataset.entities + results.map(\.report.entity)).uniquedInOrder(),
                                                       aliases: aliases))
            results = results.filter { wanted.contains(aliases.resolve($0.report.entity)) }
            report = ReportChecker.run(results)
            report.findings += inputs.dataset.conflicts.filter { wanted.contains($0.key.entity) }.map(CheckFinding.init(conflict:))
        }
        switch format {
        case .json:
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(report), as: UTF8.self))
        case .text:
            var s = ""
            for f in report.findings { s += "\(f)\n" }
            let errors = report.findings.filter { $0.severity == .error }.count
            let warnings = report.findings.filter { $0.severity == .warning }.count
            s += "\(results.count) report(s), \(report.checked) identities checked: \(errors) error(s), \(warnings) warning(s)\n"
            print(s, terminator: "")
        }
        if nothingRead {
            throw RuntimeFailure(message: "no report could be read from \(files.joined(separator: " ")); nothing was checked")
        }
        if report.findings.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.findings) }
    }
}
