import Charts
import ReportReading
import SeriesModel

/// The content of a briefing document, before pagination: a cover, one section per body (key findings and
/// charts with their data tables) and an appendix (sources, checks, conflicts).
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
    /// The bodies covered, in section order.
    public var bodies: [String]
    /// Every year with data in the sections, ascending.
    public var years: [Int]
    /// The line on the cover that says what the document was generated from.
    public var generatedFrom: String
    /// One section per body.
    public var sections: [BriefSection]
    /// Every input file and what it contributed.
    public var sources: [BriefSource]
    /// The checker's summary line and findings, in order.
    public var checks: BriefChecks
    /// Values two sources disagreed on, one line each.
    public var conflicts: [String]

    public init(language: Language, title: String, bodies: [String], years: [Int], generatedFrom: String,
                sections: [BriefSection], sources: [BriefSource], checks: BriefChecks, conflicts: [String]) {
        self.language = language; self.title = title; self.bodies = bodies; self.years = years
        self.generatedFrom = generatedFrom; self.sections = sections; self.sources = sources
        self.checks = checks; self.conflicts = conflicts
    }
}

/// The part of a briefing about one body.
public struct BriefSection: Sendable, Hashable {
    /// The body.
    public var entity: String
    /// Years with data for the body.
    public var years: [Int]
    /// The key-findings sentences.
    public var findings: [BriefFinding]
    /// The charts, one per page.
    public var charts: [BriefChart]

    public init(entity: String, years: [Int], findings: [BriefFinding], charts: [BriefChart]) {
        self.entity = entity; self.years = years; self.findings = findings; self.charts = charts
    }
}

/// One key-findings sentence and where its numbers come from.
public struct BriefFinding: Sendable, Hashable {
    /// The sentence.
    public var text: String
    /// Source references (`file:line`, `file#table3[r1c7]`) of the numbers it quotes.
    public var sources: [String]

    public init(text: String, sources: [String]) { self.text = text; self.sources = sources }
}

/// A chart of a briefing with the values it shows as a table.
public struct BriefChart: Sendable, Hashable {
    /// The chart.
    public var spec: ChartSpec
    /// The values drawn, years by series.
    public var table: BriefTable

    public init(spec: ChartSpec, table: BriefTable) { self.spec = spec; self.table = table }
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
