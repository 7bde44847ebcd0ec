import ArgumentParser
import Foundation
import Publishing
import ReportReading
import SeriesModel

/// How DATA is read, the same in every command that reads it: `--alias FILE` and `--no-ocr`.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("alias"), help: ArgumentHelp(
        "别名 Alias file mapping old body names to current ones: CSV with the header alias,entity, or YAML "
            + "(current name: [old names]). Kept in a data folder, it is not read as data.", valueName: "FILE"))
    var alias: String?

    @Flag(name: .customLong("no-ocr"), help: "不识别扫描页 Do not OCR scanned PDF pages (or pages whose text layer is garbled); report them instead.")
    var noOCR = false

    /// How reports are read.
    var reading: ReadOptions { Inputs.reading(ocr: !noOCR) }

    /// The alias table of `--alias` (empty without it).
    /// - Throws: ``RuntimeFailure`` naming the file when it cannot be read, ``InputError`` for a bad line.
    func aliases() throws -> EntityAliases {
        guard let alias else { return EntityAliases() }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: alias, isDirectory: &isDir), !isDir.boolValue else {
            throw RuntimeFailure(message: "--alias \(alias): no such file (expected a CSV alias,entity or a YAML alias file)")
        }
        guard let bytes = FileManager.default.contents(atPath: alias) else {
            throw RuntimeFailure(message: "--alias \(alias): cannot read the file (check that you may read it)")
        }
        return try EntityAliases.read(Array(bytes), file: alias)
    }

    /// Reads `paths` with these options (the alias file itself is never read as data) and reports the problems on
    /// stderr. `options` carries a command's own overrides (extract's `--name`, `--year`, `--template`).
    func load(_ paths: [String], options: ExtractionOptions? = nil, jobs: Int? = nil) throws -> (inputs: LoadedInputs, aliases: EntityAliases) {
        let aliases = try aliases()
        var o = options ?? ExtractionOptions()
        o.reading = reading
        let inputs = Inputs.load(paths, aliases: aliases, options: o, jobs: jobs, excluded: alias.map { [$0] } ?? [])
        return (inputs, aliases)
    }
}

/// `--metric`, the same in every command: an id, a Chinese or English label, a unique part of one, or a pattern
/// with `*`; near misses get "did you mean".
struct MetricOptions: ParsableArguments {
    @Option(name: .customLong("metric"), help: ArgumentHelp(
        "指标 A metric (repeatable): its id, its Chinese label or a unique part of it (许可·处理决定); * matches any run "
            + "of characters ('applications.*.total'); see `trendplot metrics`.", valueName: "ID"))
    var metrics: [String] = []

    /// The metric ids the texts name, each checked against `available` (the data's metrics): a text that names
    /// no metric, or a metric the data does not hold, is an error on stderr (exit 1) and left out.
    /// - Throws: ``RuntimeFailure`` when `--metric` was given and none is left.
    func resolve(available: [String], data: [String]) throws -> [String] {
        try Self.resolve(metrics, available: available, data: data)
    }

    /// ``resolve(available:data:)`` for `texts` (e.g. a spec file's `metrics`).
    static func resolve(_ texts: [String], available: [String], data: [String]) throws -> [String] {
        guard !texts.isEmpty else { return [] }
        var out: [String] = [], failures: [String] = []
        for text in texts {
            do {
                let id = try MetricPattern.resolve(text, available: available)
                let pattern = MetricPattern(id)
                if pattern.isPattern {
                    if available.contains(where: pattern.matches) { out.append(id) } else {
                        failures.append("--metric “\(text)” matches no metric of \(data.joined(separator: " "))")
                    }
                } else if available.contains(id) {
                    out.append(id)
                } else {
                    failures.append("--metric “\(text)”" + (text == id ? "" : " (\(id))")
                                    + ": no observation of it in \(data.joined(separator: " "))")
                }
            } catch {
                failures.append(error.description)
            }
        }
        return try Self.outcome(out, failures, nothing: "no --metric names a metric of the data; nothing to show")
    }
}

extension MetricOptions {
    /// What a lookup ends with: the names found, each failure an error on stderr (exit 1); when nothing was found,
    /// the failure itself (one) or all of them after `nothing` (several) as the command's error (exit 2).
    static func outcome(_ found: [String], _ failures: [String], nothing: String) throws -> [String] {
        guard !found.isEmpty else {
            throw RuntimeFailure(message: failures.count == 1 ? failures[0] : ([nothing] + failures).joined(separator: "\n  "))
        }
        for f in failures { Diagnostics.itemFailed(f) }
        return found.uniquedInOrder()
    }
}

/// `--entity`, the same in every command: a body's name, an old name of it (`--alias`) or a unique part of a name.
struct EntityOptions: ParsableArguments {
    @Option(name: .customLong("entity"), help: ArgumentHelp(
        "机关 Only this body (repeatable): its name, an old name (--alias) or a unique part of it (平潭).", valueName: "NAME"))
    var entities: [String] = []

    /// The names of `names` the texts mean; one that names no body or several is an error on stderr naming the
    /// candidates (exit 1) and left out.
    /// - Throws: ``RuntimeFailure`` when `--entity` was given and none is left.
    func resolve(in names: [String], aliases: EntityAliases) throws -> [String] {
        try Self.resolve(entities, in: names, aliases: aliases)
    }

    /// ``resolve(in:aliases:)`` for `texts` (e.g. a spec file's `entities`).
    static func resolve(_ texts: [String], in names: [String], aliases: EntityAliases) throws -> [String] {
        guard !texts.isEmpty else { return [] }
        var out: [String] = [], failures: [String] = []
        for text in texts {
            do {
                out.append(try EntityLookup.resolve(text, in: names, aliases: aliases))
            } catch {
                failures.append(error.description)
            }
        }
        return try MetricOptions.outcome(out, failures, nothing: "no --entity names a body in the data; nothing to show")
    }
}
