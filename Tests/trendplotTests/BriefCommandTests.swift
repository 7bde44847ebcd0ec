import ArgumentParser
import ReportReading
import Publishing
import Charts
import Foundation
import SeriesModel
import TestSupport
import Testing
@testable import trendplot

@Suite("trendplot brief")
struct BriefCommandTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pingtan = repo.appendingPathComponent("datasets/pingtan").path
    static let datasets = repo.appendingPathComponent("datasets").path

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-brief-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func writesTheSamePDFTwiceWithNoTemporaryFileLeft() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("briefing.pdf").path
        try BriefCommand.parse([Self.pingtan, "-o", out]).run()
        let first = try #require(FileManager.default.contents(atPath: out))
        try BriefCommand.parse([Self.pingtan, "-o", out]).run()
        let second = try #require(FileManager.default.contents(atPath: out))
        #expect(first.prefix(5) == Data("%PDF-".utf8))
        #expect(first == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["briefing.pdf"])
    }

    @Test func readsReportsForTheCheckerAndTidyFilesForData() throws {
        let input = try BriefCommand.read([Self.datasets])
        // Nine report files (eight Pingtan in HTML, text, DOCX and PDF; one Mudanjiang), one hand-made CSV.
        #expect(input.reports.map(\.report.file).sorted() == [
            "mudanjiang_2020.txt", "pingtan_2019.html", "pingtan_2019.txt", "pingtan_2021.docx", "pingtan_2021.html",
            "pingtan_2021.pdf", "pingtan_2021.txt", "pingtan_2022.html", "pingtan_2022.txt",
        ])
        #expect(input.tidyFiles.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["mudanjiang_2020_table2.csv"])
        #expect(input.tidyFiles[0].rows > 0)
        let b = try BriefingBuilder().build(input)
        #expect(b.sections.map(\.entity) == ["牡丹江市人民政府", "平潭综合实验区"])   // pinyin order
        #expect(b.sources.count == 10)
        // Mudanjiang 2020: 57 normative documents in the prose, 58 in 表二 — the checker says so.
        #expect(b.checks.findings.contains { $0.contains("mudanjiang_2020.txt") })
    }

    @Test func unknownEntityNamesTheBodiesInTheData() throws {
        let cmd = try BriefCommand.parse([Self.pingtan, "--entity", "福州市", "-o", "/tmp/never-written.pdf"])
        #expect { try cmd.runBody() } throws: { "\($0)".contains("“福州市”") && "\($0)".contains("平潭综合实验区") }
        #expect(throws: ExitCode(2)) { try cmd.run() }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.pdf"))
    }

    @Test func optionsAreChecked() {
        #expect(throws: (any Error).self) { try BriefCommand.parse([Self.pingtan, "-o", "briefing.png"]) }
        #expect(throws: (any Error).self) { try BriefCommand.parse([Self.pingtan, "-o", "b.pdf", "--lang", "fr"]) }
        #expect(throws: (any Error).self) { try BriefCommand.parse([Self.pingtan, "-o", "b.pdf", "--date", "2026-13-01"]) }
        #expect(throws: (any Error).self) { try BriefCommand.parse([Self.pingtan, "-o", "b.pdf", "--date", "4.12.2026"]) }
        #expect(throws: (any Error).self) { try BriefCommand.parse([Self.pingtan, "-o", "b.pdf", "--order", "stroke"]) }
    }

    @Test func coverFieldsAndHeadlinesReachThePDF() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("briefing.pdf").path
        try BriefCommand.parse([Self.pingtan, "-o", out, "--org", "平潭综合实验区管委会办公室", "--date", "2026-12-04",
                                "--issue-no", "7", "--headline"]).run()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [out, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(text.contains("编制单位：平潭综合实验区管委会办公室"))
        #expect(text.contains("2026年12月4日"))
        #expect(text.contains("第7期"))
        #expect(text.contains("行政许可2022年增至1.07万件，为2019年的59倍"))
    }

    @Test func plotHeadlineMakesTheFindingTheTitle() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("h.svg").path
        let cmd = try PlotCommand.parse([Self.pingtan, "--entity", "平潭综合实验区", "--metric", "licensing.decisions",
                                         "--metric", "penalty.decisions", "--headline", "--alt-text", "-o", out])
        try cmd.run()
        let alt = try String(contentsOfFile: out + ".alt.txt", encoding: .utf8)
        #expect(alt.hasPrefix("折线图：行政许可2022年增至1.07万件，为2019年的59倍"))
    }
}
