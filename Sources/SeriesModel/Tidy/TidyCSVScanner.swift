import Foundation

/// A streaming reader of tidy CSV that feeds a ``DatasetBuilder`` straight from bytes.
///
/// It reads the same files as ``TidyTable/readCSV(_:file:)`` (same columns, defaults and error messages) but
/// streams the file in blocks, parses fields in place and interns strings, so millions of rows load without
/// one allocation per row. A file that is not UTF-8 (e.g. GB18030) is handed to ``TidyTable`` instead.
/// A bad row is reported and skipped; the rest of the file is still read.
///
/// ```swift
/// var builder = DatasetBuilder()
/// TidyCSVScanner.read(path: "big.csv", file: "big.csv", into: &builder)
/// ```
public enum TidyCSVScanner {
    /// The most errors reported for one file before it is abandoned.
    public static let maxErrorsPerFile = 50

    /// Streams the file at `path` into `builder`; problems go to `builder.errors`.
    ///
    /// `expectedBytes`, the size of this file and the tidy CSV files still to come, lets the builder reserve its
    /// columns once (estimated from the first block) instead of growing them step by step.
    /// `separator` is the field separator: `,` (44), or a tab (9) for `.tsv` files.
    public static func read(path: String, file: String, into builder: inout DatasetBuilder, expectedBytes: Int? = nil,
                            separator: UInt8 = 44) {
        read(path: path, file: file, into: &builder, expectedBytes: expectedBytes, blockSize: 1 << 22, separator: separator)
    }

    /// Streams with blocks of `blockSize` bytes (tests use tiny blocks to cross every boundary).
    static func read(path: String, file: String, into builder: inout DatasetBuilder, expectedBytes: Int?, blockSize: Int,
                     separator: UInt8 = 44) {
        guard let fp = fopen(path, "rb") else {
            builder.addError(InputError(file: file, message: "cannot open the file (\(String(cString: strerror(errno))))"))
            return
        }
        defer { fclose(fp) }
        var state = State(file: file, rowsAtStart: builder.rowCount, separator: separator)
        var buffer = [UInt8](repeating: 0, count: max(blockSize, 1))
        var filled = 0
        var eof = false
        while true {
            if !eof && filled < buffer.count {
                let got = buffer.withUnsafeMutableBytes { raw in
                    fread(raw.baseAddress! + filled, 1, raw.count - filled, fp)
                }
                filled += got
                if got == 0 {
                    eof = true
                    if ferror(fp) != 0 {
                        builder.addError(InputError(file: file, message: "read error (\(String(cString: strerror(errno))))"))
                    }
                }
            }
            let consumed = buffer.withUnsafeMutableBufferPointer { buf in
                state.consume(UnsafeMutableBufferPointer(rebasing: buf[0..<filled]), eof: eof, into: &builder)
            }
            if let expectedBytes, !builder.reservedByEstimate, consumed > 0, builder.rowCount > state.rowsAtStart {
                let perRow = Double(consumed) / Double(builder.rowCount - state.rowsAtStart)
                builder.reserve(builder.rowCount + Int(Double(expectedBytes - consumed) / perRow * 1.01) + 1024)
            }
            if state.fallback {
                builder.truncate(to: state.rowsAtStart)
                guard let data = FileManager.default.contents(atPath: path) else {
                    builder.addError(InputError(file: file, message: "cannot read the file"))
                    return
                }
                readWithTidyTable(Array(data), file: file, into: &builder, separator: separator)
                return
            }
            if state.stopped || (eof && consumed == filled) { break }
            if consumed == 0 && filled == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))   // one record longer than the buffer
                continue
            }
            buffer.withUnsafeMutableBytes { raw in
                let base = raw.baseAddress!
                memmove(base, base + consumed, filled - consumed)
            }
            filled -= consumed
            if eof && consumed == 0 { break }
        }
        state.finish(into: &builder)
    }

    /// Reads tidy CSV `bytes` into `builder`; problems go to `builder.errors`.
    public static func read(bytes: [UInt8], file: String, into builder: inout DatasetBuilder, separator: UInt8 = 44) {
        var state = State(file: file, rowsAtStart: builder.rowCount, separator: separator)
        var copy = bytes
        _ = copy.withUnsafeMutableBufferPointer { buf in state.consume(buf, eof: true, into: &builder) }
        if state.fallback {
            builder.truncate(to: state.rowsAtStart)
            readWithTidyTable(bytes, file: file, into: &builder, separator: separator)
            return
        }
        state.finish(into: &builder)
    }

    private static func readWithTidyTable(_ bytes: [UInt8], file: String, into builder: inout DatasetBuilder, separator: UInt8) {
        do {
            builder.add(contentsOf: try TidyTable.readCSV(bytes, file: file, separator: separator))
        } catch let e as InputError {
            builder.addError(e)
        } catch {
            builder.addError(InputError(file: file, message: "\(error)"))
        }
    }

    /// Column positions of the tidy header.
    private struct Columns {
        var entity = -1, year = -1, metric = -1, value = -1, unit = -1, label = -1, source = -1, derived = -1
    }

    private struct State {
        let file: String
        let rowsAtStart: Int
        /// The field separator (`,` or a tab).
        let separator: UInt8
        var line = 0
        /// The fields of the header (a row with more non-empty fields is refused).
        var headerFields = 0
        /// The record just scanned opened a quote that the file never closes.
        var unclosedQuote = false
        var columns: Columns?
        var fields: [(start: Int, end: Int)] = []
        var errors = 0
        var fallback = false
        var stopped = false
        var defaultUnit: [Int32] = []
        var defaultLabel: [Int32] = []
        var lastEntity = LastInterned()
        var lastUnit = LastInterned()
        var lastLabel = LastInterned()
        var lastSource = LastInterned()
        /// (metric, unit) → the conversion to the catalog unit (nil: the unit is kept as given).
        var conversions: [Int64: TidyRecord.UnitConversion?] = [:]

        init(file: String, rowsAtStart: Int, separator: UInt8) {
            self.file = file
            self.rowsAtStart = rowsAtStart
            self.separator = separator
        }

        /// Parses every complete record of `buf`; returns the number of bytes consumed.
        mutating func consume(_ buf: UnsafeMutableBufferPointer<UInt8>, eof: Bool, into builder: inout DatasetBuilder) -> Int {
            var pos = 0
            if line == 0 && buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { pos = 3 }
            while pos < buf.count && !fallback && !stopped {
                guard let next = scanRecord(buf, from: pos, eof: eof) else { break }
                line += 1
                if line == 1 {
                    readHeader(buf, into: &builder)
                } else {
                    readRow(UnsafeBufferPointer(buf), into: &builder)
                }
                pos = next
            }
            return pos
        }

        mutating func finish(into builder: inout DatasetBuilder) {
            if line == 0 && !stopped {
                builder.addError(InputError(file: file, place: "line 1",
                                            message: "empty file: expected the header \(TidyTable.columns.joined(separator: ","))"))
            } else if line == 1 && columns != nil {
                builder.addError(InputError(file: file, place: "line 2",
                                            message: "no rows after the header: expected one observation per line"))
            }
        }

        /// Splits one record into `fields` (quotes removed in place); nil when the record runs past the buffer.
        mutating func scanRecord(_ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int, eof: Bool) -> Int? {
            fields.removeAll(keepingCapacity: true)
            unclosedQuote = false
            var escaped: [Int] = []
            let n = buf.count
            var p = start
            while true {
                var fs = p, fe = p
                if p < n && buf[p] == UInt8(ascii: "\"") {
                    p += 1
                    fs = p
                    var closed = false
                    while p < n {
                        if buf[p] == UInt8(ascii: "\"") {
                            if p + 1 < n && buf[p + 1] == UInt8(ascii: "\"") {
                                if escaped.last != fields.count { escaped.append(fields.count) }
                                p += 2
                                continue
                            }
                            if p + 1 >= n && !eof { return nil }
                            fe = p
                            p += 1
                            closed = true
                            break
                        }
                        p += 1
                    }
                    if !closed {
                        if !eof { return nil }
                        fe = p
                        unclosedQuote = true
                    }
                    while p < n && buf[p] != separator && buf[p] != 10 && buf[p] != 13 { p += 1 }
                } else {
                    while p < n && buf[p] != separator && buf[p] != 10 && buf[p] != 13 { p += 1 }
                    fe = p
                }
                fields.append((fs, fe))
                if p >= n {
                    guard eof else { return nil }
                    break
                }
                if buf[p] == separator { p += 1; continue }
                if buf[p] == 13 {
                    if p + 1 >= n && !eof { return nil }
                    p += 1
                    if p < n && buf[p] == 10 { p += 1 }
                } else {
                    p += 1
                }
                break
            }
            for i in escaped {                                 // "" → " in place, now that the record is complete
                var r = fields[i].start, w = r
                while r < fields[i].end {
                    buf[w] = buf[r]
                    r += buf[r] == UInt8(ascii: "\"") ? 2 : 1
                    w += 1
                }
                fields[i].end = w
            }
            return p
        }

        private func text(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> String {
            guard i >= 0, i < fields.count else { return "" }
            let r = trimmed(fields[i])(buf)
            return String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
        }

        private func trimmed(_ f: (start: Int, end: Int)) -> (UnsafeBufferPointer<UInt8>) -> Range<Int> {
            { buf in
                var s = f.start, e = f.end
                while s < e && (buf[s] == 32 || buf[s] == 9) { s += 1 }
                while e > s && (buf[e - 1] == 32 || buf[e - 1] == 9) { e -= 1 }
                return s..<e
            }
        }

        private func field(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> UnsafeBufferPointer<UInt8> {
            guard i >= 0, i < fields.count else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(rebasing: buf[trimmed(fields[i])(buf)])
        }

        mutating func readHeader(_ mbuf: UnsafeMutableBufferPointer<UInt8>, into builder: inout DatasetBuilder) {
            let buf = UnsafeBufferPointer(mbuf)
            var c = Columns()
            guard String(validating: UnsafeBufferPointer(rebasing: buf[(fields.first?.start ?? 0)..<(fields.last?.end ?? 0)]),
                         as: UTF8.self) != nil else {
                fallback = true
                return
            }
            for i in fields.indices.reversed() {
                switch text(buf, i).lowercased() {
                case "entity": c.entity = i
                case "year": c.year = i
                case "metric": c.metric = i
                case "value": c.value = i
                case "unit": c.unit = i
                case "label": c.label = i
                case "source": c.source = i
                case "derived": c.derived = i
                default: break
                }
            }
            for (name, i) in [("entity", c.entity), ("year", c.year), ("metric", c.metric), ("value", c.value)] where i < 0 {
                builder.addError(InputError(file: file, place: "line 1",
                                            message: "missing column “\(name)”: expected the header \(TidyTable.columns.joined(separator: ","))"))
                stopped = true
                return
            }
            headerFields = fields.count
            columns = c
        }

        private mutating func fail(_ builder: inout DatasetBuilder, _ problem: TidyRecord.Problem) {
            fail(&builder, place: "line \(line), column \(problem.field)", problem.message)
        }

        private mutating func fail(_ builder: inout DatasetBuilder, place: String, _ message: String) {
            errors += 1
            builder.addError(InputError(file: file, place: place, message: message))
            if errors >= TidyCSVScanner.maxErrorsPerFile {
                builder.addError(InputError(file: file, message: "too many errors; the rest of the file was not read"))
                stopped = true
            }
        }

        mutating func readRow(_ buf: UnsafeBufferPointer<UInt8>, into builder: inout DatasetBuilder) {
            guard let c = columns else { return }
            if unclosedQuote {
                return fail(&builder, place: "line \(line)", "a quoted field opens here (\") and is never closed: expected a closing \" "
                            + "before the end of the file; the rows from here on were not read")
            }
            if fields.allSatisfy({ trimmed($0)(buf).isEmpty }) { return }
            if fields.count > headerFields, fields[headerFields...].contains(where: { !trimmed($0)(buf).isEmpty }) {
                let name = separator == 9 ? "tab" : "comma"
                return fail(&builder, place: "line \(line)",
                            "\(fields.count) fields, but the header has \(headerFields): a \(name) inside a value must be quoted (\"…\")")
            }
            let entityBytes = field(buf, c.entity)
            if entityBytes.isEmpty {
                return fail(&builder, .noEntity)
            }
            guard let year = Self.parseYear(field(buf, c.year)) else {
                return fail(&builder, .badYear(found: text(buf, c.year)))
            }
            let metricBytes = field(buf, c.metric)
            if metricBytes.isEmpty {
                return fail(&builder, .noMetric)
            }
            let valueBytes = field(buf, c.value)
            if valueBytes.isEmpty { return }                               // not reported: no observation
            guard var value = Self.parseNumber(valueBytes) else {
                return fail(&builder, .badValue(found: text(buf, c.value)))
            }
            guard abs(value) <= TidyRecord.maxMagnitude else {
                return fail(&builder, .tooLarge(found: text(buf, c.value)))
            }
            var derived = false
            let d = field(buf, c.derived)
            if !d.isEmpty {
                guard let flag = TidyRecord.derived(Self.lowerASCII(d)) else {
                    return fail(&builder, .badDerived(found: text(buf, c.derived).lowercased()))
                }
                derived = flag
            }
            guard let raw = lastEntity.intern(entityBytes, in: &builder.spellings),
                  let metric = builder.metrics.intern(metricBytes) else {
                fallback = true
                return
            }
            let entity = builder.entityID(raw: raw)
            while defaultUnit.count <= Int(metric) {
                let m = MetricCatalog.standard[builder.metrics.strings[defaultUnit.count]]
                defaultUnit.append(builder.units.intern(m?.unit ?? ""))
                defaultLabel.append(builder.labels.intern(m?.labelZh ?? builder.metrics.strings[defaultLabel.count]))
            }
            var unit = defaultUnit[Int(metric)], label = defaultLabel[Int(metric)]
            let u = field(buf, c.unit), l = field(buf, c.label), s = field(buf, c.source)
            var note: String?
            if !u.isEmpty {
                guard let id = lastUnit.intern(u, in: &builder.units) else { fallback = true; return }
                if id != unit {                                            // not the catalog's unit: convert or refuse
                    let key = Int64(metric) << 32 | Int64(id)
                    let conversion: TidyRecord.UnitConversion?
                    if let known = conversions[key] {
                        conversion = known
                    } else {
                        do {
                            conversion = try TidyRecord.conversion(metric: builder.metrics.strings[Int(metric)],
                                                                   unit: builder.units.strings[Int(id)])
                        } catch {
                            return fail(&builder, error)
                        }
                        conversions[key] = .some(conversion)
                    }
                    if let conversion {
                        note = conversion.note(value)
                        value = conversion.apply(value)
                    } else {
                        unit = id
                    }
                }
            }
            if !l.isEmpty { guard let id = lastLabel.intern(l, in: &builder.labels) else { fallback = true; return }; label = id }
            let source: Int32
            if s.isEmpty {
                source = builder.sources.intern("\(file):\(line)" + (note.map { " (\($0))" } ?? ""))
            } else if let note {
                var ref = SourceRef(parsing: text(buf, c.source))
                ref.notes.append(note)
                source = builder.sources.intern(ref.description)
            } else {
                guard let id = lastSource.intern(s, in: &builder.sources) else { fallback = true; return }
                source = id
            }
            builder.append(entity: entity, metric: metric, year: year, value: value, derived: derived,
                           source: source, attribute: builder.attributeID(unit: unit, label: label))
        }

        static func lowerASCII(_ b: UnsafeBufferPointer<UInt8>) -> String {
            String(decoding: b.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }

        static func parseYear(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !b.isEmpty, b.count <= 4 else { return nil }
            var y = 0
            for c in b {
                guard c >= 48 && c <= 57 else { return nil }
                y = y * 10 + Int(c - 48)
            }
            return TidyRecord.years.contains(y) ? y : nil
        }

        private static let powersOfTen: [Double] = (0...22).map { Foundation.pow(10, Double($0)) }

        /// `387576`, `-640`, `+146`, `218827.31`, `1,234`; other forms go through ``TidyTable/parseNumber(_:)``.
        static func parseNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
            var i = 0
            var negative = false
            if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") { negative = b[0] == UInt8(ascii: "-"); i = 1 }
            var mantissa: UInt64 = 0, digits = 0, fraction = 0, dot = false
            while i < b.count {
                let c = b[i]
                if c >= 48 && c <= 57 {
                    guard digits < 18 else { return slow(b) }
                    mantissa = mantissa * 10 + UInt64(c - 48)
                    digits += 1
                    if dot { fraction += 1 }
                } else if c == UInt8(ascii: ".") && !dot {
                    dot = true
                } else if c == UInt8(ascii: ",") && !dot {
                } else {
                    return slow(b)
                }
                i += 1
            }
            guard digits > 0, mantissa < (1 << 53), fraction <= 22 else { return slow(b) }
            let v = Double(mantissa) / powersOfTen[fraction]
            return negative ? -v : v
        }

        private static func slow(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
            TidyTable.parseNumber(String(decoding: b, as: UTF8.self))
        }
    }
}
