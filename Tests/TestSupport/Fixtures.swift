import Charts
import Foundation
import Publishing
import SeriesModel

/// Paths and data shared by the chart, publishing and command tests.
public enum Fixtures {
    public static let repoRoot = RepoPaths.root

    public static func datasetURL(_ relative: String) -> URL { repoRoot.appendingPathComponent("datasets").appendingPathComponent(relative) }

    public static func fixtureURL(_ name: String) -> URL {
        RepoPaths.tests.appendingPathComponent("ChartsTests/Fixtures").appendingPathComponent(name)
    }

    /// The hand-made 表二 CSV of 牡丹江市 2020.
    public static func mudanjiang() throws -> [Observation] {
        let url = datasetURL("mudanjiang/mudanjiang_2020_table2.csv")
        return try TidyTable.readCSV([UInt8](try Data(contentsOf: url)), file: url.lastPathComponent)
    }

    /// A line chart of 行政许可·项目数量 (5,434 in 2019 → 4,794 in 2020).
    public static func licensingItemsSpec() throws -> ChartSpec {
        try ChartSpec(observations: mudanjiang(), metrics: ["licensing.items"])
    }

    public static let cjkFontInstalled = FontCoverage.hasFont(language: "zh-cn")
}

extension Fixtures {
    /// 平潭综合实验区 2019, 2021, 2022 from the hand-checked truth files (see Fixtures/README.md).
    public static func pingtan() throws -> [Observation] {
        let url = fixtureURL("pingtan_truth.csv")
        return try TidyTable.readCSV([UInt8](try Data(contentsOf: url)), file: url.lastPathComponent)
    }

    public static let itemMetrics = ["licensing.items", "other_services.items", "penalty.items", "coercion.items", "fees.items"]
    public static let decisionMetrics = ["licensing.decisions", "penalty.decisions", "coercion.decisions"]
}

extension Scene {
    /// The text boxes with `role`, in drawing order.
    public func texts(_ role: TextRole) -> [TextBox] { texts.filter { $0.role == role } }

    /// Describes overlaps and escapes for a failure message.
    public var layoutProblems: String {
        let o = overlappingTexts().map { "“\($0.0.text)” overlaps “\($0.1.text)”" }
        let e = textsOutsideCanvas().map { "“\($0.text)” leaves the canvas at \($0.frame)" }
        return (o + e).joined(separator: "; ")
    }
}
