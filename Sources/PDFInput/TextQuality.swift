extension PDFTextQuality {
    /// The figures of a page's glyphs and the verdict. A page is garbled when more than 2 % of its characters are
    /// C0 controls, private-use code points, U+FFFD or Latin-1 supplement characters, or when a page of 40 or more
    /// characters holds fewer than 5 % CJK ideographs (these are Chinese reports: a lost ToUnicode map turns the
    /// whole page into such characters while the glyph count stays right).
    init(glyphs: [Glyph]) {
        var cjk = 0, controls = 0, pua = 0, fffd = 0, latin1 = 0
        for g in glyphs {
            let v = g.scalar.value
            switch v {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: cjk += 1
            case 0x00...0x1F, 0x7F: controls += 1
            case 0xE000...0xF8FF, 0xF0000...0x10FFFF: pua += 1
            case 0xFFFD: fffd += 1
            case 0x80...0xFF: latin1 += 1
            default: break
            }
        }
        let n = glyphs.count
        let verdict: PDFTextVerdict
        if n == 0 {
            verdict = .noText
        } else if Double(controls + pua + fffd + latin1) > 0.02 * Double(n) || (n >= 40 && Double(cjk) < 0.05 * Double(n)) {
            verdict = .garbled
        } else {
            verdict = .usable
        }
        self.init(characters: n, cjkIdeographs: cjk, controls: controls, privateUse: pua, replacements: fffd,
                  latin1: latin1, verdict: verdict)
    }
}
