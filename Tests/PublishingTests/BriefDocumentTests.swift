import CPoppler
import Charts
import Foundation
@testable import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing

/// The text and the font sizes of a rendered PDF, read back with poppler (as a reader's viewer would see it).
struct PDFTextLayer {
    struct Page {
        var text: String
        /// Every text run: font name and size in points.
        var runs: [(font: String, size: Double, text: String)]
    }
    var pages: [Page]

    init(_ bytes: [UInt8]) throws {
        let g = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(g) }
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_bytes(g, nil, &error) else {
            if let error { g_error_free(error) }
            throw BriefError("poppler could not open the briefing PDF")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(doc)) }
        pages = []
        for i in 0..<poppler_document_get_n_pages(doc) {
            guard let page = poppler_document_get_page(doc, i) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            var text = ""
            if let t = poppler_page_get_text(page) { text = String(cString: t); g_free(t) }
            let scalars = Array(text.unicodeScalars)
            var runs: [(String, Double, String)] = []
            if let list = poppler_page_get_text_attributes(page) {
                var node: UnsafeMutablePointer<GList>? = list
                while let n = node {
                    if let a = n.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self) {
                        let lo = max(0, Int(a.pointee.start_index)), hi = min(scalars.count - 1, Int(a.pointee.end_index))
                        var s = String.UnicodeScalarView()
                        if lo <= hi { s.append(contentsOf: scalars[lo...hi]) }
                        let name = a.pointee.font_name.map { String(cString: $0) } ?? ""
                        runs.append((name, a.pointee.font_size, String(s)))
                    }
                    node = n.pointee.next
                }
                poppler_page_free_text_attributes(list)
            }
            pages.append(Page(text: text, runs: runs))
        }
    }

    /// The index of the first page whose text starts with `heading` (after the cover).
    func firstPage(startingWith heading: String) -> Int? {
        pages.indices.dropFirst().first { pages[$0].text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(heading) }
    }
}

/// The three briefings of the evidence: one body over seven years (Pingtan 2019–2025), three bodies (Shanghai
/// 2019, Pingtan 2019–2025, Mudanjiang 2020) and a generated region of 30 bodies.
enum BriefEvidence {
    static let shared = Fixtures.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/reports")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("pingtan_2025.txt").path) }

    /// Pingtan 2019–2025 as text reports: the bundled 2019, 2021, 2022 and the shared 2020, 2023–2025.
    static func pingtan7Paths() -> [String] {
        ["pingtan_2019.txt", "pingtan_2021.txt", "pingtan_2022.txt"].map { Fixtures.datasetURL("pingtan/\($0)").path }
            + ["pingtan_2020.txt", "pingtan_2023.txt", "pingtan_2024.txt", "pingtan_2025.txt"].map { shared.appendingPathComponent($0).path }
    }

    static func pingtan7() throws -> Briefing {
        try BriefingBuilder(cover: BriefCover(organization: "平潭综合实验区政务公开办公室", date: "2026年12月4日", issueNumber: "第3期"))
            .build(BriefingInput(InputLoader().load(pingtan7Paths())))
    }

    static func threeBodies() throws -> Briefing {
        let paths = [shared.appendingPathComponent("shanghai-bgt_2019.html").path] + pingtan7Paths()
            + [Fixtures.datasetURL("mudanjiang").path]
        return try BriefingBuilder().build(BriefingInput(InputLoader().load(paths)))
    }

    static func region() throws -> Briefing {
        try BriefingBuilder(cover: BriefCover(organization: "某市人民政府办公室", date: "2026年12月4日", issueNumber: "第12期"))
            .build(BriefingInput(dataset: Dataset(RegionFixture.observations())))
    }

    /// Renders `b`; with TRENDPLOT_BRIEF_EVIDENCE set, also writes the PDF there as `name`.pdf (to look at the pages).
    static func render(_ b: Briefing, _ name: String) throws -> (BriefPDF.Rendered, PDFTextLayer) {
        let out = try BriefPDF.render(b)
        if let dir = ProcessInfo.processInfo.environment["TRENDPLOT_BRIEF_EVIDENCE"] {
            try Data(out.bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name + ".pdf"))
        }
        return (out, try PDFTextLayer(out.bytes))
    }

    /// Every metric id of the catalog, and the indicator ids.
    static let metricIds: [String] = MetricCatalog.standard.metrics.map(\.id) + MetricCatalog.indicatorDefinitions.map(\.id)
}

@Suite("Briefing as a document for leaders")
struct BriefDocumentTests {
    /// The checks every briefing must pass, on the text poppler reads back from the PDF.
    func checkDocument(_ b: Briefing, _ name: String) throws {
        let (out, pdf) = try BriefEvidence.render(b, name)
        #expect(pdf.pages.count == out.pages.count)
        let notes = try #require(pdf.firstPage(startingWith: "注释"), "\(name): no 注释 page")
        let appendix = try #require(pdf.firstPage(startingWith: "附录"), "\(name): no 附录 page")
        #expect(notes < appendix)
        // Findings and figures pages: no cell reference, no split note, no R², no metric id, no formula.
        for i in 1..<notes {
            let t = pdf.pages[i].text
            for bad in ["#table", "split from", "R²", "R2=", " × ", "(transcribed)"] {
                #expect(!t.contains(bad), "\(name) page \(i + 1) holds “\(bad)”")
            }
            for id in BriefEvidence.metricIds where t.contains(id) {
                Issue.record("\(name) page \(i + 1) holds the metric id \(id)")
            }
            // Every change of a rate is in 个百分点: no 提高/下降 … % after a rate or a share.
            let wrong = t.range(of: #"(公开率|纠错率|占比)[^。；\n]{0,12}(提高|下降|上升|增长|减少)[0-9.,−+-]+%"#, options: .regularExpression)
            #expect(wrong == nil, "\(name) page \(i + 1): a rate change in %: \(wrong.map { String(t[$0]) } ?? "")")
        }
        // The appendix (and the notes) have no English sentence: three Latin words in a row.
        for i in notes..<pdf.pages.count {
            let t = pdf.pages[i].text
            if let r = t.range(of: #"[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}"#, options: .regularExpression) {
                Issue.record("\(name) page \(i + 1): English in the appendix: “\(t[r])”")
            }
        }
        // Print sizes, measured from the PDF: nothing below 8 pt; the findings' body text at 12 pt in a serif face.
        let runs = pdf.pages.flatMap(\.runs).filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let smallest = try #require(runs.map(\.size).min())
        #expect(smallest >= 8, "\(name): smallest text \(smallest) pt: \(runs.filter { $0.size < 8 }.prefix(3).map(\.text))")
        let sentence = try #require(b.sections.first?.findings.first?.text.prefix(10))
        let bodyRuns = pdf.pages[1..<notes].flatMap(\.runs).filter { $0.text.contains(sentence) }
        #expect(!bodyRuns.isEmpty, "\(name): the findings' text was not found")
        let bad = bodyRuns.filter { $0.size < 12 || !$0.font.contains("Serif") }
        #expect(bad.isEmpty, "\(name): \(bad.prefix(3).map { ($0.font, $0.size, $0.text) })")
        #expect(runs.contains { $0.font.contains("Sans") && $0.size >= 14 }, "\(name): no 黑体 heading")
        for (i, p) in out.pages.enumerated() {
            #expect(p.overlaps().isEmpty, "\(name) page \(i + 1) has overlapping text")
            #expect(p.outsidePage().isEmpty, "\(name) page \(i + 1) has text outside the page")
        }
        if Fixtures.cjkFontInstalled { #expect(out.unknownGlyphs == 0) }
    }

    @Test(.enabled(if: BriefEvidence.hasShared)) func pingtanOverSevenYears() throws {
        let b = try BriefEvidence.pingtan7()
        #expect(b.bodies == ["平潭综合实验区"])
        #expect(b.years == Array(2019...2025))
        #expect(b.comparison == nil)
        try checkDocument(b, "pingtan7")
        let (_, pdf) = try BriefEvidence.render(b, "pingtan7")
        // The cover: 编制单位, date and 期号.
        #expect(pdf.pages[0].text.contains("编制单位：平潭综合实验区政务公开办公室"))
        #expect(pdf.pages[0].text.contains("2026年12月4日"))
        #expect(pdf.pages[0].text.contains("第3期"))
        // 核心结论 on page 2, three to five sentences, ranked by magnitude.
        #expect(pdf.pages[1].text.hasPrefix("核心结论"))
        #expect((3...5).contains(b.conclusions.count))
        #expect(zip(b.conclusions, b.conclusions.dropFirst()).allSatisfy { $0.magnitude >= $1.magnitude })
        // The disclosure rate's change (2024 45.9% → 2025 47.97%) in 个百分点.
        let all = b.sections[0].findings.map(\.text).joined()
        #expect(all.contains("公开率为48.0%"))
        #expect(all.contains("较2024年提高2.1个百分点"))
        // No fractional 件 and no R² anywhere in the findings; a poor fit is said in words.
        #expect(!all.contains("R²"))
        #expect(all.range(of: #"约[0-9,]+\.[0-9]+件"#, options: .regularExpression) == nil)
        // Findings grouped by the template's sections.
        #expect(b.sections[0].groups.map(\.title).starts(with: ["依申请公开办理", "行政复议和行政诉讼"]))
        // Figures numbered 图1…, captions with the body, the title and the years, and a takeaway.
        let figures = b.figures
        #expect(figures.map(\.number) == Array(1...figures.count))
        let years = BriefWords.yearSpan(true, figures[0].spec.yearsWithValues)
        #expect(figures[0].caption == "平潭综合实验区行政许可、行政处罚、行政强制处理决定数量（\(years)）")
        #expect(!figures[0].takeaway.isEmpty)
        #expect(Set(figures.map(\.tableNumber)).count == figures.count)
        // Endnotes in words, cell references in the appendix only.
        #expect(b.endnotes.allSatisfy { !$0.text.contains("#") && !$0.text.contains(".txt") })
        #expect(b.endnotes.contains { $0.text.hasPrefix("平潭综合实验区2024年、2025年政府信息公开工作年度报告") })
        let appendixText = pdf.pages[(pdf.firstPage(startingWith: "附录") ?? 0)...].map(\.text).joined()
        #expect(appendixText.contains("pingtan_2025.txt:"))
    }

    @Test(.enabled(if: BriefEvidence.hasShared)) func threeBodiesCompareAndKeepTheirNames() throws {
        let b = try BriefEvidence.threeBodies()
        // A2: the Shanghai body named from its title, with no leading 年; pinyin order (mu < ping < shang).
        #expect(b.bodies == ["牡丹江市人民政府", "平潭综合实验区", "上海市人民政府办公厅"])
        #expect(b.orderRule == "各单位按名称汉语拼音顺序排列。")
        let c = try #require(b.comparison)
        #expect(c.table.table.rows.map { $0[0] }.prefix(3) == ["牡丹江市人民政府", "平潭综合实验区", "上海市人民政府办公厅"])
        try checkDocument(b, "three-bodies")
        // The one-year bodies (Mudanjiang 2020, Shanghai 2019) get tiles and one table, no chart pages.
        for name in ["牡丹江市人民政府", "上海市人民政府办公厅"] {
            let s = try #require(b.sections.first { $0.entity == name })
            #expect(s.charts.isEmpty)
            #expect(!s.tiles.isEmpty)
            #expect(s.keyTable != nil)
        }
        let sh = try #require(b.sections.first { $0.entity == "上海市人民政府办公厅" })
        #expect(sh.tiles.first == BriefTile(label: "新收申请", value: "859件"))
        let out = try BriefPDF.render(b)
        for name in ["牡丹江市人民政府", "上海市人民政府办公厅"] {
            let pages = out.pages.dropFirst().filter { p in p.texts.contains { $0.text.hasSuffix("、" + name) || $0.text.hasSuffix("、\(name)（续）") } }
            #expect(pages.count == 1, "the one-year body \(name) takes \(pages.count) pages, not one")
        }
    }

    @Test func regionOfThirtyBodies() throws {
        let b = try BriefEvidence.region()
        #expect(b.bodies.count == 30)
        #expect(b.bodies == b.bodies.sorted { BriefingBuilder.pinyin($0) < BriefingBuilder.pinyin($1) })
        let c = try #require(b.comparison)
        // The comparison table: every body, then the total and the median.
        #expect(c.table.table.rows.count == 32)
        #expect(c.table.table.rows[30][0] == "合计")
        #expect(c.table.table.rows[31][0] == "中位数")
        let received = RegionFixture.observations().filter { $0.metric == "applications.new_received.total" && $0.year == 2023 }
        let total = received.map(\.value).reduce(0, +)
        #expect(c.table.table.rows[30][1] == NumberText.grouped(total))
        let sorted = received.map(\.value).sorted()
        #expect(c.table.table.rows[31][1] == NumberText.grouped((sorted[14] + sorted[15]) / 2, fractionDigits: (sorted[14] + sorted[15]).truncatingRemainder(dividingBy: 2) == 0 ? 0 : 1))
        // The ranking with the median as its benchmark, then small multiples on one shared scale.
        #expect(c.charts.map(\.spec.kind) == [.rank, .facets])
        #expect(c.charts[1].spec.facetScale == .shared)
        if case .value(let v, let label)? = c.charts[0].spec.annotations.reference {
            #expect(v == (sorted[14] + sorted[15]) / 2)
            #expect(label == "中位数")
        } else {
            Issue.record("the ranking has no median line")
        }
        #expect(c.findings.first?.text.hasPrefix("2023年30个单位共新收申请\(BriefWords.amount(true, total, unit: "件"))") == true)
        #expect(b.conclusions.first == c.findings.first)
        try checkDocument(b, "region30")
    }

    @Test func headlineTitlesStateTheFinding() throws {
        let b = try BriefingBuilder(headline: true).build(BriefFixtures.input("pingtan"))
        let decisions = try #require(b.sections[0].charts.first)
        #expect(decisions.spec.title == "行政许可2022年增至1.07万件，为2019年的59倍")
        #expect(decisions.spec.subtitle?.hasPrefix("行政许可、行政处罚、行政强制处理决定数量") == true)
        let rate = try #require(b.sections[0].charts.first { $0.spec.valueFormat == .percent })
        #expect(rate.spec.title == "政府信息公开申请公开率2022年为40.0%，较2019年提高5.2个百分点")
        // Without --headline the descriptive title stays and the finding is the caption's takeaway.
        let plain = try BriefFixtures.pingtan()
        #expect(plain.sections[0].charts[0].spec.title == "行政许可、行政处罚、行政强制处理决定数量")
        #expect(plain.sections[0].charts[0].takeaway == "行政许可2022年增至1.07万件，为2019年的59倍。")
    }

    @Test func coverDateAndIssueNumberForms() {
        #expect(BriefCover.date("2026-12-04", language: .zh) == "2026年12月4日")
        #expect(BriefCover.date("2026-02-30", language: .zh) == nil)
        #expect(BriefCover.date("26-1-1", language: .zh) == nil)
        #expect(BriefCover.issueNumber("3", language: .zh) == "第3期")
        #expect(BriefCover.issueNumber("2026年第3期", language: .zh) == "2026年第3期")
    }

    @Test func checkerLinesAreChineseWithoutRuleIds() {
        let f = CheckFinding(rule: "2 （一）…（六）=（七）", severity: .error, file: "pingtan_2021.txt", place: "table 3, column 自然人",
                             lhs: "（一）7 + （二）1 = 8", rhs: "9", message: "the outcome rows do not sum to （七）总计")
        #expect(BriefWords.checkLine(true, f) == "【错误】pingtan_2021.txt，表三，列：自然人（（一）7 + （二）1 = 8 ≠ 9）：各项办理结果之和不等于办理结果总计")
        let split = CheckFinding(rule: "extraction", severity: .warning, file: "pingtan_2019.txt", place: "table 2, row 规范性文件",
                                 lhs: "", rhs: "", message: "the run \"898989\" splits in 10 consistent ways; no value for normative_docs.made")
        #expect(BriefWords.checkLine(true, split) == "【警告】pingtan_2019.txt，表二，行：规范性文件：数字串可按多种方式拆分，无法唯一确定，未采用")
    }
}
