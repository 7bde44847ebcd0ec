import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

/// How every command reads DATA: through ReportReading's ``InputLoader`` (reports through the extractor, tidy
/// CSV/JSON as they are, folders recursively, `-` for stdin), with its problems on stderr.
enum Inputs {
    /// The report file kinds every reader in the registry takes, for help texts: `.htm, .html, .md, …`.
    static var reportExtensions: String { DocumentReaders.extensions.sorted().map { "." + $0 }.joined(separator: ", ") }

    /// The help of DATA, the same in every command that reads it.
    static var dataHelp: String {
        "数据 Report files (\(reportExtensions)), tidy CSV/TSV/JSON files, or folders of them (read recursively); - reads stdin."
    }

    /// Reads `paths` in command-line order — the order decides which of two printed values is kept — and reports
    /// read errors, skipped files and conflicts on stderr.
    static func load(_ paths: [String], aliases: EntityAliases = EntityAliases(), options: ExtractionOptions = .init(reading: reading()),
                     jobs: Int? = nil, excluded: [String] = []) -> LoadedInputs {
        var loader = InputLoader(aliases: aliases, options: options)
        if let jobs { loader.jobs = jobs }
        loader.excluded = excluded
        let inputs = loader.load(paths)
        reportProblems(inputs)
        return inputs
    }

    /// How reports are read: OCR of scanned PDF pages unless `ocr` is false, with a progress line on stderr per page.
    static func reading(ocr: Bool = true) -> ReadOptions {
        ReadOptions(ocr: ocr) { file, page, seconds in
            FileHandle.standardError.write(Data("trendplot: OCR \(file) page \(page): \(String(format: "%.1f", seconds)) s\n".utf8))
        }
    }

    /// Loads `paths` into one dataset and reports its problems on stderr.
    /// - Throws: exit code 2 when nothing could be read and there were errors.
    static func loadDataset(_ paths: [String], aliases: EntityAliases = EntityAliases(), jobs: Int? = nil) throws -> Dataset {
        let inputs = load(paths, aliases: aliases, jobs: jobs)
        if inputs.isUnusable { throw ExitCode(ExitStatus.unusable) }
        return inputs.dataset
    }

    /// Writes the read errors (each an item that failed: the command exits 1, or 2 when nothing was read), skipped
    /// files and conflicts to stderr.
    static func reportProblems(_ inputs: LoadedInputs) {
        for e in inputs.skipped { Diagnostics.note("\(e)") }
        for e in inputs.dataset.errors { Diagnostics.itemFailed("\(e)") }
        let conflicts = inputs.dataset.conflicts
        if !conflicts.isEmpty {
            var lines = ["\(conflicts.count) value(s) disagree between sources (kept printed, then first):"]
            lines += conflicts.prefix(20).map { "  \($0)" }
            if conflicts.count > 20 { lines.append("  … and \(conflicts.count - 20) more (see trendplot check)") }
            Diagnostics.warning(lines.joined(separator: "\n"))
        }
    }
}

