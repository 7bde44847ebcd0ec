/// Glyphs grouped into lines and lines into text.
enum TextLines {
    /// True for CJK ideographs, kana, hangul and full-width forms and punctuation, where spacing carries no meaning.
    static func isCJK(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// Glyphs grouped by vertical centre (a glyph joins a line when its centre is within half a glyph height of
    /// the line's mean centre), lines top to bottom, each line's glyphs left to right.
    static func lines(_ glyphs: [Glyph]) -> [[Glyph]] {
        let sorted = glyphs.sorted { ($0.cy, $0.x0, $0.x1, $0.scalar.value) < ($1.cy, $1.x0, $1.x1, $1.scalar.value) }
        var out: [[Glyph]] = []
        var sum = 0.0, height = 0.0
        for g in sorted {
            if let last = out.last, !last.isEmpty, abs(g.cy - sum / Double(last.count)) <= 0.5 * max(height, g.height) {
                out[out.count - 1].append(g)
                sum += g.cy
                height = max(height, g.height)
            } else {
                out.append([g])
                sum = g.cy
                height = g.height
            }
        }
        return out.map { $0.sorted { ($0.x0, $0.x1, $0.cy, $0.scalar.value) < ($1.x0, $1.x1, $1.cy, $1.scalar.value) } }
    }

    /// One line's text. Between two CJK characters a space goes only where they are more than ⅓ of their height
    /// apart; between others also where poppler's own text has a space (its word breaks).
    static func text(_ line: [Glyph]) -> String {
        var s = String.UnicodeScalarView()
        var previous: Glyph?
        for g in line {
            if let p = previous {
                let gap = g.x0 - p.x1
                let wide = gap > max(p.height, g.height) / 3
                let cjk = isCJK(p.scalar) && isCJK(g.scalar)
                if wide || (!cjk && g.spaceBefore && gap > 0) { s.append(" ") }
            }
            s.append(g.scalar)
            previous = g
        }
        return String(s)
    }

    /// A cell's text: its lines joined with `\n`.
    static func cellText(_ glyphs: [Glyph]) -> String {
        lines(glyphs).map(text).joined(separator: "\n")
    }

    /// The box around glyphs (nil when there are none).
    static func box(_ glyphs: [Glyph]) -> PDFBox? {
        guard let first = glyphs.first else { return nil }
        return glyphs.dropFirst().reduce(first.box) { $0.union($1.box) }
    }
}
