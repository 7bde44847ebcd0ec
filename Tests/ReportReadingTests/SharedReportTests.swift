import Foundation
import Testing
@testable import ReportReading
@testable import SeriesModel
import TestSupport

/// Every real report of `../shared/reports` against its hand-checked truth: every printed number right or flagged
/// (never wrong), the body and year right, and `check` giving exactly the truth's `expected_checks`.
@Suite struct SharedReportTests {
    /// (truth name, report file) for every report file the extractor reads.
    static let cases: [(String, String)] = {
        guard let names = try? SharedReports.truthNames() else { return [] }
        return names.flatMap { name in
            ((try? SharedReports.reportFiles(name)) ?? []).filter {
                DocumentReaders.extensions.contains(DocumentReaders.fileExtension($0))
            }.map { (name, $0) }
        }
    }()

    /// Every report file has a truth and is read, or no reader of this build takes its kind (said, not hidden).
    @Test func theSharedReportsArePresent() throws {
        let names = try SharedReports.truthNames()
        #expect(names.count >= 11)
        #expect(Self.cases.count >= 15)
        let all = try names.flatMap { try SharedReports.reportFiles($0) }
        let unread = all.filter { !DocumentReaders.extensions.contains(DocumentReaders.fileExtension($0)) }
        if !unread.isEmpty { print("shared reports without a reader in this build (not scored): \(unread.joined(separator: ", "))") }
        #expect(unread.allSatisfy { DocumentReaders.fileExtension($0) == "pdf" })
    }

    @Test(arguments: cases.map { "\($0.0)|\($0.1)" })
    func everyNumberRightOrFlagged(_ pair: String) throws {
        let parts = pair.split(separator: "|").map(String.init)
        let truth = try SharedReports.truth(parts[0])
        let r = try ReportExtractor.extract(SharedReports.bytes(parts[1]), file: parts[1])
        let score = truth.score(r)
        #expect(score.wrong == 0, "\(parts[1]): \(score.wrongDetails.joined(separator: "; "))")
        #expect(truth.acceptsEntity(r.report.entity), "\(parts[1]): entity \(r.report.entity)")
        #expect(r.report.year == truth.year)
        #expect(r.report.template == truth.template)
        let findings = ReportChecker.run([r])
        let failures = ReportTruth.identityFailures(findings.findings)
        #expect(Set(failures) == truth.expectedFailures, "\(parts[1]): \(failures)")
        #expect(failures.count == truth.expectedFailures.count)
        let extractionErrors = findings.findings.filter { $0.severity == .error && $0.rule == "extraction" }
        #expect(extractionErrors.isEmpty, "\(parts[1]): \(extractionErrors.map(\.description))")
    }

    /// Prints the score of every report (the figures of the closing note) and holds the overall floor.
    @Test func scoreTable() throws {
        var total = TruthScore()
        var lines: [String] = []
        for (name, file) in Self.cases {
            let truth = try SharedReports.truth(name)
            let r = try ReportExtractor.extract(SharedReports.bytes(file), file: file)
            let s = truth.score(r)
            total.add(s)
            let ok = truth.acceptsEntity(r.report.entity) && r.report.year == truth.year
            lines.append("\(file.padding(toLength: 24, withPad: " ", startingAt: 0)) \(s)  \(ok ? "" : "identity: \(r.report.entity) \(r.report.year)")")
        }
        lines.append("\("all".padding(toLength: 24, withPad: " ", startingAt: 0)) \(total)")
        print(lines.joined(separator: "\n"))
        #expect(total.wrong == 0)
    }
}
