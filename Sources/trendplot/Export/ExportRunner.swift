import Charts
import Foundation
import Synchronization

/// A request to stop a running export (Ctrl-C): files being written are finished, no new chart is started.
final class StopFlag: Sendable {
    private let stopped = Atomic<Bool>(false)

    var isSet: Bool { stopped.load(ordering: .acquiring) }

    func set() { stopped.store(true, ordering: .releasing) }
}

/// What one file's rendering produced.
struct RenderedFile: Sendable {
    var bytes: [UInt8]
    var altText: AltText
}

/// The result of ``ExportRunner/run(_:progress:)``.
struct ExportOutcome: Sendable {
    /// Files drawn and written in this run.
    var written: [String] = []
    /// Files whose inputs were unchanged and whose output was still in place.
    var skipped: [String] = []
    /// Files that failed, with the reason.
    var failures: [(file: String, message: String)] = []
    /// True when a stop request left files undone.
    var interrupted = false
    var manifest = ExportManifest()
}

/// Draws the files of an export in parallel and keeps `manifest.json` and `index.html` up to date.
///
/// Every file is written atomically (temporary name, then rename); a file whose input hash matches the previous
/// manifest and whose bytes still match its recorded SHA-256 is skipped unless `force`; a failing chart is
/// recorded and the rest go on. Only values (``ExportFile`` in, ``RenderedFile`` out) cross tasks; every cairo
/// object lives inside the task that renders.
struct ExportRunner: Sendable {
    var directory: String
    /// Files rendered at once.
    var jobs: Int
    var force = false
    var stop = StopFlag()
    /// Draws one file instead of the real renderer; tests inject failures here.
    var render: (@Sendable (ExportFile) throws -> RenderedFile)?

    /// Progress after each finished file: files done (written, skipped or failed) out of the total.
    typealias Progress = (_ done: Int, _ total: Int) -> Void

    func run(_ files: [ExportFile], progress: Progress = { _, _ in }) async throws -> ExportOutcome {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        removeStaleTemporaryFiles()
        let previous = force ? [:] : Dictionary(
            (ExportManifest.read(from: directory)?.files ?? []).map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        var outcome = ExportOutcome()
        var entries: [String: ExportManifest.Entry] = [:]
        var pending: [ExportFile] = []
        for file in files {
            if let old = previous[file.fileName], isUpToDate(old, file) {
                entries[file.fileName] = old
                outcome.skipped.append(file.fileName)
            } else {
                pending.append(file)
            }
        }
        var done = outcome.skipped.count
        progress(done, files.count)

        let (directory, render, stop) = (directory, render, stop)
        // Files go out in small chunks, one task per chunk, so that one Pango engine (a ChartRenderer, which
        // never leaves its task) serves several charts while progress and Ctrl-C stay responsive.
        let chunk = Self.chunkSize(pending: pending.count, jobs: jobs)
        await withTaskGroup(of: [FileResult].self) { group in
            var next = 0
            func startNext() -> Bool {
                guard next < pending.count, !stop.isSet else { return false }
                let files = Array(pending[next..<min(next + chunk, pending.count)])
                next += files.count
                group.addTask {
                    let charts = ChartRenderer()
                    var results: [FileResult] = []
                    for file in files {
                        if stop.isSet { break }
                        results.append(Self.produce(file, in: directory) { try render?($0) ?? Self.renderFile($0, with: charts) })
                    }
                    return results
                }
                return true
            }
            for _ in 0..<max(jobs, 1) {
                if !startNext() { break }
            }
            var finished = 0
            for await results in group {
                for result in results {
                    switch result {
                    case let .written(entry):
                        entries[entry.file] = entry
                        outcome.written.append(entry.file)
                    case let .failed(file, message):
                        outcome.failures.append((file, message))
                    }
                }
                finished += results.count
                done += results.count
                progress(done, files.count)
                _ = startNext()
            }
            outcome.interrupted = finished < pending.count
        }
        outcome.written.sort()
        outcome.failures.sort { $0.file < $1.file }
        outcome.manifest.files = entries.values.sorted { $0.file < $1.file }
        // Both files list every chart: written straight from their one buffer, without further copies.
        try outcome.manifest.json().withUnsafeBytes { try FileWriting.writeAtomically($0, to: path(ExportManifest.fileName)) }
        var html = GalleryPage.html(outcome.manifest)
        try html.withUTF8 { try FileWriting.writeAtomically(UnsafeRawBufferPointer($0), to: path(GalleryPage.fileName)) }
        return outcome
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
        let rendered = try charts.renderDetailed(file.chart.spec, format: file.format)
        return RenderedFile(bytes: rendered.bytes, altText: rendered.altText)
    }

    private enum FileResult: Sendable {
        case written(ExportManifest.Entry)
        case failed(file: String, message: String)
    }

    private static func produce(_ file: ExportFile, in directory: String,
                                render: (ExportFile) throws -> RenderedFile) -> FileResult {
        do {
            let rendered = try render(file)
            try FileWriting.writeAtomically(rendered.bytes, to: directory + "/" + file.fileName)
            return .written(ExportManifest.Entry(
                file: file.fileName, metrics: file.chart.metrics, entity: file.chart.entity,
                kind: file.chart.spec.kind.rawValue, format: file.format.rawValue, inputHash: file.inputHash,
                sha256: SHA256.hex(rendered.bytes), bytes: rendered.bytes.count, title: file.chart.spec.title,
                altText: rendered.altText.text))
        } catch {
            return .failed(file: file.fileName, message: "\(error)")
        }
    }

    private func isUpToDate(_ entry: ExportManifest.Entry, _ file: ExportFile) -> Bool {
        guard entry.inputHash == file.inputHash, let data = FileManager.default.contents(atPath: path(file.fileName))
        else { return false }
        return data.count == entry.bytes && SHA256.hex(data) == entry.sha256
    }

    /// Temporary files left by a run that was killed outright (`.NAME.PID.tmp`).
    private func removeStaleTemporaryFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") { unlink(path(name)) }
    }

    private func path(_ name: String) -> String { directory + "/" + name }
}
