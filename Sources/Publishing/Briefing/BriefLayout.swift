import Charts
import ReportReading
import SeriesModel

/// Paginates a ``Briefing`` onto A4 pages after the 公文 conventions of GB/T 9704: a red-headed cover with 期号,
/// 编制单位 and date, body text in a serif face (Noto Serif CJK SC) at 12 pt, 黑体 (bold sans) headings, numbered
/// figures and tables; charts laid out at their printed size, so their smallest text prints at ≥ 8 pt. Lines are
/// broken by ``ChineseLineBreak`` (避头尾, number and unit kept together) in one place, ``broken(_:_:width:)``.
struct BriefLayout {
    /// A4 in points.
    static let pageSize = Size(595.28, 841.89)
    static let margin = 48.0
    static let top = 54.0
    static let bottom = pageSize.height - 62
    static var contentWidth: Double { pageSize.width - 2 * margin }

    enum Styles {
        static let text = Color(hex: 0x1A1A1A)
        static let muted = Color(hex: 0x4D4D4D)
        static let red = Color(hex: 0xC00000)
        static let rule = Color(hex: 0xB8B8B8)
        static let headerFill = Color(hex: 0xEEF2F6)
        static let tileFill = Color(hex: 0xF3F5F8)
        static let coverTitle = TextStyle(size: 26, bold: true, color: red)
        static let issue = TextStyle(size: 14, color: text, family: .serif)
        static let h1 = TextStyle(size: 16, bold: true, color: text)
        static let h2 = TextStyle(size: 14, bold: true, color: text)
        static let lead = TextStyle(size: 14, color: text, family: .serif)
        static let body = TextStyle(size: 12, color: text, family: .serif)
        static let bodyBold = TextStyle(size: 12, bold: true, color: text)
        static let note = TextStyle(size: 10.5, color: muted, family: .serif)
        static let caption = TextStyle(size: 10.5, bold: true, color: text)
        static let takeaway = TextStyle(size: 10.5, color: text, family: .serif)
        static let small = TextStyle(size: 9, color: muted)
        static let cell = TextStyle(size: 10.5, color: text)
        static let headCell = TextStyle(size: 10.5, bold: true, color: text)
        static let tileValue = TextStyle(size: 18, bold: true, color: text)
        static let tileLabel = TextStyle(size: 10.5, color: muted)
    }

    let text: PangoText
    let zh: Bool
    private(set) var pages: [BriefPage] = []
    private var items: [Primitive] = []
    private var charts: [BriefPage.PlacedChart] = []
    private var y = top
    /// Contents entries: a line, the index of its page and its level (0 = a part, 1 = a figure).
    private var contents: [(number: String, text: String, page: Int, level: Int)] = []
    private var contentsArea = (top: 0.0, bottom: 0.0)
    /// The line put at the top of a page the flow continues on (nil = none).
    private var runningHead: String?

    init(text: PangoText, zh: Bool) { self.text = text; self.zh = zh }

    // MARK: Document

    /// Lays out the whole briefing; chart scenes are built with `sceneFor`.
    mutating func layout(_ b: Briefing, sceneFor: (ChartSpec) throws -> Scene) throws -> [BriefPage] {
        cover(b)
        conclusions(b)
        var part = 0
        if let c = b.comparison {
            part += 1
            newPage()
            let title = BriefWords.ordinal(part) + "、" + BriefWords.comparisonHeading(zh)
            contents.append(("", title, pages.count, 0))
            paragraph(title, Styles.h1, after: 10)
            runningHead = BriefWords.continued(zh, title)
            if !b.orderRule.isEmpty { paragraph(b.orderRule, Styles.note, after: 8) }
            for f in c.findings { finding(f) }
            y += 6
            numberedTable(c.table)
            for chart in c.charts { try figure(chart, sceneFor: sceneFor) }
            runningHead = nil
        }
        for section in b.sections {
            part += 1
            newPage()
            let title = BriefWords.ordinal(part) + "、" + section.entity
            contents.append(("", title, pages.count, 0))
            paragraph(title, Styles.h1, after: 4)
            paragraph(BriefWords.yearsLine(zh, section.years), Styles.note, after: 12)
            runningHead = BriefWords.continued(zh, title)
            if section.groups.isEmpty { paragraph(BriefWords.noFindings(zh), Styles.body, after: 6) }
            for (i, g) in section.groups.enumerated() {
                heading("（\(BriefWords.ordinal(i + 1))）" + g.title, Styles.h2, after: 6)
                for f in g.findings { finding(f) }
                y += 4
            }
            for n in section.notes { paragraph(n, Styles.note, after: 6) }
            if !section.tiles.isEmpty { tiles(section.tiles) }
            if let t = section.keyTable { numberedTable(t) }
            for c in section.charts { try figure(c, sceneFor: sceneFor) }
            runningHead = nil
        }
        if !b.endnotes.isEmpty {
            newPage()
            contents.append(("", BriefWords.endnotesHeading(zh), pages.count, 0))
            paragraph(BriefWords.endnotesHeading(zh), Styles.h1, after: 10)
            runningHead = BriefWords.continued(zh, BriefWords.endnotesHeading(zh))
            for n in b.endnotes { hanging(BriefWords.noteMark(n.number), n.text, Styles.note, indent: 46, after: 5) }
            runningHead = nil
        }
        appendix(b)
        finishPage()
        addFooters(b.title)
        addContents()
        return pages
    }

    private mutating func cover(_ b: Briefing) {
        y = 120
        centered(b.title, Styles.coverTitle, after: 14)
        if let issue = b.cover.issueNumber { centered(issue, Styles.issue, after: 14) } else { y += 8 }
        let left = b.cover.organization.map { BriefWords.organization(zh) + $0 } ?? ""
        let right = b.cover.date ?? ""
        let h = max(measure(left.isEmpty ? " " : left, Styles.body, width: nil).height, 1)
        if !left.isEmpty { place(left, Styles.body, x: Self.margin, y: y, width: nil, role: .note) }
        if !right.isEmpty {
            let w = measure(right, Styles.body, width: nil).width
            place(right, Styles.body, x: Self.margin + Self.contentWidth - w, y: y, width: nil, role: .note)
        }
        y += h + 6
        items.append(.rect(Rect(x: Self.margin, y: y, width: Self.contentWidth, height: 2), fill: Styles.red, stroke: nil))
        y += 22
        paragraph(BriefWords.bodiesLine(zh, b.bodies), Styles.body, after: 6)
        paragraph(BriefWords.yearsLine(zh, b.years), Styles.body, after: 28)
        let g = measure(broken(b.generatedFrom, Styles.note, width: Self.contentWidth), Styles.note, width: Self.contentWidth).height
        contentsArea = (y, Self.bottom - g - 24)
        y = max(y + 20, Self.bottom - g)
        paragraph(b.generatedFrom, Styles.note, after: 0)
        finishPage()
    }

    private mutating func conclusions(_ b: Briefing) {
        newPage()
        contents.append(("", BriefWords.conclusionsHeading(zh), pages.count, 0))
        paragraph(BriefWords.conclusionsHeading(zh), Styles.h1, after: 14)
        for (i, f) in b.conclusions.enumerated() {
            hanging("\(i + 1).", f.text, Styles.lead, indent: 24, after: 12)
        }
    }

    /// A finding with its endnote marks.
    private mutating func finding(_ f: BriefFinding) {
        let marks = f.notes.map(BriefWords.noteMark).joined()
        hanging("·", f.text, Styles.body, indent: 16, after: 7, marks: marks)
    }

    /// A paragraph with a hanging label (`1.`, `〔3〕`, `·`).
    /// `marks` (endnote marks) follow the text on its last line when they fit there, so they never make a
    /// short last line of their own.
    private mutating func hanging(_ label: String, _ s: String, _ style: TextStyle, indent: Double, after: Double,
                                  marks: String = "") {
        let w = Self.contentWidth - indent
        var shown = broken(s, style, width: w)
        if !marks.isEmpty {
            let last = shown.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? shown
            shown = measure(last + marks, style, width: nil).width <= w - 0.5 ? shown + marks : broken(s + marks, style, width: w)
        }
        let h = measure(shown, style, width: w).height
        if y + h > Self.bottom && y > Self.top { newPage() }
        place(label, style, x: Self.margin, y: y, width: nil, role: .note)
        place(shown, style, x: Self.margin + indent, y: y, width: w, role: .note)
        y += h + after
    }

    /// A figure: the chart at its printed size, its numbered caption and takeaway under it, then its numbered
    /// table. Starts a new page when chart and caption do not fit.
    private mutating func figure(_ c: BriefChart, sceneFor: (ChartSpec) throws -> Scene) throws {
        let scene = try sceneFor(c.spec)
        let w = Self.contentWidth
        let frameHeight = w * scene.size.height / scene.size.width
        let caption = BriefWords.figure(zh, c.number) + "　" + c.caption
        // Chart, caption, takeaway and the table (its title, unit line and rows) are kept on one page.
        let capHeight = measure(broken(caption, Styles.caption, width: w), Styles.caption, width: w).height
            + measure(broken(c.takeaway, Styles.takeaway, width: w), Styles.takeaway, width: w).height + 24
        let tableHeight = c.table.rows.isEmpty ? 0 : Double(c.table.rows.count + 1) * 22 + 40
        if y + frameHeight + capHeight + min(tableHeight, 200) > Self.bottom { newPage() } else if y > Self.top + 40 { y += 12 }
        contents.append((BriefWords.figure(zh, c.number), c.caption, pages.count, 1))
        let frame = Rect(x: Self.margin, y: y, width: w, height: frameHeight)
        charts.append(BriefPage.PlacedChart(scene: scene, frame: frame))
        y = frame.maxY + 8
        paragraph(caption, Styles.caption, after: 3)
        if !c.takeaway.isEmpty { paragraph(c.takeaway, Styles.takeaway, after: 12) }
        if !c.table.rows.isEmpty {
            numberedTable(BriefChart.NumberedTable(number: c.tableNumber, title: c.caption, table: c.table))
        }
    }

    /// Key-figure tiles, three to a row.
    private mutating func tiles(_ tiles: [BriefTile]) {
        let perRow = 3
        let gap = 10.0
        let w = (Self.contentWidth - gap * Double(perRow - 1)) / Double(perRow)
        let h = 64.0
        if y + h > Self.bottom { newPage() }
        for (i, t) in tiles.enumerated() {
            if i > 0 && i % perRow == 0 {
                y += h + gap
                if y + h > Self.bottom { newPage() }
            }
            let x = Self.margin + Double(i % perRow) * (w + gap)
            items.append(.rect(Rect(x: x, y: y, width: w, height: h), fill: Styles.tileFill, stroke: nil))
            place(t.label, Styles.tileLabel, x: x + 10, y: y + 8, width: nil, role: .note)
            place(t.value, Styles.tileValue, x: x + 10, y: y + 28, width: nil, role: .valueLabel)
        }
        y += h + 16
    }

    private mutating func appendix(_ b: Briefing) {
        newPage()
        contents.append(("", BriefWords.appendix(zh), pages.count, 0))
        paragraph(BriefWords.appendix(zh), Styles.h1, after: 12)
        runningHead = BriefWords.continued(zh, BriefWords.appendix(zh))
        heading(BriefWords.sourcesHeading(zh), Styles.h2, after: 8)
        let rows = b.sources.map { [$0.file, $0.contribution] }
        grid(header: [BriefWords.fileColumn(zh), BriefWords.contributionColumn(zh)], rows: rows,
             widths: [0.3, 0.7], numeric: false)
        y += 14
        heading(BriefWords.checksHeading(zh), Styles.h2, after: 8)
        paragraph(b.checks.summary, Styles.body, after: 6)
        for line in b.checks.findings { paragraph(line, Styles.note, after: 4) }
        y += 10
        if b.conflicts.isEmpty {
            paragraph(BriefWords.conflictsHeading(zh) + "：" + BriefWords.none(zh), Styles.bodyBold, after: 10)
        } else {
            heading(BriefWords.conflictsHeading(zh), Styles.h2, after: 8)
            for line in b.conflicts { paragraph(line, Styles.note, after: 4) }
            y += 10
        }
        if !b.methods.isEmpty {
            heading(BriefWords.methodsHeading(zh), Styles.h2, after: 8)
            for m in b.methods { paragraph(m, Styles.note, after: 4) }
            y += 10
        }
        if !b.references.isEmpty {
            heading(BriefWords.referencesHeading(zh), Styles.h2, after: 8)
            for r in b.references {
                hanging(BriefWords.noteMark(r.note), r.references.joined(separator: zh ? "；" : "; "), Styles.small,
                        indent: 46, after: 3)
            }
        }
    }

    /// The contents on the cover: parts and figures with their pages (a fixed-width column for 图N); figures are
    /// left out only when the list would not fit.
    private mutating func addContents() {
        guard !pages.isEmpty else { return }
        let style = TextStyle(size: 11, color: Styles.text)
        let line = measure(BriefWords.contents(zh), style, width: nil).height + 4
        let room = Int((contentsArea.bottom - contentsArea.top) / line) - 2
        let entries = contents.count <= room ? contents : contents.filter { $0.level == 0 }
        var at = contentsArea.top
        let heading = measure(BriefWords.contents(zh), Styles.h2, width: nil)
        pages[0].items.append(.text(TextBox(text: BriefWords.contents(zh), style: Styles.h2,
                                            frame: Rect(x: Self.margin, y: at, width: heading.width, height: heading.height),
                                            role: .title)))
        at += heading.height + 8
        let numberColumn = (contents.filter { $0.level == 1 }.map { measure($0.number, style, width: nil).width }.max() ?? 0) + 10
        for e in entries.prefix(max(0, room)) {
            let st = e.level == 0 ? TextStyle(size: 11, bold: true, color: Styles.text) : style
            let number = String(e.page + 1)
            let n = measure(number, st, width: nil)
            var x = Self.margin + (e.level == 0 ? 0 : 16)
            if e.level == 1 {
                let m = measure(e.number, st, width: nil)
                pages[0].items.append(.text(TextBox(text: e.number, style: st, frame: Rect(x: x, y: at, width: m.width, height: m.height),
                                                    role: .note)))
                x += numberColumn
            }
            let width = Self.contentWidth - (x - Self.margin) - n.width - 24
            var shown = e.text
            while measure(shown, st, width: nil).width > width, shown.count > 2 {
                shown = String(shown.dropLast(shown.hasSuffix("…") ? 2 : 1)) + "…"
            }
            let ts = measure(shown, st, width: nil)
            pages[0].items.append(.text(TextBox(text: shown, style: st,
                                                frame: Rect(x: x, y: at, width: ts.width, height: ts.height), role: .note)))
            pages[0].items.append(.polyline([Point(x + ts.width + 6, at + ts.height * 0.72),
                                             Point(Self.margin + Self.contentWidth - n.width - 6, at + ts.height * 0.72)],
                                            Stroke(Styles.rule, width: 0.6, dash: [1, 2.5])))
            pages[0].items.append(.text(TextBox(text: number, style: st,
                                                frame: Rect(x: Self.margin + Self.contentWidth - n.width, y: at,
                                                            width: n.width, height: n.height), role: .note)))
            at += line
        }
    }

    // MARK: Tables

    /// `表N　title` and the unit above a data table.
    private mutating func numberedTable(_ t: BriefChart.NumberedTable) {
        let title = BriefWords.table(zh, t.number) + "　" + t.title
        let h = measure(broken(title, Styles.caption, width: Self.contentWidth), Styles.caption, width: Self.contentWidth).height
        // A short table is kept whole on one page.
        let whole = h + Double(t.table.rows.count + 1) * 21 + 24
        if y + h + 60 > Self.bottom || (whole < Self.bottom - Self.top - 40 && y + whole > Self.bottom) { newPage() }
        paragraph(title, Styles.caption, after: 3)
        table(t.table)
        y += 14
    }

    /// The data table of a chart; when the years do not fit side by side they are split into several tables
    /// of as many year columns as fit, each with the row labels.
    private mutating func table(_ t: BriefTable) {
        if !t.unitLine.isEmpty {
            let s = measure(t.unitLine, Styles.small, width: nil)
            place(t.unitLine, Styles.small, x: Self.margin + Self.contentWidth - s.width, y: y, width: nil, role: .note)
            y += s.height + 3
        }
        let labelWidth = min(Self.contentWidth * 0.4,
                             (t.rows.map { $0[0] } + [t.header[0]]).map { measure($0, Styles.cell, width: nil).width }.max()! + 16)
        let valueColumns = Array(t.header.indices.dropFirst())
        let needed = valueColumns.map { c in
            max(min(measure(t.header[c], Styles.headCell, width: nil).width, 4 * Styles.headCell.size),
                t.rows.map { measure($0[c], Styles.cell, width: nil).width }.max() ?? 0) + 14
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

        func cellText(_ s: String, _ style: TextStyle, _ i: Int) -> String { broken(s, style, width: cols[i] - 2 * pad) }
        func rowHeight(_ cells: [String], _ style: TextStyle) -> Double {
            cells.enumerated().map { measure(cellText($1, style, $0), style, width: cols[$0] - 2 * pad).height }.max()! + 2 * pad - 1
        }
        func drawRow(_ cells: [String], _ style: TextStyle, fill: Color?) {
            let h = rowHeight(cells, style)
            if let fill {
                items.append(.rect(Rect(x: Self.margin, y: y, width: Self.contentWidth, height: h), fill: fill, stroke: nil))
            }
            for (i, cell) in cells.enumerated() {
                let inner = cols[i] - 2 * pad
                let rightAligned = numeric && i > 0
                let shown = cellText(cell, style, i)
                let s = measure(shown, style, width: inner)
                let x = rightAligned ? xs[i] + cols[i] - pad - s.width : xs[i] + pad
                place(shown, style, x: x, y: y + pad - 0.5, width: rightAligned ? nil : inner, role: .valueLabel)
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

    /// THE line breaking of the briefing: `s` broken for `width` by ``ChineseLineBreak`` (避头尾, number and unit
    /// kept together, no 1–2 character last line), the lines joined by newlines for Pango to set as they are.
    func broken(_ s: String, _ style: TextStyle, width: Double) -> String {
        guard measure(s, style, width: nil).width > width else { return s }
        return ChineseLineBreak.lines(s, maxWidth: width - 0.5, balanced: style.bold) { line in
            text.measure(line, style: style, wrapWidth: nil).width
        }.joined(separator: "\n")
    }

    /// Places one text box without moving the flow.
    private mutating func place(_ s: String, _ style: TextStyle, x: Double, y: Double, width: Double?, role: TextRole) {
        let m = measure(s, style, width: width)
        items.append(.text(TextBox(text: s, style: style, frame: Rect(x: x, y: y, width: m.width, height: m.height),
                                   wrapWidth: width, role: role)))
    }

    /// A paragraph broken into lines at the flow position; starts a new page when it does not fit.
    private mutating func paragraph(_ s: String, _ style: TextStyle, x: Double = margin, width: Double = contentWidth,
                                    after: Double) {
        let shown = broken(s, style, width: width)
        let m = measure(shown, style, width: width)
        if y + m.height > Self.bottom && y > Self.top { newPage() }
        place(shown, style, x: x, y: y, width: width, role: style.bold ? .title : .note)
        y += m.height + after
    }

    /// A centred line (the cover).
    private mutating func centered(_ s: String, _ style: TextStyle, after: Double) {
        let shown = broken(s, style, width: Self.contentWidth)
        let m = measure(shown, style, width: nil)
        place(shown, style, x: Self.margin + (Self.contentWidth - m.width) / 2, y: y, width: nil, role: .title)
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
        if let head = runningHead { paragraph(head, Styles.small, after: 10) }
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
