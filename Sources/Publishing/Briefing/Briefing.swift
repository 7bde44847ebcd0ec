import Charts
import ReportReading
import SeriesModel

/// The content of a briefing document, before pagination — a plain value model that the PDF (``BriefPDF``) and
/// the Word document are both drawn from: a cover, the key conclusions, a comparison of the bodies (when there
/// are several), one section per body (findings grouped by the template's sections, figures with numbered
/// captions and tables), endnotes naming the sources in words, and an appendix (files, checks, methods).
///
/// Build one with ``BriefingBuilder``, draw it with ``BriefPDF``:
///
/// ```swift
/// let briefing = try BriefingBuilder(language: .zh).build(BriefingInput(dataset: dataset, reports: results))
/// let pdf = try BriefPDF.render(briefing).bytes      // starts with "%PDF-"
/// ```
public struct Briefing: Sendable, Hashable {
    /// The language of every generated word.
    public var language: Language
    /// The document title on the cover and in the page footers.
    public var title: String
    /// The cover fields (编制单位, 日期, 期号).
    public var cover: BriefCover
    /// The bodies covered, in section order.
    public var bodies: [String]
    /// The rule the bodies are ordered by, in words (empty for one body).
    public var orderRule: String
    /// Every year with data in the sections, ascending.
    public var years: [Int]
    /// The line on the cover that says what the document was generated from.
    public var generatedFrom: String
    /// 核心结论: 3–5 sentences, largest first.
    public var conclusions: [BriefFinding]
    /// The cross-body section (nil for one body).
    public var comparison: BriefComparison?
    /// One section per body.
    public var sections: [BriefSection]
    /// The endnotes the findings point to (``BriefFinding/notes``), numbered from 1.
    public var endnotes: [BriefEndnote]
    /// Every input file and what it contributed.
    public var sources: [BriefSource]
    /// The checker's summary line and findings, in order.
    public var checks: BriefChecks
    /// Values two sources disagreed on, one line each.
    public var conflicts: [String]
    /// How the derived figures are computed, in words (appendix).
    public var methods: [String]
    /// Every finding's raw source references (file and cell), for the appendix: finding text → references.
    public var references: [BriefReference]

    public init(language: Language, title: String, cover: BriefCover = BriefCover(), bodies: [String], orderRule: String = "",
                years: [Int], generatedFrom: String, conclusions: [BriefFinding] = [], comparison: BriefComparison? = nil,
                sections: [BriefSection], endnotes: [BriefEndnote] = [], sources: [BriefSource], checks: BriefChecks,
                conflicts: [String], methods: [String] = [], references: [BriefReference] = []) {
        self.language = language; self.title = title; self.cover = cover; self.bodies = bodies; self.orderRule = orderRule
        self.years = years; self.generatedFrom = generatedFrom; self.conclusions = conclusions
        self.comparison = comparison; self.sections = sections; self.endnotes = endnotes; self.sources = sources
        self.checks = checks; self.conflicts = conflicts; self.methods = methods; self.references = references
    }

    /// Every figure of the document in number order (comparison first, then the sections).
    public var figures: [BriefChart] { (comparison?.charts ?? []) + sections.flatMap(\.charts) }
}

/// The cover fields of a 公文-style briefing (GB/T 9704): who issues it, when, and its serial number.
public struct BriefCover: Sendable, Hashable {
    /// 编制单位 (nil = not printed).
    public var organization: String?
    /// The date as printed, `2026年12月4日` (nil = not printed; never the wall clock, so bytes stay reproducible).
    public var date: String?
    /// 期号 as printed, `第3期` (nil = not printed).
    public var issueNumber: String?

    public init(organization: String? = nil, date: String? = nil, issueNumber: String? = nil) {
        self.organization = organization; self.date = date; self.issueNumber = issueNumber
    }

    /// `2026-12-04` → `2026年12月4日` (zh) or `4 December 2026`; nil when it is not a valid YYYY-MM-DD date.
    public static func date(_ iso: String, language: Language) -> String? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return nil }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...days[m - 1]).contains(d) else { return nil }
        if language == .zh { return "\(y)年\(m)月\(d)日" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(d) \(months[m - 1]) \(y)"
    }

    /// `3` → `第3期`; any other text is printed as given.
    public static func issueNumber(_ raw: String, language: Language) -> String {
        guard let n = Int(raw) else { return raw }
        return language == .zh ? "第\(n)期" : "No. \(n)"
    }
}

/// The part of a briefing about one body.
public struct BriefSection: Sendable, Hashable {
    /// The body.
    public var entity: String
    /// Years with data for the body.
    public var years: [Int]
    /// The findings grouped by the template's sections (依申请公开, 复议诉讼, 主动公开, 规范性文件).
    public var groups: [BriefFindingGroup]
    /// Notes on the data (gap years, a template change), said once under the findings.
    public var notes: [String]
    /// The figures, each with its numbered caption and table.
    public var charts: [BriefChart]
    /// Key figures as tiles, for a body with one year of data (then `charts` is empty and `keyTable` holds the rest).
    public var tiles: [BriefTile]
    /// The key figures of a one-year body as a numbered table.
    public var keyTable: BriefChart.NumberedTable?

    public init(entity: String, years: [Int], groups: [BriefFindingGroup], notes: [String] = [], charts: [BriefChart],
                tiles: [BriefTile] = [], keyTable: BriefChart.NumberedTable? = nil) {
        self.entity = entity; self.years = years; self.groups = groups; self.notes = notes; self.charts = charts
        self.tiles = tiles; self.keyTable = keyTable
    }

    /// Every finding, group by group.
    public var findings: [BriefFinding] { groups.flatMap(\.findings) }
}

/// Findings under one heading of a section.
public struct BriefFindingGroup: Sendable, Hashable {
    /// The heading: `依申请公开办理`.
    public var title: String
    public var findings: [BriefFinding]
    public init(title: String, findings: [BriefFinding]) { self.title = title; self.findings = findings }
}

/// One key-findings sentence in plain words, and where its numbers come from.
public struct BriefFinding: Sendable, Hashable {
    /// The sentence (no cell references, no formulas).
    public var text: String
    /// The numbers of the endnotes that name its sources (``Briefing/endnotes``, 1-based).
    public var notes: [Int]
    /// Source references (`file:line`, `file#table3[r1c7]`) of the numbers it quotes: for the appendix only.
    public var sources: [String]
    /// How much it matters (for ranking the conclusions).
    public var magnitude: Double

    public init(text: String, notes: [Int] = [], sources: [String] = [], magnitude: Double = 0) {
        self.text = text; self.notes = notes; self.sources = sources; self.magnitude = magnitude
    }
}

/// An endnote: where the numbers of a finding come from, in words (`平潭综合实验区2022年政府信息公开工作年度报告，表二“行政许可·处理决定数量”`).
public struct BriefEndnote: Sendable, Hashable {
    public var number: Int
    public var text: String
    public init(number: Int, text: String) { self.number = number; self.text = text }
}

/// The cell references behind one endnote, for the appendix.
public struct BriefReference: Sendable, Hashable {
    public var note: Int
    public var references: [String]
    public init(note: Int, references: [String]) { self.note = note; self.references = references }
}

/// A key figure as a tile: `本年新收申请` / `859件` / `较上年 ▼29.4%`.
public struct BriefTile: Sendable, Hashable {
    public var label: String
    public var value: String
    public var detail: String
    public init(label: String, value: String, detail: String = "") { self.label = label; self.value = value; self.detail = detail }
}

/// A figure of a briefing: the chart, its numbered caption (descriptive title with the years, then one
/// takeaway), and the values it shows as a numbered table.
public struct BriefChart: Sendable, Hashable {
    /// A numbered table: `表3　平潭综合实验区行政许可、行政处罚、行政强制处理决定数量`.
    public struct NumberedTable: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var table: BriefTable
        public init(number: Int, title: String, table: BriefTable) { self.number = number; self.title = title; self.table = table }
    }

    /// The chart.
    public var spec: ChartSpec
    /// The values drawn, years by series.
    public var table: BriefTable
    /// 图N.
    public var number: Int
    /// The descriptive title with the body and the years: `平潭综合实验区行政处罚决定数量（2019—2022年）`.
    public var caption: String
    /// One sentence: what the reader should take from it.
    public var takeaway: String
    /// 表N of the table under the chart.
    public var tableNumber: Int

    public init(spec: ChartSpec, table: BriefTable, number: Int = 0, caption: String = "", takeaway: String = "",
                tableNumber: Int = 0) {
        self.spec = spec; self.table = table; self.number = number; self.caption = caption; self.takeaway = takeaway
        self.tableNumber = tableNumber
    }
}

/// The cross-body section: the ranking, small multiples on a shared scale, the comparison table with the region's
/// median as the benchmark, and sentences that compare.
public struct BriefComparison: Sendable, Hashable {
    /// Sentences: who leads, the total and the median.
    public var findings: [BriefFinding]
    /// The ranking and the small multiples.
    public var charts: [BriefChart]
    /// Every body's key figures, with the total and the median rows.
    public var table: BriefChart.NumberedTable
    public init(findings: [BriefFinding], charts: [BriefChart], table: BriefChart.NumberedTable) {
        self.findings = findings; self.charts = charts; self.table = table
    }
}

/// One input file and what it contributed.
public struct BriefSource: Sendable, Hashable {
    /// The file name.
    public var file: String
    /// What was read from it and how much of it the briefing uses.
    public var contribution: String

    public init(file: String, contribution: String) { self.file = file; self.contribution = contribution }
}

/// What the report checker found.
public struct BriefChecks: Sendable, Hashable {
    /// One line: how many identities were checked and how many findings of each severity.
    public var summary: String
    /// One line per finding.
    public var findings: [String]

    public init(summary: String, findings: [String]) { self.summary = summary; self.findings = findings }
}
