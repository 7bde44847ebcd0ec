/// A straight ruling line found on a page, in points.
struct Ruling: Sendable, Hashable {
    enum Axis: Sendable, Hashable { case horizontal, vertical }
    var axis: Axis
    /// y of a horizontal ruling, x of a vertical one.
    var at: Double
    /// Where it starts along its axis (x for horizontal, y for vertical).
    var from: Double
    /// Where it ends along its axis.
    var to: Double
    /// Thickness in points.
    var thickness: Double
}

/// Finds table ruling lines in a rendered page (§1.7b of the design study).
enum RulingDetector {
    /// Darker than this (0–255) is ink when the page has a light fill (shading): see ``inkLevel(_:)``.
    static let inkLevel: UInt8 = 170
    /// The ink level of a page without light fills: anything drawn, anti-aliased edges of thin and light-grey
    /// rulings included (a rendered born-digital page is exactly white, 255, where nothing is drawn).
    static let paperLevel: UInt8 = 245
    /// Shortest ruling, points.
    static let minLength = 6.0
    /// Thicker than this is shading, not a ruling.
    static let maxThickness = 3.0
    /// How close an end must come to a perpendicular ruling, points.
    static let meetTolerance = 3.0

    /// The rulings of a rendered page: glyph boxes blanked, then ink darker than `level`, or than the page's
    /// ``inkLevel(_:)`` when `level` is nil.
    static func detect(_ image: GrayImage, glyphs: [Glyph], level: UInt8?) -> (connected: [Ruling], loose: [Ruling]) {
        let w = image.width, h = image.height, s = image.scale
        var gray = image.pixels
        gray.withUnsafeMutableBufferPointer { d in
            for g in glyphs {
                let dx = (g.x1 - g.x0) * 0.15, dy = (g.y1 - g.y0) * 0.15
                let x0 = max(0, Int(((g.x0 + dx) * s).rounded())), x1 = min(w - 1, Int(((g.x1 - dx) * s).rounded()))
                let y0 = max(0, Int(((g.y0 + dy) * s).rounded())), y1 = min(h - 1, Int(((g.y1 - dy) * s).rounded()))
                guard x0 <= x1, y0 <= y1 else { continue }
                for y in y0...y1 { (d.baseAddress! + y * w + x0).update(repeating: 255, count: x1 - x0 + 1) }
            }
        }
        let level = level ?? inkLevel(GrayImage(width: w, height: h, scale: s, pixels: gray))
        var mask = [UInt8](repeating: 0, count: gray.count)
        mask.withUnsafeMutableBufferPointer { out in
            gray.withUnsafeBufferPointer { p in
                for i in p.indices where p[i] < level { out[i] = 1 }
            }
        }
        return detect(InkMask(width: w, height: h, scale: s, pixels: mask), glyphs: [])
    }

    /// The ink level of a page (glyphs blanked) whose rulings are lighter than ``inkLevel``, from its histogram of
    /// fills: ``paperLevel`` (everything drawn, so thin and light-grey rulings are found whole whatever their
    /// anti-aliasing) unless a light fill covers a large area — a level of 150…249 holding 0.2 % of the page's
    /// pixels inside areas of one level (the pixel equals those 4 pixels above, left and above-left of it, which no
    /// ruling of at most 3 pt is wide enough for), as shaded header rows do — when only what is darker than the
    /// darkest such fill counts (rulings between shaded cells are darker than the shade), never less than
    /// ``inkLevel``.
    static func inkLevel(_ image: GrayImage) -> UInt8 {
        let w = image.width, h = image.height, d = 4
        guard w > d, h > d else { return paperLevel }
        var hist = [Int](repeating: 0, count: 256)
        image.pixels.withUnsafeBufferPointer { p in
            for y in d..<h {
                let row = y * w, up = (y - d) * w
                for x in d..<w {
                    let v = p[row + x]
                    if v < 150 || v >= 250 { continue }
                    if v == p[row + x - d] && v == p[up + x] && v == p[up + x - d] { hist[Int(v)] += 1 }
                }
            }
        }
        let fill = max(200, w * h / 500)
        guard let shade = (150..<250).first(where: { hist[$0] >= fill }) else { return paperLevel }
        return UInt8(max(Int(inkLevel), min(Int(paperLevel), shade)))
    }

    /// The rulings of `image` (glyph boxes blanked first) that form a mesh with perpendicular ones (`connected`),
    /// and the horizontal ones that do not (`loose`, for three-line tables).
    /// `minLength` (points) is the shortest ruling kept; a scan, whose character strokes are not blanked, needs more.
    static func detect(_ image: consuming InkMask, glyphs: [Glyph], minLength: Double = minLength) -> (connected: [Ruling], loose: [Ruling]) {
        let w = image.width, h = image.height, s = image.scale
        var dark = image.pixels
        image.pixels = []                               // the only reference left: blanking below does not copy
        // Blank every glyph box, shrunk by 15 % on each side, so character strokes never count as lines.
        dark.withUnsafeMutableBufferPointer { d in
            for g in glyphs {
                let dx = (g.x1 - g.x0) * 0.15, dy = (g.y1 - g.y0) * 0.15
                let x0 = max(0, Int(((g.x0 + dx) * s).rounded())), x1 = min(w - 1, Int(((g.x1 - dx) * s).rounded()))
                let y0 = max(0, Int(((g.y0 + dy) * s).rounded())), y1 = min(h - 1, Int(((g.y1 - dy) * s).rounded()))
                guard x0 <= x1, y0 <= y1 else { continue }
                for y in y0...y1 { (d.baseAddress! + y * w + x0).update(repeating: 0, count: x1 - x0 + 1) }
            }
        }
        let minRun = Int((minLength * s).rounded(.up))
        let (rowRuns, columnRuns) = dark.withUnsafeBufferPointer { runs($0, w: w, h: h, minRun: minRun) }
        let horizontals = merge(stack(rowRuns, axis: .horizontal, scale: s))
        let verticals = merge(stack(columnRuns, axis: .vertical, scale: s))
        var hs = horizontals, vs = verticals
        // Keep a ruling while it touches (crosses or ends on) at least two kept perpendicular rulings. Underlines
        // and glyph remnants touch none; a table line whose one end dangles (a border the producer left out)
        // still crosses the others.
        for _ in 0..<8 {
            let nh = hs.filter { touches($0, vs) >= 2 }
            let nv = vs.filter { touches($0, nh) >= 2 }
            let stable = nh.count == hs.count && nv.count == vs.count
            hs = nh; vs = nv
            if stable { break }
        }
        let kept = Set(hs)
        let loose = horizontals.filter { !kept.contains($0) }
        return (hs + vs, loose)
    }

    /// How many perpendicular rulings of `others` cross or touch `r` (within the tolerance).
    static func touches(_ r: Ruling, _ others: [Ruling]) -> Int {
        let t = meetTolerance
        var n = 0
        for o in others where o.at >= r.from - t && o.at <= r.to + t && r.at >= o.from - t && r.at <= o.to + t { n += 1 }
        return n
    }

    /// Runs of ink at least `minRun` pixels long: per pixel row (horizontal) and per pixel column (vertical), each
    /// as (from, to) inclusive, in one row-major pass.
    private static func runs(_ d: UnsafeBufferPointer<UInt8>, w: Int, h: Int, minRun: Int) -> (rows: [[(Int, Int)]], columns: [[(Int, Int)]]) {
        var rows = [[(Int, Int)]](repeating: [], count: h)
        var columns = [[(Int, Int)]](repeating: [], count: w)
        var start = [Int](repeating: -1, count: w)      // where the open vertical run of each column began
        var open: [Int] = []                            // columns with an open vertical run
        var stillOpen: [Int] = []
        let base = d.baseAddress!
        for y in 0..<h {
            let row = base + y * w
            var x = 0
            var found: [(Int, Int)] = []
            while x < w {
                // Skip white quickly, eight pixels at a time.
                if x + 8 <= w && UnsafeRawPointer(row + x).loadUnaligned(as: UInt64.self) == 0 { x += 8; continue }
                if row[x] == 0 { x += 1; continue }
                var j = x
                while j < w && row[j] != 0 {
                    if start[j] < 0 { start[j] = y; open.append(j) }
                    j += 1
                }
                if j - x >= minRun { found.append((x, j - 1)) }
                x = j
            }
            rows[y] = found
            stillOpen.removeAll(keepingCapacity: true)
            for c in open {
                if row[c] != 0 { stillOpen.append(c); continue }
                if y - start[c] >= minRun { columns[c].append((start[c], y - 1)) }
                start[c] = -1
            }
            swap(&open, &stillOpen)
        }
        for c in open where h - start[c] >= minRun { columns[c].append((start[c], h - 1)) }
        for c in columns.indices where columns[c].count > 1 { columns[c].sort { $0 < $1 } }
        return (rows, columns)
    }

    /// Runs stacked across neighbouring pixel lines into rulings (a run continues a ruling of the previous line
    /// whose extent it overlaps); those thicker than `maxThickness` are dropped.
    private static func stack(_ lines: [[(Int, Int)]], axis: Ruling.Axis, scale: Double) -> [Ruling] {
        struct Open { var from: Int; var to: Int; var first: Int; var last: Int }
        var done: [Open] = []
        var open: [Open] = []
        for (line, found) in lines.enumerated() {
            if found.isEmpty && open.isEmpty { continue }
            var next: [Open] = []
            var used = [Bool](repeating: false, count: open.count)
            for (a, b) in found {
                if let k = open.indices.first(where: { !used[$0] && open[$0].from <= b && a <= open[$0].to }) {
                    used[k] = true
                    var o = open[k]
                    o.from = min(o.from, a); o.to = max(o.to, b); o.last = line
                    next.append(o)
                } else {
                    next.append(Open(from: a, to: b, first: line, last: line))
                }
            }
            for k in open.indices where !used[k] { done.append(open[k]) }
            open = next
        }
        done += open
        return done.compactMap { o in
            let thickness = Double(o.last - o.first + 1) / scale
            guard thickness <= maxThickness else { return nil }
            return Ruling(axis: axis, at: (Double(o.first + o.last) / 2 + 0.5) / scale,
                          from: Double(o.from) / scale, to: Double(o.to + 1) / scale, thickness: thickness)
        }
    }

    /// Joins collinear pieces (within 1 pt across, gaps up to 3 pt along), in a deterministic order.
    static func merge(_ rulings: [Ruling]) -> [Ruling] {
        let sorted = rulings.sorted { ($0.at, $0.from, $0.to) < ($1.at, $1.from, $1.to) }
        var out: [Ruling] = []
        for r in sorted {
            if let k = out.lastIndex(where: { abs($0.at - r.at) <= 1.0 && r.from <= $0.to + 3.0 && $0.from <= r.to + 3.0 }) {
                out[k].from = min(out[k].from, r.from)
                out[k].to = max(out[k].to, r.to)
                out[k].thickness = max(out[k].thickness, r.thickness)
            } else {
                out.append(r)
            }
        }
        return out.sorted { ($0.at, $0.from, $0.to) < ($1.at, $1.from, $1.to) }
    }
}
