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

    /// Every chart of every section, in document order, drawn as PNG at ``dpi`` for the column width.
    static func drawCharts(_ b: Briefing, jobs: Int) throws -> [DrawnChart] {
        let specs = b.sections.flatMap { $0.charts.map(\.spec) }
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

    /// The document of `b` with its charts already drawn (`charts` in document order).
    static func document(_ b: Briefing, charts: [DrawnChart]) -> DOCXDocument {
        let zh = b.language == .zh
        var blocks: [DOCXBlock] = []
        func note(_ s: String, alignment: DOCXParagraph.Alignment? = nil, indent: Int = 0) {
            blocks.append(.paragraph(DOCXParagraph([DOCXRun(s)], style: .note, alignment: alignment, indent: indent)))
        }

        // Cover.
        blocks.append(.paragraph(DOCXParagraph(b.title, style: .title)))
        blocks.append(.paragraph(DOCXParagraph(BriefWords.bodiesLine(zh, b.bodies), style: .subtitle)))
        blocks.append(.paragraph(DOCXParagraph(BriefWords.yearsLine(zh, b.years), style: .subtitle)))
        blocks.append(.paragraph(DOCXParagraph(BriefWords.contents(zh), style: .contentsHeading)))
        // Bodies, their parts and figures while the list stays short; bodies and the appendix only beyond that.
        blocks.append(.tableOfContents(levels: b.sections.count <= 3 ? 3 : 1))
        note(b.generatedFrom)

        var figure = 0
        for section in b.sections {
            blocks.append(.pageBreak)
            blocks.append(.heading(1, section.entity))
            blocks.append(.paragraph(DOCXParagraph(BriefWords.yearsLine(zh, section.years), style: .subtitle)))
            blocks.append(.heading(2, BriefWords.findingsHeading(zh)))
            if section.findings.isEmpty { blocks.append(.paragraph(DOCXParagraph(BriefWords.noFindings(zh)))) }
            for (i, f) in section.findings.enumerated() {
                blocks.append(.paragraph(DOCXParagraph([DOCXRun("\(i + 1).\t" + f.text)], indent: 420, hanging: 420,
                                                       keepWithNext: true)))
                note(BriefWords.sourceRef(zh, f.sources), indent: 420)
            }
            for (i, c) in section.charts.enumerated() {
                let drawn = charts[figure]
                figure += 1
                blocks.append(.pageBreak)
                if i == 0 { blocks.append(.heading(2, BriefWords.chartsHeading(zh))) }
                blocks.append(.heading(3, BriefWords.figure(zh, figure) + "　" + c.spec.title))
                blocks.append(.image(DOCXImage(png: drawn.png, widthEMU: drawn.widthEMU, heightEMU: drawn.heightEMU,
                                               description: drawn.altText.title)))
                blocks.append(.caption(BriefWords.figure(zh, figure) + "　" + drawn.altText.description))
                if !c.table.unitLine.isEmpty { note(c.table.unitLine, alignment: .right) }
                blocks += dataTables(c.table).map { .table($0) }
            }
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
