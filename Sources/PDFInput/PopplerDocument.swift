import CPoppler
import Synchronization

/// One character of a page's text layer with its box (points, top-left origin).
struct Glyph: Sendable, Hashable {
    var scalar: Unicode.Scalar
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
    /// True when poppler's own text has whitespace right before this character (its word break).
    var spaceBefore: Bool

    var cx: Double { (x0 + x1) / 2 }
    var cy: Double { (y0 + y1) / 2 }
    var height: Double { y1 - y0 }
    var box: PDFBox { PDFBox(x0: x0, y0: y0, x1: x1, y1: y1) }
}

/// The text layer of one page.
struct PageText: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var glyphs: [Glyph]
}

/// A rendered page reduced to ink: 1 where the luminance is below `RulingDetector.inkLevel`, else 0; `scale`
/// pixels per point.
struct InkMask: Sendable {
    var width: Int
    var height: Int
    var scale: Double
    var pixels: [UInt8]
}

/// A poppler document opened from bytes. Not Sendable: make one per task and never share it between threads.
///
/// Rendering goes through poppler's cairo backend, whose FreeType library is one process-wide static shared by
/// every document, so renders (and freeing a document, which frees its fonts) are serialised by a process-wide
/// lock. Rendering is about half of a read's CPU time, so on two cores another thread reads text meanwhile; on
/// many cores the lock caps the render rate. The first text extraction of the process also runs under it, so
/// poppler's lazily built statics (GlobalParams, the colour profiles in GfxState) are built by one thread.
final class PopplerDocument {
    private static let renderLock = Mutex(())
    private static let warmedUp = Atomic(false)

    private let doc: OpaquePointer
    private let bytes: OpaquePointer
    /// The last page loaded, kept so that its text and its render share one `PopplerPage`: poppler-glib caches the
    /// page's text layer there, and a render of a page whose text is already known does not build it again.
    private var current: (number: Int, page: OpaquePointer)?
    /// The render surface last made, reused while renders keep its size.
    private var scratch: (width: Int, height: Int, surface: OpaquePointer)?
    let pageCount: Int
    let file: String

    init(bytes data: [UInt8], file: String) throws(PDFReadError) {
        self.file = file
        let head = data.prefix(1024)
        guard Self.headerOffset(head) != nil else { throw PDFReadError(file: file, page: nil, kind: .notPDF) }
        guard let gbytes = data.withUnsafeBytes({ g_bytes_new($0.baseAddress, gsize($0.count)) }) else {
            throw PDFReadError(file: file, page: nil, kind: .damaged("could not copy the bytes"))
        }
        var error: UnsafeMutablePointer<GError>?
        guard let d = poppler_document_new_from_bytes(gbytes, nil, &error) else {
            let code = error?.pointee.code ?? 0
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "poppler could not open it"
            if let error { g_error_free(error) }
            g_bytes_unref(gbytes)
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw PDFReadError(file: file, page: nil, kind: .encrypted)
            }
            throw PDFReadError(file: file, page: nil, kind: .damaged(message))
        }
        doc = d
        bytes = gbytes
        pageCount = Int(poppler_document_get_n_pages(d))
    }

    deinit {
        // Freeing the document frees its cairo fonts (FT_Done_Face on the shared FreeType library): under the lock.
        Self.renderLock.withLock { _ in
            if let current { g_object_unref(UnsafeMutableRawPointer(current.page)) }
            if let scratch { cairo_surface_destroy(scratch.surface) }
            g_object_unref(UnsafeMutableRawPointer(doc))
        }
        g_bytes_unref(bytes)
    }

    /// Offset of `%PDF-` in the first bytes, or nil.
    private static func headerOffset(_ head: ArraySlice<UInt8>) -> Int? {
        let magic: [UInt8] = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return nil }
        var i = head.startIndex
        while i + magic.count <= head.endIndex {
            if head[i..<(i + magic.count)].elementsEqual(magic) { return i - head.startIndex }
            i += 1
        }
        return nil
    }

    /// Runs `body` on page `number` (1-based), loading it unless it is the page last used.
    private func withPage<T>(_ number: Int, _ body: (OpaquePointer) -> T) throws(PDFReadError) -> T {
        if let current, current.number == number { return body(current.page) }
        guard let page = poppler_document_get_page(doc, Int32(number - 1)) else {
            throw PDFReadError(file: file, page: number, kind: .damaged("the page could not be loaded"))
        }
        if let old = current {
            // A rendered page holds cairo fonts of its own: freed under the render lock like the document.
            Self.renderLock.withLock { _ in g_object_unref(UnsafeMutableRawPointer(old.page)) }
        }
        current = (number, page)
        return body(page)
    }

    /// Runs `body` (a poppler render) under the process-wide render lock.
    static func renderLocked(_ body: () -> Void) {
        renderLock.withLock { _ in body() }
    }

    /// The text layer of page `number` (1-based): one glyph per non-whitespace character.
    func text(page number: Int) throws(PDFReadError) -> PageText {
        if Self.warmedUp.load(ordering: .acquiring) { return try textUnlocked(page: number) }
        return try Self.renderLock.withLock { (_: inout ()) throws(PDFReadError) -> PageText in
            let text = try textUnlocked(page: number)
            Self.warmedUp.store(true, ordering: .releasing)
            return text
        }
    }

    private func textUnlocked(page number: Int) throws(PDFReadError) -> PageText {
        try withPage(number) { page in
            var w = 0.0, h = 0.0
            poppler_page_get_size(page, &w, &h)
            var text = ""
            if let t = poppler_page_get_text(page) {
                text = String(cString: t)
                g_free(t)
            }
            var rects: UnsafeMutablePointer<PopplerRectangle>?
            var n: guint = 0
            if poppler_page_get_text_layout(page, &rects, &n) == 0 { rects = nil; n = 0 }
            defer { g_free(rects) }
            var glyphs: [Glyph] = []
            glyphs.reserveCapacity(Int(n))
            var i = 0
            var sawSpace = false
            // Rectangle i belongs to Unicode scalar i of the text; spaces and line ends have boxes too.
            for u in text.unicodeScalars {
                defer { i += 1 }
                guard i < Int(n), let r = rects?[i] else { break }
                if u.properties.isWhitespace {
                    if u != "\n" { sawSpace = true } else { sawSpace = false }
                    continue
                }
                let x0 = min(r.x1, r.x2), x1 = max(r.x1, r.x2), y0 = min(r.y1, r.y2), y1 = max(r.y1, r.y2)
                glyphs.append(Glyph(scalar: u, x0: x0, y0: y0, x1: x1, y1: y1, spaceBefore: sawSpace))
                sawSpace = false
            }
            return PageText(number: number, width: w, height: h, glyphs: glyphs)
        }
    }

    /// Renders page `number` on white into a cairo RGB24 surface at `scale` pixels per point, turned by `degrees`
    /// about the page centre, and hands its pixels to `convert`: the base address, the row stride in bytes, the
    /// width and the height. RGB24 is
    /// one native-endian 32-bit word per pixel (0x00RRGGBB); the stride is a multiple of 4. The one render path.
    /// A surface of the size asked for last is reused (painted white again), so its memory is not faulted in anew.
    private func render<T>(page number: Int, scale: Double, degrees: Double,
                           _ convert: (UnsafeMutablePointer<UInt8>, Int, Int, Int) -> T) throws(PDFReadError) -> T {
        let file = self.file
        let result: Result<T, PDFReadError> = try withPage(number) { page in
            var w = 0.0, h = 0.0
            poppler_page_get_size(page, &w, &h)
            let pw = max(1, Int((w * scale).rounded(.up))), ph = max(1, Int((h * scale).rounded(.up)))
            guard pw * ph <= 60_000_000, let surface = surface(pw, ph) else {
                return .failure(PDFReadError(file: file, page: number, kind: .damaged("page too large to render (\(w) × \(h) pt)")))
            }
            guard let cr = cairo_create(surface) else {
                return .failure(PDFReadError(file: file, page: number, kind: .damaged("cairo could not make a surface")))
            }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            if degrees != 0 {
                cairo_translate(cr, w / 2, h / 2)
                cairo_rotate(cr, degrees * Double.pi / 180)
                cairo_translate(cr, -w / 2, -h / 2)
            }
            Self.renderLocked { poppler_page_render(page, cr) }
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else {
                return .failure(PDFReadError(file: file, page: number, kind: .damaged("render gave no pixels")))
            }
            return .success(convert(data, stride, pw, ph))
        }
        return try result.get()
    }

    /// A cairo RGB24 surface of `width` × `height` pixels: the one made last when it has that size, else a new one
    /// (the old one freed). Nil when cairo cannot make it.
    private func surface(_ width: Int, _ height: Int) -> OpaquePointer? {
        if let scratch, scratch.width == width, scratch.height == height { return scratch.surface }
        if let scratch { cairo_surface_destroy(scratch.surface) }
        scratch = nil
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
        guard cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else { cairo_surface_destroy(s); return nil }
        scratch = (width, height, s)
        return s
    }
}

/// A rendered page (or part of one) in 8-bit luminance (0 black … 255 white), `scale` pixels per point, row-major,
/// no padding; pixel (0, 0) is the page's top-left corner.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    var scale: Double
    var pixels: [UInt8]

    /// The ink mask of the image: 1 where darker than `level`.
    func ink(below level: UInt8) -> InkMask {
        var mask = [UInt8](repeating: 0, count: pixels.count)
        mask.withUnsafeMutableBufferPointer { out in
            pixels.withUnsafeBufferPointer { p in
                for i in p.indices where p[i] < level { out[i] = 1 }
            }
        }
        return InkMask(width: width, height: height, scale: scale, pixels: mask)
    }
}

extension PopplerDocument {
    /// Page `number` rendered on white at `scale` pixels per point, turned by
    /// `degrees` about the page centre (positive turns clockwise on screen), in luminance.
    func renderGray(page number: Int, scale: Double, degrees: Double = 0) throws(PDFReadError) -> GrayImage {
        try render(page: number, scale: scale, degrees: degrees) { data, stride, pw, ph in
            var pixels = [UInt8](repeating: 255, count: pw * ph)
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<ph {
                    let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    let base = y * pw
                    for x in 0..<pw {
                        let p = row[x] & 0xFFFFFF
                        if p == 0xFFFFFF { continue }
                        let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                        out[base + x] = UInt8((r * 77 + g * 150 + b * 29) >> 8)
                    }
                }
            }
            return GrayImage(width: pw, height: ph, scale: scale, pixels: pixels)
        }
    }
}
