import Charts
import Foundation
@testable import Publishing
import ReportReading
import SeriesModel
import Synchronization
import TestSupport
import Testing

@Suite("trendplot export")
struct ExportTests {
    static let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/mudanjiang/mudanjiang_2020_table2.csv").path

    static func observations() throws -> [Observation] { DatasetLoader().load([csv]).observations() }

    /// Three metric charts of the real 牡丹江 2020 table in PNG and SVG: six files.
    static func files(_ observations: [Observation]) -> [ExportFile] {
        let wanted = ["licensing.items", "penalty.items", "licensing.decisions"]
        return ExportPlan.charts(observations, per: .metric, kind: .line)
            .filter { wanted.contains($0.metrics[0]) }
            .flatMap { chart in [OutputFormat.png, .svg].map { ExportFile(chart: chart, format: $0) } }
    }

    func tempDir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d.path
    }

    func read(_ path: String) throws -> [UInt8] { try #require(FileManager.default.contents(atPath: path)).map { $0 } }

    @Test("the plan has one chart per non-zero metric and per body's drawable view, with unique file names")
    func plan() throws {
        let obs = try Self.observations()
        let nonZero = Set(obs.filter { $0.value != 0 }.map(\.metric))
        let perMetric = ExportPlan.charts(obs, per: .metric, kind: .line)
        let perEntity = ExportPlan.charts(obs, per: .entity, kind: .line)
        #expect(perMetric.count == nonZero.count)
        #expect(Set(perMetric.map(\.name)).count == perMetric.count)
        #expect(perEntity.allSatisfy { $0.entity == "牡丹江市人民政府" })
        #expect(ExportPlan.charts(obs, per: .both, kind: .bar).count == perMetric.count + perEntity.count)
        let items = try #require(perMetric.first { $0.metrics == ["licensing.items"] })
        #expect(items.name == "metric_licensing.items" && items.spec.title == "行政许可·项目数量")
        // The items view of the 表二 table: 行政许可 and 行政处罚 items, 2019 and 2020, as named rows.
        let group = try #require(perEntity.first { $0.metrics.contains("licensing.items") })
        #expect(group.metrics.contains("penalty.items") && group.name == "entity_牡丹江市人民政府_items")
        #expect(group.spec.series.first { $0.label == "行政许可" }?.presentValues == [5434, 4794])
    }

    @Test("a run writes every file, a manifest whose hashes match the bytes, and the gallery")
    func manifestAndGallery() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = Self.files(try Self.observations())
        let outcome = try await ExportRunner(directory: dir, jobs: 2).run(files)
        #expect(outcome.written.count == 6 && outcome.skipped.isEmpty && outcome.failures.isEmpty && !outcome.interrupted)
        let manifest = try #require(ExportManifest.read(from: dir))
        #expect(manifest.files.count == outcome.manifestEntries)
        // Both files are streamed: the same bytes as the whole-file writers give for the manifest read back.
        #expect(try read(dir + "/manifest.json") == manifest.json())
        // The index lists the charts in plan order (catalog order here), not by file name.
        #expect(String(decoding: try read(dir + "/index.html"), as: UTF8.self)
            == GalleryPage.html(manifest, order: files.map(\.chart.name).uniquedInOrder()))
        #expect(manifest.files.map(\.file) == files.map(\.fileName).sorted())
        for entry in manifest.files {
            let bytes = try read(dir + "/" + entry.file)
            #expect(entry.sha256 == SHA256.hex(bytes) && entry.bytes == bytes.count)
        }
        let png = try #require(manifest.files.first { $0.file == "metric_licensing.items.png" })
        #expect(png.metrics == ["licensing.items"] && png.entity == nil && png.kind == "line" && png.format == "png")
        #expect(png.altText.contains("由2019年的5,434项降至2020年的4,794项"))
        #expect(try read(dir + "/metric_licensing.items.png").prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        let html = String(decoding: try read(dir + "/index.html"), as: UTF8.self)
        #expect(html.contains("<img src=\"metric_licensing.items.png\""))
        #expect(html.contains("<a href=\"metric_penalty.items.svg\">SVG</a>"))
        #expect(html.contains("行政许可·项目数量") && html.contains("5,434"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test("unchanged charts are skipped; changed data, a deleted file and --force redraw")
    func skipLogic() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var obs = try Self.observations()
        _ = try await ExportRunner(directory: dir, jobs: 2).run(Self.files(obs))
        let first = try read(dir + "/manifest.json")
        let again = try await ExportRunner(directory: dir, jobs: 2).run(Self.files(obs))
        #expect(again.written.isEmpty && again.skipped.count == 6)
        // Unchanged files keep their entries: the manifest is the same, byte for byte.
        #expect(try read(dir + "/manifest.json") == first)

        let i = try #require(obs.firstIndex { $0.metric == "penalty.items" })
        obs[i].value += 1
        try FileManager.default.removeItem(atPath: dir + "/metric_licensing.items.svg")
        let changed = try await ExportRunner(directory: dir, jobs: 2).run(Self.files(obs))
        #expect(changed.written == ["metric_licensing.items.svg", "metric_penalty.items.png", "metric_penalty.items.svg"])
        #expect(changed.skipped.count == 3)

        let forced = try await ExportRunner(directory: dir, jobs: 1, force: true).run(Self.files(obs))
        #expect(forced.written.count == 6 && forced.skipped.isEmpty)
    }

    @Test("a failing chart is reported, the others are written, and the next run draws only it")
    func failureReporting() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = Self.files(try Self.observations())
        var failing = ExportRunner(directory: dir, jobs: 2)
        failing.render = { file in
            if file.fileName == "metric_penalty.items.png" {
                throw ChartError(stage: "laying out", chart: file.chart.spec.title, message: "injected failure")
            }
            return try ExportRunner.renderFile(file)
        }
        let outcome = try await failing.run(files)
        #expect(outcome.failures.count == 1)
        #expect(outcome.failures.first?.file == "metric_penalty.items.png")
        #expect(outcome.failures.first?.message == "laying out 行政处罚·项目数量: injected failure")
        #expect(outcome.written.count == 5)
        #expect(!FileManager.default.fileExists(atPath: dir + "/metric_penalty.items.png"))
        #expect(outcome.manifestEntries == 5 && ExportManifest.read(from: dir)?.files.count == 5)
        let rerun = try await ExportRunner(directory: dir, jobs: 2).run(files)
        #expect(rerun.written == ["metric_penalty.items.png"] && rerun.skipped.count == 5 && rerun.failures.isEmpty)
    }

    @Test("a stop request finishes the files in progress, leaves no partial file, and a rerun completes the rest")
    func stopAndResume() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = Self.files(try Self.observations())
        let stop = StopFlag()
        let rendered = Mutex(0)
        var runner = ExportRunner(directory: dir, jobs: 1, stop: stop)
        runner.render = { file in
            let result = try ExportRunner.renderFile(file)
            if rendered.withLock({ $0 += 1; return $0 }) == 2 { stop.set() }   // Ctrl-C during the second file
            return result
        }
        let outcome = try await runner.run(files)
        #expect(outcome.interrupted && outcome.written.count == 2)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()   // the lock file stays, empty
        #expect(onDisk == (outcome.written + [".trendplot-export.lock", "index.html", "manifest.json"]).sorted())
        let rest = try await ExportRunner(directory: dir, jobs: 2).run(files)
        #expect(rest.written.count == 4 && rest.skipped.count == 2 && !rest.interrupted)
    }

    @Test("the lazy plan draws what the eager plan lists, and a rerun skips every file")
    func lazyPlan() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let obs = try Self.observations()
        let plan = LazyExportPlan(obs, per: .both, kind: .line)
        let charts = ExportPlan.charts(obs, per: .both, kind: .line)
        #expect(plan.chartCount == charts.count && plan.map(\.name) == charts.map(\.name))
        #expect(try plan.map { try $0.chart() } == charts)
        let outcome = try await ExportRunner(directory: dir, jobs: 2).run(plan, formats: [.svg])
        #expect(outcome.written == charts.map { $0.name + ".svg" }.sorted() && outcome.failures.isEmpty)
        let manifest = try #require(ExportManifest.read(from: dir))
        let items = try #require(manifest.files.first { $0.file == "metric_licensing.items.svg" })
        #expect(items.altText.contains("由2019年的5,434项降至2020年的4,794项"))
        #expect(items.inputHash == ExportFile(chart: try #require(charts.first { $0.name == "metric_licensing.items" }),
                                              format: .svg).inputHash)
        let rerun = try await ExportRunner(directory: dir, jobs: 2).run(plan, formats: [.svg])
        #expect(rerun.written.isEmpty && rerun.skipped.count == charts.count)
    }

    @Test("compact observations give back each body's and each metric's observations in input order")
    func compactObservations() throws {
        var obs = try Self.observations()
        // A second body with different years, interleaved, so input order and grouping differ.
        obs += obs.prefix(40).map { var o = $0; o.entity = "另一单位"; o.year += 1; o.derived = true; return o }
        obs.swapAt(0, obs.count - 1)
        let data = CompactObservations(obs)
        #expect(data.count == obs.count && data.entities == ["另一单位", "牡丹江市人民政府"])
        #expect(data.observations(ofEntity: 0) == obs.filter { $0.entity == "另一单位" })
        #expect(data.observations(ofEntity: 1) == obs.filter { $0.entity == "牡丹江市人民政府" })
        #expect(data.observations(ofMetric: "licensing.items") == obs.filter { $0.metric == "licensing.items" })
        #expect(data.metrics.count == Set(obs.map(\.metric)).count)
    }

    @Test("atomic writes replace whole files and clean up stale temporary files")
    func atomicWrites() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write(Array("old".utf8), to: dir + "/a.txt")
        try AtomicFile.write(Array("new content".utf8), to: dir + "/a.txt")
        #expect(try read(dir + "/a.txt") == Array("new content".utf8))
        #expect(throws: FileWritingError.self) { try AtomicFile.write([1], to: dir + "/missing/b.txt") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.txt"])
        // A run killed outright leaves `.NAME.PID.tmp`; the next run removes it.
        try Data([0, 1]).write(to: URL(fileURLWithPath: dir + "/.metric_licensing.items.png.4242.tmp"))
        _ = try await ExportRunner(directory: dir, jobs: 1).run(Array(Self.files(try Self.observations()).prefix(1)))
        #expect(!FileManager.default.fileExists(atPath: dir + "/.metric_licensing.items.png.4242.tmp"))
    }
}

@Suite("ExportManifest")
struct ExportManifestTests {
    @Test("json() writes the bytes JSONEncoder writes (pretty, sorted keys, slashes kept), for any entry")
    func sameBytesAsJSONEncoder() throws {
        let odd = ExportManifest.Entry(
            file: "entity_a/b \"c\".png", metrics: [], entity: nil, kind: "bar", format: "png",
            inputHash: String(repeating: "0", count: 64), sha256: String(repeating: "f", count: 64), bytes: 0,
            title: "tab\there\\back", altText: "折线图：行政许可\n控制\u{01}\u{1F}字符\r\u{08}\u{0C}")
        let plain = ExportManifest.Entry(
            file: "metric_licensing.items.svg", metrics: ["licensing.items", "penalty.items"], entity: "牡丹江市人民政府",
            kind: "line", format: "svg", inputHash: "ab", sha256: "cd", bytes: 61_234, title: "行政许可·项目数量",
            altText: "由2019年的5,434项降至2020年的4,794项")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for files in [[], [plain], [odd, plain]] {
            let manifest = ExportManifest(files: files)
            #expect(String(decoding: manifest.json(), as: UTF8.self)
                == String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n")
            #expect(try JSONDecoder().decode(ExportManifest.self, from: Data(manifest.json())) == manifest)
        }
    }
}

@Suite("SHA256")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test("a million a's, fed in uneven pieces")
    func millionAs() {
        var hasher = SHA256()
        var left = 1_000_000, piece = 1
        while left > 0 {
            let n = min(piece, left)
            hasher.update([UInt8](repeating: 0x61, count: n))
            left -= n
            piece = piece * 7 % 1000 + 1
        }
        #expect(hasher.finalize().map { String(format: "%02x", $0) }.joined()
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
