import Dispatch
import Foundation
import SeriesModel
import Synchronization

/// Reads DATA — any mix of report files (every format in ``DocumentReaders``), tidy CSV/JSON files, folders (read
/// recursively) and stdin (`-`) — into one ``Dataset``, keeping each report's ``ExtractionResult``.
///
/// Every command reads its inputs through this loader, and so can a library user:
///
/// ```swift
/// let inputs = InputLoader().load(["datasets/"])
/// var dataset = inputs.dataset                     // merged: printed values beat derived ones; conflicts kept
/// dataset.addIndicators()
/// let spec = try ChartSpec(dataset: dataset, metrics: ["licensing.decisions"])   // Publishing
/// let png = try Chart.render(spec, format: .png)                                  // Charts
/// let findings = ReportChecker.run(inputs.reports)                                 // the checks
/// ```
///
/// Files are read in the order given (a folder's files in path order), so the same inputs give the same dataset;
/// up to ``jobs`` files are read at once. A file that cannot be read becomes an error in ``Dataset/errors`` and the
/// others are still read.
public struct InputLoader: Sendable {
    /// Maps old entity names to current ones.
    public var aliases: EntityAliases
    /// Overrides for the reports' body, year and template.
    public var options: ExtractionOptions
    /// Files read at once.
    public var jobs: Int
    /// Files not to read as data, e.g. the alias file given with `--alias` when it sits in a data folder.
    public var excluded: [String] = []

    /// A loader; `jobs` defaults to the number of cores.
    public init(aliases: EntityAliases = EntityAliases(), options: ExtractionOptions = .init(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.aliases = aliases
        self.options = options
        self.jobs = max(1, jobs)
    }

    /// How a file is read.
    public enum FileKind: Sendable, Hashable {
        case tidy
        case report
    }

    /// The kind of `path` from its name: tidy for `.csv`/`.json`, report for any extension a ``DocumentReader``
    /// takes, nil for everything else.
    public static func kind(of path: String) -> FileKind? {
        if DatasetLoader.kind(of: path) != nil { return .tidy }
        return DocumentReaders.extensions.contains(DocumentReaders.fileExtension(path)) ? .report : nil
    }

    /// The files `paths` name: files as given, folders expanded recursively in path order to the report and tidy
    /// files in them; the other files a folder holds are returned as ``LoadedInputs/skipped`` with the reason.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [InputError], skipped: [InputError]) {
        let (found, errors, refused) = DatasetLoader.expand(paths, include: { kind(of: $0) != nil })
        var files: [String] = [], skipped = refused.map(skipReason)
        for file in found {
            if DatasetLoader.isAliasFile(file) {
                skipped.append(InputError(file: file, message: "not read as data: an alias file (header alias,entity); pass it with --alias \(file)"))
            } else {
                files.append(file)
            }
        }
        return (files, errors, skipped)
    }

    /// `files` without those ``excluded`` names (compared as absolute, standardised paths).
    public func withoutExcluded(_ files: [String]) -> [String] {
        guard !excluded.isEmpty else { return files }
        func key(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        let out = Set(excluded.map(key))
        return files.filter { !out.contains(key($0)) }
    }

    /// Why a folder's file was not read.
    static func skipReason(_ path: String) -> InputError {
        let ext = DocumentReaders.fileExtension(path)
        if let hint = DocumentReaders.unsupported[ext] {
            return InputError(file: path, message: "not read: this is \(hint)")
        }
        return InputError(file: path, message: "not read: not a report (\(DocumentReaders.extensions.sorted().joined(separator: ", "))) or tidy file (csv, json)")
    }

    /// Reads `paths` in order. `stdin` gives the bytes of `-` (read once, where `-` stands among the paths).
    public func load(_ paths: [String], stdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) -> LoadedInputs {
        var builder = DatasetBuilder(aliases: aliases)
        var out = LoadedInputs()
        var pending: [String] = []
        for (i, item) in paths.enumerated() {
            if item != "-" { pending.append(item) }
            guard item == "-" || i == paths.count - 1 else { continue }
            let (files, errors, skipped) = Self.expand(withoutExcluded(pending))
            for e in errors { builder.addError(e) }
            out.skipped += skipped.filter { withoutExcluded([$0.file]).count == 1 }
            let kept = withoutExcluded(files)
            read(kept, names: Self.sourceNames(kept, roots: pending), into: &builder, inputs: &out)
            pending = []
            if item == "-" {
                builder.addFile("-")
                readStdin(stdin(), into: &builder, inputs: &out)
            }
        }
        out.dataset = builder.build()
        return out
    }

    /// Reads `files` (no folders), runs of tidy files through ``DatasetLoader`` and runs of reports through the
    /// extractor, in order.
    private func read(_ files: [String], names: [String: String], into builder: inout DatasetBuilder, inputs: inout LoadedInputs) {
        var start = 0
        while start < files.count {
            let isReport = Self.kind(of: files[start]) == .report
            var end = start + 1
            while end < files.count && (Self.kind(of: files[end]) == .report) == isReport { end += 1 }
            let run = Array(files[start..<end])
            if isReport {
                readReports(run, names: names, into: &builder, inputs: &inputs)
            } else {
                let tidy = DatasetLoader(aliases: aliases)
                for file in run {
                    let before = builder.rowCount
                    tidy.read([file], into: &builder, jobs: 1)
                    inputs.tidyFiles.append(LoadedInputs.TidyFile(file: file, rows: builder.rowCount - before))
                }
            }
            start = end
        }
    }

    /// Extracts reports, up to ``jobs`` at a time, appending them in order.
    private func readReports(_ files: [String], names: [String: String], into builder: inout DatasetBuilder, inputs: inout LoadedInputs) {
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + jobs, files.count)])
            let results = Mutex<[Result<ExtractionResult, InputError>?]>(Array(repeating: nil, count: batch.count))
            let options = self.options
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let r = Result { try Self.extract(path: batch[i], name: names[batch[i]], options: options) }.mapError(InputError.wrap(file: batch[i]))
                results.withLock { $0[i] = r }
            }
            for (file, result) in zip(batch, results.withLock { $0 }) {
                builder.addFile(file)
                switch result {
                case let .success(r)?:
                    builder.add(contentsOf: r.observations)
                    inputs.reports.append(r)
                case let .failure(e)?:
                    builder.addError(e)
                case nil:
                    break
                }
            }
            start += batch.count
        }
    }

    private func readStdin(_ bytes: [UInt8], into builder: inout DatasetBuilder, inputs: inout LoadedInputs) {
        if DatasetLoader.sniff(bytes) != nil {
            let before = builder.rowCount
            DatasetLoader(aliases: aliases).read(bytes: bytes, file: "-", into: &builder)
            inputs.tidyFiles.append(LoadedInputs.TidyFile(file: "stdin", rows: builder.rowCount - before))
            return
        }
        do {
            let r = try ReportExtractor.extract(bytes, file: "stdin", options: options)
            builder.add(contentsOf: r.observations)
            inputs.reports.append(r)
        } catch {
            builder.addError(InputError.wrap(file: "stdin")(error))
        }
    }

    /// Reads and extracts one report file; sources name it `name`, by default its last path component.
    public static func extract(path: String, name: String? = nil, options: ExtractionOptions = .init()) throws -> ExtractionResult {
        let (bytes, base) = try ReportFile.read(path)
        do {
            return try ReportExtractor.extract(bytes, file: name ?? base, options: options)
        } catch let e as InputError where e.message.hasPrefix("the bytes are neither UTF-8") {
            guard let damaged = TextDecoding.damagedUTF8(bytes) else { throw e }
            return try extractDamaged(bytes, damaged: damaged, file: name ?? base, options: options, original: e)
        }
    }

    /// A UTF-8 report with a few bytes that are not UTF-8, read with each such byte as U+FFFD (review S3-15). A value
    /// the damage could touch must not be emitted as certain: the report is read three times, with the bytes read
    /// as U+FFFD, as `0` and as `1`, and only the values all three readings agree on are kept; the others are
    /// listed as not emitted. The place of the first damaged byte is named.
    static func extractDamaged(_ bytes: [UInt8], damaged: [Int], file: String, options: ExtractionOptions,
                               original: InputError) throws -> ExtractionResult {
        let readings: [ExtractionResult]
        do {
            readings = try [[0xEF, 0xBF, 0xBD], [0x30], [0x31]].map { replacement in
                try ReportExtractor.extract(TextDecoding.replacing(bytes, at: damaged, with: replacement), file: file, options: options)
            }
        } catch {
            throw original
        }
        var result = readings[0]
        let others = readings.dropFirst().map { r in
            Dictionary(r.observations.map { (ObservationKey(entity: $0.entity, year: $0.year, metric: $0.metric), $0.value) },
                       uniquingKeysWith: { a, _ in a })
        }
        var dropped: [String] = []
        result.observations = result.observations.filter { o in
            let key = ObservationKey(entity: o.entity, year: o.year, metric: o.metric)
            let agreed = others.allSatisfy { $0[key] == o.value }
            if !agreed { dropped.append(o.metric) }
            return agreed
        }
        let first = damaged[0]
        let line = bytes[..<first].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        let place = "byte \(first) (line \(line))"
        result.report.encoding += " (\(damaged.count) damaged byte\(damaged.count == 1 ? "" : "s"))"
        result.issues.insert(ExtractionIssue(
            severity: .warning, place: place,
            message: "\(damaged.count) byte(s) are not UTF-8 (the first here) and were read as �; "
                + "values the damage could change are not emitted; fix or re-download the file"), at: 0)
        if !dropped.isEmpty {
            result.issues.insert(ExtractionIssue(
                severity: .error, place: place,
                message: "\(dropped.count) value(s) not emitted because a damaged byte could change them: "
                    + dropped.prefix(8).joined(separator: ", ") + (dropped.count > 8 ? ", …" : "")), at: 1)
        }
        return result
    }

    /// The names sources give the files whose last path component is shared with another file of `files`: the
    /// path inside the folder of `roots` it was found in (`2020/report.txt`), else the path as given. Other files
    /// are named by their last path component (not in the result).
    public static func sourceNames(_ files: [String], roots: [String]) -> [String: String] {
        var count: [String: Int] = [:]
        for f in files { count[(f as NSString).lastPathComponent, default: 0] += 1 }
        var out: [String: String] = [:]
        for f in files where count[(f as NSString).lastPathComponent, default: 0] > 1 {
            let root = roots.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                .filter { f.hasPrefix($0 + "/") }.max { $0.count < $1.count }
            out[f] = root.map { String(f.dropFirst($0.count + 1)) } ?? f
        }
        return out
    }
}

/// Everything ``InputLoader`` read.
public struct LoadedInputs: Sendable {
    /// A tidy file and the rows it gave.
    public struct TidyFile: Sendable, Hashable {
        /// The path as given (or `stdin`).
        public var file: String
        /// Observations read from it.
        public var rows: Int
    }

    /// The merged observations, with read errors and conflicts between sources.
    public var dataset = Dataset([])
    /// Each report read, in input order: header, observations, blank cells, ambiguities, issues.
    public var reports: [ExtractionResult] = []
    /// Each tidy file read, in input order.
    public var tidyFiles: [TidyFile] = []
    /// Files in the folders given that were not read, each with the reason.
    public var skipped: [InputError] = []

    /// Files that could not be read (and paths that do not exist).
    public var errors: [InputError] { dataset.errors }
    /// True when nothing was read and something failed: the input is unusable.
    public var isUnusable: Bool { dataset.count == 0 && !dataset.errors.isEmpty }
}

/// Reading one report file's bytes, refusing folders, missing files and files too large to be a report before
/// reading them.
public enum ReportFile {
    /// The bytes of `path` (stdin for `-`) and the name used in sources (its last path component).
    public static func read(_ path: String) throws -> (bytes: [UInt8], name: String) {
        if path == "-" {
            return (Array(FileHandle.standardInput.readDataToEndOfFile()), "stdin")
        }
        let name = (path as NSString).lastPathComponent
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError(file: path, message: "no such file")
        }
        guard !isDir.boolValue else { throw InputError(file: path, message: "is a folder, expected a report file") }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        try ReportExtractor.checkSize(size, file: name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot be read (check that the file exists and that you may read it)")
        }
        return (Array(data), name)
    }
}

extension InputError {
    /// Wraps any error met while reading `file` as an ``InputError`` (InputErrors pass through unchanged).
    static func wrap(file: String) -> (any Error) -> InputError {
        { error in
            if let e = error as? InputError { return e }
            // A Foundation or system error in words, never its raw text (it would reach the briefing's appendix).
            return InputError(file: file, message: ErrorText.reason(error))
        }
    }
}
