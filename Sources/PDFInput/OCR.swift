import CTesseract
import Foundation

/// The functions of tesseract's C API that OCR uses, from libtesseract.so.5 loaded with dlopen the first time a
/// page needs OCR (nil when the library cannot be loaded). Loaded once per process; the handle is never closed.
struct Tesseract: @unchecked Sendable {
    typealias API = OpaquePointer
    let create: @convention(c) () -> API?
    let initialize: @convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let end: @convention(c) (API?) -> Void
    let delete: @convention(c) (API?) -> Void
    let setVariable: @convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let setImage: @convention(c) (API?, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void
    let setSourceResolution: @convention(c) (API?, Int32) -> Void
    let setPageSegMode: @convention(c) (API?, TessPageSegMode) -> Void
    let setRectangle: @convention(c) (API?, Int32, Int32, Int32, Int32) -> Void
    let utf8Text: @convention(c) (API?) -> UnsafeMutablePointer<CChar>?
    let deleteText: @convention(c) (UnsafePointer<CChar>?) -> Void

    /// The library's name as Debian installs it (libtesseract5).
    static let soname = "libtesseract.so.5"

    static let shared: Tesseract? = {
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func symbol<F>(_ name: String, _: F.Type) -> F? {
            dlsym(handle, name).map { unsafeBitCast($0, to: F.self) }
        }
        guard let create = symbol("TessBaseAPICreate", (@convention(c) () -> API?).self),
              let initialize = symbol("TessBaseAPIInit3", (@convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32).self),
              let end = symbol("TessBaseAPIEnd", (@convention(c) (API?) -> Void).self),
              let delete = symbol("TessBaseAPIDelete", (@convention(c) (API?) -> Void).self),
              let setVariable = symbol("TessBaseAPISetVariable", (@convention(c) (API?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32).self),
              let setImage = symbol("TessBaseAPISetImage", (@convention(c) (API?, UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32) -> Void).self),
              let setSourceResolution = symbol("TessBaseAPISetSourceResolution", (@convention(c) (API?, Int32) -> Void).self),
              let setPageSegMode = symbol("TessBaseAPISetPageSegMode", (@convention(c) (API?, TessPageSegMode) -> Void).self),
              let setRectangle = symbol("TessBaseAPISetRectangle", (@convention(c) (API?, Int32, Int32, Int32, Int32) -> Void).self),
              let utf8Text = symbol("TessBaseAPIGetUTF8Text", (@convention(c) (API?) -> UnsafeMutablePointer<CChar>?).self),
              let deleteText = symbol("TessDeleteText", (@convention(c) (UnsafePointer<CChar>?) -> Void).self)
        else { return nil }
        return Tesseract(create: create, initialize: initialize, end: end, delete: delete, setVariable: setVariable,
                         setImage: setImage, setSourceResolution: setSourceResolution, setPageSegMode: setPageSegMode,
                         setRectangle: setRectangle, utf8Text: utf8Text, deleteText: deleteText)
    }()
}

/// tesseract's two readers for one document: `chi_sim` for every cell, and `eng` limited to digits, point and minus
/// for the cells that look like numbers. Not Sendable: made by one read, used on its thread and freed with it.
final class OCREngine {
    private let tess: Tesseract
    private let text: OpaquePointer
    private let digits: OpaquePointer

    /// Loads libtesseract, chi_sim and eng. - Throws: ``PDFReadError`` (`.ocrUnavailable`) when the library or
    /// their data is not installed.
    init(file: String) throws(PDFReadError) {
        // One OpenMP thread: tesseract's default threading is about 3× slower on a shared machine. Set before the
        // library is loaded (OpenMP reads it once).
        setenv("OMP_THREAD_LIMIT", "1", 0)
        guard let tess = Tesseract.shared else {
            throw PDFReadError(file: file, page: nil, kind: .ocrUnavailable("\(Tesseract.soname) could not be loaded (apt-get install libtesseract5)"))
        }
        self.tess = tess
        guard let t = tess.create() else { throw PDFReadError(file: file, page: nil, kind: .damaged("tesseract could not start")) }
        guard tess.initialize(t, nil, "chi_sim") == 0 else {
            tess.delete(t)
            throw PDFReadError(file: file, page: nil, kind: .ocrUnavailable("tesseract's chi_sim data is missing (apt-get install tesseract-ocr-chi-sim)"))
        }
        guard let d = tess.create() else {
            tess.end(t); tess.delete(t)
            throw PDFReadError(file: file, page: nil, kind: .damaged("tesseract could not start"))
        }
        guard tess.initialize(d, nil, "eng") == 0 else {
            tess.delete(d); tess.end(t); tess.delete(t)
            throw PDFReadError(file: file, page: nil, kind: .ocrUnavailable("tesseract's eng data is missing (apt-get install tesseract-ocr-eng)"))
        }
        _ = tess.setVariable(d, "tessedit_char_whitelist", "0123456789.-")
        _ = tess.setVariable(t, "debug_file", "/dev/null")
        _ = tess.setVariable(d, "debug_file", "/dev/null")
        text = t
        digits = d
    }

    deinit {
        tess.end(text); tess.delete(text)
        tess.end(digits); tess.delete(digits)
    }

    /// Gives both readers `image` (tesseract copies the pixels).
    func setImage(_ image: GrayImage) {
        let dpi = Int32((image.scale * 72).rounded())
        image.pixels.withUnsafeBufferPointer { p in
            for api in [text, digits] {
                tess.setImage(api, p.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
                tess.setSourceResolution(api, dpi)
            }
        }
    }

    private func read(_ api: OpaquePointer, _ r: (x: Int, y: Int, w: Int, h: Int), mode: TessPageSegMode) -> String {
        tess.setPageSegMode(api, mode)
        tess.setRectangle(api, Int32(r.x), Int32(r.y), Int32(r.w), Int32(r.h))
        guard let t = tess.utf8Text(api) else { return "" }
        defer { tess.deleteText(t) }
        return String(cString: t)
    }

    /// The text of one cell (pixel rectangle of the image last set): chi_sim as one block; a cell that reads as a
    /// short or numeric text is read again digits-only, and that reading is kept when it is a well-formed number.
    /// A cell whose ink has one digit's shape (`digit`: its box with a margin) and that gave no number — a lone
    /// `1`, `3` or `0` that chi_sim reads as 闻, 和 or 让 and the line reader drops in a wide cell — is read
    /// digits-only again on that tight crop, and kept when that gives one digit.
    func cellText(_ r: (x: Int, y: Int, w: Int, h: Int), digit: (x: Int, y: Int, w: Int, h: Int)? = nil) -> String {
        let lines = read(text, r, mode: PSM_SINGLE_BLOCK).split(separator: "\n").map { line in
            String(line.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        }.filter { !$0.isEmpty }
        let chi = lines.joined(separator: "\n")
        let scalars = Array(chi.unicodeScalars.filter { $0 != "\n" })
        let cjk = scalars.filter(OCREngine.isCJK).count
        // A label (two or more ideographs, or one in a longer text) stays as chi_sim read it.
        guard cjk == 0 || (cjk <= 1 && scalars.count <= 3) else { return chi }
        let d = String(read(digits, r, mode: PSM_SINGLE_LINE).unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        if OCREngine.isNumber(d) { return d }
        if let digit, !OCREngine.isNumber(chi), scalars.count <= 2 {
            let again = Array(read(digits, digit, mode: PSM_SINGLE_LINE).unicodeScalars.filter { !$0.properties.isWhitespace })
            if again.count == 1, isDigit(again[0]) { return String(again[0]) }
        }
        return chi
    }

    static func isCJK(_ u: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(u.value) || (0xF900...0xFAFF).contains(u.value) || (0x20000...0x3FFFF).contains(u.value)
    }

    /// `-?digits(.digits)?`, no leading zero on a number of two or more digits before the point.
    static func isNumber(_ s: String) -> Bool {
        var u = Array(s.unicodeScalars)
        if u.first == "-" { u.removeFirst() }
        guard let dot = u.firstIndex(of: ".") ?? Optional(u.count) else { return false }
        let whole = u[..<dot], frac = dot < u.count ? u[(dot + 1)...] : []
        guard !whole.isEmpty, whole.allSatisfy(isDigit), frac.allSatisfy(isDigit) else { return false }
        if dot < u.count && frac.isEmpty { return false }
        return !(whole.count > 1 && whole.first == "0")
    }
}

/// Finding the skew of a scan and a grey level between ink and paper.
enum ScanGeometry {
    /// The paper–ink threshold by Otsu's method over the image's histogram.
    static func otsu(_ image: GrayImage) -> UInt8 {
        var hist = [Int](repeating: 0, count: 256)
        for p in image.pixels { hist[Int(p)] += 1 }
        let total = Double(image.pixels.count)
        var sum = 0.0
        for i in 0..<256 { sum += Double(i * hist[i]) }
        var sumB = 0.0, wB = 0.0, best = 0.0, level = 128
        for t in 0..<256 {
            wB += Double(hist[t])
            guard wB > 0 else { continue }
            let wF = total - wB
            if wF <= 0 { break }
            sumB += Double(t * hist[t])
            let mB = sumB / wB, mF = (sum - sumB) / wF
            let between = wB * wF * (mB - mF) * (mB - mF)
            if between > best { best = between; level = t }
        }
        return UInt8(max(1, min(254, level + 1)))
    }

    /// The angle (degrees, −3…3, 0.05 steps) by which the page's text lines and rulings slope down to the right:
    /// the one whose projection profile of ink rows is sharpest. Rendering turned by minus this undoes the skew.
    static func skew(_ image: GrayImage, level: UInt8) -> Double {
        var xs: [Double] = [], ys: [Double] = []
        let step = 2
        for y in stride(from: 0, to: image.height, by: step) {
            for x in stride(from: 0, to: image.width, by: step) where image.pixels[y * image.width + x] < level {
                xs.append(Double(x)); ys.append(Double(y))
            }
        }
        guard xs.count > 100 else { return 0 }
        let bins = image.height + image.width / 10 + 2
        func score(_ degrees: Double) -> Double {
            let t = tan(degrees * Double.pi / 180)
            var hist = [Int](repeating: 0, count: bins + image.width)
            let off = Double(image.width) * 0.06 + 1
            for i in xs.indices {
                let b = Int(ys[i] - xs[i] * t + off)
                if b >= 0 && b < hist.count { hist[b] += 1 }
            }
            return hist.reduce(0.0) { $0 + Double($1) * Double($1) }
        }
        var best = 0.0, bestScore = score(0)
        for k in -60...60 where k != 0 {
            let a = Double(k) * 0.05
            let s = score(a)
            if s > bestScore * 1.000001 { best = a; bestScore = s }
        }
        return best
    }
}

/// OCR of one page: render, deskew, rulings on the raster, one cell at a time.
enum PageOCR {
    /// Rendering scale for the rulings: 200 dpi.
    static let scale = 200.0 / 72.0
    /// Rendering scale for reading the cells: 200 dpi too (a 300 dpi render of a 200 dpi scan read worse).
    static let readScale = 200.0 / 72.0

    /// The ruled table pieces of page `number` with OCR'd cell texts (every region marked OCR).
    static func tables(_ doc: PopplerDocument, page number: Int, engine: OCREngine) throws(PDFReadError) -> [TablePiece] {
        let first = try doc.renderGray(page: number, scale: scale)
        let level = ScanGeometry.otsu(first)
        let angle = ScanGeometry.skew(first, level: level)
        let mask = (angle == 0 ? first : try doc.renderGray(page: number, scale: scale, degrees: -angle)).ink(below: level)
        // No glyph boxes to blank: strokes of 16 pt body characters are up to ~15 pt long, table rulings run on
        // across their crossings for the width or height of the table.
        let rulings = RulingDetector.detect(mask, glyphs: [], minLength: 24)
        let image = angle == 0 && readScale == scale ? first : try doc.renderGray(page: number, scale: readScale, degrees: -angle)
        engine.setImage(image)
        let s = image.scale
        let inset = max(3, Int((1.5 * s).rounded()))
        let pieces = TableBuilder.ruled(page: number, rulings: rulings.connected, glyphs: []) { box in
            let x0 = Int((box.x0 * s).rounded()) + inset, y0 = Int((box.y0 * s).rounded()) + inset
            let x1 = min(image.width, Int((box.x1 * s).rounded()) - inset), y1 = min(image.height, Int((box.y1 * s).rounded()) - inset)
            guard x1 - x0 >= 4, y1 - y0 >= 4, x0 >= 0, y0 >= 0 else { return "" }
            // Ink as 2×2 dark blocks, so the speckle of a scan (single pixels) does not count.
            var blocks = 0
            var ink = (x0: Int.max, y0: Int.max, x1: Int.min, y1: Int.min)
            image.pixels.withUnsafeBufferPointer { p in
                for y in y0..<(y1 - 1) {
                    let row = y * image.width, next = row + image.width
                    for x in x0..<(x1 - 1) where p[row + x] < level && p[row + x + 1] < level && p[next + x] < level && p[next + x + 1] < level {
                        blocks += 1
                        ink = (min(ink.x0, x), min(ink.y0, y), max(ink.x1, x + 1), max(ink.y1, y + 1))
                    }
                }
            }
            guard blocks >= 6 else { return "" }
            // Ink of one digit's shape (upright, at most ¾ as wide as tall, at least 4 pt tall, clear of the cell's
            // edges so not a remnant of its border): given to the reader as a tight crop for a second look.
            let inkW = ink.x1 - ink.x0 + 1, inkH = ink.y1 - ink.y0 + 1
            let digitShaped = inkW * 4 <= inkH * 3 && Double(inkH) >= 4 * s
                && ink.x0 > x0 + 1 && ink.x1 < x1 - 2 && ink.y0 > y0 + 1 && ink.y1 < y1 - 2
            let pad = Int((4 * s).rounded())
            let crop = (x: max(0, ink.x0 - pad), y: max(0, ink.y0 - pad), w: inkW + 2 * pad, h: inkH + 2 * pad)
            return engine.cellText((x0, y0, x1 - x0, y1 - y0), digit: digitShaped ? crop : nil)
        }
        return pieces.pieces.map { p in
            var p = p
            for k in p.regions.indices { p.regions[k].ocr = true }
            return p
        }
    }
}
