import SeriesModel

/// Reads the rows of one table into observations, ambiguities, blank cells and issues.
struct TableReader {
    let stream: CharStream
    let info: ReportInfo
    let layout: TemplateLayout
    var observations: [Observation] = []
    var ambiguities: [AmbiguousCells] = []
    var blanks: [BlankCell] = []
    var issues: [ExtractionIssue] = []
    var budget = ReportExtractor.searchBudget

    /// What one cell of a read row gives.
    private enum CellOutcome {
        /// A certain value.
        case value(CellValue)
        /// A blank cell: not reported.
        case blank
        /// The readings disagree: ambiguous.
        case open
    }

    /// A row with its readings.
    private struct ReadRow {
        var found: TableLocator.FoundRow
        var tokens: [NumberToken]
        var reading: RowReading
    }

    mutating func read(table: Int, region: Range<Int>, locator: TableLocator) {
        let specs = layout.rows(of: table)
        let found = locator.rows(specs, in: region)
        let foundKeys = Set(found.map(\.spec.key))
        for spec in specs where !foundKeys.contains(spec.key) {
            issues.append(ExtractionIssue(severity: .error, place: "table \(table)", message: ExtractionMessages.rowMissing(spec.label)))
        }
        var rows: [ReadRow] = found.map { f in
            let tokens = NumberScanner.tokens(in: stream, f.valuesStart..<f.end)
            let reading = RunSplitter.read(tokens, cells: f.spec.cells, sumGroups: f.spec.sumGroups, budget: &budget)
            return ReadRow(found: f, tokens: tokens, reading: reading)
        }
        if table == 3 {
            let keys = specs.map(\.key)
            var byTemplateRow: [[[CellValue?]]] = keys.map { _ in [] }
            for r in rows where !r.reading.truncated {
                if let i = keys.firstIndex(of: r.found.spec.key) { byTemplateRow[i] = r.reading.candidates }
            }
            let solved = IdentitySolver.solve(byTemplateRow, columns: 7,
                                              equations: IdentitySolver.table3Equations(rowKeys: keys), budget: &budget)
            for i in rows.indices where !rows[i].reading.truncated {
                if let k = keys.firstIndex(of: rows[i].found.spec.key) { rows[i].reading.candidates = solved[k] }
            }
        }
        for row in rows { emit(row, table: table) }
    }

    private func place(_ row: TableLocator.FoundRow, table: Int) -> String {
        "table \(table), row \(row.spec.label) (\(lineSource(row)))"
    }

    /// `file:LINE` of the row label (or of the first number when the row has no label).
    private func lineSource(_ row: TableLocator.FoundRow) -> String { lineRef(row).description }

    private func lineRef(_ row: TableLocator.FoundRow) -> SourceRef {
        var i = row.spec.searchKey == nil ? row.valuesStart : row.labelStart
        if row.spec.searchKey == nil, let first = NumberScanner.tokens(in: stream, row.valuesStart..<row.end).first {
            i = first.position
        }
        guard i < stream.count else { return SourceRef(file: info.file) }
        switch stream.place(at: i) {
        case let .line(n): return SourceRef(file: info.file, location: .line(n))
        case let .pageLine(p, n): return SourceRef(file: info.file, location: .pageLine(page: p, line: n))
        case .cell, .pageCell: return cellRef(at: i, table: row.spec.table) ?? SourceRef(file: info.file)
        }
    }

    /// The source of a stream position in a table cell: `file#table3[r5c2]` (HTML) or `file.pdf#p7/table3[r13c4]`
    /// (PDF); nil for a position on a line.
    private func cellRef(at i: Int, table: Int) -> SourceRef? {
        switch stream.place(at: i) {
        case let .cell(_, r, c): return SourceRef(file: info.file, location: .cell(table: table, row: r, column: c))
        case let .pageCell(p, _, r, c, _, ocr):
            return SourceRef(file: info.file, location: .pageCell(page: p, table: table, row: r, column: c), notes: ocr ? ["OCR"] : [])
        case .line, .pageLine: return nil
        }
    }

    private func source(_ row: TableLocator.FoundRow, value: CellValue?, position: Int?, run: String?) -> String {
        var ref: SourceRef
        if let p = value?.position ?? position, p < stream.count, let cell = cellRef(at: p, table: row.spec.table) {
            ref = cell
        } else {
            ref = lineRef(row)
        }
        if let run { ref.notes.append("split from \(run)") }
        if let conv = value?.conversion { ref.notes.append(conv) }
        return ref.description
    }

    private mutating func emit(_ row: ReadRow, table: Int) {
        let spec = row.found.spec
        let reading = row.reading
        if let problem = reading.problem {
            let message: String
            switch problem {
            case .noNumbers: message = ExtractionMessages.noNumbers
            case let .tooMany(found): message = ExtractionMessages.tooMany(found: found, expected: spec.cells.count)
            case let .noSplit(run, found): message = ExtractionMessages.noSplit(run, found: found, expected: spec.cells.count)
            case let .tooComplex(run): message = ExtractionMessages.tooComplex(run)
            case let .unreadable(text): message = ExtractionMessages.unreadable(text)
            }
            issues.append(ExtractionIssue(severity: .error, place: place(row.found, table: table), message: message))
            return
        }
        let candidates = reading.candidates
        guard let first = candidates.first else { return }
        if row.tokens.contains(where: { t in
            guard t.position < stream.count, case .pageCell(_, _, _, _, true, _) = stream.place(at: t.position) else { return false }
            return true
        }) {
            // A PDF table without ruling lines: its grid is a guess, so its numbers are flagged, never emitted.
            let printed = first.map { $0?.printed ?? "□" }.joined(separator: " ")
            issues.append(ExtractionIssue(severity: .warning, place: place(row.found, table: table),
                                          message: ExtractionMessages.guessedGrid(printed)))
            return
        }
        if reading.sumsIgnored && candidates.count == 1 {
            issues.append(ExtractionIssue(severity: .warning, place: place(row.found, table: table),
                                          message: ExtractionMessages.rowSumBroken(row.tokens.map(\.text).joined(separator: " "))))
        }
        let run = reading.wasSplit ? row.tokens.map { $0.isBlank ? "□" : $0.text + ($0.unit?.text ?? "") }.joined(separator: " ") : nil
        var outcomes: [CellOutcome] = []
        var open: [Int] = []
        for c in spec.cells.indices {
            let v = first[c]
            let agreed = !reading.truncated && candidates.allSatisfy { ($0[c] == nil) == (v == nil) && $0[c]?.value == v?.value }
            if !agreed {
                outcomes.append(.open)
                open.append(c)
            } else if let v {
                outcomes.append(.value(v))
            } else {
                outcomes.append(.blank)
            }
        }
        if !open.isEmpty {
            let metrics = open.map { spec.cells[$0].metric }
            let listed = candidates.map { cand in cand.map { $0?.printed ?? "□" }.joined(separator: "|") }
            ambiguities.append(AmbiguousCells(table: table, row: spec.label, metrics: metrics, run: run ?? "",
                                              candidates: listed, truncated: reading.truncated,
                                              source: lineSource(row.found)))
            issues.append(ExtractionIssue(severity: .warning, place: place(row.found, table: table),
                                          message: ExtractionMessages.ambiguous(run ?? "", count: candidates.count, metrics: metrics)))
        }
        var previousItems: Double?
        for (c, cell) in spec.cells.enumerated() {
            let year = info.year + cell.yearOffset
            let value: CellValue
            switch outcomes[c] {
            case .open:
                continue
            case .blank:
                let src = source(row.found, value: nil, position: blankPosition(row, cell: c), run: nil)
                blanks.append(BlankCell(metric: cell.metric, year: year, source: src))
                continue
            case let .value(v):
                value = v
            }
            let src = source(row.found, value: value, position: nil, run: run)
            observations.append(Observation(entity: info.entity, year: year, metric: cell.metric, value: value.value, source: src))
            if cell.metric.hasSuffix(".items") && cell.yearOffset == -1 { previousItems = value.value }
            if cell.metric.hasSuffix(".items_change") {
                if let prev = previousItems {
                    let itemsMetric = cell.metric.replacingOccurrences(of: ".items_change", with: ".items")
                    let derivedSource = source(row.found, value: nil, position: value.position, run: run)
                    observations.append(Observation(entity: info.entity, year: info.year, metric: itemsMetric,
                                                    value: prev + value.value, source: derivedSource, derived: true))
                }
            }
        }
    }

    /// The stream position of the blank token that fills `cell` when the row was read one token per cell.
    private func blankPosition(_ row: ReadRow, cell: Int) -> Int? {
        row.tokens.count == row.found.spec.cells.count ? row.tokens[cell].position : nil
    }
}
