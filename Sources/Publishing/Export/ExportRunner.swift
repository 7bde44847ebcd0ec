import Charts
import Foundation
import SystemPackage
import ReportReading
import SeriesModel
import Synchronization

/// A request to stop a running export (Ctrl-C): files being written are finished, no new chart is started.
public final class StopFlag: Sendable {
    private let stopped = Atomic<Bool>(false)

    /// A flag that is not set.
    public init() {}

    /// True once a stop was asked for.
    public var isSet: Bool { stopped.load(ordering: .acquiring) }

    /// Asks the run to stop.
    public func set() { stopped.store(true, ordering: .releasing) }
}

/// What one file's rendering produced.
package struct RenderedFile: Sendable {
    var bytes: [UInt8]
    var altText: AltText
}

/// The result of an ``ExportRunner`` run.
public struct ExportOutcome: Sendable {
    /// Files drawn and written in this run.
    public var written: [String] = []
    /// Files whose inputs were unchanged and whose output was still in place.
    public var skipped: [String] = []
    /// Files an earlier run listed in the manifest that this run does not, removed from the folder.
    public var removed: [String] = []
    /// Files that failed, with the reason.
    public var failures: [(file: String, message: String)] = []
    /// True when a stop request left files undone.
    public var interrupted = false
    /// Entries in the `manifest.json` written at the end.
    var manifestEntries = 0
}

/// One chart to draw in some formats: ready, or a recipe whose spec is made in the task that draws it.
package struct ExportJob: Sendable {
    enum Chart: Sendable {
        case ready(ExportChart)
        case recipe(ExportChartRecipe)
    }

    var chart: Chart
    var formats: [OutputFormat]

    var name: String {
        switch chart {
        case let .ready(chart): chart.name
        case let .recipe(recipe): recipe.name
        }
    }
}

/// Draws the files of an export in parallel and keeps `manifest.json` and `index.html` up to date.
///
/// Every file is written atomically (temporary name, then rename); a file whose input hash matches the previous
/// manifest and whose bytes still match its recorded SHA-256 is skipped unless `force`; a failing chart is
/// recorded and the rest go on. Only values (``ExportJob`` in, entries out) cross tasks; every cairo object and
/// every spec lives inside the task that renders. Memory does not grow with the number of charts: jobs are taken
/// from the plan as tasks free up, finished entries are parked in a temporary file (``EntrySpool``), and
/// `manifest.json` and `index.html` are streamed from it at the end (the run holds a name and an offset per file).
///
/// ```swift
/// let plan = LazyExportPlan(observations, per: .entity, kind: .line)
/// let outcome = try await ExportRunner(directory: "out", jobs: 2).run(plan, formats: [.png])
/// ```
public struct ExportRunner: Sendable {
    var directory: String
    /// Files rendered at once.
    var jobs: Int
    var force = false
    var stop = StopFlag()
    /// SVG files with editable `<text>` elements (`--svg-text`) instead of cairo's glyph outlines.
    public var svgText = false
    /// Draws one file instead of the real renderer; tests inject failures here.
    var render: (@Sendable (ExportFile) throws -> RenderedFile)?

    /// A runner writing into `directory`, `jobs` files at a time; with `force`, unchanged files are drawn again;
    /// `stop` ends the run early (the files in progress are finished).
    public init(directory: String, jobs: Int, force: Bool = false, stop: StopFlag = StopFlag()) {
        self.init(directory: directory, jobs: jobs, force: force, stop: stop, render: nil)
    }

    /// The same with `render` drawing each file instead of the chart renderer (tests inject failures here).
    package init(directory: String, jobs: Int, force: Bool = false, stop: StopFlag = StopFlag(),
                 render: (@Sendable (ExportFile) throws -> RenderedFile)?) {
        self.directory = directory
        self.jobs = jobs
        self.force = force
        self.stop = stop
        self.render = render
    }

    /// Progress after each finished batch of files: files done (written, skipped or failed) out of the total.
    public typealias Progress = (_ done: Int, _ total: Int) -> Void

    /// Draws the charts of `plan` in `formats`, one recipe after another.
    public func run(_ plan: LazyExportPlan, formats: [OutputFormat], progress: Progress = { _, _ in }) async throws -> ExportOutcome {
        try await run(plan.lazy.map { ExportJob(chart: .recipe($0), formats: formats) },
                      total: plan.chartCount * formats.count, progress: progress)
    }

    /// Draws `files` (the formats of one chart next to each other share its job).
    func run(_ files: [ExportFile], progress: Progress = { _, _ in }) async throws -> ExportOutcome {
        var jobs: [ExportJob] = []
        for file in files {
            if let last = jobs.last, case let .ready(chart) = last.chart, chart == file.chart {
                jobs[jobs.count - 1].formats.append(file.format)
            } else {
                jobs.append(ExportJob(chart: .ready(file.chart), formats: [file.format]))
            }
        }
        return try await run(jobs, total: files.count, progress: progress)
    }

    /// Draws the files of `jobs`, `total` in all.
    func run(_ jobs: some Sequence<ExportJob>, total: Int, progress: Progress = { _, _ in }) async throws -> ExportOutcome {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lock = try ExportLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        removeStaleTemporaryFiles()
        let earlierFiles = Set(ExportManifest.read(from: directory)?.files.map(\.file) ?? [])
        let spool = try EntrySpool(in: directory)
        let previous = force ? [:] : PreviousManifest(directory: directory, spool: spool).records
        var outcome = ExportOutcome()
        /// Every file of the new manifest: its name and its entry's offset in the spool.
        var listed: [(file: String, offset: Int)] = []
        var done = 0
        progress(done, total)

        let (directory, render, stop, force, svgText) = (directory, render, stop, force, svgText)
        // Jobs go out in small chunks, one task per chunk, so that one Pango engine (a ChartRenderer, which
        // never leaves its task) serves several charts while progress and Ctrl-C stay responsive.
        let chunk = Self.chunkSize(pending: total, jobs: self.jobs)
        var source = jobs.makeIterator()
        var spoolError: (any Error)?
        await withTaskGroup(of: [FileResult].self) { group in
            func startNext() -> Bool {
                guard !stop.isSet else { return false }
                var batch: [(job: ExportJob, previous: [PreviousManifest.Record?])] = []
                var files = 0
                while files < chunk, let job = source.next() {
                    batch.append((job, job.formats.map { previous["\(job.name).\($0.rawValue)"] }))
                    files += job.formats.count
                }
                guard !batch.isEmpty else { return false }
                group.addTask {
                    let charts = ChartRenderer()
                    var results: [FileResult] = []
                    for (job, records) in batch {
                        if stop.isSet { break }
                        results += Self.produce(job, previous: records, force: force, svgText: svgText, in: directory,
                                                stop: stop) {
                            try render?($0) ?? Self.renderFile($0, with: charts)
                        }
                    }
                    return results
                }
                return true
            }
            for _ in 0..<max(self.jobs, 1) {
                if !startNext() { break }
            }
            for await results in group {
                for result in results {
                    switch result {
                    case let .written(entry):
                        do {
                            listed.append((entry.file, try spool.append(entry)))
                            outcome.written.append(entry.file)
                        } catch {
                            spoolError = spoolError ?? error
                        }
                    case let .skipped(file, offset):
                        listed.append((file, offset))
                        outcome.skipped.append(file)
                    case let .failed(file, message):
                        outcome.failures.append((file, message))
                    }
                }
                done += results.count
                progress(done, total)
                _ = startNext()
            }
        }
        if let spoolError { throw spoolError }
        outcome.interrupted = done < total
        outcome.written.sort()
        outcome.failures.sort { $0.file < $1.file }
        listed.sort { $0.file < $1.file }
        outcome.manifestEntries = listed.count
        try writeManifest(listed, from: spool)
        try writeGallery(listed, from: spool)
        if !outcome.interrupted {
            // Files an earlier run listed (other formats, charts of other data) that this run does not: removed, so
            // the folder never holds a chart its manifest does not describe.
            let now = Set(listed.map(\.file))
            for file in earlierFiles.subtracting(now).sorted() where !file.contains("/") && unlink(path(file)) == 0 {
                outcome.removed.append(file)
            }
        }
        return outcome
    }

    /// `manifest.json`: the entries in file-name order, streamed from the spool.
    private func writeManifest(_ listed: [(file: String, offset: Int)], from spool: EntrySpool) throws {
        let out = try AtomicFile(path: path(ExportManifest.fileName))
        try out.write(ExportManifest.jsonHead)
        var bytes: [UInt8] = []
        let encoder = ExportManifest.entryEncoder()
        for (n, item) in listed.enumerated() {
            bytes.removeAll(keepingCapacity: true)
            ExportManifest.appendJSON(try spool.entry(at: item.offset), first: n == 0, encoder: encoder, to: &bytes)
            try out.write(bytes)
        }
        try out.write(ExportManifest.jsonTail(empty: listed.isEmpty, generator: ExportPlan.generator))
        try out.commit()
    }

    /// `index.html`: ``GalleryPage/html(_:)`` of the manifest, streamed chart by chart. A chart's files are
    /// `NAME.FORMAT`, found by binary search in the sorted list; a chart is written at its first file.
    private func writeGallery(_ listed: [(file: String, offset: Int)], from spool: EntrySpool) throws {
        func index(of file: String) -> Int? {
            var (low, high) = (0, listed.count)
            while low < high {
                let mid = (low + high) / 2
                if listed[mid].file < file { low = mid + 1 } else { high = mid }
            }
            return low < listed.count && listed[low].file == file ? low : nil
        }
        /// The positions of the files of the chart that `listed[i]` belongs to, when `i` is its first file.
        func chart(startingAt i: Int) -> [Int]? {
            let file = listed[i].file
            let name = file[..<(file.lastIndex(of: ".") ?? file.endIndex)]
            let members = (OutputFormat.allCases.map { "\(name).\($0.rawValue)" } + [String(name)]).compactMap(index(of:))
            let sorted = Set(members).sorted()
            return sorted.first == i ? sorted : nil
        }
        let out = try AtomicFile(path: path(GalleryPage.fileName))
        try out.write(GalleryPage.head(chartCount: listed.indices.count { chart(startingAt: $0) != nil }))
        for i in listed.indices {
            guard let members = chart(startingAt: i) else { continue }
            try out.write(GalleryPage.figure(try members.map { try spool.entry(at: listed[$0].offset) }))
        }
        try out.write(GalleryPage.tail)
        try out.commit()
    }

    /// Files per task: up to 16, fewer when there are few files so that every job gets several chunks.
    static func chunkSize(pending: Int, jobs: Int) -> Int {
        max(1, min(16, pending / (max(jobs, 1) * 4)))
    }

    /// The real renderer on a fresh engine.
    @Sendable static func renderFile(_ file: ExportFile) throws -> RenderedFile {
        try renderFile(file, with: ChartRenderer())
    }

    /// The real renderer: PNG through ``PNGEncoder`` on the chart's pixels, SVG and PDF through cairo, with
    /// the task's `charts` engine.
    static func renderFile(_ file: ExportFile, with charts: ChartRenderer) throws -> RenderedFile {
        try file.chart.spec.checkDrawableValues()
        let rendered = file.isEditableSVG ? try charts.renderEditableSVG(file.chart.spec)
            : try charts.renderDetailed(file.chart.spec, format: file.format)
        return RenderedFile(bytes: rendered.bytes, altText: rendered.altText)
    }

    private enum FileResult: Sendable {
        case written(ExportManifest.Entry)
        /// Unchanged since the previous run; its entry is at `offset` in the spool.
        case skipped(file: String, offset: Int)
        case failed(file: String, message: String)
    }

    /// The files of one job: its spec is made here, then each format is skipped, written or failed.
    private static func produce(_ job: ExportJob, previous: [PreviousManifest.Record?], force: Bool, svgText: Bool,
                                in directory: String,
                                stop: StopFlag, render: (ExportFile) throws -> RenderedFile) -> [FileResult] {
        let chart: ExportChart
        do {
            switch job.chart {
            case let .ready(ready): chart = ready
            case let .recipe(recipe): chart = try recipe.chart()
            }
        } catch {
            return job.formats.map { .failed(file: "\(job.name).\($0.rawValue)", message: "\(error)") }
        }
        var results: [FileResult] = []
        for (format, record) in zip(job.formats, previous) {
            if stop.isSet { break }
            let file = ExportFile(chart: chart, format: format, svgText: svgText)
            let inputHash = file.inputHash
            if !force, let record, isUpToDate(record, inputHash: inputHash, path: directory + "/" + file.fileName) {
                results.append(.skipped(file: file.fileName, offset: record.spoolOffset))
                continue
            }
            do {
                let rendered = try render(file)
                try AtomicFile.write(rendered.bytes, to: directory + "/" + file.fileName)
                results.append(.written(ExportManifest.Entry(
                    file: file.fileName, metrics: chart.metrics, entity: chart.entity, kind: chart.spec.kind.rawValue,
                    format: format.rawValue, inputHash: inputHash, sha256: SHA256.hex(rendered.bytes),
                    bytes: rendered.bytes.count, title: chart.spec.title, altText: rendered.altText.text)))
            } catch {
                results.append(.failed(file: file.fileName, message: "\(error)"))
            }
        }
        return results
    }

    private static func isUpToDate(_ record: PreviousManifest.Record, inputHash: String, path: String) -> Bool {
        guard PreviousManifest.Digest(hex: inputHash) == record.inputHash,
              let data = FileManager.default.contents(atPath: path)
        else { return false }
        return data.count == record.bytes && PreviousManifest.Digest(hex: SHA256.hex(data)) == record.sha256
    }

    /// Temporary files left by a run that was killed outright (`.NAME.PID.tmp`).
    private func removeStaleTemporaryFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") { unlink(path(name)) }
    }

    private func path(_ name: String) -> String { directory + "/" + name }
}

/// One export at a time per folder: an exclusive `flock` on `DIR/.trendplot-export.lock`, held until the run ends
/// (the system drops it when the process dies, even by SIGKILL). A second export into the folder refuses at once.
final class ExportLock {
    private let fd: Int32

    init(directory: String) throws {
        let path = directory + "/.trendplot-export.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileWritingError(path: path, action: "create", errno: Errno(rawValue: errno))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw ExportFolderBusy(directory: directory)
        }
    }

    deinit { close(fd) }
}

/// Another export holds the folder's lock.
public struct ExportFolderBusy: Error, Sendable, CustomStringConvertible {
    /// The export folder.
    public let directory: String

    public var description: String {
        "\(directory): another trendplot export is writing to this folder; wait for it to finish or choose another folder (-o)"
    }
}
