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

    /// A seeded generator (SplitMix64) so property tests are reproducible.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
