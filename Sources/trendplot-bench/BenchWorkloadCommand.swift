import ArgumentParser
import CCairo
import Charts
import Foundation
import Publishing
import SeriesModel

/// `trendplot-bench`: renders the reference workload (`../shared/bench/WORKLOAD.md`) for `make bench`.
/// A separate executable, so the product binary carries no benchmark code and no raw cairo.
@main
struct BenchWorkloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trendplot-bench",
        abstract: "Render the reference benchmark workload (used by make bench).",
        discussion: """
        Examples:
          trendplot-bench --kind line --format png --n 500 --out bench-out/t_line_png
          trendplot-bench --dump 0 500 | md5sum
          trendplot-bench --tidy-csv 100 > workload.csv
        """,
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case line, bar }
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case png, svg, pdf, none
        /// cairo's own PNG writer, to compare the encoder against in the same process.
        case pngCairo = "png-cairo"
        /// Encoded with trendplot's encoder, bytes discarded.
        case pngNowrite = "png-nowrite"
    }

    enum Renderer: String, ExpressibleByArgument, CaseIterable {
        /// trendplot's real pipeline: ChartSpec → layout → Scene → cairo renderer (Pango text).
        case charts
        /// The C baseline's plain cairo drawing, to compare PNG encoders on an identical picture.
        case sketch
    }

    @Option(help: "charts (the real pipeline) or sketch (plain cairo calls as in cairo_render.c).")
    var renderer: Renderer = .charts
    @Option(help: "line or bar.") var kind: Kind = .line
    @Option(help: "png, png-cairo, png-nowrite, svg, pdf or none.") var format: Format = .png
    @Option(help: "Number of charts.") var n = 1
    @Option(help: "First chart number.") var start = 0
    @Option(help: "Output directory.") var out = "bench-out"
    @Option(help: "Charts rendered at once (1 = one core).") var jobs = 1
    @Option(parsing: .upToNextOption, help: "Print the data of COUNT charts from START as TSV and exit.")
    var dump: [Int] = []
    @Option(help: "Print the data of charts 0..<COUNT as tidy CSV (one body per chart, for export) and exit.")
    var tidyCSV: Int?

    func validate() throws {
        if !dump.isEmpty, dump.count != 2 { throw ValidationError("--dump takes START COUNT") }
        if n < 0 || start < 0 || jobs < 1 { throw ValidationError("--n and --start must be ≥ 0, --jobs ≥ 1") }
    }

    func run() async throws {
        if dump.count == 2 {
            var text = ""
            for k in dump[0]..<(dump[0] + dump[1]) {
                for line in ReferenceWorkload(index: k).dumpLines { text += line + "\n" }
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if let count = tidyCSV {
            let observations = (0..<count).flatMap { ReferenceWorkload(index: $0).observations }
            FileHandle.standardOutput.write(Data(TidyTable.csv(observations).utf8))
            return
        }
        HeapReuse.keepFreedMemory()
        if format != .none, format != .pngNowrite {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        let (kind, format, out, jobs, start, n, renderer) = (kind, format, out, jobs, start, n, renderer)
        let bytes = try await withThrowingTaskGroup(of: Int.self) { group in
            for job in 0..<jobs {
                let slice = (start + n * job / jobs)..<(start + n * (job + 1) / jobs)
                group.addTask {
                    let charts = ChartRenderer()   // one Pango engine per task, reused by its charts
                    return try slice.reduce(0) { total, k in
                        try total + (renderer == .charts
                            ? BenchWorkloadCommand.renderChart(k, kind: kind, format: format, out: out, with: charts)
                            : BenchWorkloadCommand.render(k, kind: kind, format: format, out: out))
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        let note = format == .pngNowrite ? ", \(bytes) PNG bytes encoded" : ""
        FileHandle.standardError.write(Data("trendplot: \(n) \(kind) chart(s) as \(format.rawValue)\(note)\n".utf8))
    }

    /// Renders chart `k` through the Charts pipeline and writes `out/KIND_KKKK.EXT`; returns the bytes produced.
    static func renderChart(_ k: Int, kind: Kind, format: Format, out: String, with charts: ChartRenderer) throws -> Int {
        let spec = ReferenceWorkload(index: k).spec(kind: kind == .bar ? .bar : .line)
        let ext = format == .svg ? "svg" : format == .pdf ? "pdf" : "png"
        let path = "\(out)/\(kind.rawValue)_\(String(format: "%04d", k)).\(ext)"
        let bytes: [UInt8]
        switch format {
        case .none:
            return try Chart.withPixels(spec) { $0.width }
        case .png, .pngNowrite:
            bytes = try charts.render(spec, format: .png)
            if format == .pngNowrite { return bytes.count }
        case .pngCairo:
            // The chart's pixels through cairo's own writer (libpng), for comparison with PNGEncoder.
            let image = try Chart.rasterize(spec)
            let surface = try SketchSurface(imageWidth: Int32(image.width), height: Int32(image.height))
            guard let data = cairo_image_surface_get_data(surface.pointer),
                  Int(cairo_image_surface_get_stride(surface.pointer)) == image.stride else {
                throw ValidationError("cairo: unexpected image surface layout")
            }
            image.argb32.withUnsafeBytes { data.update(from: $0.bindMemory(to: UInt8.self).baseAddress!, count: $0.count) }
            cairo_surface_mark_dirty(surface.pointer)
            try surface.check(cairo_surface_write_to_png(surface.pointer, path))
            return 0
        case .svg:
            bytes = try charts.render(spec, format: .svg)
        case .pdf:
            bytes = try charts.render(spec, format: .pdf)
        }
        try AtomicFile.write(bytes, to: path)
        return bytes.count
    }

    /// Draws chart `k` with plain cairo calls (`ReferenceSketch`), writes `out/KIND_KKKK.EXT`; returns the bytes.
    static func render(_ k: Int, kind: Kind, format: Format, out: String) throws -> Int {
        let chart = ReferenceWorkload(index: k)
        let sketch = ReferenceSketch(chart: chart, bar: kind == .bar)
        let ext = format == .svg ? "svg" : format == .pdf ? "pdf" : "png"
        let path = "\(out)/\(kind.rawValue)_\(String(format: "%04d", k)).\(ext)"
        switch format {
        case .svg, .pdf:
            let surface = try SketchSurface(vector: format, path: path)
            try surface.draw { cr in
                if format == .pdf { cairo_scale(cr, 0.75, 0.75) }
                sketch.draw(cr)
            }
            try surface.finish()
            return 0
        case .png, .pngCairo, .pngNowrite, .none:
            let surface = try SketchSurface(imageWidth: 1200, height: 750)
            try surface.draw(sketch.draw)
            switch format {
            case .png:
                let png = try PNGEncoder().encode(imageSurface: surface.pointer)
                try AtomicFile.write(png, to: path)
                return png.count
            case .pngNowrite:
                return try PNGEncoder().encode(imageSurface: surface.pointer).count
            case .pngCairo:
                try surface.check(cairo_surface_write_to_png(surface.pointer, path))
                return 0
            default:
                cairo_surface_flush(surface.pointer)
                return 0
            }
        }
    }
}

/// One cairo surface for the benchmark sketch; `deinit` destroys it. Never leaves its task.
final class SketchSurface {
    let pointer: OpaquePointer

    init(imageWidth: Int32, height: Int32) throws {
        pointer = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, imageWidth, height)
        try check(cairo_surface_status(pointer))
    }

    init(vector format: BenchWorkloadCommand.Format, path: String) throws {
        if format == .svg {
            pointer = cairo_svg_surface_create(path, 1200, 750)
            cairo_svg_surface_set_document_unit(pointer, CAIRO_SVG_UNIT_PX)
        } else {
            pointer = cairo_pdf_surface_create(path, 900, 562.5)
            cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z")
        }
        try check(cairo_surface_status(pointer))
    }

    deinit { cairo_surface_destroy(pointer) }

    func draw(_ body: (OpaquePointer) -> Void) throws {
        let cr = cairo_create(pointer)!
        defer { cairo_destroy(cr) }
        body(cr)
        try check(cairo_status(cr))
    }

    func finish() throws {
        cairo_surface_finish(pointer)
        try check(cairo_surface_status(pointer))
    }

    func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ValidationError("cairo: \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
