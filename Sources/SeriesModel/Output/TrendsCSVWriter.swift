/// Writes the trends CSV (``TrendRow/csvHeader``) straight from a dataset's columns into bytes.
///
/// The output is byte-for-byte what ``TrendRow/csvLine(unit:label:)`` gives for every row, without building a
/// ``Series`` or a `String` per row, so millions of rows stream out quickly.
///
/// ```swift
/// TrendsCSVWriter.write(dataset, series: Array(0..<dataset.seriesCount)) { chunk in out.append(contentsOf: chunk) }
/// ```
public enum TrendsCSVWriter {
    /// Writes the header and the rows of the series at `series`, restricted to `from...to`, in chunks of about
    /// `chunkSize` bytes. Labels and units come from the catalog in `language`; the index has `indexBase`
    /// (default: each series' first year) = 100.
    public static func write(_ dataset: Dataset, series: [Int], from: Int? = nil, to: Int? = nil, language: Language = .zh,
                             indexBase: Int? = nil, chunkSize: Int = 1 << 20, output: ([UInt8]) -> Void) {
        let s = dataset.storage
        var out = Bytes()
        out.bytes.reserveCapacity(chunkSize + 4096)
        out.raw(TrendRow.csvHeader + "\n")
        var metricTail: [[UInt8]?] = Array(repeating: nil, count: s.metrics.count)     // ",unit,label,"
        var sourceField: [[UInt8]?] = Array(repeating: nil, count: s.sources.count)
        let catalog = MetricCatalog.standard
        let lo = Int16(clamping: from ?? Int(Int16.min)), hi = Int16(clamping: to ?? Int(Int16.max))
        for si in series {
            let start = Int(s.seriesStart[si]), end = start + Int(s.seriesCount[si])
            var first = start
            while first < end && s.year[first] < lo { first += 1 }
            var last = end
            while last > first && s.year[last - 1] > hi { last -= 1 }
            guard first < last else { continue }
            let m = Int(s.seriesMetric[si])
            if metricTail[m] == nil || catalog[s.metrics.strings[m]] == nil {
                let meta = dataset.unitAndLabel(ofSeries: si, language: language)
                var b = Bytes()
                b.raw(",")
                b.field(meta.unit)
                b.raw(",")
                b.field(meta.label)
                b.raw(",")
                metricTail[m] = b.bytes
            }
            var head = Bytes()
            head.field(s.entities[Int(s.seriesEntity[si])])
            head.raw(",")
            head.field(s.metrics.strings[m])
            head.raw(",")
            var base: Double? = s.value[first]
            if let indexBase {
                base = nil
                for k in first..<last where s.year[k] == Int16(clamping: indexBase) { base = s.value[k] }
            }
            for k in first..<last {
                let year = s.year[k], v = s.value[k]
                out.bytes.append(contentsOf: head.bytes)
                out.int(Int64(year))
                out.byte(44)
                out.number(v)
                out.byte(44)
                if k > first && s.year[k - 1] == year - 1 {
                    let b = s.value[k - 1]
                    switch Relative(value: v, base: b) {
                    case .ratio(let r):
                        out.number(v - b); out.byte(44); out.decimal(r * 100); out.byte(44)
                    case .new: out.raw(",,new")
                    case .notAvailable: out.raw(",,n/a")
                    }
                } else {
                    out.raw(",,n/a")
                }
                out.byte(44)
                if let base, let index = Series.index(v, base: base) { out.decimal(index) }
                out.byte(44)
                if let avg = Series.movingAverage(endingAt: k, window: 3, first: first, year: { Int(s.year[$0]) },
                                                  value: { s.value[$0] }) {
                    out.decimal(avg)
                }
                out.bytes.append(contentsOf: metricTail[m]!)
                out.raw(s.derived[k] ? "true," : "false,")
                let src = Int(s.source[k])
                if sourceField[src] == nil {
                    var b = Bytes()
                    b.field(s.sources.strings[src])
                    sourceField[src] = b.bytes
                }
                out.bytes.append(contentsOf: sourceField[src]!)
                out.byte(10)
            }
            if out.bytes.count >= chunkSize {
                output(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !out.bytes.isEmpty { output(out.bytes) }
    }

    /// Writes ``SeriesSummary/csvHeader`` and one ``SeriesSummary/csvLine`` per series, byte for byte, in chunks.
    public static func writeSummaries(_ dataset: Dataset, series: [Int], from: Int? = nil, to: Int? = nil,
                                      chunkSize: Int = 1 << 20, output: ([UInt8]) -> Void) {
        var out = Bytes()
        out.bytes.reserveCapacity(chunkSize + 4096)
        out.raw(SeriesSummary.csvHeader + "\n")
        for i in series {
            let s = dataset.series(at: i).restricted(from: from, to: to)
            guard !s.points.isEmpty else { continue }
            let m = s.summary()
            out.field(m.entity); out.byte(44)
            out.field(m.metric); out.byte(44)
            out.int(Int64(m.firstYear)); out.byte(44)
            out.int(Int64(m.lastYear)); out.byte(44)
            out.int(Int64(m.count)); out.byte(44)
            for (k, g) in m.gaps.enumerated() {
                if k > 0 { out.byte(32) }
                out.int(Int64(g))
            }
            out.byte(44)
            out.number(m.firstValue); out.byte(44)
            out.number(m.lastValue); out.byte(44)
            if let p = m.cagr.percent { out.decimal(p) }
            out.byte(44)
            if let n = m.cagr.note { out.raw(n) }
            out.byte(44)
            if let p = m.totalChange.percent { out.decimal(p) }
            out.byte(44)
            if let t = m.trend { out.decimal(t.slope) }
            out.byte(44)
            if let r2 = m.trend?.r2 { out.fixed(r2, digits: 4, scale: 1e4) }
            out.byte(44)
            if let d = m.trend?.direction { out.raw(d.rawValue) }
            out.byte(44)
            if let r = m.largestRise { out.int(Int64(r.year)) }
            out.byte(44)
            if let a = m.largestRise?.absolute { out.number(a) }
            out.byte(44)
            if let f = m.largestFall { out.int(Int64(f.year)) }
            out.byte(44)
            if let a = m.largestFall?.absolute { out.number(a) }
            out.byte(10)
            if out.bytes.count >= chunkSize {
                output(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !out.bytes.isEmpty { output(out.bytes) }
    }

    /// A byte buffer with the CSV and number formatting of ``TrendRow``.
    struct Bytes {
        var bytes: [UInt8] = []

        mutating func byte(_ b: UInt8) { bytes.append(b) }

        mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

        /// A CSV field, quoted when it holds a comma, quote or line break, `'` before a formula (as ``TidyTable/escape(_:)``).
        mutating func field(_ text: String) {
            let s = TidyTable.defused(text)
            let needsQuotes = s.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            guard needsQuotes else { return raw(s) }
            byte(34)
            for c in s.utf8 {
                if c == 34 { byte(34) }
                byte(c)
            }
            byte(34)
        }

        mutating func int(_ n: Int64) {
            if n < 0 { byte(45) }
            var m = n.magnitude
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                          UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { d in
                repeat {
                    d[count] = UInt8(48 + m % 10)
                    m /= 10
                    count += 1
                } while m > 0
                for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[i]) }
            }
        }

        /// ``TrendRow/number(_:)``: integers in full, other values rounded to 6 decimals, trailing zeros dropped.
        mutating func number(_ v: Double) {
            if v == v.rounded() && abs(v) < 9e15 { return int(Int64(v)) }   // every integer a Double holds exactly
            if v == v.rounded() { return raw(NumberText.plain(v)) }
            fixed(v, digits: 6, scale: 1e6)
        }

        /// ``TrendRow/decimal(_:)``: two decimals, trailing zeros dropped.
        mutating func decimal(_ v: Double) { fixed(v, digits: 2, scale: 100) }

        mutating func fixed(_ v: Double, digits: Int, scale: Double) {
            guard v.isFinite else { return }
            let scaled = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
            guard scaled < 9.0e18 else { return raw(TrendRow.decimalText(v, digits: digits)) }
            let n = UInt64(scaled)
            let unit = UInt64(scale)
            if v < 0 && n != 0 { byte(45) }
            int(Int64(n / unit))
            var frac = n % unit
            guard frac != 0 else { return }
            var width = digits
            while frac % 10 == 0 { frac /= 10; width -= 1 }
            byte(46)
            var pad = width - 1
            var f = frac
            while f >= 10 { f /= 10; pad -= 1 }
            for _ in 0..<pad { byte(48) }
            int(Int64(frac))
        }
    }
}
