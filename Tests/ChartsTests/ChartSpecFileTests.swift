import Charts
import Foundation
import TestSupport
import Testing

@Suite("Chart spec files")
struct ChartSpecFileTests {
    /// The first ```yaml block of docs/chart-spec.md: the documented example must parse and draw.
    static func documentedExample() throws -> String {
        let doc = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("docs/chart-spec.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```yaml\n"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        return String(doc[start.upperBound..<end.lowerBound])
    }

    @Test func documentedExampleParsesIntoTheSpecItDescribes() throws {
        let file = try ChartSpecFile.parse(Self.documentedExample(), file: "chart-spec.md")
        let spec = try file.spec(series: nil)
        #expect(spec.kind == .line)
        #expect(spec.title == "行政许可事项数量")
        #expect(spec.series.map(\.label) == ["行政许可", "行政强制"])
        #expect(spec.series[0].value(in: 2019) == 5434)
        #expect(spec.series[1].years == [2019, 2020])
        #expect(spec.series[1].value(in: 2021) == nil)
        #expect(spec.annotations.valueLabels == .all)
        #expect(spec.annotations.reference == .mean)
        #expect(spec.annotations.notes == [.init(year: 2020, text: "事项清理", series: "行政许可")])
        #expect(spec.size == ChartSize.preset("a4-half"))
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.note).map(\.text).contains("事项清理"))
        #expect(scene.layoutProblems.isEmpty, "\(scene.layoutProblems)")
    }

    @Test func jsonWithExplicitSizeWorksToo() throws {
        let json = """
        {"version": 1, "kind": "bar", "title": "采购项目", "unit": "个", "theme": "print",
         "size": {"width": 800, "height": 500, "scale": 2},
         "series": [{"label": "牡丹江", "values": {"2020": 2481}}]}
        """
        let spec = try ChartSpecFile.parse(json, file: "spec.json").spec(series: nil)
        #expect(spec.size == ChartSize(width: 800, height: 500, scale: 2))
        #expect(spec.theme == .print)
        #expect(try Chart.scene(for: spec).texts(.valueLabel).map(\.text) == ["2,481"])
    }

    @Test func seriesSlotPicksThePaletteColour() throws {
        let yaml = """
        version: 1
        kind: line
        title: 行政处罚·处理决定数量
        series:
          - { label: 平潭综合实验区, values: { 2021: 1282, 2022: 2113 }, slot: 2 }
          - { label: 牡丹江市人民政府, values: { 2020: 653308 } }
        """
        let spec = try ChartSpecFile.parse(yaml, file: "slot.yaml").spec(series: nil)
        #expect(spec.series.map(\.slot) == [2, nil])
        let palette = Theme.named(.briefing)
        let labels = try Chart.scene(for: spec).texts(.seriesLabel)
        // The slotted series keeps slot 2; the other takes its label's stable slot (the next one when 2 is taken);
        // label text is the series colour darkened to 4.5:1 on white.
        #expect(labels.first { $0.text == "平潭综合实验区" }?.style.color == palette.readable(palette.seriesColor(2)))
        let keyed = SeriesSlots.stableSlot(for: "牡丹江市人民政府", paletteSize: palette.palette.count)
        let expected = keyed == 2 ? 3 : keyed
        #expect(labels.first { $0.text == "牡丹江市人民政府" }?.style.color == palette.readable(palette.seriesColor(expected)))
    }

    @Test func errorsNameTheFileAndThePlace() {
        #expect { try ChartSpecFile.parse("version: 2\n", file: "a.yaml") } throws: {
            "\($0)" == "reading the spec file a.yaml: version 2 is not supported; this trendplot reads version 1"
        }
        #expect { try ChartSpecFile.parse("version: 1\nannotations: { trendLine: maybe }\n", file: "b.yaml") } throws: {
            "\($0)".hasPrefix("reading the spec file b.yaml: at “annotations.trendLine”")
        }
        #expect { try ChartSpecFile.parse("version: 1\nsize: poster\n", file: "c.yaml") } throws: {
            "\($0)".contains("size: unknown preset “poster”")
        }
        #expect { try ChartSpecFile.parse("title: x\n", file: "d.yaml") } throws: {
            "\($0)".contains("missing key “version”")
        }
    }

    @Test func referenceIsReadOneWayInFilesAndFlags() throws {
        let yaml = """
        version: 1
        title: 行政许可·项目数量
        annotations: { reference: "1,200", referenceLabel: 目标 }
        series: [{ label: 牡丹江市人民政府, values: { 2019: 5434, 2020: 4794 } }]
        """
        let spec = try ChartSpecFile.parse(yaml, file: "r.yaml").spec(series: nil)
        #expect(spec.annotations.reference == .value(1200, label: "目标"))
        #expect(SpecOverrides.reference("均值") == .mean)
        #expect(SpecOverrides.reference("Mean") == .mean)
        #expect(SpecOverrides.reference("+2.5") == .value(2.5, label: nil))
        #expect(SpecOverrides.reference("nan") == nil)
        #expect { try ChartSpecFile.parse("version: 1\nannotations: { reference: most }\n", file: "e.yaml") } throws: {
            "\($0)" == "reading the spec file e.yaml: annotations.reference: expected mean or a number, found “most”"
        }
    }

    @Test func overridesApplyOnlyTheFieldsTheyHold() {
        var spec = ChartSpec(title: "行政许可·项目数量", unit: "项",
                             series: [ChartSeries(label: "牡丹江市人民政府", values: [2019: 5434, 2020: 4794])])
        spec.size = ChartSize(width: 1200, height: 750, scale: 2)
        var o = SpecOverrides()
        o.kind = .bar
        o.size = .explicit(width: nil, height: 600, scale: nil, preset: "a4-half")
        o.apply(to: &spec)
        #expect(spec.kind == .bar)
        #expect(spec.title == "行政许可·项目数量")
        #expect(spec.unit == "项")
        #expect(spec.size == ChartSize(width: 794, height: 600, scale: 1))
    }
}
