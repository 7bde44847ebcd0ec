import ArgumentParser
import Foundation
import Publishing
import SeriesModel
import TestSupport
import Testing
@testable import ReportReading
@testable import trendplot

/// Review ux-reliability S3-19, S3-20 (and S2-10): one set of data options — `--alias`, `--no-ocr`, `--metric`,
/// `--entity` — defined once and meaning the same in every command that reads data. The commands run as the built
/// binary, so that what they print on stderr and their exit codes are asserted as a user sees them.
@Suite struct SharedOptionsTests {
    static let pingtan = RepoPaths.dataset("pingtan").path
    static let datasets = RepoPaths.datasets.path

    /// Every command that reads data has the options, from the one definition.
    @Test func s3_20_everyDataCommandHasTheSharedOptions() {
        let all: [(String, String, Bool)] = [
            ("extract", ExtractCommand.helpMessage(columns: 200), true), ("check", CheckCommand.helpMessage(columns: 200), false),
            ("trends", TrendsCommand.helpMessage(columns: 200), true), ("plot", PlotCommand.helpMessage(columns: 200), true),
            ("brief", BriefCommand.helpMessage(columns: 200), true), ("export", ExportCommand.helpMessage(columns: 200), true),
        ]
        for (name, help, metric) in all {
            #expect(help.contains("--alias <FILE>"), "\(name)")
            #expect(help.contains("--no-ocr"), "\(name)")
            #expect(help.contains("--entity <NAME>"), "\(name)")
            #expect(help.contains("a unique part of it (平潭)"), "\(name)")
            #expect(help.contains("--metric <ID>") == metric, "\(name)")
        }
        let demo = DemoCommand.helpMessage(columns: 200)
        #expect(demo.contains("--alias <FILE>") && demo.contains("--no-ocr"))
        // extract's override of the body's name is --name, so --entity is the filter it is everywhere else.
        #expect(ExtractCommand.helpMessage(columns: 200).contains("--name <NAME>"))
    }

    /// A unique part of a name works in every command; an unmatched one names the nearest bodies, exit 2.
    @Test(arguments: ["extract", "check", "trends", "plot", "brief", "export"])
    func s3_19_entityMeansTheSameInEveryCommand(_ command: String) throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func args(_ entity: String) -> [String] {
            var a = [command, Self.pingtan, RepoPaths.dataset("mudanjiang").path, "--entity", entity]
            switch command {
            case "plot": a += ["--metric", "licensing.decisions", "-o", dir.appendingPathComponent("p.svg").path]
            case "brief": a += ["-o", dir.appendingPathComponent("b.pdf").path]
            case "export": a += ["--metric", "licensing.decisions", "--formats", "svg", "-o", dir.appendingPathComponent("e").path]
            case "trends", "extract": a += ["--metric", "licensing.decisions"]
            default: break
            }
            return a
        }
        let ok = try CLIProcess.run(args("平潭"))
        #expect(ok.status == 0, "\(ok.stderr)")
        if command == "check" {
            #expect(ok.stdout.contains("report(s)"))
            #expect(!ok.stdout.contains("mudanjiang_2020"))
        }
        if command == "trends" || command == "extract" {
            #expect(ok.stdout.contains("平潭综合实验区"))
            #expect(!ok.stdout.contains("牡丹江"))
        }
        let none = try CLIProcess.run(args("北京"))
        #expect(none.status == 2)
        #expect(none.stderr.contains("trendplot: error: --entity “北京” names no body in the data; the nearest: "))
        #expect(none.stderr.contains("平潭综合实验区") && none.stderr.contains("牡丹江市人民政府"))
        #expect(!none.stderr.contains("Usage:"))
    }

    @Test func s3_19_anAmbiguousPartOfANameIsAnErrorNamingTheCandidates() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("two.csv")
        try Data("entity,year,metric,value\n甲县,2020,licensing.decisions,1\n甲市,2020,licensing.decisions,2\n".utf8).write(to: csv)
        for command in [["trends", csv.path, "--format", "csv"], ["plot", csv.path, "--metric", "licensing.decisions", "-o", dir.appendingPathComponent("x.png").path]] {
            let r = try CLIProcess.run(command + ["--entity", "甲"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("--entity “甲” is part of 2 names (甲县、甲市): give more of the name"))
        }
        #expect(throws: EntityLookupError(text: "甲", candidates: ["甲县", "甲市"], ambiguous: true)) {
            try EntityLookup.resolve("甲", in: ["甲县", "甲市"])
        }
        #expect(try EntityLookup.resolve("甲县", in: ["甲县", "甲市"]) == "甲县")
    }

    /// `--alias` in every command; an alias CSV kept in the data folder is not read as tidy data.
    @Test func s3_20_aliasWorksInEveryCommandAndIsNotReadAsData() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.dataset("pingtan/pingtan_2022.html"), to: data.appendingPathComponent("pingtan_2022.html"))
        try Data("entity,year,metric,value\n平潭综合实验区管理委员会,2023,licensing.decisions,5\n".utf8).write(to: data.appendingPathComponent("x.csv"))
        let alias = data.appendingPathComponent("aliases.csv")
        try Data("alias,entity\n平潭综合实验区管理委员会,平潭综合实验区\n".utf8).write(to: alias)

        let without = try CLIProcess.run(["trends", data.path, "--metric", "licensing.decisions", "--format", "csv"])
        #expect(without.status == 0)
        #expect(without.stderr.contains("\(alias.path): not read as data: an alias file (header alias,entity); pass it with --alias"))
        #expect(without.stdout.contains("平潭综合实验区管理委员会,licensing.decisions,2023,5"))

        let with = try CLIProcess.run(["trends", data.path, "--metric", "licensing.decisions", "--format", "csv", "--alias", alias.path])
        #expect(with.status == 0)
        #expect(!with.stderr.contains("alias file"))
        #expect(with.stdout.contains("平潭综合实验区,licensing.decisions,2023,5,-10685,"))

        let plot = try CLIProcess.run(["plot", data.path, "--metric", "licensing.decisions", "--alias", alias.path, "--alt-text",
                                       "-o", dir.appendingPathComponent("p.svg").path])
        #expect(plot.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("p.svg.alt.txt"), encoding: .utf8).contains("1个系列"))

        let export = try CLIProcess.run(["export", data.path, "--alias", alias.path, "--metric", "licensing.decisions",
                                         "--formats", "svg", "-o", dir.appendingPathComponent("e").path])
        #expect(export.status == 0)
        let manifest = try String(contentsOf: dir.appendingPathComponent("e/manifest.json"), encoding: .utf8)
        #expect(!manifest.contains("管理委员会"))

        let brief = try CLIProcess.run(["brief", data.path, "--alias", alias.path, "--entity", "平潭综合实验区管理委员会",
                                        "-o", dir.appendingPathComponent("b.pdf").path])
        #expect(brief.status == 0, "\(brief.stderr)")

        let extract = try CLIProcess.run(["extract", data.appendingPathComponent("pingtan_2022.html").path, "--alias",
                                          dir.appendingPathComponent("no-such.csv").path])
        #expect(extract.status == 2)
        #expect(extract.stderr.contains("--alias \(dir.path)/no-such.csv: no such file"))
    }

    /// S3-20: export takes --metric (a Chinese label part) and --entity.
    @Test func s3_20_exportTakesMetricAndEntity() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("e")
        let r = try CLIProcess.run(["export", Self.datasets, "--metric", "许可·处理决定", "--entity", "平潭", "--formats", "png,svg", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["data.xlsx", "index.html", "manifest.json", "metric_licensing.decisions.png", "metric_licensing.decisions.svg"])
        let typo = try CLIProcess.run(["export", Self.datasets, "--metric", "licensing.decisons", "-o", out.path])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean “licensing.decisions”"))
    }

    /// The advice for a report without a title (or year, or template) points at an option that exists.
    @Test func s3_19_theAdviceForAReportWithoutATitleNamesARealOption() throws {
        #expect(ExtractionMessages.unknownEntity.hasSuffix("read it with `trendplot extract FILE --name NAME`"))
        #expect(ExtractionMessages.unknownYear.hasSuffix("read it with `trendplot extract FILE --year YYYY`"))
        #expect(ExtractionMessages.unknownTemplate.contains("`trendplot extract FILE --template 2019`"))
        for message in [ExtractionMessages.unknownEntity, ExtractionMessages.unknownYear, ExtractionMessages.unknownTemplate] {
            #expect(!message.contains("pass --entity"))
        }
        let untitled = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: untitled) }
        let named = try CLIProcess.run(["extract", RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt").path, "--name", "某县人民政府"])
        #expect(named.status == 0)
        #expect(named.stdout.contains("某县人民政府,2020,licensing.decisions,"))
        #expect(ExtractCommand.helpMessage(columns: 200).contains("--name <NAME>"))
    }

    /// S2-10: a warning past 12 series, a hard cap with what to do instead — before any layout (no minute-long run).
    @Test func s2_10_plotWarnsPastTwelveSeriesAndRefusesPastTheCap() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func csv(_ bodies: Int) throws -> String {
            var s = "entity,year,metric,value\n"
            for b in 0..<bodies { for y in 2019...2022 { s += "县\(b),\(y),licensing.decisions,\(b * 10 + y - 2000)\n" } }
            let url = dir.appendingPathComponent("b\(bodies).csv")
            try Data(s.utf8).write(to: url)
            return url.path
        }
        let warned = try CLIProcess.run(["plot", try csv(15), "--metric", "licensing.decisions", "-o", dir.appendingPathComponent("w.png").path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("trendplot: warning: the chart has 15 series (metrics × bodies); more than 12 are hard to tell apart: pass --entity NAME"))
        let start = Date()
        let refused = try CLIProcess.run(["plot", try csv(5000), "--metric", "licensing.decisions", "-o", dir.appendingPathComponent("r.png").path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("the chart would have 5000 series (metrics × bodies), more than the 40 one chart can show; pass --entity NAME"))
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.png").path))
        let rank = try CLIProcess.run(["plot", try csv(60), "--metric", "licensing.decisions", "--kind", "rank", "-o", dir.appendingPathComponent("k.png").path])
        #expect(rank.status == 0)
        #expect(!rank.stderr.contains("series"))
    }
}
