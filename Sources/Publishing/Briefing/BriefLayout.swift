import Charts
import ReportReading
import SeriesModel

/// Paginates a ``Briefing`` onto A4 pages: text measured and wrapped by Pango, charts laid out as scenes.
struct BriefLayout {
    /// A4 in points.
    static let pageSize = Size(595.28, 841.89)
    static let margin = 48.0
    static let top = 54.0
    static let bottom = pageSize.height - 62
    static var contentWidth: Double { pageSize.width - 2 * margin }

    enum Styles {
        static let text = Color(hex: 0x1A1A1A)
        static let muted = Color(hex: 0x5A5A5A)
        static let accent = Color(hex: 0x0072B2)
        static let rule = Color(hex: 0xB8B8B8)
        static let headerFill = Color(hex: 0xEEF2F6)
        static let coverTitle = TextStyle(size: 24, bold: true, color: text)
        static let h1 = TextStyle(size: 17, bold: true, color: text)
        static let h2 = TextStyle(size: 13, bold: true, color: text)
        static let body = TextStyle(size: 10.5, color: text)
        static let bodyMuted = TextStyle(size: 10.5, color: muted)
        static let caption = TextStyle(size: 8.5, color: muted)
        static let small = TextStyle(size: 7.5, color: muted)
        static let cell = TextStyle(size: 8.5, color: text)
        static let headCell = TextStyle(size: 8.5, bold: true, color: text)
    }

    let text: PangoText
    let zh: Bool
    private(set) var pages: [BriefPage] = []
    private var items: [Primitive] = []
    private var charts: [BriefPage.PlacedChart] = []
    private var y = top
    /// Contents entries: a line and the index of its page; `level` 0 = a body or the appendix, 1 = a figure.
    private var contents: [(text: String, page: Int, level: Int)] = []
    private var contentsArea = (top: 0.0, bottom: 0.0)
    /// The line put at the top of a page the flow continues on (nil = none).
    private var runningHead: String?

    init(text: PangoText, zh: Bool) { self.text = text; self.zh = zh }

    // MARK: Document

    /// Lays out the whole briefing; chart scenes are built with `sceneFor`.
    mutating func layout(_ b: Briefing, sceneFor: (ChartSpec) throws -> Scene) throws -> [BriefPage] {
        cover(b)
        var figure = 0
        for section in b.sections {
            newPage()
            contents.append((section.entity, pages.count, 0))
            paragraph(section.entity, Styles.h1, after: 4)
            paragraph(BriefWords.yearsLine(zh, section.years), Styles.bodyMuted, after: 14)
            heading(BriefWords.findingsHeading(zh), Styles.h2, after: 8)
            runningHead = section.entity + "　·　" + BriefWords.continued(zh, BriefWords.findingsHeading(zh))
            if section.findings.isEmpty { paragraph(BriefWords.noFindings(zh), Styles.body, after: 6) }
            for (i, f) in section.findings.enumerated() { finding(i + 1, f) }
            runningHead = nil
            for (i, c) in section.charts.enumerated() {
                figure += 1
                contents.append((BriefWords.figure(zh, figure) + "　" + c.spec.title, pages.count + 1, 1))
                try chartPage(c, figure: figure, section: section.entity, first: i == 0, sceneFor: sceneFor)
            }
        }
        contents.append((BriefWords.appendix(zh), pages.count + 1, 0))
        appendix(b)
        finishPage()
        addFooters(b.title)
        addContents()
        return pages
    }

    private mutating func cover(_ b: Briefing) {
        items.append(.rect(Rect(x: Self.margin, y: 150, width: 64, height: 5), fill: Styles.accent, stroke: nil))
        y = 172
        paragraph(b.title, Styles.coverTitle, after: 22)
        paragraph(BriefWords.bodiesLine(zh, b.bodies), Styles.body, after: 6)
        paragraph(BriefWords.yearsLine(zh, b.years), Styles.body, after: 36)
        let h = measure(b.generatedFrom, Styles.caption, width: Self.contentWidth).height
        contentsArea = (y, Self.bottom - h - 24)
        y = max(y + 20, Self.bottom - h)
        paragraph(b.generatedFrom, Styles.caption, after: 0)
        finishPage()
    }

    private mutating func finding(_ n: Int, _ f: BriefFinding) {
        let indent = 20.0
        let w = Self.contentWidth - indent
        let ref = BriefWords.sourceRef(zh, f.sources)
        let h = measure(f.text, Styles.body, width: w).height + 2 + measure(ref, Styles.small, width: w).height
        if y + h > Self.bottom { newPage() }
        place("\(n).", Styles.body, x: Self.margin, y: y, width: nil, role: .note)
        paragraph(f.text, Styles.body, x: Self.margin + indent, width: w, after: 2)
        paragraph(ref, Styles.small, x: Self.margin + indent, width: w, after: 9)
    }

    private mutating func chartPage(_ c: BriefChart, figure: Int, section: String, first: Bool,
                                    sceneFor: (ChartSpec) throws -> Scene) throws {
        newPage()
        paragraph(section + "　·　" + BriefWords.chartsHeading(zh), Styles.caption, after: 8)
        runningHead = section + "　·　" + BriefWords.continued(zh, BriefWords.chartsHeading(zh))
        defer { runningHead = nil }
        let scene = try sceneFor(c.spec)
        let w = Self.contentWidth
        let frame = Rect(x: Self.margin, y: y, width: w, height: w * scene.size.height / scene.size.width)
        charts.append(BriefPage.PlacedChart(scene: scene, frame: frame))
        y = frame.maxY + 10
        paragraph(BriefWords.figure(zh, figure) + "　" + scene.altText.description, Styles.caption, after: 12)
        table(c.table)
    }

    private mutating func appendix(_ b: Briefing) {
        newPage()
        paragraph(BriefWords.appendix(zh), Styles.h1, after: 12)
        runningHead = BriefWords.continued(zh, BriefWords.appendix(zh))
        heading(BriefWords.sourcesHeading(zh), Styles.h2, after: 8)
        let rows = b.sources.map { [$0.file, $0.contribution] }
        grid(header: [BriefWords.fileColumn(zh), BriefWords.contributionColumn(zh)], rows: rows,
             widths: [0.3, 0.7], numeric: false)
        y += 14
        heading(BriefWords.checksHeading(zh), Styles.h2, after: 8)
        paragraph(b.checks.summary, Styles.body, after: 6)
        for line in b.checks.findings { paragraph(line, Styles.caption, after: 4) }
        y += 10
        heading(BriefWords.conflictsHeading(zh), Styles.h2, after: 8)
        if b.conflicts.isEmpty { paragraph(BriefWords.none(zh), Styles.body, after: 4) }
        for line in b.conflicts { paragraph(line, Styles.caption, after: 4) }
    }

    /// The contents on the cover: bodies, figures and the appendix with their pages; figures are left out
    /// when the list would not fit.
    private mutating func addContents() {
        guard !pages.isEmpty else { return }
        let line = measure(BriefWords.contents(zh), Styles.body, width: nil).height + 5
        let room = Int((contentsArea.bottom - contentsArea.top) / line) - 2
        let entries = contents.count <= room ? contents : contents.filter { $0.level == 0 }
        var at = contentsArea.top
        let heading = measure(BriefWords.contents(zh), Styles.h2, width: nil)
        pages[0].items.append(.text(TextBox(text: BriefWords.contents(zh), style: Styles.h2,
                                            frame: Rect(x: Self.margin, y: at, width: heading.width, height: heading.height),
                                            role: .title)))
        at += heading.height + 8
        for e in entries.prefix(max(0, room)) {
            let style = e.level == 0 ? TextStyle(size: 10.5, bold: true, color: Styles.text) : Styles.body
            let number = String(e.page + 1)
            let n = measure(number, style, width: nil)
            let x = Self.margin + (e.level == 0 ? 0 : 16)
            let width = Self.contentWidth - (x - Self.margin) - n.width - 24
            let t = measure(e.text, style, width: nil)
            let shown = t.width <= width ? e.text : String(e.text.prefix(Int(Double(e.text.count) * width / t.width) - 1)) + "…"
            let ts = measure(shown, style, width: nil)
            pages[0].items.append(.text(TextBox(text: shown, style: style,
                                                frame: Rect(x: x, y: at, width: ts.width, height: ts.height), role: .note)))
            pages[0].items.append(.polyline([Point(x + ts.width + 6, at + ts.height * 0.72),
                                             Point(Self.margin + Self.contentWidth - n.width - 6, at + ts.height * 0.72)],
                                            Stroke(Styles.rule, width: 0.6, dash: [1, 2.5])))
            pages[0].items.append(.text(TextBox(text: number, style: style,
                                                frame: Rect(x: Self.margin + Self.contentWidth - n.width, y: at,
                                                            width: n.width, height: n.height), role: .note)))
            at += line
        }
    }

    // MARK: Tables

    /// The data table of a chart; when the years do not fit side by side they are split into several tables
    /// of as many year columns as fit, each with the row labels.
    private mutating func table(_ t: BriefTable) {
        if !t.unitLine.isEmpty {
            let s = measure(t.unitLine, Styles.caption, width: nil)
            place(t.unitLine, Styles.caption, x: Self.margin + Self.contentWidth - s.width, y: y, width: nil, role: .note)
            y += s.height + 3
        }
        let labelWidth = min(Self.contentWidth * 0.45,
                             (t.rows.map { $0[0] } + [t.header[0]]).map { measure($0, Styles.cell, width: nil).width }.max()! + 16)
        let valueColumns = Array(t.header.indices.dropFirst())
        let needed = valueColumns.map { c in
            max(measure(t.header[c], Styles.headCell, width: nil).width,
                t.rows.map { measure($0[c], Styles.cell, width: nil).width }.max() ?? 0) + 16
        }.max() ?? 0
        let fit = max(1, min(valueColumns.count, Int((Self.contentWidth - labelWidth) / max(1, needed))))
        let tables = (valueColumns.count + fit - 1) / fit
        let perTable = (valueColumns.count + tables - 1) / tables
        var start = 0
        repeat {
            let cols = Array(valueColumns[start..<min(start + perTable, valueColumns.count)])
            let rest = (Self.contentWidth - labelWidth) / Double(max(1, cols.count))
            let widths = [labelWidth / Self.contentWidth] + Array(repeating: rest / Self.contentWidth, count: cols.count)
            if start > 0 { y += 8 }
            grid(header: [t.header[0]] + cols.map { t.header[$0] }, rows: t.rows.map { r in [r[0]] + cols.map { r[$0] } },
                 widths: widths, numeric: true)
            start += perTable
        } while start < valueColumns.count
    }

    /// A ruled table; `widths` are fractions of the content width. Numeric tables right-align all but the first column.
    private mutating func grid(header: [String], rows: [[String]], widths: [Double], numeric: Bool) {
        let pad = 5.0
        let cols = widths.map { $0 * Self.contentWidth }
        var xs: [Double] = [Self.margin]
        for w in cols.dropLast() { xs.append(xs.last! + w) }

        func rowHeight(_ cells: [String], _ style: TextStyle) -> Double {
            zip(cells, cols).map { measure($0, style, width: $1 - 2 * pad).height }.max()! + 2 * pad - 1
        }
        func drawRow(_ cells: [String], _ style: TextStyle, fill: Color?) {
            let h = rowHeight(cells, style)
            if let fill {
                items.append(.rect(Rect(x: Self.margin, y: y, width: Self.contentWidth, height: h), fill: fill, stroke: nil))
            }
            for (i, cell) in cells.enumerated() {
                let inner = cols[i] - 2 * pad
                let rightAligned = numeric && i > 0
                let s = measure(cell, style, width: inner)
                let x = rightAligned ? xs[i] + cols[i] - pad - s.width : xs[i] + pad
                place(cell, style, x: x, y: y + pad - 0.5, width: rightAligned ? nil : inner, role: .valueLabel)
            }
            y += h
            rule(y, Styles.rule, 0.5)
        }

        let headHeight = rowHeight(header, Styles.headCell)
        if y + headHeight + rowHeight(rows.first ?? header, Styles.cell) > Self.bottom { newPage() }
        rule(y, Styles.text, 0.9)
        drawRow(header, Styles.headCell, fill: Styles.headerFill)
        for r in rows {
            if y + rowHeight(r, Styles.cell) > Self.bottom {
                newPage()
                rule(y, Styles.text, 0.9)
                drawRow(header, Styles.headCell, fill: Styles.headerFill)
            }
            drawRow(r, Styles.cell, fill: nil)
        }
        rule(y, Styles.text, 0.9)
    }

    private mutating func rule(_ at: Double, _ color: Color, _ width: Double) {
        items.append(.polyline([Point(Self.margin, at), Point(Self.margin + Self.contentWidth, at)], Stroke(color, width: width)))
    }

    // MARK: Text flow

    private func measure(_ s: String, _ style: TextStyle, width: Double?) -> Size {
        text.measure(s, style: style, wrapWidth: width)
    }

    /// Places one text box without moving the flow.
    private mutating func place(_ s: String, _ style: TextStyle, x: Double, y: Double, width: Double?, role: TextRole) {
        let m = measure(s, style, width: width)
        items.append(.text(TextBox(text: s, style: style, frame: Rect(x: x, y: y, width: m.width, height: m.height),
                                   wrapWidth: width, role: role)))
    }

    /// A wrapped paragraph at the flow position; starts a new page when it does not fit.
    private mutating func paragraph(_ s: String, _ style: TextStyle, x: Double = margin, width: Double = contentWidth,
                                    after: Double) {
        let m = measure(s, style, width: width)
        if y + m.height > Self.bottom && y > Self.top { newPage() }
        place(s, style, x: x, y: y, width: width, role: style.bold ? .title : .note)
        y += m.height + after
    }

    /// A heading kept on the page of what follows it: it starts a new page unless `keep` more points fit under it.
    private mutating func heading(_ s: String, _ style: TextStyle, after: Double, keep: Double = 48) {
        let h = measure(s, style, width: Self.contentWidth).height
        if y + h + after + keep > Self.bottom && y > Self.top { newPage() }
        paragraph(s, style, after: after)
    }

    private mutating func newPage() {
        finishPage()
        y = Self.top
        if let head = runningHead { paragraph(head, Styles.caption, after: 10) }
    }

    private mutating func finishPage() {
        guard !items.isEmpty || !charts.isEmpty else { return }
        pages.append(BriefPage(size: Self.pageSize, items: items, charts: charts))
        items = []
        charts = []
    }

    /// The running footer (title and page number) on every page but the cover.
    private mutating func addFooters(_ title: String) {
        let total = pages.count
        let at = Self.pageSize.height - 44
        for i in pages.indices.dropFirst() {
            let number = BriefWords.page(zh, i + 1, of: total)
            let n = measure(number, Styles.small, width: nil)
            let t = measure(title, Styles.small, width: nil)
            pages[i].items.append(.polyline([Point(Self.margin, at - 6), Point(Self.margin + Self.contentWidth, at - 6)],
                                            Stroke(Styles.rule, width: 0.5)))
            pages[i].items.append(.text(TextBox(text: title, style: Styles.small,
                                                frame: Rect(x: Self.margin, y: at, width: t.width, height: t.height), role: .source)))
            pages[i].items.append(.text(TextBox(text: number, style: Styles.small,
                                                frame: Rect(x: Self.margin + Self.contentWidth - n.width, y: at,
                                                            width: n.width, height: n.height), role: .source)))
        }
    }
}
