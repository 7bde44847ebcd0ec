import CCairo
@testable import Charts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Publishing
import SeriesModel
import TestSupport
import Testing

/// Editable SVG (`--svg-text`): every kind, in Chinese and English, drawn by `rsvg-convert` (librsvg, which shapes
/// text with Pango too) and compared pixel by pixel with the PNG of the same chart; the `<text>` elements carry
/// every text of the scene, in order, at the place the scene put it.
///
/// Thresholds (measured over the 20 charts: mean 0.37–1.79/255, 0.06–1.1 % of pixels off by more than 64, text ink
/// ratio 0.995–1.029, ink centre shift at most 1.58 px):
/// - whole chart: mean absolute channel difference below 2/255 and fewer than 2 % of the pixels off by more than
///   64/255 — what differs is glyph antialiasing (cairo's image backend puts glyphs at whole pixels, librsvg fills
///   their outlines where they fall);
/// - shapes: no pixel outside the texts' paint bounds off by more than 32/255 (the geometry is written from the same
///   coordinates; edge antialiasing differs by up to ~20/255 where strokes overlap);
/// - each text box: its ink (the difference from the chart drawn without text) within ±15 % of the PNG's, and the
///   ink's centre less than 2 px away. A missing text has no ink, a bold one about 1.3× the ink, a line moved by 3
///   units moves its centre 3 px: the control test makes those three changes and expects each check to fail.
@Suite("Editable SVG")
struct EditableSVGTests {
    struct Comparison: CustomStringConvertible {
        var mean: Double
        /// Pixels whose largest channel difference exceeds 64/255.
        var strongFraction: Double
        /// The same, allowing the other image's pixel to be one pixel away in each direction.
        var shiftedStrongFraction: Double
        var description: String {
            "mean abs diff \(String(format: "%.3f", mean))/255, >64: \(String(format: "%.3f", strongFraction * 100)) %, "
                + ">64 allowing a 1-px shift: \(String(format: "%.4f", shiftedStrongFraction * 100)) %"
        }
        var passes: Bool { mean < 2 && strongFraction < 0.02 }
    }

    static func spec(_ kind: ChartKind, _ language: Language) throws -> ChartSpec {
        var spec: ChartSpec
        switch kind {
        case .change:
            spec = try ChartSpec(observations: Fixtures.mudanjiang(), metrics: Fixtures.itemMetrics.map { $0 + "_change" },
                                 kind: .change, language: language)
        case .waterfall, .stacked:
            spec = try ChartSpec(observations: Fixtures.mudanjiang(), metrics: Fixtures.itemMetrics, kind: kind, language: language)
        case .share:
            spec = try #require(Gallery.charts(Fixtures.pingtan()).first { $0.name == "pingtan-share" }?.spec)
            spec.language = language
        default:
            spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: Fixtures.decisionMetrics, kind: kind, language: language)
            if kind == .line {
                spec.annotations.notes = [.init(year: 2021, text: language == .zh ? "模板变更" : "new template")]
                spec.annotations.trendLine = true
            }
        }
        spec.size.scale = 1
        return spec
    }

    /// `rsvg-convert` on PATH; the test fails (does not skip) without it: `scripts/install-deps.sh` installs librsvg2-bin.
    static func rsvgConvert() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The SVG drawn by rsvg-convert at 1 pixel per unit, as ARGB32 pixels (through cairo's PNG reader).
    static func rsvgPixels(_ svg: [UInt8], name: String) throws -> RasterImage {
        let tool = try #require(rsvgConvert(), "rsvg-convert is not installed (apt-get install librsvg2-bin; scripts/install-deps.sh)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-svgtext-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent(name + ".svg"), output = dir.appendingPathComponent(name + ".png")
        try Data(svg).write(to: input)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["--background-color", "white", "-o", output.path, input.path]
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(p.terminationStatus == 0, "rsvg-convert failed on \(name).svg: \(message)")
        let surface = try #require(cairo_image_surface_create_from_png(output.path))
        defer { cairo_surface_destroy(surface) }
        try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, "cannot read \(output.path)")
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        if ProcessInfo.processInfo.environment["TRENDPLOT_KEEP_SVGTEXT"] == nil {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        return RasterImage(width: w, height: h, stride: stride, argb32: Array(UnsafeBufferPointer(start: data, count: stride * h)))
    }

    /// Pixel differences of two opaque images of one size (the first three channels of each ARGB32 pixel).
    static func compare(_ a: RasterImage, _ b: RasterImage) -> Comparison {
        let w = a.width, h = a.height
        func diff(_ x: Int, _ y: Int, _ u: Int, _ v: Int) -> Int {
            var m = 0
            for c in 0..<3 {
                m = max(m, abs(Int(a.argb32[y * a.stride + x * 4 + c]) - Int(b.argb32[v * b.stride + u * 4 + c])))
            }
            return m
        }
        var sum = 0, strong = 0, shifted = 0
        for y in 0..<h {
            for x in 0..<w {
                for c in 0..<3 {
                    sum += abs(Int(a.argb32[y * a.stride + x * 4 + c]) - Int(b.argb32[y * b.stride + x * 4 + c]))
                }
                guard diff(x, y, x, y) > 64 else { continue }
                strong += 1
                // Does some pixel of b within one pixel match a's, and some pixel of a match b's?
                var bestAB = 255, bestBA = 255
                for v in max(0, y - 1)...min(h - 1, y + 1) {
                    for u in max(0, x - 1)...min(w - 1, x + 1) {
                        bestAB = min(bestAB, diff(x, y, u, v))
                        bestBA = min(bestBA, diff(u, v, x, y))
                    }
                }
                if max(bestAB, bestBA) > 64 { shifted += 1 }
            }
        }
        let n = Double(w * h)
        return Comparison(mean: Double(sum) / (n * 3), strongFraction: Double(strong) / n, shiftedStrongFraction: Double(shifted) / n)
    }

    /// The `<text>` elements of an SVG: their content and attributes, in document order.
    final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [(text: String, attributes: [String: String])] = []
        var glyphOutlines = 0
        private var inText = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "text" { inText = true; texts.append(("", attributes)) }
            if name == "path" || name == "symbol" || name == "use" { glyphOutlines += 1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { texts[texts.count - 1].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText = false }
        }
        static func collect(_ svg: [UInt8]) throws -> TextCollector {
            let c = TextCollector()
            let parser = XMLParser(data: Data(svg))
            parser.delegate = c
            try #require(parser.parse(), "the SVG does not parse: \(parser.parserError.map { "\($0)" } ?? "?")")
            return c
        }
    }

    static func squeezed(_ s: String) -> String { String(s.filter { !$0.isWhitespace }) }

    /// How one text box came out in the two images: its ink (the summed channel difference from the chart drawn
    /// without text, inside the box grown by 2 units) and the ink's centre.
    struct TextInk {
        var png: Double, svg: Double
        var pngCentre: Point, svgCentre: Point
        var ratio: Double { png > 0 ? svg / png : 0 }
        var shift: Double { ((pngCentre.x - svgCentre.x) * (pngCentre.x - svgCentre.x) + (pngCentre.y - svgCentre.y) * (pngCentre.y - svgCentre.y)).squareRoot() }
    }

    static func ink(_ box: TextBox, png: RasterImage, svg: RasterImage, bare: RasterImage) -> TextInk {
        let r = box.frame.inset(by: -2)
        let x0 = max(0, Int(r.minX.rounded(.down))), x1 = min(png.width - 1, Int(r.maxX.rounded(.up)))
        let y0 = max(0, Int(r.minY.rounded(.down))), y1 = min(png.height - 1, Int(r.maxY.rounded(.up)))
        var out = TextInk(png: 0, svg: 0, pngCentre: Point(0, 0), svgCentre: Point(0, 0))
        guard x0 <= x1, y0 <= y1 else { return out }
        for y in y0...y1 {
            for x in x0...x1 {
                var a = 0, b = 0
                for c in 0..<3 {
                    let base = Int(bare.argb32[y * bare.stride + x * 4 + c])
                    a += abs(Int(png.argb32[y * png.stride + x * 4 + c]) - base)
                    b += abs(Int(svg.argb32[y * svg.stride + x * 4 + c]) - base)
                }
                out.png += Double(a); out.svg += Double(b)
                out.pngCentre.x += Double(a * x); out.pngCentre.y += Double(a * y)
                out.svgCentre.x += Double(b * x); out.svgCentre.y += Double(b * y)
            }
        }
        if out.png > 0 { out.pngCentre = Point(out.pngCentre.x / out.png, out.pngCentre.y / out.png) }
        if out.svg > 0 { out.svgCentre = Point(out.svgCentre.x / out.svg, out.svgCentre.y / out.svg) }
        return out
    }

    /// The scene drawn by the cairo renderer without its text (the base the text ink is measured from).
    static func bare(_ scene: Scene, language: String) throws -> RasterImage {
        var s = scene
        s.items = s.items.filter { if case .text = $0 { false } else { true } }
        return try cairoPixels(s, language: language)
    }

    /// The scene drawn by the cairo renderer at 1 pixel per unit.
    static func cairoPixels(_ s: Scene, language: String) throws -> RasterImage {
        let cr = try CairoContext(try CairoSurface.image(width: Int(s.size.width), height: Int(s.size.height)))
        SceneRenderer(text: PangoText(language: language)).draw(s, on: cr)
        return cr.surface.imagePixels()
    }

    /// Pixels outside every text (each text's paint bounds) whose largest channel difference exceeds 32/255.
    static func shapeDifferences(_ scene: Scene, _ a: RasterImage, _ b: RasterImage) -> Int {
        let holes = scene.items.compactMap { item -> Rect? in if case .text = item { item.paintBounds } else { nil } }
        var n = 0
        for y in 0..<a.height {
            for x in 0..<a.width {
                var m = 0
                for c in 0..<3 { m = max(m, abs(Int(a.argb32[y * a.stride + x * 4 + c]) - Int(b.argb32[y * b.stride + x * 4 + c]))) }
                guard m > 32 else { continue }
                let p = Point(Double(x) + 0.5, Double(y) + 0.5)
                if !holes.contains(where: { p.x >= $0.minX && p.x <= $0.maxX && p.y >= $0.minY && p.y <= $0.maxY }) { n += 1 }
            }
        }
        return n
    }

    @Test(.enabled(if: Fixtures.cjkFontInstalled, "the PNGs are drawn with Noto Sans CJK"),
          arguments: ChartKind.allCases, [Language.zh, .en])
    func editableSVGMatchesThePNGAndCarriesEveryText(kind: ChartKind, language: Language) throws {
        let spec = try Self.spec(kind, language)
        let rendered = try Chart.renderEditableSVG(spec)
        let png = try Chart.rasterize(spec)
        let drawn = try Self.rsvgPixels(rendered.bytes, name: "\(kind.rawValue)-\(language.rawValue)")
        if let keep = ProcessInfo.processInfo.environment["TRENDPLOT_KEEP_SVGTEXT"] {
            // For looking: the cairo PNG and the editable SVG side by side in the folder named.
            try Data(try Chart.render(spec, format: .png)).write(to: URL(fileURLWithPath: "\(keep)/\(kind.rawValue)-\(language.rawValue).cairo.png"))
            try Data(rendered.bytes).write(to: URL(fileURLWithPath: "\(keep)/\(kind.rawValue)-\(language.rawValue).svg"))
        }
        try #require(drawn.width == png.width && drawn.height == png.height, "rsvg size \(drawn.width)×\(drawn.height)")
        let c = Self.compare(png, drawn)
        #expect(c.passes, "\(kind.rawValue) \(language.rawValue): \(c)")
        let shapes = Self.shapeDifferences(rendered.scene, png, drawn)
        #expect(shapes == 0, "\(shapes) pixels of the shapes differ by more than 32/255")
        let bare = try Self.bare(rendered.scene, language: ResolvedChart(spec).languageTag)
        var worstRatio = 1.0, worstShift = 0.0
        for box in rendered.scene.texts {
            let ink = Self.ink(box, png: png, svg: drawn, bare: bare)
            #expect(ink.png > 0, "“\(box.text)” left no ink in the PNG")
            #expect(ink.ratio > 0.85 && ink.ratio < 1.15, "“\(box.text)” (\(box.role.rawValue)): ink \(ink.svg) in the SVG, \(ink.png) in the PNG")
            #expect(ink.shift < 2, "“\(box.text)” (\(box.role.rawValue)): the ink's centre moved \(ink.shift) px")
            if abs(ink.ratio - 1) > abs(worstRatio - 1) { worstRatio = ink.ratio }
            worstShift = max(worstShift, ink.shift)
        }
        print("svg-text \(kind.rawValue) \(language.rawValue): \(c); shapes differing: \(shapes); "
              + "worst text ink ratio \(String(format: "%.3f", worstRatio)), worst centre shift \(String(format: "%.2f", worstShift)) px")

        // Every text box of the scene, in drawing order, is one or more <text> elements whose contents join to it.
        let svg = try TextCollector.collect(rendered.bytes)
        #expect(svg.glyphOutlines == 0, "glyph outlines or paths in an editable SVG")
        let boxes = rendered.scene.texts
        try #require(!boxes.isEmpty)
        var next = 0
        for box in boxes {
            let want = Self.squeezed(box.text)
            var got = ""
            var elements: [[String: String]] = []
            while got.count < want.count, next < svg.texts.count {
                got += Self.squeezed(svg.texts[next].text)
                elements.append(svg.texts[next].attributes)
                next += 1
            }
            #expect(got == want, "\(box.role.rawValue) “\(box.text)”: the <text> elements say “\(got)”")
            for a in elements {
                #expect(a["font-size"].flatMap(Double.init).map { abs($0 - box.style.size) < 0.001 } == true)
                #expect(a["fill"] == box.style.color.hexString)
                #expect((a["font-weight"] == "bold") == box.style.bold)
                #expect(a["font-family"]?.hasPrefix("'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC'") == true)
                let length = try #require(a["textLength"].flatMap(Double.init))
                #expect(length > 0 && length <= (box.vertical ? box.frame.height : box.frame.width) + 0.5)
                #expect(a["lengthAdjust"] == "spacingAndGlyphs")
                if box.vertical {
                    #expect(a["transform"]?.hasSuffix("rotate(-90)") == true)
                } else {
                    // The line starts inside the frame and its baseline lies inside it.
                    let x = try #require(a["x"].flatMap(Double.init)), y = try #require(a["y"].flatMap(Double.init))
                    #expect(x >= box.frame.minX - 0.5 && x + length <= box.frame.maxX + 0.5, "“\(box.text)” x \(x)")
                    #expect(y > box.frame.minY && y <= box.frame.maxY + 0.5, "“\(box.text)” baseline \(y) outside \(box.frame)")
                }
            }
        }
        #expect(next == svg.texts.count, "\(svg.texts.count - next) <text> elements more than the scene has")
        #expect(boxes.contains { $0.role == .title }, "no title")
    }

    /// The checks can fail: a title left out, a tick label moved down by 3 units, a regular label made bold.
    @Test(.enabled(if: Fixtures.cjkFontInstalled, "the PNGs are drawn with Noto Sans CJK"))
    func theChecksCatchAMissingMovedOrBoldText() throws {
        let spec = try Self.spec(.bar, .zh)
        let rendered = try Chart.renderEditableSVG(spec)
        let scene = rendered.scene
        let png = try Chart.rasterize(spec)
        let bare = try Self.bare(scene, language: "zh-cn")
        let title = try #require(scene.texts.first { $0.role == .title })
        let ticks = scene.texts.filter { $0.role == .tickLabel && !$0.vertical && $0.text.count >= 3 }
        try #require(ticks.count >= 2)
        let (moved, bold) = (ticks[0], ticks[1])
        var lines = String(decoding: rendered.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func index(of box: TextBox) throws -> Int {
            try #require(lines.firstIndex { $0.hasPrefix("<text") && $0.hasSuffix(">" + XMLText.escape(box.text) + "</text>") })
        }
        let t = try index(of: title), m = try index(of: moved), b = try index(of: bold)
        // One tick label 3 units lower, another bold, the title gone.
        let y = try #require(lines[m].range(of: #" y="([0-9.]+)""#, options: .regularExpression))
        let oldY = try #require(Double(lines[m][y].dropFirst(4).dropLast()))
        lines[m] = lines[m].replacingCharacters(in: y, with: " y=\"\(oldY + 3)\"")
        lines[b] = lines[b].replacingOccurrences(of: " fill=", with: " font-weight=\"bold\" fill=")
        lines.remove(at: t)
        let drawn = try Self.rsvgPixels(Array(lines.joined(separator: "\n").utf8), name: "bar-broken")
        let titleInk = Self.ink(title, png: png, svg: drawn, bare: bare)
        #expect(titleInk.ratio < 0.85, "a missing title passed the ink check: \(titleInk)")
        let movedInk = Self.ink(moved, png: png, svg: drawn, bare: bare)
        #expect(movedInk.shift >= 2, "a tick label 3 units lower: its centre moved only \(movedInk.shift)")
        let boldInk = Self.ink(bold, png: png, svg: drawn, bare: bare)
        #expect(boldInk.ratio >= 1.15, "a tick label made bold passed the ink check: \(boldInk)")
    }

    @Test func multiLineAndRotatedTextAndHalos() throws {
        let text = PangoText(language: "zh-cn")
        let writer = SVGTextWriter(text: text, language: "zh-cn")
        let style = TextStyle(size: 14, color: .black, halo: .white)
        let wrapped = TextBox(text: "政府信息公开工作年度报告（2021年）：依申请公开、主动公开与行政复议", style: style,
                              frame: Rect(x: 10, y: 20, width: 120, height: 80), wrapWidth: 120, role: .note)
        let lines = writer.lines(of: wrapped)
        #expect(lines.count >= 3)
        #expect(lines.map(\.text).joined() == wrapped.text)
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.baseline < $1.baseline })
        #expect(lines.allSatisfy { $0.width <= 120.5 && $0.width > 0 })
        let breaks = TextBox(text: "第一行\n第二行 & <三>", style: style, frame: Rect(x: 0, y: 0, width: 100, height: 40), role: .note)
        #expect(writer.lines(of: breaks).map(\.text) == ["第一行", "第二行 & <三>"])
        let vertical = TextBox(text: "单位：件", style: TextStyle(size: 13, color: Color(hex: 0x555555)),
                               frame: Rect(x: 5, y: 100, width: 18, height: 60), vertical: true, role: .axisTitle)
        let scene = Scene(size: Size(200, 200), background: .white,
                          items: [.text(wrapped), .text(breaks), .text(vertical)], unknownGlyphs: 0,
                          altText: AltText(title: "t & t", description: "d"))
        let svg = writer.svg(scene)
        #expect(svg == writer.svg(scene))
        let s = String(decoding: svg, as: UTF8.self)
        #expect(s.contains(">第二行 &amp; &lt;三&gt;</text>"))
        #expect(s.contains("<title>t &amp; t</title>"))
        #expect(s.contains("transform=\"translate(5 160) rotate(-90)\""))
        #expect(s.contains("stroke=\"#ffffff\" stroke-width=\"3.08\" stroke-linejoin=\"round\" stroke-linecap=\"round\" paint-order=\"stroke\""))
        let texts = try TextCollector.collect(svg).texts
        #expect(texts.count == lines.count + 3)
        // Drawn by librsvg, the wrapped, the two-line and the rotated text (with their halos) land where cairo draws them.
        var framed = scene
        framed.items.insert(.rect(Rect(x: 0, y: 0, width: 200, height: 200), fill: Color(hex: 0xDDEEFF), stroke: nil), at: 0)
        let svgPixels = try Self.rsvgPixels(writer.svg(framed), name: "synthetic")
        let png = try Self.cairoPixels(framed, language: "zh-cn")
        let bare = try Self.bare(framed, language: "zh-cn")
        for box in framed.texts {
            let ink = Self.ink(box, png: png, svg: svgPixels, bare: bare)
            #expect(ink.png > 0 && ink.ratio > 0.85 && ink.ratio < 1.15 && ink.shift < 2, "“\(box.text)”: \(ink)")
        }
    }

    @Test func numbersAreShortAndStable() {
        #expect(SVGTextWriter.number(12) == "12")
        #expect(SVGTextWriter.number(12.5) == "12.5")
        #expect(SVGTextWriter.number(-0.125) == "-0.125")
        #expect(SVGTextWriter.number(-0.0001) == "0")
        #expect(SVGTextWriter.number(648.13397) == "648.134")
        #expect(SVGTextWriter.number(0.05) == "0.05")
        #expect(SVGTextWriter.number(1.007) == "1.007")
    }

    @Test func theSameSpecGivesTheSameBytesOnAFreshAndAReusedEngine() throws {
        let spec = try Self.spec(.line, .zh)
        let renderer = ChartRenderer()
        _ = try renderer.renderEditableSVG(try Self.spec(.bar, .en))
        let a = try Chart.renderEditableSVG(spec).bytes
        #expect(a == (try renderer.renderEditableSVG(spec).bytes))
        #expect(a == (try Chart.renderEditableSVG(spec).bytes))
    }
}
