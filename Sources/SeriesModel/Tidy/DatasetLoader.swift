import Dispatch
import Foundation
import Synchronization

/// Loads any mix of report files, tidy CSV/JSON files and folders (read recursively) into one ``Dataset``.
///
/// Files are read in the order given; a folder's files in path order, so the result is the same on every run.
/// An error in one file is recorded (``Dataset/errors``) and the other files are still read.
///
/// ```swift
/// let loader = DatasetLoader(aliases: aliases) { bytes, file in
///     try ReportExtractor.extract(bytes, file: file, options: .init()).observations
/// }
/// var dataset = loader.load(["datasets/", "extra.csv"])
/// ```
public struct DatasetLoader: Sendable {
    /// Turns the bytes of one report file into observations.
    public typealias ReportReader = @Sendable (_ bytes: [UInt8], _ file: String) throws -> [Observation]

    /// How a file is read, chosen by its extension.
    public enum FileKind: String, Sendable, Hashable {
        case tidyCSV = "csv"
        case tidyJSON = "json"
        case report
    }

    /// Maps old entity names to current ones.
    public var aliases: EntityAliases
    /// Reads report files (`.txt`, `.html`, `.htm`, `.md`); nil when report reading is not available.
    public var reportReader: ReportReader?

    /// Creates a loader.
    public init(aliases: EntityAliases = EntityAliases(), reportReader: ReportReader? = nil) {
        self.aliases = aliases
        self.reportReader = reportReader
    }

    /// The kind of file `path` is, from its extension; nil for files a folder walk skips.
    public static func kind(of path: String) -> FileKind? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": return .tidyCSV
        case "json": return .tidyJSON
        case "txt", "html", "htm", "md", "markdown": return .report
        default: return nil
        }
    }

    /// The files `paths` name: files as given, folders expanded recursively (hidden entries and README files skipped) in path order.
    /// Paths that do not exist become errors.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = [], errors: [InputError] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(InputError(file: path, message: "no such file or folder"))
                continue
            }
            guard isDir.boolValue else { files.append(path); continue }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let rel = walker.nextObject() as? String {
                    let name = (rel as NSString).lastPathComponent
                    if name.hasPrefix(".") { walker.skipDescendants(); continue }
                    if name.uppercased().hasPrefix("README") { continue }
                    let full = (path as NSString).appendingPathComponent(rel)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue, kind(of: full) != nil {
                        found.append(full)
                    }
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, errors)
    }

    /// Reads every file and merges the observations; problems are collected in the dataset's `errors`.
    /// With `jobs` > 1, up to that many files are read at once; the result is the same as reading them in order.
    public func load(_ paths: [String], jobs: Int = 1) -> Dataset {
        var builder = DatasetBuilder(aliases: aliases)
        let (files, errors) = Self.expand(paths)
        for e in errors { builder.addError(e) }
        read(files, into: &builder, jobs: jobs)
        return builder.build()
    }

    /// Reads `files` (no folders) in order into `builder`, up to `jobs` files at a time.
    public func read(_ files: [String], into builder: inout DatasetBuilder, jobs: Int = 1) {
        let sizes = files.map { Self.kind(of: $0) == .tidyCSV ? Self.size(of: $0) : 0 }
        var remaining = sizes.reduce(0, +)
        guard jobs > 1 && files.count > 1 else {
            for (file, size) in zip(files, sizes) {
                read(path: file, into: &builder, expectedBytes: remaining)
                remaining -= size
            }
            return
        }
        // Batches of `jobs` files, each read into a builder of its own, appended in input order.
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + jobs, files.count)])
            let batchSizes = Array(sizes[start..<(start + batch.count)])
            let results = Mutex<[DatasetBuilder?]>(Array(repeating: nil, count: batch.count))
            let aliases = self.aliases
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                var own = DatasetBuilder(aliases: aliases)
                read(path: batch[i], into: &own, expectedBytes: batchSizes[i])
                results.withLock { $0[i] = own }
            }
            let done = results.withLock { list in
                let out = list
                list = []
                return out
            }
            for case let own? in done {
                if !builder.reservedByEstimate && own.rowCount > 0 {
                    // Estimate the rows of the whole input from the first file's bytes per row.
                    let perRow = Double(max(batchSizes[0], 1)) / Double(max(done[0]?.rowCount ?? 1, 1))
                    builder.reserve(builder.rowCount + Int(Double(remaining) / perRow * 1.01) + 1024)
                }
                builder.append(own)
            }
            remaining -= batchSizes.reduce(0, +)
            start += batch.count
        }
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Reads one file into `builder`; `expectedBytes` is the size of this and the later tidy CSV files, if known.
    public func read(path: String, into builder: inout DatasetBuilder, expectedBytes: Int? = nil) {
        builder.addFile(path)
        switch Self.kind(of: path) {
        case .tidyCSV:
            TidyCSVScanner.read(path: path, file: path, into: &builder, expectedBytes: expectedBytes)
        case .tidyJSON, .report, nil:
            guard let data = FileManager.default.contents(atPath: path) else {
                builder.addError(InputError(file: path, message: "cannot read the file"))
                return
            }
            read(bytes: Array(data), file: path, into: &builder)
        }
    }

    /// Reads the bytes of one input named `file` into `builder` (e.g. stdin, named `-`).
    /// A name without a known extension is sniffed: `[`/`{` → JSON, a tidy header → CSV, else a report.
    public func read(bytes: [UInt8], file: String, into builder: inout DatasetBuilder) {
        let kind = Self.kind(of: file) ?? Self.sniff(bytes)
        do {
            switch kind {
            case .tidyCSV:
                TidyCSVScanner.read(bytes: bytes, file: file, into: &builder)
            case .tidyJSON:
                builder.add(contentsOf: try TidyJSON.read(bytes, file: file))
            case .report:
                guard let reportReader else {
                    throw InputError(file: file, message: "report files cannot be read by this build: expected tidy CSV or JSON")
                }
                builder.add(contentsOf: try reportReader(bytes, file))
            }
        } catch let e as InputError {
            builder.addError(e)
        } catch {
            builder.addError(InputError(file: file, message: "\(error)"))
        }
    }

    static func sniff(_ bytes: [UInt8]) -> FileKind {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.first(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) else { return .tidyCSV }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return .tidyJSON }
        let head = String(decoding: body.prefix(200), as: UTF8.self).lowercased()
        let firstLine = head.split(whereSeparator: \.isNewline).first ?? ""
        return firstLine.contains("entity") && firstLine.contains("metric") && firstLine.contains(",") ? .tidyCSV : .report
    }
}
