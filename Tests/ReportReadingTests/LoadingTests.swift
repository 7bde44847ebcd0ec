import Foundation
import ReportReading
@testable import SeriesModel
import TestSupport
import Testing

@Suite struct LoadingTests {
    /// The bundled reports (text and HTML of the same Pingtan reports, Mudanjiang's text and its hand-made CSV)
    /// merge into one value per key: the copies agree, so there is no conflict, and the figures are the printed ones.
    @Test func bundledReportsMergeWithoutConflicts() throws {
        let loader = DatasetLoader { bytes, file in
            try ReportExtractor.extract(bytes, file: (file as NSString).lastPathComponent).observations
        }
        var d = loader.load([RepoPaths.datasets.path])
        d.addIndicators()
        #expect(d.errors.isEmpty)
        #expect(d.conflicts.isEmpty)
        #expect(d.files.count == 8)
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
}
