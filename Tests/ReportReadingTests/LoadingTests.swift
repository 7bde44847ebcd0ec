import Foundation
import ReportReading
@testable import SeriesModel
import TestSupport
import Testing

@Suite struct LoadingTests {
    /// The bundled reports (text and HTML of the same Pingtan reports, the DOCX of Pingtan 2021, Mudanjiang's text
    /// and its hand-made CSV)
    /// merge into one value per key: the copies agree, so there is no conflict, and the figures are the printed ones.
    @Test func bundledReportsMergeWithoutConflicts() throws {
        let inputs = InputLoader().load([RepoPaths.datasets.path])
        #expect(inputs.reports.count == 9)
        #expect(inputs.tidyFiles.map { ($0.file as NSString).lastPathComponent } == ["mudanjiang_2020_table2.csv"])
        var d = inputs.dataset
        d.addIndicators()
        #expect(d.errors.isEmpty)
        #expect(d.conflicts.isEmpty)
        #expect(d.files.count == 10)
        #expect(d.entities == ["平潭综合实验区", "牡丹江市人民政府"])
        #expect(d.series(entity: "平潭综合实验区", metric: "licensing.decisions")?.values == [181, 2293, 10690])
        #expect(d.series(entity: "牡丹江市人民政府", metric: "licensing.items")?.values == [5434, 4794])
        #expect(d.value(entity: "平潭综合实验区", year: 2021, metric: "indicator.disclosure_rate") == 3500.0 / 69)
        // Every fixture figure transcribed from the truth files is what the extractor read.
        let fixture = Dataset(try TidyTable.readCSV(Array(try Data(contentsOf: RepoPaths.tests.appendingPathComponent("SeriesModelTests/Fixtures/Analysis/pingtan_tidy.csv"))), file: "p.csv"))
        for o in fixture.observations() {
            #expect(d.value(entity: o.entity, year: o.year, metric: o.metric) == o.value, "\(o.key)")
        }
    }

    /// Reports, tidy files, a broken report and files no reader takes, in one folder: each is read, or named with
    /// the reason it was not; the report's extraction result is kept.
    @Test func aMixedFolderIsReadAndEveryFileAccountedFor() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: RepoPaths.dataset("pingtan/pingtan_2021.html"), to: dir.appendingPathComponent("sub/pingtan_2021.html"))
        try Data("entity,year,metric,value\n甲,2020,licensing.decisions,12\n".utf8).write(to: dir.appendingPathComponent("a.csv"))
        try Data("<html><body><p>no tables here</p></body></html>".utf8).write(to: dir.appendingPathComponent("broken.html"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("notes.wps"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("photo.heic"))
        for jobs in [1, 2] {
            let inputs = InputLoader(jobs: jobs).load([dir.path])
            #expect(inputs.reports.map(\.report.file) == ["pingtan_2021.html"])
            #expect(inputs.reports.first?.report.entity == "平潭综合实验区")
            #expect(inputs.dataset.value(entity: "平潭综合实验区", year: 2021, metric: "licensing.decisions") == 2293)
            #expect(inputs.dataset.value(entity: "甲", year: 2020, metric: "licensing.decisions") == 12)
            #expect(inputs.tidyFiles.map(\.rows) == [1])
            #expect(inputs.errors.map { ($0.file as NSString).lastPathComponent } == ["broken.html"])
            let skipped = inputs.skipped.map(\.description)
            #expect(skipped.count == 2)
            #expect(skipped.contains { $0.contains("notes.wps") && $0.contains("libreoffice --headless --convert-to docx") })
            #expect(skipped.contains { $0.contains("photo.heic") && $0.contains("not a report") })
        }
    }

    /// The registry decides the reader: by extension, and by content where the content says more.
    @Test func theRegistryPicksReadersByExtensionAndContent() throws {
        let html = Array("<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>".utf8)
        #expect(try DocumentReaders.reader(for: html, file: "a.txt") == HTMLDocumentReader.self)
        #expect(try DocumentReaders.reader(for: html, file: "a.md") == MarkdownDocumentReader.self)
        #expect(try DocumentReaders.reader(for: Array("表二".utf8), file: "a") == TextDocumentReader.self)
        #expect(throws: InputError.self) { try DocumentReaders.reader(for: [1, 2], file: "report.wps") }
        #expect(InputLoader.kind(of: "x/y.HTM") == .report)
        #expect(InputLoader.kind(of: "x/y.json") == .tidy)
        #expect(InputLoader.kind(of: "x/y.heic") == nil)
    }
}
