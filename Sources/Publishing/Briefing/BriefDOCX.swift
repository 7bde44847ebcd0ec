import Charts
import Dispatch
import ReportReading
import SeriesModel
import Synchronization

/// Writes a ``Briefing`` as a Word document (`.docx`) with the content of the PDF (``BriefPDF``): the cover with
/// the title, bodies, years and a table of contents field; per body the key findings with their sources, then
/// each chart as a PNG at print resolution with its caption, unit line and data table (a real Word table); the
/// appendix with the sources table, the checker's findings and the conflicts.
///
/// The mapping from the briefing's content to ``DOCXBlock``s lives in this one file; ``DOCXWriter`` does the rest.
///
/// ```swift
/// let out = try BriefDOCX.render(briefing)
/// try AtomicFile.write(out.bytes, to: "briefing.docx")
/// out.figures          // charts embedded
/// ```
public enum BriefDOCX {
    /// A written briefing: the file's bytes, the document it was made from, the charts embedded and the glyphs
    /// no font covered in them.
    public struct Rendered: Sendable {
        public let bytes: [UInt8]
        public let document: DOCXDocument
        public let figures: Int
        /// Glyphs drawn as boxes in the charts (non-zero means: install fonts-noto-cjk).
        public let unknownGlyphs: Int
    }

    /// The resolution the chart images are drawn at for their printed width (the text column, 16.6 cm).
    public static let dpi = 200.0

    /// The `.docx` of `briefing`; the charts are drawn on up to `jobs` threads.
    /// - Throws: ``BriefError`` naming the chart that cannot be drawn, ``DOCXError`` when the document cannot be packed.
    public static func render(_ briefing: Briefing, jobs: Int = 2) throws -> Rendered {
        let charts = try drawCharts(briefing, jobs: jobs)
        let document = self.document(briefing, charts: charts)
        return Rendered(bytes: try DOCXWriter.bytes(document), document: document, figures: charts.count,
                        unknownGlyphs: charts.reduce(0) { $0 + $1.unknownGlyphs })
    }

    /// One chart drawn for the document.
    struct DrawnChart: Sendable {
        var png: [UInt8]
        var altText: AltText
        var unknownGlyphs: Int
        var widthEMU: Int
        var heightEMU: Int
    }

    /// Every figure (the comparison's, then each section's), in document order, drawn as PNG at ``dpi`` for the
    /// column width.
    static func drawCharts(_ b: Briefing, jobs: Int) throws -> [DrawnChart] {
        let specs = b.figures.map(\.spec)
        let results = Mutex<[Result<DrawnChart, BriefError>?]>(Array(repeating: nil, count: specs.count))
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, specs.count))) { worker in
            let renderer = ChartRenderer()
            for i in stride(from: worker, to: specs.count, by: max(1, min(jobs, specs.count))) {
                let r = Result { try draw(specs[i], renderer: renderer) }.mapError { e in
                    (e as? BriefError) ?? BriefError("drawing the briefing chart \(specs[i].title): \(e)")
                }
                results.withLock { $0[i] = r }
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    private static func draw(_ source: ChartSpec, renderer: ChartRenderer) throws -> DrawnChart {
        var spec = source
        do { try spec.checkDrawableValues() } catch { throw BriefError("laying out the briefing chart \(spec.title): \(error)") }
        let widthInches = Double(DOCXDocument.textWidthTwips) / 1440
        spec.size.scale = dpi * widthInches / spec.size.width
        let out: Chart.Rendered
        do {
            out = try renderer.renderDetailed(spec, format: .png)
        } catch let e as ChartError {
            throw BriefError("laying out the briefing chart \(spec.title): \(e.description)")
        }
        let width = DOCXDocument.textWidthEMU
        return DrawnChart(png: out.bytes, altText: out.altText, unknownGlyphs: out.unknownGlyphs, widthEMU: width,
                          heightEMU: Int((Double(width) * spec.size.height / spec.size.width).rounded()))
    }

    /// The most year columns side by side in one data table; more are split into balanced tables.
    static let maxYearColumns = 8

    /// The document of `b` with its charts already drawn (`charts` in document order, as ``Briefing/figures``):
    /// the same content as the PDF — cover fields, 核心结论, the comparison, the sections with grouped findings
    /// (each with a Word endnote naming its sources in words), numbered figures and tables, tiles of one-year
    /// bodies, the appendix with the methods and the cells behind the notes.
    static func document(_ b: Briefing, charts: [DrawnChart]) -> DOCXDocument {
        let zh = b.language == .zh
        var blocks: [DOCXBlock] = []
        var drawn = charts.makeIterator()
        let notes = Dictionary(b.endnotes.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        func note(_ s: String, alignment: DOCXParagraph.Alignment? = nil, indent: Int = 0) {
            blocks.append(.paragraph(DOCXParagraph([DOCXRun(s)], style: .note, alignment: alignment, indent: indent)))
        }
        func finding(_ f: BriefFinding, mark: String) {
            let runs = [DOCXRun(mark + "\t" + f.text)] + f.notes.compactMap { n in notes[n].map { DOCXRun($0, kind: .endnote) } }
            blocks.append(.paragraph(DOCXParagraph(runs, indent: 420, hanging: 420)))
        }
        func numberedTable(_ t: BriefChart.NumberedTable) {
            blocks.append(.caption(BriefWords.table(zh, t.number) + "　" + t.title))
            if !t.table.unitLine.isEmpty { note(t.table.unitLine, alignment: .right) }
            blocks += dataTables(t.table).map { .table($0) }
        }
        func figure(_ c: BriefChart) {
            guard let image = drawn.next() else { return }
            blocks.append(.image(DOCXImage(png: image.png, widthEMU: image.widthEMU, heightEMU: image.heightEMU,
                                           description: image.altText.title + "。" + image.altText.description)))
            blocks.append(.caption(BriefWords.figure(zh, c.number) + "　" + c.caption))
            if !c.takeaway.isEmpty { blocks.append(.paragraph(DOCXParagraph(c.takeaway))) }
            if !c.table.rows.isEmpty {
                numberedTable(BriefChart.NumberedTable(number: c.tableNumber, title: c.caption, table: c.table))
            }
        }

        // Cover: title, 期号, 编制单位 and date, the bodies and years, the contents.
        blocks.append(.paragraph(DOCXParagraph(b.title, style: .title)))
        if let issue = b.cover.issueNumber { blocks.append(.paragraph(DOCXParagraph(issue, style: .subtitle, alignment: .center))) }
        let line = [b.cover.organization.map { BriefWords.organization(zh) + $0 }, b.cover.date].compactMap { $0 }
        if !line.isEmpty { blocks.append(.paragraph(DOCXParagraph(line.joined(separator: "　　"), style: .subtitle))) }
        blocks.append(.paragraph(DOCXParagraph(BriefWords.bodiesLine(zh, b.bodies), style: .subtitle)))
        blocks.append(.paragraph(DOCXParagraph(BriefWords.yearsLine(zh, b.years), style: .subtitle)))
        blocks.append(.paragraph(DOCXParagraph(BriefWords.contents(zh), style: .contentsHeading)))
        blocks.append(.tableOfContents(levels: b.sections.count <= 3 ? 2 : 1))
        note(b.generatedFrom)

        blocks.append(.pageBreak)
        blocks.append(.heading(1, BriefWords.conclusionsHeading(zh)))
        for (i, f) in b.conclusions.enumerated() { finding(f, mark: "\(i + 1).") }

        var part = 0
        if let c = b.comparison {
            part += 1
            blocks.append(.pageBreak)
            blocks.append(.heading(1, BriefWords.ordinal(part) + "、" + BriefWords.comparisonHeading(zh)))
            if !b.orderRule.isEmpty { note(b.orderRule) }
            for f in c.findings { finding(f, mark: "·") }
            numberedTable(c.table)
            for chart in c.charts { figure(chart) }
        }
        for section in b.sections {
            part += 1
            blocks.append(.pageBreak)
            blocks.append(.heading(1, BriefWords.ordinal(part) + "、" + section.entity))
            blocks.append(.paragraph(DOCXParagraph(BriefWords.yearsLine(zh, section.years), style: .subtitle)))
            if section.groups.isEmpty { blocks.append(.paragraph(DOCXParagraph(BriefWords.noFindings(zh)))) }
            for (i, g) in section.groups.enumerated() {
                blocks.append(.heading(2, "（\(BriefWords.ordinal(i + 1))）" + g.title))
                for f in g.findings { finding(f, mark: "·") }
            }
            for n in section.notes { note(n) }
            if !section.tiles.isEmpty {
                blocks.append(.table(DOCXTable(columns: section.tiles.map { _ in .init(width: 1 / Double(section.tiles.count)) },
                                               header: section.tiles.map(\.label), rows: [section.tiles.map(\.value)])))
            }
            if let t = section.keyTable { numberedTable(t) }
            for c in section.charts { figure(c) }
        }

        blocks.append(.pageBreak)
        blocks.append(.heading(1, BriefWords.appendix(zh)))
        blocks.append(.heading(2, BriefWords.sourcesHeading(zh)))
        blocks.append(.table(DOCXTable(columns: [.init(width: 0.3), .init(width: 0.7)],
                                       header: [BriefWords.fileColumn(zh), BriefWords.contributionColumn(zh)],
                                       rows: b.sources.map { [$0.file, $0.contribution] })))
        blocks.append(.heading(2, BriefWords.checksHeading(zh)))
        blocks.append(.paragraph(DOCXParagraph(b.checks.summary)))
        for line in b.checks.findings { note(line) }
        blocks.append(.heading(2, BriefWords.conflictsHeading(zh)))
        if b.conflicts.isEmpty { blocks.append(.paragraph(DOCXParagraph(BriefWords.none(zh)))) }
        for line in b.conflicts { note(line) }
        if !b.methods.isEmpty {
            blocks.append(.heading(2, BriefWords.methodsHeading(zh)))
            for m in b.methods { note(m) }
        }
        if !b.references.isEmpty {
            blocks.append(.heading(2, BriefWords.referencesHeading(zh)))
            for r in b.references {
                note(BriefWords.noteMark(r.note) + r.references.joined(separator: zh ? "；" : "; "))
            }
        }

        let footer = DOCXFooter(zh ? [.text(b.title + "　　第"), .pageNumber, .text("页　共"), .pageCount, .text("页")]
                                   : [.text(b.title + "    Page "), .pageNumber, .text(" of "), .pageCount])
        return DOCXDocument(blocks: blocks,
                            properties: DOCXProperties(title: b.title, subject: b.bodies.joined(separator: zh ? "、" : ", ")),
                            footer: footer, language: zh ? "zh-CN" : "en-US")
    }

    /// The data table of a chart as Word tables: the row labels, then the years (right-aligned), split into
    /// balanced tables of at most ``maxYearColumns`` years, each with the row labels.
    static func dataTables(_ t: BriefTable) -> [DOCXTable] {
        let years = Array(t.header.indices.dropFirst())
        let count = max(1, (years.count + maxYearColumns - 1) / maxYearColumns)
        let per = max(1, (years.count + count - 1) / count)
        return stride(from: 0, to: max(1, years.count), by: per).map { start in
            let cols = Array(years[start..<min(start + per, years.count)])
            let label = cols.count <= 3 ? 0.4 : 0.3
            let columns = [DOCXTable.Column(width: label)]
                + cols.map { _ in DOCXTable.Column(width: (1 - label) / Double(cols.count), alignment: .right) }
            return DOCXTable(columns: columns, header: [t.header[0]] + cols.map { t.header[$0] },
                             rows: t.rows.map { r in [r[0]] + cols.map { r[$0] } })
        }
    }
}
