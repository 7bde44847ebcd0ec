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
    /// Darker than this (0–255) is ink.
    static let inkLevel: UInt8 = 170
    /// Shortest ruling, points.
    static let minLength = 6.0
    /// Thicker than this is shading, not a ruling.
    static let maxThickness = 3.0
    /// How close an end must come to a perpendicular ruling, points.
    static let meetTolerance = 3.0

    /// The rulings of `image` (glyph boxes blanked first) that form a mesh with perpendicular ones (`connected`),
    /// and the horizontal ones that do not (`loose`, for three-line tables).
    static func detect(_ image: GrayImage, glyphs: [Glyph]) -> (connected: [Ruling], loose: [Ruling]) {
        let w = image.width, h = image.height, s = image.scale
        var dark = [Bool](repeating: false, count: w * h)
        image.pixels.withUnsafeBufferPointer { px in
            dark.withUnsafeMutableBufferPointer { d in
                for i in 0..<(w * h) { d[i] = px[i] < inkLevel }
            }
        }
        // Blank every glyph box, shrunk by 15 % on each side, so character strokes never count as lines.
        dark.withUnsafeMutableBufferPointer { d in
            for g in glyphs {
                let dx = (g.x1 - g.x0) * 0.15, dy = (g.y1 - g.y0) * 0.15
                let x0 = max(0, Int(((g.x0 + dx) * s).rounded())), x1 = min(w - 1, Int(((g.x1 - dx) * s).rounded()))
                let y0 = max(0, Int(((g.y0 + dy) * s).rounded())), y1 = min(h - 1, Int(((g.y1 - dy) * s).rounded()))
                guard x0 <= x1, y0 <= y1 else { continue }
                for y in y0...y1 {
                    let base = y * w
                    for x in x0...x1 { d[base + x] = false }
                }
            }
        }
        let minRun = Int((minLength * s).rounded(.up))
        let horizontals = merge(runs(dark, w: w, h: h, minRun: minRun, horizontal: true, scale: s))
        let verticals = merge(runs(dark, w: w, h: h, minRun: minRun, horizontal: false, scale: s))
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

    /// Runs of ink at least `minRun` pixels long along one axis, stacked across neighbouring pixel lines into
    /// rulings; those thicker than `maxThickness` are dropped.
    private static func runs(_ dark: [Bool], w: Int, h: Int, minRun: Int, horizontal: Bool, scale: Double) -> [Ruling] {
        struct Open { var from: Int; var to: Int; var first: Int; var last: Int }
        var done: [Open] = []
        var open: [Open] = []
        let lines = horizontal ? h : w, length = horizontal ? w : h
        dark.withUnsafeBufferPointer { d in
            for line in 0..<lines {
                var found: [(Int, Int)] = []
                var i = 0
                while i < length {
                    let idx = horizontal ? line * w + i : i * w + line
                    if d[idx] {
                        var j = i + 1
                        while j < length, d[horizontal ? line * w + j : j * w + line] { j += 1 }
                        if j - i >= minRun { found.append((i, j - 1)) }
                        i = j
                    } else {
                        i += 1
                    }
                }
                var next: [Open] = []
                var used = [Bool](repeating: false, count: open.count)
                for (a, b) in found {
                    // Continue an open ruling from the previous pixel line whose extent overlaps this run.
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
        }
        done += open
        return done.compactMap { o in
            let thickness = Double(o.last - o.first + 1) / scale
            guard thickness <= maxThickness else { return nil }
            return Ruling(axis: horizontal ? .horizontal : .vertical,
                          at: (Double(o.first + o.last) / 2 + 0.5) / scale,
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
