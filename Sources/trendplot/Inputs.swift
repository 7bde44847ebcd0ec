import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

/// How every command reads DATA: report files through the extractor, tidy CSV/JSON as they are, folders recursively.
enum Inputs {
    /// Reads one report file into observations (sources name the file by its last path component).
    static let reportReader: DatasetLoader.ReportReader = { bytes, file in
        try ReportExtractor.extract(bytes, file: (file as NSString).lastPathComponent).observations
    }

    /// A dataset loader that reads reports, tidy CSV and tidy JSON.
    static func loader(aliases: EntityAliases = EntityAliases()) -> DatasetLoader {
        DatasetLoader(aliases: aliases, reportReader: reportReader)
    }

    /// Reads `paths` (files and folders; `-` for stdin) into `builder` in command-line order — the order decides
    /// which of two printed values is kept — with up to `jobs` files read in parallel.
    static func read(_ paths: [String], with loader: DatasetLoader, into builder: inout DatasetBuilder, jobs: Int? = nil) {
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var pending: [String] = []
        for (i, item) in paths.enumerated() {
            if item != "-" { pending.append(item) }
            guard item == "-" || i == paths.count - 1 else { continue }
            let (files, errors) = DatasetLoader.expand(pending)
            for e in errors { builder.addError(e) }
            loader.read(files, into: &builder, jobs: jobs)
            pending = []
            if item == "-" {
                builder.addFile("-")
                loader.read(bytes: Array(FileHandle.standardInput.readDataToEndOfFile()), file: "-", into: &builder)
            }
        }
    }

    /// Loads `paths` into one dataset and reports its problems on stderr.
    /// - Throws: exit code 2 when nothing could be read and there were errors.
    static func loadDataset(_ paths: [String], aliases: EntityAliases = EntityAliases(), jobs: Int? = nil) throws -> Dataset {
        var builder = DatasetBuilder(aliases: aliases)
        read(paths, with: loader(aliases: aliases), into: &builder, jobs: jobs)
        let dataset = builder.build()
        reportProblems(dataset)
        if dataset.count == 0 && !dataset.errors.isEmpty { throw ExitCode(2) }
        return dataset
    }

    /// Writes the dataset's read errors and conflicts to stderr.
    static func reportProblems(_ dataset: Dataset) {
        var err = ""
        for e in dataset.errors { err += "trendplot: warning: \(e)\n" }
        if !dataset.conflicts.isEmpty {
            err += "trendplot: \(dataset.conflicts.count) value(s) disagree between sources (kept printed, then first):\n"
            for c in dataset.conflicts.prefix(20) { err += "  \(c)\n" }
            if dataset.conflicts.count > 20 { err += "  … and \(dataset.conflicts.count - 20) more (see trendplot check)\n" }
        }
        if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
    }
}
