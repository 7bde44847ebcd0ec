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
        Exit status: 0 clean (warnings allowed), 1 findings of severity error, 2 unreadable input.
        Tidy CSV/JSON files among the inputs are not checked themselves, but a value they give that disagrees
        with a report (or with another file) is listed as a conflict, with both sources.
        Examples:
          trendplot check datasets/mudanjiang/mudanjiang_2020.txt
          trendplot check datasets/pingtan/*.html --format json
          trendplot check datasets/
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Report files (.txt, .html, .htm, .md), tidy CSV/JSON files, or folders of them.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        var results: [ExtractionResult] = []
        var unreadable = false
        var builder = DatasetBuilder()
        let loader = Inputs.loader()
        for path in Self.inputs(files) {
            if path != "-", let kind = DatasetLoader.kind(of: path), kind != .report {
                loader.read(path: path, into: &builder)
                continue
            }
            do {
                let (bytes, name) = try ReportFiles.read(path)
                let result = try ReportExtractor.extract(bytes, file: name)
                builder.add(contentsOf: result.observations)
                results.append(result)
            } catch {
                unreadable = true
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
        }
        let dataset = builder.build()
        for e in dataset.errors {
            unreadable = true
            FileHandle.standardError.write(Data("error: \(e)\n".utf8))
        }
        var report = ReportChecker.run(results)
        report.findings += dataset.conflicts.map(Self.finding)
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
        if unreadable { throw ExitCode(2) }
        if report.findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// Folders expanded to the report and tidy files in them; files as given.
    static func inputs(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDir: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                return [path]
            }
            return DatasetLoader.expand([path]).files
        }
    }

    /// A conflict between two sources as a check finding: an error when both values were printed,
    /// a warning when one was derived (a derived count that the next year's report prints differently).
    static func finding(_ c: DatasetConflict) -> CheckFinding {
        let bothPrinted = !c.kept.derived && !c.dropped.derived
        func side(_ v: DatasetConflict.Version) -> String {
            "\(NumberText.plain(v.value)) (\(v.derived ? "derived, " : "")\(v.source))"
        }
        return CheckFinding(
            rule: "sources agree", severity: bothPrinted ? .error : .warning,
            file: [c.kept.source, c.dropped.source].map { String($0.prefix { $0 != ":" && $0 != "#" && $0 != " " }) }
                .joined(separator: " vs "),
            place: "\(c.key.entity) \(c.key.year) \(c.key.metric)",
            lhs: side(c.kept), rhs: side(c.dropped),
            message: "two sources give different values; the dataset keeps \(NumberText.plain(c.kept.value))"
                + (bothPrinted ? " (the first printed)" : " (the printed one)"))
    }
}
