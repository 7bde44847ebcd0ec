import Foundation
import Testing
@testable import ReportReading
@testable import SeriesModel
import TestSupport

/// Titles, years and numbers of the long tail, on a real report (mudanjiang_2020 as `pdftotext` prints it, made
/// by the forge from its truth) with one thing changed.
@Suite struct LongTailTests {
    static func report(form: ReportForge.Form = .pdfText) throws -> (text: String, truth: ReportTruth) {
        var forge = ReportForge(seed: 1)
        let truth = try SharedReports.truth("mudanjiang_2020")
        let v = forge.variant(truth, form: form, damage: .clean)
        return (String(decoding: v.bytes, as: UTF8.self), v.truth)
    }

    static func retitled(_ title: String) throws -> ExtractionResult {
        let (text, _) = try report()
        var lines = text.components(separatedBy: "\n")
        lines[0] = title
        return try ReportExtractor.extract(Array(lines.joined(separator: "\n").utf8), file: "t.txt")
    }

    @Test(arguments: [
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2020),
        ("2020年度牡丹江市人民政府政府信息公开工作年度报告", "牡丹江市人民政府", 2020),
        ("二〇二〇年牡丹江市人民政府政府信息公开工作年度报告", "牡丹江市人民政府", 2020),
        ("牡丹江市人民政府二〇二〇年政府信息公开工作年度报告", "牡丹江市人民政府", 2020),
        ("测试01县人民政府2020年政府信息公开工作年度报告", "测试01县人民政府", 2020),
        ("牡丹江市人民政府2020年政府信息公开年度报告", "牡丹江市人民政府", 2020),
        ("牡丹江市人民政府2020年政府信息公开工作报告", "牡丹江市人民政府", 2020),
        ("牡丹江市人民政府2020年政府信息公开报告", "牡丹江市人民政府", 2020),
        ("牡丹江市人民政府2020年政府信息公开工作年度报...", "牡丹江市人民政府", 2020),
        ("关于牡丹江市人民政府2020年政府信息公开工作年度报告", "牡丹江市人民政府", 2020),
    ])
    func titleForms(_ title: String, _ entity: String, _ year: Int) throws {
        let r = try Self.retitled(title)
        #expect(r.report.entity == entity)
        // the statistics period says 2020; a title year that differs is reported, the title's year used
        if title.hasPrefix("2019") {
            #expect(r.report.year == 2019)
            #expect(r.issues.contains { $0.message.contains("the title says 2019 but the statistics period starts in 2020") })
        } else {
            #expect(r.report.year == year)
        }
    }

    @Test func implausibleTitleYearsAreNotTaken() throws {
        // 2722 is not a year a report can describe: the statistics period's 2020 is used
        let r = try Self.retitled("牡丹江市人民政府2722年政府信息公开工作年度报告")
        #expect(r.report.year == 2020)
        #expect(r.report.entity == "牡丹江市人民政府")
    }

    @Test func aTwentyTwentyOneTemplateReportDatedBeforeTwentyTwentyOneIsRefused() throws {
        var forge = ReportForge(seed: 1)
        var truth = try SharedReports.truth("pingtan_2021")
        truth.year = 2020
        truth.cells = Dictionary(uniqueKeysWithValues: truth.cells.map { (k, v) in (k.replacingOccurrences(of: "@2021", with: "@2020"), v) })
        let v = forge.variant(truth, form: .pdfText, damage: .clean)
        #expect {
            try ReportExtractor.extract(v.bytes, file: "p.txt")
        } throws: { error in
            (error as? InputError)?.description.contains("2021 template") == true
        }
        // with the year and template given, the user's word is taken
        let r = try ReportExtractor.extract(v.bytes, file: "p.txt", options: ExtractionOptions(year: 2020, template: .v2021))
        #expect(r.report.year == 2020)
    }

    /// The report with the line holding exactly `old` (the first one after `after`) replaced by `new`.
    static func replacing(_ old: String, after: String, with new: String) throws -> ExtractionResult {
        let (text, _) = try report()
        var lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: after))
        let i = try #require(lines[start...].firstIndex(of: old))
        lines[i] = new
        return try ReportExtractor.extract(Array(lines.joined(separator: "\n").utf8), file: "n.txt")
    }

    @Test(arguments: [("38.7万", "rounded"), ("-387576", "negative"), ("387576.5", "fraction"), ("1234567890123456789", "digits")])
    func countsThatDoNotFitAreFlaggedNeverRead(_ printed: String, _ why: String) throws {
        let r = try Self.replacing("387576", after: "行政许可", with: printed)
        #expect(!r.observations.contains { $0.metric == "licensing.decisions" })
        let open = try #require(r.ambiguities.first { $0.metrics == ["licensing.decisions"] })
        #expect(open.reason?.contains(why) == true)
        // the rest of the row is read
        #expect(r.observations.first { $0.metric == "licensing.items" }?.value == 5434)
    }

    @Test func aChangeMayBeNegativeButNotFractional() throws {
        let r = try Self.replacing("-640", after: "行政许可", with: "-640.5")
        #expect(!r.observations.contains { $0.metric == "licensing.items_change" })
        #expect(r.ambiguities.contains { $0.metrics == ["licensing.items_change"] && $0.reason?.contains("fraction") == true })
    }

    @Test func aTwentyTwentyOneReportWithTheSingleOtherHandlingRowIsReadWithTwentyThreeRows() throws {
        var forge = ReportForge(seed: 1)
        let truth = ReportForge.singleOtherRowTruth(try SharedReports.truth("pingtan_2022"))
        let v = forge.variant(truth, form: .pdfText, damage: .clean)
        let r = try ReportExtractor.extract(v.bytes, file: v.name)
        let s = v.truth.score(r)
        #expect(s.wrong == 0)
        #expect(s.missing == 0)
        guard case let .value(expected)? = truth.cells["applications.other_handling.total@2022"] else {
            Issue.record("no other_handling total in the derived truth")
            return
        }
        #expect(r.observations.first { $0.metric == "applications.other_handling.total" }?.value == expected)
        #expect(r.issues.contains { $0.message.contains("single （六）其他处理") })
        // check uses the 23 rows: the identities hold
        #expect(ReportTruth.identityFailures(ReportChecker.run([r]).findings).isEmpty)
    }

    @Test func aRowWhoseLabelIsLostIsPlacedByPositionAndSaysSo() throws {
        let (text, _) = try Self.report(form: .markdown)
        let broken = text.replacingOccurrences(of: "| 2.没有现成信息需要另行制作 |", with: "|  |")
        let r = try ReportExtractor.extract(Array(broken.utf8), file: "b.md")
        let o = try #require(r.observations.first { $0.metric == "applications.unable_need_create.total" })
        #expect(o.source.contains("row placed by position"))
    }
}
