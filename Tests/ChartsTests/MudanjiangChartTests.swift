import Publishing
import Charts
import SeriesModel
import TestSupport
import Testing

@Suite("The Mudanjiang 表二 CSV as a chart")
struct MudanjiangChartTests {
    @Test func licensingItemsSpecCarriesThePrintedValues() throws {
        let spec = try Fixtures.licensingItemsSpec()
        #expect(spec.title == "行政许可·项目数量")
        #expect(spec.unit == "项")
        #expect(spec.series.count == 1)
        #expect(spec.series[0].label == "牡丹江市人民政府")
        #expect(spec.series[0].value(in: 2019) == 5434)
        #expect(spec.series[0].value(in: 2020) == 4794)
        #expect(spec.source == "数据来源：牡丹江市人民政府2020年政府信息公开工作年度报告表二")
    }

    @Test func sceneLabelsBothYearsValuesAndTheUnit() throws {
        let scene = try Chart.scene(for: try Fixtures.licensingItemsSpec())
        let texts = scene.texts.map(\.text)
        #expect(texts.contains("5,434"))
        #expect(texts.contains("4,794"))
        #expect(texts.contains("单位：项"))
        #expect(!texts.contains("年份"))   // year ticks need no axis title (C4)
        #expect(texts.contains("2019") && texts.contains("2020"))
        #expect(scene.texts.filter { $0.role == .valueLabel }.count == 2)
        // 5,434 sits higher on the canvas than 4,794.
        let high = try #require(scene.texts.first { $0.text == "5,434" })
        let low = try #require(scene.texts.first { $0.text == "4,794" })
        #expect(high.frame.midY < low.frame.midY)
    }

    @Test func sceneTextStaysInsideAndApart() throws {
        let scene = try Chart.scene(for: try Fixtures.licensingItemsSpec())
        #expect(scene.textsOutsideCanvas().isEmpty)
        #expect(scene.overlappingTexts().isEmpty)
    }

    @Test func fiveItemSeriesGetDirectLabels() throws {
        let metrics = ["licensing.items", "other_services.items", "penalty.items", "coercion.items", "fees.items"]
        let spec = try ChartSpec(observations: Fixtures.mudanjiang(), metrics: metrics)
        #expect(spec.title == "项目数量")
        #expect(spec.series.map(\.label) == ["行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费"])
        let scene = try Chart.scene(for: spec)
        #expect(Set(scene.texts.filter { $0.role == .seriesLabel }.map(\.text)) == Set(spec.series.map(\.label)))
        #expect(scene.overlappingTexts().isEmpty)
        #expect(scene.textsOutsideCanvas().isEmpty)
    }

    @Test func mixedUnitsAreRefusedWithTheMetricsNamed() throws {
        #expect {
            try ChartSpec(observations: Fixtures.mudanjiang(), metrics: ["procurement.amount", "procurement.projects"])
        } throws: { e in
            "\(e)".contains("procurement.amount (万元), procurement.projects (个)")
        }
    }
}

@Suite("English output")
struct EnglishOutputTests {
    @Test func englishLabelsUnitsAndAltText() throws {
        let spec = try ChartSpec(observations: Fixtures.mudanjiang(), metrics: ["licensing.decisions", "penalty.decisions"],
                                 kind: .bar, language: .en)
        #expect(spec.title == "Decisions")
        #expect(spec.series.map(\.label) == ["Licensing", "Penalties"])
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.axisTitle).map(\.text) == ["Unit: thousand decisions"])
        #expect(scene.texts(.valueLabel).map(\.text) == ["387.6", "653.3"])
        #expect(scene.altText.title == "bar chart: Decisions")
        #expect(scene.altText.description.contains("Penalties: 653,308 decisions in 2020."))
        #expect(spec.source == "Source: 牡丹江市人民政府 annual information-disclosure reports 2020, table 2")
    }
}
