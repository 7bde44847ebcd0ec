import SeriesModel

/// Reads the rows of one table into observations, ambiguities, blank cells and issues.
struct TableReader {
    let stream: CharStream
    let info: ReportInfo
    let layout: TemplateLayout
    var observations: [Observation] = []
    var ambiguities: [AmbiguousCells] = []
    /// The PDF cell box of each emitted observation's source.
    var boxes: [String: CellBox] = [:]
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
        /// Set when the row's values cannot be emitted as certain: why (an identity fails and the row's place
        /// was a guess).
        var doubt: String?
    }

    /// True when a 2021-template 表三 prints the 2019 single （六）其他处理 row instead of its three sub-rows.
    private func singleOtherHandling(_ region: Range<Int>) -> Bool {
        func has(_ s: String) -> Bool { stream.find(CharStream.normalized(s), from: region.lowerBound, to: region.upperBound) != nil }
        return has("其他处理") && !has("无正当理由逾期") && !has("逾期不补正") && !has("逾期未按") && !has("申请人逾期")
    }

    mutating func read(table: Int, region: Range<Int>, locator: TableLocator) {
        var specs = layout.rows(of: table)
        if table == 3 && layout.template == .v2021 && singleOtherHandling(region) {
            specs = TemplateLayout.v2019.table3
            issues.append(ExtractionIssue(severity: .info, place: "table 3", message: ExtractionMessages.singleOtherHandling))
        }
        var found = locator.rows(specs, in: region)
        if table == 3 { found = placeByPosition(found, specs: specs) }
        let foundKeys = Set(found.map(\.spec.key))
        for spec in specs where !foundKeys.contains(spec.key) {
            issues.append(ExtractionIssue(severity: .error, place: "table \(table)", message: ExtractionMessages.rowMissing(spec.label)))
        }
        var rows: [ReadRow] = found.map { f in
            let tokens = NumberScanner.tokens(in: stream, f.valuesStart..<f.end,
                                              wanted: f.spec.searchKey == nil ? f.spec.cells.count : nil,
                                              blankRows: f.spec.searchKey != nil)
            var reading = RunSplitter.read(tokens, cells: f.spec.cells, sumGroups: f.spec.sumGroups, budget: &budget)
            if f.spec.searchKey != nil, reading.problem == nil, tokens.count == f.spec.cells.count, tokens.contains(where: \.isBlank) {
                // a number printed outside the table before the next row (a converter moved it out of its cell)
                // may belong in a blank cell: the blanks are not certain
                let beyond = NumberScanner.tokens(in: stream, f.valuesStart..<f.end, wanted: Int.max, blankRows: false)
                if let stray = beyond.first(where: { !$0.isBlank && $0.position > tokens.last!.position }) {
                    for (i, t) in tokens.enumerated() where t.isBlank {
                        reading.doubts[i] = ExtractionMessages.strayNumber(stray.text)
                    }
                }
            }
            return ReadRow(found: f, tokens: tokens, reading: reading)
        }
        for i in rows.indices where rows[i].found.unique {
            // one slip in a label found once between its neighbours, holding exactly its row's numbers one per cell:
            // the row is where its label says, not a guess
            let r = rows[i]
            guard r.found.guess == TableLocator.tolerantGuess || r.found.guess == TableLocator.wrappedGuess,
                  r.reading.problem == nil, r.reading.candidates.count == 1, !r.reading.wasSplit, !r.reading.sumsIgnored,
                  r.tokens.count == r.found.spec.cells.count else { continue }
            rows[i].found.note = r.found.guess
            rows[i].found.guess = nil
        }
        if table == 3, let positional = wholeTableByPosition(rows, specs: specs, region: region) { rows = positional }
        for i in rows.indices where rows[i].doubt == nil && interleavedAndBroken(rows[i]) {
            rows[i].doubt = ExtractionMessages.interleavedSumBroken
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
            placeVanishedBlanks(&rows, keys: keys)
            flagGuessesThatBreakIdentities(&rows, keys: keys)
        }
        for row in rows { emit(row, table: table) }
    }

    /// When rows of 表三 print fewer numbers than cells and no blank cell is marked anywhere in the table (a form
    /// that prints a blank cell as nothing), and the ordinary reading leaves some of them unread or open, tries
    /// ``BlankPlacement``: every number one whole cell, the missing cells blank, columns fixed by the identities.
    private mutating func placeVanishedBlanks(_ rows: inout [ReadRow], keys: [String]) {
        let labelled = rows.indices.filter { rows[$0].found.spec.searchKey != nil }
        guard !labelled.contains(where: { rows[$0].tokens.contains(where: \.isBlank) }) else { return }
        let short = labelled.filter { rows[$0].tokens.count < rows[$0].found.spec.cells.count }
        // cells printed apart (some short row holds two numbers or none); one run per row is web text, read by splits
        guard short.contains(where: { rows[$0].tokens.count != 1 }) else { return }
        guard short.contains(where: { i in
            let r = rows[i].reading
            return r.problem != nil || r.sumsIgnored || r.candidates.count != 1 || r.truncated
        }) else { return }
        // a row with no number counts as printed blank only when a later row has numbers (not a cut table)
        for i in short where rows[i].tokens.isEmpty {
            guard rows[(i + 1)...].contains(where: { !$0.tokens.isEmpty }) else { return }
        }
        var index: [String: Int] = [:]
        for i in labelled { index[rows[i].found.spec.key] = i }
        var candidates: [[[CellValue?]]] = []
        for key in keys {
            guard let i = index[key] else { return }
            let r = rows[i]
            if r.tokens.count == r.found.spec.cells.count {
                guard r.reading.problem == nil, !r.reading.truncated, !r.reading.sumsIgnored else { return }
                candidates.append(r.reading.candidates)
            } else {
                guard let placed = BlankPlacement.placements(r.tokens, cells: r.found.spec.cells) else { return }
                candidates.append(placed)
            }
        }
        for key in ["new_received", "total_processed"] where rows[index[key]!].tokens.isEmpty { return }
        guard let solved = BlankPlacement.solve(candidates, keys: keys) else { return }
        for (k, key) in keys.enumerated() {
            let i = index[key]!
            if rows[i].tokens.count == rows[i].found.spec.cells.count {
                rows[i].reading.candidates = solved[k]
            } else {
                rows[i].reading = RowReading(candidates: solved[k], wasSplit: false, truncated: false, problem: nil,
                                             placement: ExtractionMessages.columnsByIdentities)
            }
        }
        issues.append(ExtractionIssue(severity: .info, place: "table 3", message: ExtractionMessages.vanishedBlanks))
    }

    /// True when a row read one number per cell fails its own sum (表三's 总计, 表四's groups) while label text stands
    /// between its numbers (`pdftotext` interleaves merged header cells and numbers): which group a number belongs
    /// to is then a guess from the text order, not the report's own error.
    private func interleavedAndBroken(_ row: ReadRow) -> Bool {
        let r = row.reading
        guard r.problem == nil, r.candidates.count == 1, !r.wasSplit, let first = row.tokens.first, let last = row.tokens.last,
              !row.found.spec.sumGroups.isEmpty else { return false }
        let values = r.candidates[0]
        let broken = row.found.spec.sumGroups.contains { g in
            let parts = g.dropLast().map { values[$0]?.value }, total = values[g[g.count - 1]]?.value
            guard let total, !parts.contains(where: { $0 == nil }) else { return false }
            return abs(parts.reduce(0) { $0 + $1! } - total) > 1e-6
        }
        guard broken else { return false }
        return (first.position..<last.position).contains { i in
            let c = stream.scalars[i]
            return c.value >= 0x3400 && c.value <= 0x9FFF && !stream.inLabelCell[i]
        }
    }

    /// `pdftotext` without `-layout` may print the numbers of several rows in one block before or after their
    /// labels (`1.属于国家秘密` 63 numbers `2.其他法律…` `3.危及…` …). When the label-by-label reading of 表三 fails
    /// somewhere and the table holds exactly 7 numbers for each template row (item numbers of labels left out,
    /// no blank cell marked), the numbers are read in row order, seven to a row, every row "placed by position":
    /// the fault rule then emits them only where the identities confirm them.
    private func wholeTableByPosition(_ rows: [ReadRow], specs: [RowSpec], region: Range<Int>) -> [ReadRow]? {
        let labelled = rows.filter { $0.found.spec.searchKey != nil }
        guard let first = labelled.first,
              labelled.count < specs.count || labelled.contains(where: { $0.reading.problem != nil }) else { return nil }
        let width = specs[0].cells.count
        guard specs.allSatisfy({ $0.cells.count == width }) else { return nil }
        let s = stream.scalars
        let tokens = NumberScanner.tokens(in: stream, first.found.valuesStart..<region.upperBound, blankRows: false).filter { t in
            // an item number of a label (`2.其他…`, `2、`, `（2）`) is no cell
            let after = t.position + t.text.unicodeScalars.count
            guard t.text.count <= 2, after + 1 < s.count else { return true }
            let enumerator = (s[after] == "." || s[after] == "、" || s[after] == "）") && s[after + 1].value >= 0x4E00
            return !enumerator
        }
        guard !tokens.contains(where: \.isBlank), tokens.count == width * specs.count else { return nil }
        var out: [ReadRow] = []
        var budget = 10_000
        for (i, spec) in specs.enumerated() {
            let slice = Array(tokens[(width * i)..<(width * (i + 1))])
            let end = i + 1 < specs.count ? tokens[width * (i + 1)].position : region.upperBound
            let found = TableLocator.FoundRow(spec: spec, labelStart: slice[0].position, valuesStart: slice[0].position, end: end,
                                              guess: "row placed by position")
            let reading = RunSplitter.read(slice, cells: spec.cells, sumGroups: spec.sumGroups, budget: &budget)
            out.append(ReadRow(found: found, tokens: slice, reading: reading))
        }
        return out
    }

    /// Rows whose labels are missing between two found rows get their numbers by position when the row before
    /// holds exactly the numbers of all of them (a converter dropped or mangled the labels, the order survived).
    private func placeByPosition(_ found: [TableLocator.FoundRow], specs: [RowSpec]) -> [TableLocator.FoundRow] {
        let order = Dictionary(uniqueKeysWithValues: specs.enumerated().map { ($1.key, $0) })
        var out: [TableLocator.FoundRow] = []
        for (n, f) in found.enumerated() {
            out.append(f)
            let here = order[f.spec.key] ?? 0
            let next = n + 1 < found.count ? (order[found[n + 1].spec.key] ?? specs.count) : specs.count
            let missing = Array(specs[(here + 1)..<max(here + 1, next)])
            guard !missing.isEmpty, n + 1 < found.count else { continue }
            let width = f.spec.cells.count
            // the blanks of header rows between the rows (（三）不予公开 | | …) look like blank rows: not counted
            var tokens = NumberScanner.tokens(in: stream, f.valuesStart..<f.end, blankRows: false)
            while tokens.count > width * (missing.count + 1), tokens.last?.isBlank == true { tokens.removeLast() }
            guard tokens.count == width * (missing.count + 1), missing.allSatisfy({ $0.cells.count == width }) else { continue }
            out[out.count - 1].end = tokens[width].position
            for (m, spec) in missing.enumerated() {
                let start = tokens[width * (m + 1)].position
                let end = m + 1 < missing.count ? tokens[width * (m + 2)].position : f.end
                out.append(TableLocator.FoundRow(spec: spec, labelStart: start, valuesStart: start, end: end,
                                                 guess: "row placed by position"))
            }
        }
        return out
    }

    /// The fault rule: a row placed by a guess (tolerant label, position) is emitted only when a 表三 column
    /// identity it takes part in holds in all seven columns and none fails; otherwise the guessed rows are not
    /// emitted as certain. When every row was read as printed, a failure is the report's own and `check`
    /// reports it.
    private func flagGuessesThatBreakIdentities(_ rows: inout [ReadRow], keys: [String]) {
        guard rows.contains(where: { $0.found.guess != nil }) else { return }
        var at: [String: Int] = [:]
        for (i, r) in rows.enumerated() where r.reading.problem == nil && r.reading.candidates.count == 1 { at[r.found.spec.key] = i }
        func value(_ key: String, _ col: Int) -> Double? {
            guard let i = at[key] else { return nil }
            return rows[i].reading.candidates[0][col]?.value
        }
        var flagged: Set<Int> = []
        var confirmed: Set<Int> = []
        func judge(_ lhs: [String], _ rhs: [String], columns: [Int]) {
            var holdsEverywhere = true
            for col in columns {
                let l = lhs.map { value($0, col) }, r = rhs.map { value($0, col) }
                guard !l.contains(where: { $0 == nil }), !r.contains(where: { $0 == nil }) else { holdsEverywhere = false; continue }
                let sl = l.reduce(0) { $0 + $1! }, sr = r.reduce(0) { $0 + $1! }
                if abs(sl - sr) > 1e-6 {
                    holdsEverywhere = false
                    for k in lhs + rhs { if let i = at[k], rows[i].found.guess != nil { flagged.insert(i) } }
                }
            }
            if holdsEverywhere { for k in lhs + rhs { if let i = at[k] { confirmed.insert(i) } } }
        }
        for eq in IdentitySolver.table3Equations(rowKeys: keys) {
            judge(eq.lhs.map { keys[$0] }, eq.rhs.map { keys[$0] }, columns: Array(0..<7))
        }
        for (i, r) in rows.enumerated() where r.found.guess != nil && !confirmed.contains(i) { flagged.insert(i) }
        for (i, r) in rows.enumerated() where r.found.guess != nil && at[r.found.spec.key] != nil {
            let v = r.reading.candidates[0]
            if v.allSatisfy({ $0 != nil }), abs(v[0..<6].reduce(0) { $0 + $1!.value } - v[6]!.value) > 1e-6 { flagged.insert(i) }
        }
        for i in flagged where rows[i].reading.problem == nil && !rows[i].reading.candidates.isEmpty {
            rows[i].doubt = ExtractionMessages.guessBreaksIdentity(rows[i].found.guess ?? "")
        }
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

    private func source(_ row: TableLocator.FoundRow, value: CellValue?, position: Int?, run: String?, note: String? = nil) -> String {
        var ref: SourceRef
        if let p = value?.position ?? position, p < stream.count, let cell = cellRef(at: p, table: row.spec.table) {
            ref = cell
        } else {
            ref = lineRef(row)
        }
        if let guess = row.guess { ref.notes.append(guess) }
        if let n = row.note { ref.notes.append(n) }
        if let note { ref.notes.append(note) }
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
        if let doubt = row.doubt {
            let listed = candidates.map { cand in cand.map { $0?.printed ?? "□" }.joined(separator: "|") }
            ambiguities.append(AmbiguousCells(table: table, row: spec.label, metrics: spec.cells.map(\.metric),
                                              run: row.tokens.map { $0.isBlank ? "□" : $0.text }.joined(separator: " "),
                                              candidates: listed, truncated: reading.truncated,
                                              source: lineSource(row.found), reason: doubt))
            issues.append(ExtractionIssue(severity: .warning, place: place(row.found, table: table), message: doubt))
            return
        }
        if reading.sumsIgnored {
            // the split is a guess and the row's own sum fails with every split: nothing of it is certain
            let printed = row.tokens.map { $0.isBlank ? "□" : $0.text }.joined(separator: " ")
            let why = ExtractionMessages.rowSumBroken(printed)
            ambiguities.append(AmbiguousCells(table: table, row: spec.label, metrics: spec.cells.map(\.metric), run: printed,
                                              candidates: candidates.map { c in c.map { $0?.printed ?? "□" }.joined(separator: "|") },
                                              truncated: reading.truncated, source: lineSource(row.found), reason: why))
            issues.append(ExtractionIssue(severity: .warning, place: place(row.found, table: table), message: why))
            return
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
        let doubtful = reading.doubts.keys.sorted().filter { open.contains($0) == false }
        for c in doubtful {
            outcomes[c] = .open
            let printed = first[c]?.printed ?? ""
            let why = ExtractionMessages.doubtfulCell(printed, why: reading.doubts[c] ?? "")
            ambiguities.append(AmbiguousCells(table: table, row: spec.label, metrics: [spec.cells[c].metric], run: printed,
                                              candidates: [], truncated: false, source: lineSource(row.found), reason: why))
            issues.append(ExtractionIssue(severity: .warning, place: place(row.found, table: table), message: why))
        }
        if !open.isEmpty {
            let metrics = open.map { spec.cells[$0].metric }
            let listed = candidates.map { cand in cand.map { $0?.printed ?? "□" }.joined(separator: "|") }
            let printed = run ?? row.tokens.map { $0.isBlank ? "□" : $0.text + ($0.unit?.text ?? "") }.joined(separator: " ")
            ambiguities.append(AmbiguousCells(table: table, row: spec.label, metrics: metrics, run: printed,
                                              candidates: listed, truncated: reading.truncated,
                                              source: lineSource(row.found)))
            issues.append(ExtractionIssue(severity: .warning, place: place(row.found, table: table),
                                          message: ExtractionMessages.ambiguous(printed, count: candidates.count, metrics: metrics)))
        }
        var previousItems: Double?
        for (c, cell) in spec.cells.enumerated() {
            let year = info.year + cell.yearOffset
            let value: CellValue
            switch outcomes[c] {
            case .open:
                continue
            case .blank:
                let src = source(row.found, value: nil, position: blankPosition(row, cell: c), run: nil, note: reading.placement)
                blanks.append(BlankCell(metric: cell.metric, year: year, source: src))
                continue
            case let .value(v):
                value = v
            }
            let src = source(row.found, value: value, position: nil, run: run, note: reading.placement)
            if value.position < stream.count, case let .pageCell(page, t, r, c, _, _) = stream.place(at: value.position),
               let grid = stream.tableBoxes[t], r - 1 < grid.count, c - 1 < grid[r - 1].count {
                boxes[src] = CellBox(page: page, box: grid[r - 1][c - 1])
            }
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
