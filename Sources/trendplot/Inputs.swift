import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

/// How every command reads DATA: through ReportReading's ``InputLoader`` (reports through the extractor, tidy
/// CSV/JSON as they are, folders recursively, `-` for stdin), with its problems on stderr.
enum Inputs {
    /// Reads `paths` in command-line order — the order decides which of two printed values is kept — and reports
    /// read errors, skipped files and conflicts on stderr.
    static func load(_ paths: [String], aliases: EntityAliases = EntityAliases(), options: ExtractionOptions = .init(),
                     jobs: Int? = nil) -> LoadedInputs {
        var loader = InputLoader(aliases: aliases, options: options)
        if let jobs { loader.jobs = jobs }
        let inputs = loader.load(paths)
        reportProblems(inputs)
        return inputs
    }

    /// Loads `paths` into one dataset and reports its problems on stderr.
    /// - Throws: exit code 2 when nothing could be read and there were errors.
    static func loadDataset(_ paths: [String], aliases: EntityAliases = EntityAliases(), jobs: Int? = nil) throws -> Dataset {
        let inputs = load(paths, aliases: aliases, jobs: jobs)
        if inputs.isUnusable { throw ExitCode(2) }
        return inputs.dataset
    }

    /// Writes the read errors, skipped files and conflicts to stderr.
    static func reportProblems(_ inputs: LoadedInputs) {
        var err = ""
        for e in inputs.skipped { err += "trendplot: note: \(e)\n" }
        for e in inputs.dataset.errors { err += "trendplot: warning: \(e)\n" }
        let conflicts = inputs.dataset.conflicts
        if !conflicts.isEmpty {
            err += "trendplot: \(conflicts.count) value(s) disagree between sources (kept printed, then first):\n"
            for c in conflicts.prefix(20) { err += "  \(c)\n" }
            if conflicts.count > 20 { err += "  … and \(conflicts.count - 20) more (see trendplot check)\n" }
        }
        if !err.isEmpty { FileHandle.standardError.write(Data(err.utf8)) }
    }
}
