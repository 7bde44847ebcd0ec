import Dispatch
import Foundation
import Synchronization

/// Loads tidy CSV/JSON files and folders of them (read recursively) into one ``Dataset``.
///
/// Files are read in the order given; a folder's files in path order, so the result is the same on every run.
/// An error in one file is recorded (``Dataset/errors``) and the other files are still read. Report files (text,
/// HTML, PDF, …) are read by `ReportReading`'s `InputLoader`, which uses this loader for the tidy files among them.
///
/// ```swift
/// var dataset = DatasetLoader(aliases: aliases).load(["tidy/", "extra.csv"])
/// ```
public struct DatasetLoader: Sendable {
    /// How a tidy file is read, chosen by its extension.
    public enum FileKind: String, Sendable, Hashable {
        case tidyCSV = "csv"
        case tidyJSON = "json"
        /// Tab-separated tidy data (`.tsv`), the same columns as CSV.
        case tidyTSV = "tsv"
    }

    /// Maps old entity names to current ones.
    public var aliases: EntityAliases

    /// Creates a loader.
    public init(aliases: EntityAliases = EntityAliases()) {
        self.aliases = aliases
    }

    /// The kind of tidy file `path` is, from its extension; nil for any other file.
    public static func kind(of path: String) -> FileKind? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": return .tidyCSV
        case "json": return .tidyJSON
        case "tsv": return .tidyTSV
        default: return nil
        }
    }

    /// True when `path` is a CSV file whose header is that of an alias file (`alias,entity`, see ``EntityAliases``):
    /// it maps names, it holds no observations.
    public static func isAliasFile(_ path: String) -> Bool {
        guard kind(of: path) == .tidyCSV, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var head = Array((try? handle.read(upToCount: 512)) ?? Data())
        if head.starts(with: TidyTable.byteOrderMark) { head.removeFirst(3) }
        let line = String(decoding: head.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self)
        let names = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return names.contains("alias") && names.contains("entity") && !names.contains("metric")
    }

    /// The files `paths` name: files as given, folders expanded recursively (hidden entries and README files
    /// skipped) in path order, keeping the files `include` accepts (by default the tidy files). Paths that do not
    /// exist become errors; files a folder holds that `include` refuses are returned as `skipped`.
    public static func expand(_ paths: [String], include: (String) -> Bool = { kind(of: $0) != nil })
        -> (files: [String], errors: [InputError], skipped: [String]) {
        var files: [String] = [], errors: [InputError] = [], skipped: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(InputError(file: path, message: "no such file or folder"))
                continue
            }
            guard isDir.boolValue else { files.append(path); continue }
            var found: [String] = [], refused: [String] = []
            walk(path, include: include, found: &found, refused: &refused, errors: &errors)
            if found.isEmpty && refused.isEmpty && !errors.contains(where: { $0.file == path }) {
                errors.append(InputError(file: path, message: "the folder holds no file to read"))
            }
            files.append(contentsOf: found.sorted())
            skipped.append(contentsOf: refused.sorted())
        }
        return (files, errors, skipped)
    }

    /// Collects the files under `folder` (hidden entries and README files skipped; symbolic links to folders not
    /// followed). A folder that cannot be listed is an error naming it — its files are not silently missing.
    private static func walk(_ folder: String, include: (String) -> Bool, found: inout [String], refused: inout [String],
                             errors: inout [InputError]) {
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder)
        } catch {
            let reason = access(folder, R_OK | X_OK) != 0 ? String(cString: strerror(errno)) : "it cannot be listed"
            errors.append(InputError(file: folder, message: "cannot read the folder (\(reason)): its files were not read; "
                                     + "check that you may read it"))
            return
        }
        for name in names {
            if name.hasPrefix(".") || name.uppercased().hasPrefix("README") { continue }
            let full = (folder as NSString).appendingPathComponent(name)
            let type = (try? fm.attributesOfItem(atPath: full))?[.type] as? FileAttributeType
            var isDir: ObjCBool = false
            let exists = fm.fileExists(atPath: full, isDirectory: &isDir)
            if type == .typeDirectory {
                walk(full, include: include, found: &found, refused: &refused, errors: &errors)
            } else if exists && !isDir.boolValue {
                if include(full) { found.append(full) } else { refused.append(full) }
            } else if !exists {
                errors.append(InputError(file: full, message: "cannot be read (a broken link, or no permission)"))
            }
        }
    }

    /// Reads every file and merges the observations; problems are collected in the dataset's `errors`.
    /// With `jobs` > 1, up to that many files are read at once; the result is the same as reading them in order.
    public func load(_ paths: [String], jobs: Int = 1) -> Dataset {
        var builder = DatasetBuilder(aliases: aliases)
        let (files, errors, _) = Self.expand(paths)
        for e in errors { builder.addError(e) }
        read(files, into: &builder, jobs: jobs)
        return builder.build()
    }

    /// Reads `files` (no folders) in order into `builder`, up to `jobs` files at a time.
    public func read(_ files: [String], into builder: inout DatasetBuilder, jobs: Int = 1) {
        let sizes = files.map { Self.kind(of: $0) == .tidyCSV || Self.kind(of: $0) == .tidyTSV ? Self.size(of: $0) : 0 }
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
        case .tidyTSV:
            TidyCSVScanner.read(path: path, file: path, into: &builder, expectedBytes: expectedBytes, separator: 9)
        case .tidyJSON, nil:
            guard let data = FileManager.default.contents(atPath: path) else {
                builder.addError(InputError(file: path, message: "cannot read the file"))
                return
            }
            read(bytes: Array(data), file: path, into: &builder)
        }
    }

    /// Reads the bytes of one input named `file` into `builder` (e.g. stdin, named `-`).
    /// A name without a known extension is sniffed: `[`/`{` → JSON, else CSV.
    public func read(bytes: [UInt8], file: String, into builder: inout DatasetBuilder) {
        let kind = Self.kind(of: file) ?? Self.sniff(bytes) ?? .tidyCSV
        do {
            switch kind {
            case .tidyCSV:
                TidyCSVScanner.read(bytes: bytes, file: file, into: &builder)
            case .tidyTSV:
                TidyCSVScanner.read(bytes: bytes, file: file, into: &builder, separator: 9)
            case .tidyJSON:
                builder.add(contentsOf: try TidyJSON.read(bytes, file: file))
            }
        } catch let e as InputError {
            builder.addError(e)
        } catch {
            builder.addError(InputError(file: file, message: "\(error)"))
        }
    }

    /// The tidy kind of bytes without a telling name (stdin): `[`/`{` → JSON, a tidy header → CSV, an empty input
    /// → CSV; nil for anything else (a report, for the loader that reads reports).
    public static func sniff(_ bytes: [UInt8]) -> FileKind? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.first(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) else { return .tidyCSV }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return .tidyJSON }
        let head = String(decoding: body.prefix(200), as: UTF8.self).lowercased()
        let firstLine = head.split(whereSeparator: \.isNewline).first ?? ""
        return firstLine.contains("entity") && firstLine.contains("metric") && firstLine.contains(",") ? .tidyCSV : nil
    }
}
