import Charts
import Foundation
@testable import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing

/// The briefing of the bundled Pingtan reports (2019, 2021, 2022; each as HTML and as text).
enum BriefFixtures {
    static func input(_ folder: String) throws -> BriefingInput {
        BriefingInput(InputLoader().load([Fixtures.datasetURL(folder).path]))
    }

    static func pingtan(language: Language = .zh) throws -> Briefing {
        try BriefingBuilder(language: language).build(input("pingtan"))
    }
}

@Suite("Briefing PDF")
struct BriefPDFTests {
    @Test func pingtanHasEveryDefaultChartAndTheExpectedPages() throws {
        let b = try BriefFixtures.pingtan()
        #expect(b.bodies == ["平潭综合实验区"])
        #expect(b.years == [2019, 2021, 2022])
        let section = try #require(b.sections.first)
        // Seven of the eight default charts (ViewCatalog.briefing), titled as in the demo: 对外公开总数量 is one value
        // (2019) for Pingtan, which a table says better than a chart; 现行有效件数 (2021, 2022) has its own chart.
        #expect(section.charts.map(\.spec.title) == [
            "行政许可、行政处罚、行政强制处理决定数量", "政府信息公开申请收到与办结数量",
            "政府信息公开申请公开率（予以公开与部分公开占办结申请的比例）", "政府信息公开申请办理结果构成",
            "因政府信息公开引发的行政复议和行政诉讼", "行政规范性文件本年制发、公开与废止", "行政规范性文件现行有效件数",
        ])
        #expect(section.charts.map(\.spec.title) == ViewCatalog.briefing.map(\.titleZh).filter { $0 != "行政规范性文件对外公开总数量" })
        let out = try BriefPDF.render(b)
        // Cover, 核心结论, findings, one page per chart, notes, appendix (eight source files).
        #expect(out.pages.count == 17)
        #expect(out.pages.filter { !$0.charts.isEmpty }.count == 7)
        #expect(Array(out.bytes.prefix(5)) == Array("%PDF-".utf8))
        // The page tree of the file says the same.
        #expect(String(decoding: out.bytes, as: UTF8.self).contains("/Count \(out.pages.count)\n"))
        #expect(String(decoding: out.bytes, as: UTF8.self).components(separatedBy: "/Type /Page %").count - 1 == out.pages.count)
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let a = try BriefPDF.render(try BriefFixtures.pingtan()).bytes
        let b = try BriefPDF.render(try BriefFixtures.pingtan()).bytes
        #expect(a.count > 10_000)
        #expect(a == b)
        #expect(!String(decoding: a, as: UTF8.self).contains("/CreationDate (D:20"))
    }

    @Test func pagesShowTheRealNumbers() throws {
        let pages = try BriefPDF.pages(try BriefFixtures.pingtan())
        // The decisions table: 行政处罚 430 (2019), 1,282 (2021), 2,113 (2022); 行政许可 10,690 in 2022.
        let decisions = try #require(pages.first { $0.charts.first?.scene.altText.title.contains("处理决定数量") == true })
        let cells = decisions.texts.map(\.text)
        let penaltyRow = try #require(cells.firstIndex(of: "行政处罚"))
        #expect(Array(cells[penaltyRow...].prefix(4)) == ["行政处罚", "430", "1,282", "2,113"])
        #expect(cells.contains("10,690"))
        #expect(cells.contains("单位：件"))
        // The disclosure rate 2022: (21 + 9) / 75 = 40.0%; 2021: 50.7%.
        let rate = try #require(pages.first { $0.charts.first?.scene.altText.title.contains("公开率") == true })
        #expect(rate.texts.map(\.text).contains("40.0"))
        #expect(rate.texts.map(\.text).contains("50.7"))
        // The findings quote the same numbers; their endnote names the source in words, the appendix the cells.
        let text = pages[2].texts.map { $0.text.replacingOccurrences(of: "\n", with: "") }
        let b = try BriefFixtures.pingtan()
        let penalty = try #require(b.sections[0].findings.first { $0.text.hasPrefix("2022年行政处罚决定") })
        #expect(penalty.text == "2022年行政处罚决定2,113件，较上年增加831件（+64.8%）。")
        #expect(text.contains(penalty.text + "〔\(penalty.notes[0])〕"))
        #expect(b.endnotes[penalty.notes[0] - 1].text == "平潭综合实验区2021年、2022年政府信息公开工作年度报告，表二“行政处罚·处理决定数量”。")
        #expect(b.references.first { $0.note == penalty.notes[0] }?.references.contains { $0.contains("pingtan_2022.html#table2") } == true)
        // The appendix (the pages after the last chart) names every file and the checker's summary.
        let lastChart = try #require(pages.lastIndex { !$0.charts.isEmpty })
        let appendix = pages[(lastChart + 1)...].flatMap { $0.texts.map(\.text) }
        for f in ["pingtan_2019.html", "pingtan_2019.txt", "pingtan_2021.docx", "pingtan_2021.html", "pingtan_2021.pdf",
                  "pingtan_2021.txt", "pingtan_2022.html", "pingtan_2022.txt"] {
            #expect(appendix.contains(f))
        }
        #expect(appendix.contains { $0.hasPrefix("对8份报告核对了") })
    }

    @Test func nothingOverlapsOrLeavesThePage() throws {
        let out = try BriefPDF.render(try BriefFixtures.pingtan())
        for (i, p) in out.pages.enumerated() {
            #expect(p.overlaps().isEmpty, "page \(i + 1) has overlapping text")
            #expect(p.outsidePage().isEmpty, "page \(i + 1) has text outside the page")
            for c in p.charts {
                #expect(c.scene.overlappingTexts().isEmpty, "page \(i + 1): \(c.scene.altText.title)")
                #expect(c.frame.maxY < 841.89 - 62)
            }
            // Every text box ends above the footer rule.
            for t in p.texts where t.role != .source { #expect(t.frame.maxY <= 841.89 - 50, "page \(i + 1): \(t.text)") }
        }
        if Fixtures.cjkFontInstalled { #expect(out.unknownGlyphs == 0) }
    }

    @Test func contentsOnTheCoverPointAtTheRightPages() throws {
        let pages = try BriefPDF.pages(try BriefFixtures.pingtan())
        let cover = pages[0].texts.map(\.text)
        // 公开率's figure: its number follows ViewCatalog's reading order (decisions, applications, 公开率, outcomes …).
        let figure = try #require(cover.indices.first {
            cover[$0].hasPrefix("图") && $0 + 1 < cover.count && cover[$0 + 1].hasPrefix("平潭综合实验区政府信息公开申请公开率")
        })
        #expect(cover[figure] == "图3")
        let page = try #require(Int(cover[figure + 2]))
        #expect(pages[page - 1].charts.first?.scene.altText.title.contains("公开率") == true)
        let appendix = try #require(cover.firstIndex(of: "附录"))
        let appendixPage = try #require(pages.firstIndex { $0.texts.first?.text == "附录" })
        #expect(Int(cover[appendix + 1]) == appendixPage + 1)   // 1-based
    }

    @Test func englishBriefing() throws {
        let pages = try BriefPDF.pages(try BriefFixtures.pingtan(language: .en))
        let all = pages.flatMap(\.allText)
        #expect(all.contains("Government Information Disclosure: Data Briefing"))
        #expect(all.contains("Page 2 of \(pages.count)"))
        #expect(all.contains("2,113"))
        #expect(all.contains("10,690"))
    }

    @Test func oneSectionPerBodyAndEntityFilter() throws {
        var input = try BriefFixtures.input("pingtan")
        var builder = DatasetBuilder()
        builder.add(contentsOf: input.dataset.observations())
        builder.add(contentsOf: try Fixtures.mudanjiang())
        input.dataset = builder.build()
        input.tidyFiles = [.init(file: "mudanjiang_2020_table2.csv", rows: try Fixtures.mudanjiang().count)]
        let both = try BriefingBuilder().build(input)
        // Pinyin order: mu < ping.
        #expect(both.sections.map(\.entity) == ["牡丹江市人民政府", "平潭综合实验区"])
        // 表二 only for Mudanjiang 2020, one year: key figures as tiles and one table, no charts.
        #expect(both.sections[0].charts.isEmpty)
        // Its key figures: 行政许可 387,576 and 行政处罚 653,308 decisions (two: tiles only, no table).
        #expect(both.sections[0].tiles == [BriefTile(label: "行政许可决定", value: "38.76万件"),
                                           BriefTile(label: "行政处罚决定", value: "65.33万件")])
        #expect(both.sections[0].keyTable == nil)
        let one = try BriefingBuilder(entities: ["牡丹江"]).build(input)
        #expect(one.sections.map(\.entity) == ["牡丹江市人民政府"])
        #expect(throws: BriefError.self) { try BriefingBuilder(entities: ["福州市"]).build(input) }
        do {
            _ = try BriefingBuilder(entities: ["福州市"]).build(input)
        } catch let e as BriefError {
            #expect(e.message.contains("“福州市”") && e.message.contains("平潭综合实验区"))
        }
    }

    @Test func metricOptionGivesOneChartPerMetric() throws {
        let input = try BriefFixtures.input("pingtan")
        let b = try BriefingBuilder(metrics: ["penalty.decisions", "review.*"]).build(input)
        let ids = b.sections[0].charts.map { $0.spec.series.map(\.label) }
        #expect(ids.first == ["平潭综合实验区"])
        // 1 + 5 charts, less the one whose values are all 0 (said in a note instead).
        #expect(b.sections[0].charts.count == 1 + 4)
        #expect(b.sections[0].notes.contains { $0.hasPrefix("以下图表的数值各年均为0") })
        #expect(b.sections[0].charts[0].table.rows == [["行政处罚·处理决定数量", "430", "1,282", "2,113"]])
        #expect(throws: BriefError.self) { try BriefingBuilder(metrics: ["fees.itemz"]).build(input) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")))
    func pdfTextHasTheNumbers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("b.pdf")
        try Data(try BriefPDF.render(try BriefFixtures.pingtan()).bytes).write(to: pdf)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-layout", pdf.path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("2022年行政处罚决定2,113件"))
        #expect(text.contains("10,690"))
        #expect(text.contains("第10页"))
    }

    @Test func manyYearsSplitTheTableInsteadOfSqueezingIt() throws {
        // Fifteen years of values like Mudanjiang's 387,576 licensing decisions: the cells need ~45 points each.
        var values: [Int: Double] = [:]
        for y in 2008...2022 { values[y] = 387_576 + Double(y - 2008) * 10_001 }
        var spec = ChartSpec(kind: .line, title: "行政许可·处理决定数量", unit: "件",
                             series: [ChartSeries(label: "行政许可", values: values)])
        spec.size = ChartSize(width: 640, height: 400)
        let b = Briefing(language: .zh, title: "简报", bodies: ["牡丹江市人民政府"], years: Array(2008...2022),
                         generatedFrom: "测试", sections: [BriefSection(entity: "牡丹江市人民政府", years: Array(2008...2022),
                         groups: [], charts: [BriefChart(spec: spec, table: BriefTable(spec))])],
                         sources: [], checks: BriefChecks(summary: "", findings: []), conflicts: [])
        let pages = try BriefPDF.pages(b)
        let chartPage = try #require(pages.first { !$0.charts.isEmpty })
        #expect(chartPage.overlaps().isEmpty)
        #expect(chartPage.outsidePage().isEmpty)
        let texts = chartPage.texts.map(\.text)
        #expect(texts.contains("387,576"))                    // 2008
        #expect(texts.contains("527,590"))                    // 2022: 387,576 + 14 × 10,001
        // Balanced blocks (8 + 7 years), not one squeezed table or 14 + 1.
        #expect(texts.filter { $0 == "项目" }.count == 2)
        let heads = texts.indices.filter { texts[$0] == "项目" }
        #expect(heads.map { texts[$0 + 1] } == ["2008年", "2016年"])
        for y in 2008...2022 { #expect(texts.contains("\(y)年")) }
    }
}
