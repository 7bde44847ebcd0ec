import Charts
import Foundation
import SeriesModel

/// Paths and data shared by the chart tests, located from this file.
enum Fixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func datasetURL(_ relative: String) -> URL { repoRoot.appendingPathComponent("datasets").appendingPathComponent(relative) }

    static func fixtureURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// The hand-made 表二 CSV of 牡丹江市 2020.
    static func mudanjiang() throws -> [Observation] {
        let url = datasetURL("mudanjiang/mudanjiang_2020_table2.csv")
        return try TidyTable.readCSV([UInt8](try Data(contentsOf: url)), file: url.lastPathComponent)
    }

    /// A line chart of 行政许可·项目数量 (5,434 in 2019 → 4,794 in 2020).
    static func licensingItemsSpec() throws -> ChartSpec {
        try ChartSpec(observations: mudanjiang(), metrics: ["licensing.items"])
    }

    static let cjkFontInstalled = FontCoverage.hasFont(language: "zh-cn")
}
