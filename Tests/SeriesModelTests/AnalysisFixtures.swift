import TestSupport
import Foundation
@testable import SeriesModel

/// Paths of the repo's datasets and the analysis fixtures, relative to this file.
enum AnalysisFixtures {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repo = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures/Analysis")
    static let mudanjiangTable2 = repo.appendingPathComponent("datasets/mudanjiang/mudanjiang_2020_table2.csv").path
    static let mudanjiangTables34 = fixtures.appendingPathComponent("mudanjiang_2020_tables34.csv").path
    static let pingtan = fixtures.appendingPathComponent("pingtan_tidy.csv").path

    static func load(_ paths: [String], indicators: Bool = true) -> Dataset {
        var d = DatasetLoader().load(paths)
        if indicators { d.addIndicators() }
        return d
    }
}
