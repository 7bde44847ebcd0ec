import ArgumentParser
import Foundation
@testable import Publishing
@testable import ReportReading
import SeriesModel
import SystemPackage
import TestSupport
import Testing
@testable import trendplot

/// Review ux-reliability: the full disk (S3-12), bad bytes (S3-15), exit codes (S3-16), Foundation errors (S3-17),
/// the CSV readers (S3-21), sources (S3-22), sparklines (S3-23), the check message (S3-26), help (S3-27) and the
/// cheap S4 items. Each test names the item it reproduces and asserts the message and exit code a user sees.
@Suite(.serialized) struct ReviewItemsTests {
    // MARK: S3-12 full disk

    /// A small file system that fills up: a 1 MiB tmpfs when one can be mounted (root), else writes there fail with
    /// ENOSPC through AtomicFile's injection once `budget` bytes were written. Never skipped: one of the two runs.
    final class FullDisk {
        let folder: URL
        let mounted: Bool
        init(mount: Bool) throws {
            folder = try CLIProcess.scratch().appendingPathComponent("disk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/mount")
            p.arguments = ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.path]
            p.standardError = FileHandle.nullDevice
            if mount, getuid() == 0, (try? p.run()) != nil { p.waitUntilExit(); mounted = p.terminationStatus == 0 } else { mounted = false }
        }
        deinit {
            if mounted {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/bin/umount")
                p.arguments = [folder.path]
                try? p.run()
                p.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        }
    }

    /// Run twice: on a real full file system when one can be mounted, and always through the injected failure.
    @Test(arguments: [true, false])
    func s3_12_exportOnAFullDiskListsEveryFileNotWrittenAndKeepsTheManifestTrue(mount: Bool) async throws {
        let disk = try FullDisk(mount: mount)
        let out = disk.folder.appendingPathComponent("c")
        var failed: [String] = []
        var written: Int
        if disk.mounted {
            let r = try CLIProcess.run(["export", RepoPaths.datasets.path, "--formats", "png", "--jobs", "2", "-o", out.path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("trendplot: error: \(out.path): the disk is full: "))
            #expect(r.stderr.contains("manifest.json and index.html list the"))
            #expect(r.stderr.contains("not drawn: the disk is full") || r.stderr.contains("could not write the file: the disk is full"))
            failed = r.stderr.split(separator: "\n").filter { $0.hasPrefix("trendplot: error: \(out.path)/") }.map(String.init)
            written = 0
        } else {
            // No mount: every chart write fails with ENOSPC; the workbook, the manifest and the index still fit.
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let charts = out.path + "/metric_"
            AtomicFile.injectedFailures.withLock { $0[charts] = .noSpace }
            defer { _ = AtomicFile.injectedFailures.withLock { $0.removeValue(forKey: charts) } }
            let cmd = try ExportCommand.parse([RepoPaths.dataset("pingtan").path, "--formats", "png", "--metric", "licensing.*", "-o", out.path])
            await #expect(throws: ExitCode(1)) { try await cmd.run() }
            written = 0
        }
        // Whatever is on disk matches the manifest (size and SHA-256), and nothing unlisted is left.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as! [String: Any]
        let entries = manifest["files"] as! [[String: Any]]
        for e in entries {
            let bytes = try Data(contentsOf: out.appendingPathComponent(e["file"] as! String))
            #expect(bytes.count == e["bytes"] as! Int)
            #expect(SHA256.hex(Array(bytes)) == e["sha256"] as! String)
        }
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }
        #expect(Set(charts) == Set(entries.map { $0["file"] as! String }))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        if disk.mounted {
            #expect(!failed.isEmpty)
            #expect(entries.count > 0 && entries.count + written < 226)
        } else {
            #expect(entries.isEmpty)
        }
    }

    /// `extract -o` and `trends -o` on a full disk: exit 2, the path and "the disk is full", the old file kept, no
    /// temporary file left.
    @Test(arguments: [true, false])
    func s3_12_extractAndTrendsOutputOnAFullDiskLeaveNoHalfFile(mount: Bool) throws {
        let disk = try FullDisk(mount: mount)
        let target = disk.folder.appendingPathComponent("all.csv")
        try Data("precious\n".utf8).write(to: target)
        if disk.mounted {
            // Fill the disk to the last byte.
            let filler = disk.folder.appendingPathComponent("filler")
            _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
            let fd = try FileDescriptor.open(FilePath(filler.path), .writeOnly)
            let block = [UInt8](repeating: 7, count: 4096)
            while (try? fd.writeAll(block)) != nil {}
            try fd.close()
            for args in [["extract", RepoPaths.dataset("pingtan/pingtan_2022.html").path, "-o", target.path],
                         ["trends", RepoPaths.dataset("pingtan").path, "--format", "csv", "-o", target.path]] {
                let r = try CLIProcess.run(args)
                #expect(r.status == 2, "\(args[0])")
                #expect(r.stderr.contains("trendplot: error: \(target.path): could not write the file: the disk is full (free some space and run again)"), "\(r.stderr)")
                #expect(!r.stderr.contains("NSCocoaErrorDomain"))
                #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")
                #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted() == ["all.csv", "filler"])
            }
        } else {
            let prefix = disk.folder.path + "/"
            AtomicFile.injectedFailures.withLock { $0[prefix] = .noSpace }
            defer { _ = AtomicFile.injectedFailures.withLock { $0.removeValue(forKey: prefix) } }
            let cmd = try ExtractCommand.parse([RepoPaths.dataset("pingtan/pingtan_2022.html").path, "-o", target.path])
            #expect { try cmd.runBody() } throws: { e in
                Diagnostics.describe(e) == "\(target.path): could not write the file: the disk is full (free some space and run again)"
            }
            #expect(try String(contentsOf: target, encoding: .utf8) == "precious\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path) == ["all.csv"])
        }
    }

    // MARK: S3-15 one bad byte

    /// A report with a few bytes that are not UTF-8 is read lossily with a warning naming the first one; a value
    /// the damage touches is not emitted; every other value is the same as from the undamaged file. Bytes that are
    /// mostly not UTF-8 are refused with the offset and line of the first bad byte.
    @Test func s3_15_oneBadByteIsNamedAndOnlyTheValuesItTouchesAreLeftOut() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = Array(try Data(contentsOf: RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt")))
        let good = try CLIProcess.run(["extract", RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt").path])
        func rows(_ csv: String) -> Set<String> {
            Set(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(4).joined(separator: ",") })
        }
        let all = rows(good.stdout)
        #expect(all.count == 203)

        // A flipped bit in the last digit but one of 387576 (行政许可's 本年处理决定数量): 0x37 → 0xB7.
        let row = Array("行政许可 5434 -640 3875".utf8)
        let at = (0...(original.count - row.count)).first { Array(original[$0..<$0 + row.count]) == row }! + row.count
        var flipped = original
        flipped[at] = 0xB7
        let line = original[..<at].filter { $0 == 10 }.count + 1
        let digit = dir.appendingPathComponent("digit.txt")
        try Data(flipped).write(to: digit)
        let d = try CLIProcess.run(["extract", digit.path])
        #expect(d.status == 1)
        #expect(d.stderr.contains("warning: byte \(at) (line \(line)): 1 byte(s) are not UTF-8 (the first here) and were read as �; values the damage could change are not emitted"))
        let kept = rows(d.stdout)
        #expect(!kept.contains("牡丹江市人民政府,2020,licensing.decisions,387576"))
        #expect(!kept.contains { $0.hasPrefix("牡丹江市人民政府,2020,licensing.decisions,") })
        #expect(kept.isSubset(of: all))                        // nothing that was not in the good file
        #expect(kept.count >= 199)

        // A download cut in the middle of a character: every value, and the warning.
        let cut = dir.appendingPathComponent("cut.txt")
        try Data(original + [0xE5, 0xB9]).write(to: cut)
        let c = try CLIProcess.run(["extract", cut.path])
        #expect(c.status == 0)
        #expect(rows(c.stdout) == all)
        #expect(c.stderr.contains("warning: byte \(original.count) (line "))

        // Mostly not UTF-8 (and not GB18030): refused, naming the first bad byte.
        var junk = Array("表二\n".utf8)
        for i in 0..<400 { junk += [0xFF, UInt8(0x41 + i % 20)] }
        let bad = dir.appendingPathComponent("bad.txt")
        try Data(junk).write(to: bad)
        let r = try CLIProcess.run(["extract", bad.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.txt: byte 7 (line 2): the bytes are neither UTF-8 nor GB18030/GBK text: the first byte that is not UTF-8 is here"), "\(r.stderr)")
        #expect(TextDecoding.firstInvalidUTF8(Array("平潭".utf8) + [0xE5, 0xB9]) == 6)
        #expect(TextDecoding.damagedUTF8(Array("平潭".utf8) + [0xB7] + Array("县".utf8)) == [6])
    }

    // MARK: S3-16 exit codes match the messages

    @Test func s3_16_exitCodesMatchTheMessages() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A report cut inside 表二: error lines, so exit 1 (not 0).
        let text = try String(contentsOf: RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt"), encoding: .utf8)
        let cut = dir.appendingPathComponent("cut.txt")
        try Data(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(262).joined(separator: "\n").utf8).write(to: cut)
        let extract = try CLIProcess.run(["extract", cut.path])
        #expect(extract.status == 1)
        #expect(extract.stderr.contains("  error: table 4: 表四 was not found (its heading or rows are missing)"))
        // A missing folder among good inputs: 1; only missing: 2; never a usage text.
        let trends = try CLIProcess.run(["trends", RepoPaths.dataset("pingtan").path, dir.appendingPathComponent("no-such-dir").path])
        #expect(trends.status == 1)
        #expect(trends.stderr.contains("trendplot: error: \(dir.path)/no-such-dir: no such file or folder"))
        // A folder with only a PDF that is no PDF: check exits 2 and says so.
        let pdfs = dir.appendingPathComponent("pdfs")
        try FileManager.default.createDirectory(at: pdfs, withIntermediateDirectories: true)
        try Data("%PDF-1.4 broken".utf8).write(to: pdfs.appendingPathComponent("a.pdf"))
        let check = try CLIProcess.run(["check", pdfs.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("trendplot: error: no report could be read from \(pdfs.path); nothing was checked"))
        // I/O errors of plot and brief: exit 2 with the path, no usage text (not 64).
        let file = dir.appendingPathComponent("afile")
        try Data("x".utf8).write(to: file)
        let plot = try CLIProcess.run(["plot", RepoPaths.dataset("pingtan").path, "--metric", "licensing.decisions", "-o", file.path + "/x.png"])
        let brief = try CLIProcess.run(["brief", RepoPaths.dataset("pingtan").path, "-o", file.path + "/x.pdf"])
        for r in [plot, brief] {
            #expect(r.status == 2)
            #expect(r.stderr.contains("trendplot: error: \(file.path)/x.p"))
            #expect(r.stderr.contains("\(file.path) is a file, not a folder"))
            #expect(!r.stderr.contains("Usage:") && !r.stderr.contains("NSCocoaErrorDomain"))
        }
        // Fatal conditions are errors, not warnings.
        let nothing = try CLIProcess.run(["trends", dir.appendingPathComponent("no-such.csv").path])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.hasPrefix("trendplot: error: "))
        #expect(!nothing.stderr.contains("warning"))
    }

    // MARK: S3-17 no raw Foundation text

    @Test func s3_17_noFoundationErrorTextAnywhere() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("afile")
        try Data("x".utf8).write(to: file)
        let export = try CLIProcess.run(["export", RepoPaths.dataset("pingtan").path, "--formats", "svg", "-o", file.path])
        #expect(export.status == 2)
        #expect(export.stderr.contains(file.path))
        let extract = try CLIProcess.run(["extract", RepoPaths.dataset("pingtan/pingtan_2022.html").path, "-o", dir.path + "/missing/dir/x.csv"])
        #expect(extract.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/missing/dir/x.csv"))
        for r in [export] {
            #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("UserInfo") && !r.stderr.contains("file://"))
        }
        // Errors met while reading a file become sentences before they reach a briefing's appendix (its read errors
        // are the loader's InputErrors).
        let wrapped = InputError.wrap(file: "./ok/locked.html")(CocoaError(.fileReadNoPermission, userInfo: [
            NSFilePathErrorKey: "/abs/ok/locked.html", NSURLErrorKey: URL(fileURLWithPath: "/abs/ok/locked.html")]))
        #expect(wrapped.description == "./ok/locked.html: permission denied (check that you may read it)")
        #expect(!wrapped.description.contains("NSCocoaErrorDomain") && !wrapped.description.contains("file://"))
        let raw = CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: "/d/locked.html"])
        #expect(ErrorText.sentence(raw) == "/d/locked.html: permission denied (check that you may read it)")
        #expect(ErrorText.sentence(NSError(domain: NSCocoaErrorDomain, code: 640, userInfo: [NSFilePathErrorKey: "/v/x.csv"]))
                == "/v/x.csv: the disk is full (free some space and run again)")
    }

    // MARK: S3-21 the CSV readers

    @Test func s3_21_csvReaderMessages() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let header = "entity,year,metric,value,unit,label,source,derived\n"
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        // 1E+15 as Excel writes it.
        let excel = try write("excel.csv", Array((header + "某县,2020,licensing.decisions,1E+15,,,,false\n").utf8))
        let e = try CLIProcess.run(["trends", excel, "--format", "csv"])
        #expect(e.status == 0)
        #expect(e.stdout.contains("\n某县,licensing.decisions,2020,1000000000000000,"))
        // An unterminated quote is reported as such, with its line.
        let quote = try write("quote.csv", Array((header + "某县,2020,licensing.decisions,5,,,,false\n\"某市,2021,licensing.decisions,6,,,,false\n").utf8))
        let q = try CLIProcess.run(["trends", quote, "--format", "csv"])
        #expect(q.status == 1)
        #expect(q.stderr.contains("\(quote): line 3: a quoted field opens here (\") and is never closed"))
        // Extra fields in a row: an error naming file:line.
        let ragged = try write("ragged.csv", Array((header + "某县,2020,licensing.decisions,5,件,,,false,extra\n某县,2021,licensing.decisions,6,,,,false\n").utf8))
        let g = try CLIProcess.run(["trends", ragged, "--format", "csv"])
        #expect(g.status == 1)
        #expect(g.stderr.contains("\(ragged): line 2: 9 fields, but the header has 8: a comma inside a value must be quoted"))
        #expect(g.stdout.contains("某县,licensing.decisions,2021,6,"))
        // A header-only CSV: named, exit 2 (nothing read).
        let only = try write("only.csv", Array(header.utf8))
        let h = try CLIProcess.run(["trends", only])
        #expect(h.status == 2)
        #expect(h.stderr.contains("\(only): line 2: no rows after the header"))
        // UTF-16 (Notepad "Unicode") with its BOM is read; without a BOM it is told to be saved as UTF-8.
        let text = header + "某县,2020,licensing.decisions,7,,,,false\n"
        let utf16 = try write("u16.csv", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let u = try CLIProcess.run(["trends", utf16, "--format", "csv"])
        #expect(u.status == 0, "\(u.stderr)")
        #expect(u.stdout.contains("某县,licensing.decisions,2020,7,"))
        let bare = try write("bare.txt", text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let b = try CLIProcess.run(["extract", bare])
        #expect(b.status == 2)
        #expect(b.stderr.contains("the text is UTF-16 without a byte order mark: save it as UTF-8"))
        // .tsv is tab-separated tidy data.
        let tsv = try write("t.tsv", Array("entity\tyear\tmetric\tvalue\n某县\t2020\tlicensing.decisions\t8\n某县\t2021\tlicensing.decisions\t1,234\n".utf8))
        let t = try CLIProcess.run(["trends", tsv, "--format", "csv"])
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout.contains("某县,licensing.decisions,2021,1234,1226,"))
    }

    /// Misspelt spec keys are named with the nearest known key; every key docs/chart-spec.md documents is known.
    @Test func s3_21_misspeltSpecKeysAreWarnedWithDidYouMean() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("s.yaml")
        try Data("""
            version: 1
            titel: 测试
            data: [\(RepoPaths.dataset("pingtan").path)]
            metrics: [licensing.decisions]
            annotations:
              trendline: true
            size: {width: 600, hieght: 400}

            """.utf8).write(to: spec)
        let r = try CLIProcess.run(["plot", "--spec", spec.path, "-o", dir.appendingPathComponent("s.svg").path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("trendplot: warning: \(spec.path), line 2: unknown key “titel” is ignored; did you mean “title”?"))
        #expect(r.stderr.contains("line 6: unknown key “annotations.trendline” is ignored; did you mean “annotations.trendLine”?"))
        #expect(r.stderr.contains("line 7: unknown key “size.hieght” is ignored; did you mean “size.height”?"))
        let doc = try String(contentsOf: RepoPaths.root.appendingPathComponent("docs/chart-spec.md"), encoding: .utf8)
        var documented: [String] = []
        for line in doc.split(separator: "\n") where line.hasPrefix("| `") {
            let first = line.dropFirst(2).prefix { $0 != "|" }
            documented += first.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        }
        #expect(documented.count >= 20)
        for key in documented {
            if key.hasPrefix("annotations.") {
                #expect(SpecKeys.annotations.contains(String(key.dropFirst("annotations.".count))), "\(key)")
            } else {
                #expect(SpecKeys.topLevel.contains(key), "\(key)")
            }
        }
        #expect(SpecKeys.warnings("version: 1\ntitle: x\n", file: "f").isEmpty)
    }

    // MARK: S3-22 sources keep the folder when base names collide

    @Test func s3_22_sourcesKeepTheRelativePathWhenBaseNamesCollide() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (year, file) in [("2021", "pingtan_2021.html"), ("2022", "pingtan_2022.html")] {
            let sub = dir.appendingPathComponent(year)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: RepoPaths.dataset("pingtan/\(file)"), to: sub.appendingPathComponent("report.html"))
        }
        let trends = try CLIProcess.run(["trends", dir.path, "--metric", "licensing.decisions", "--format", "csv"])
        #expect(trends.stdout.contains(",2021/report.html#table2[r7c2]"))
        #expect(trends.stdout.contains(",2022/report.html#table2[r7c2]"))
        let extract = try CLIProcess.run(["extract", dir.path, "--metric", "licensing.decisions"])
        #expect(extract.stdout.contains("2021/report.html#table2[r7c2]") && extract.stdout.contains("2022/report.html#table2[r7c2]"))
        // Distinct base names keep the short form.
        #expect(InputLoader.sourceNames(["d/a.txt", "d/b.txt"], roots: ["d"]).isEmpty)
    }

    // MARK: S3-23 sparkline

    @Test func s3_23_sparklineSaysWhatItLeavesOutAndRefusesItsSizeForOtherKinds() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = RepoPaths.dataset("pingtan").path
        let two = try CLIProcess.run(["plot", data, "--metric", "licensing.decisions", "--metric", "penalty.decisions", "--kind", "sparkline",
                                      "-o", dir.appendingPathComponent("s.svg").path])
        #expect(two.status == 0)
        #expect(two.stderr.contains("trendplot: warning: a sparkline draws one series; drawn: "))
        #expect(two.stderr.contains("left out: "))
        let size = try CLIProcess.run(["plot", data, "--metric", "licensing.decisions", "--size", "sparkline", "-o", dir.appendingPathComponent("l.svg").path])
        #expect(size.status == 64)
        #expect(size.stderr.contains("--size sparkline is the canvas of --kind sparkline, too small for the title, legend and axes of a line chart"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("l.svg").path))
    }

    // MARK: S3-26 the check message

    @Test func s3_26_theCarryOverMessageReadsAsArithmetic() throws {
        let shared = RepoPaths.sharedReports
        let r = try CLIProcess.run(["check", shared.appendingPathComponent("pingtan_2022.html").path, shared.appendingPathComponent("pingtan_2023.html").path])
        #expect(r.stdout.contains("2022 现行有效 698 + 制发 77 − 废止 132 = 643"), "\(r.stdout)")
        #expect(!r.stdout.contains("+ −"))
    }

    // MARK: S3-27 help

    @Test func s3_27_helpExamplesDoNotWrapAndTheVersionIsThere() throws {
        let commands: [any ParsableCommand.Type] = [TrendPlot.self, ExtractCommand.self, CheckCommand.self, TrendsCommand.self, PlotCommand.self,
                                                    BriefCommand.self, ExportCommand.self, DemoCommand.self, MetricsCommand.self]
        for command in commands {
            let discussion = command.configuration.discussion
            let examples = discussion.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("trendplot ") || $0.hasPrefix("--") }
            #expect(!examples.isEmpty)
            let help = command.helpMessage(columns: 80).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for line in examples { #expect(help.contains(line), "\(command.configuration.commandName ?? ""): “\(line)” is wrapped") }
        }
        let export = ExportCommand.helpMessage(columns: 200)
        #expect(export.contains("Charts drawn at once (default: the number of cores, "))
        #expect(!export.contains("(default: every core). (default:"))
        for help in [PlotCommand.helpMessage(columns: 200), ExportCommand.helpMessage(columns: 200), CheckCommand.helpMessage(columns: 200)] {
            #expect(help.contains("数据 Report files (.doc,") && help.contains("tidy CSV/TSV/JSON files"))
        }
        let version = try CLIProcess.run(["--version"])
        #expect(version.status == 0 && version.stdout == "trendplot \(TrendPlot.version)\n")
        let empty = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: empty) }
        let copy = empty.appendingPathComponent("trendplot")
        try FileManager.default.copyItem(at: CLIProcess.tool, to: copy)
        let p = Process()
        p.executableURL = copy
        p.arguments = ["demo", "-o", empty.appendingPathComponent("o").path]
        p.currentDirectoryURL = empty
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(text.contains("pass --data DIR"))
        #expect(!text.contains("Usage:"))
    }

    // MARK: S4

    @Test func s4_formulaInjectionIsEscapedAndNumbersStayNumbers() throws {
        #expect(TidyTable.escape("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(TidyTable.escape("@SUM(A1)") == "'@SUM(A1)")
        #expect(TidyTable.escape("+1+2") == "'+1+2")
        #expect(TidyTable.escape("\tx") == "'\tx")
        #expect(TidyTable.escape("-5") == "-5")
        #expect(TidyTable.escape("-640.5") == "-640.5")
        #expect(TidyTable.escape("+146") == "+146")
        #expect(TidyTable.escape("平潭综合实验区") == "平潭综合实验区")
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("i.csv")
        try Data("entity,year,metric,value\n=cmd|' /C calc'!A0,2020,licensing.decisions,-5\n=cmd|' /C calc'!A0,2021,licensing.decisions,3\n".utf8).write(to: csv)
        let r = try CLIProcess.run(["trends", csv.path, "--format", "csv"])
        #expect(r.stdout.contains("\n'=cmd|'/Ccalc'!A0,licensing.decisions,2020,-5,"))   // names lose their spaces
        #expect(!r.stdout.contains("\n=cmd"))
    }

    @Test func s4_highlightOutsideTheDataAndNegativeWidthAreNamed() throws {
        let dir = try CLIProcess.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = RepoPaths.dataset("pingtan").path
        let h = try CLIProcess.run(["plot", data, "--metric", "licensing.decisions", "--highlight", "1990", "-o", dir.appendingPathComponent("h.svg").path])
        #expect(h.status == 0)
        #expect(h.stderr.contains("trendplot: note: --highlight 1990: the chart has no value of that year (its years are 2019–2022); nothing is highlighted"))
        let w = try CLIProcess.run(["plot", data, "--metric", "licensing.decisions", "--width", "-5", "-o", dir.appendingPathComponent("w.svg").path])
        #expect(w.status == 64)
        #expect(w.stderr.contains("--width must be a positive number, found -5"))
        #expect(!w.stderr.contains("Missing value"))
    }
}
