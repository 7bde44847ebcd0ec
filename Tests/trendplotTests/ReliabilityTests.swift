import ArgumentParser
import Foundation
import TestSupport
import Testing
@testable import trendplot

/// Review ux-reliability: outputs that are never destroyed, and nothing skipped silently (S1-4, S1-5, S3-16, S3-17,
/// S3-21). Each test names the review item it reproduces.
@Suite struct ReliabilityTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func s1_4_extractLeavesAGoodFileAloneWhenEveryInputFails() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("all.csv")
        try Data("precious\n".utf8).write(to: out)
        let junk = dir.appendingPathComponent("junk.txt")
        try Data([0, 1, 2, 3, 0xFF]).write(to: junk)
        for input in [dir.appendingPathComponent("no-such-file.txt").path, junk.path] {
            let cmd = try ExtractCommand.parse([input, "-o", out.path])
            #expect(throws: ExitCode(2)) { try cmd.run() }
            #expect(try String(contentsOf: out, encoding: .utf8) == "precious\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["all.csv", "junk.txt"])
    }

    @Test func s3_16_extractExitsOneWhenSomeInputsFailAndWritesTheRest() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("made/on/the/way/p.csv")     // S3-17: missing folders are made
        let cmd = try ExtractCommand.parse([RepoPaths.dataset("pingtan/pingtan_2022.html").path,
                                            dir.appendingPathComponent("missing.txt").path, "-o", out.path])
        #expect(throws: ExitCode(1)) { try cmd.run() }
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 201)
        #expect(lines.contains { $0.hasPrefix("平潭综合实验区,2022,licensing.decisions,") })
    }

    @Test func s3_21_aHeaderOnlyCSVIsNamedAndTheExitCodeSaysIt() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let header = dir.appendingPathComponent("h.csv")
        try Data("entity,year,metric,value\n".utf8).write(to: header)
        #expect(throws: ExitCode(2)) { try TrendsCommand.parse([header.path]).run() }
        #expect(throws: ExitCode(2)) { try CheckCommand.parse([header.path]).run() }
        let good = RepoPaths.dataset("pingtan/pingtan_2022.html").path
        #expect(throws: ExitCode(1)) { try TrendsCommand.parse([header.path, good, "--format", "csv", "--metric", "licensing.decisions"]).run() }
    }

    @Test func s3_16_trendsWithAMissingFolderExitsOne() throws {
        let cmd = try TrendsCommand.parse([RepoPaths.dataset("pingtan/pingtan_2022.html").path, "/nonexistent/no-such-dir",
                                           "--format", "csv", "--metric", "licensing.decisions"])
        #expect(throws: ExitCode(1)) { try cmd.run() }
    }

    @Test func s3_18_s3_19_aMetricOrEntityThatMatchesNothingIsNamedAndTheExitCodeSaysIt() throws {
        let data = RepoPaths.dataset("pingtan/pingtan_2022.html").path
        #expect(throws: ExitCode(1)) {
            try TrendsCommand.parse([data, "--format", "csv", "--metric", "licensing.decisons", "--metric", "penalty.decisions"]).run()
        }
        #expect(throws: ExitCode(2)) { try TrendsCommand.parse([data, "--format", "csv", "--metric", "行政许可"]).run() }
        #expect(throws: ExitCode(2)) { try TrendsCommand.parse([data, "--format", "csv", "--entity", "牡丹江"]).run() }
        #expect(throws: Never.self) {
            try TrendsCommand.parse([data, "--format", "csv", "--entity", "平潭", "--metric", "行政许可·处理决定数量"]).run()
        }
    }

    /// As root a folder without permissions can still be read, so the command then runs as `nobody` (setpriv).
    @Test func s1_5_anUnreadableSubfolderIsNamedAndTheExitCodeSaysIt() throws {
        let dir = try Self.scratch()
        defer {
            chmod(dir.appendingPathComponent("d/sub").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        chmod(dir.path, 0o755)
        let sub = dir.appendingPathComponent("d/sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.dataset("pingtan/pingtan_2022.html"),
                                         to: dir.appendingPathComponent("d/pingtan_2022.html"))
        try FileManager.default.copyItem(at: RepoPaths.dataset("pingtan/pingtan_2021.html"),
                                         to: sub.appendingPathComponent("pingtan_2021.html"))
        chmod(dir.appendingPathComponent("d").path, 0o755)
        chmod(dir.appendingPathComponent("d/pingtan_2022.html").path, 0o644)
        chmod(sub.path, 0o000)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("trendplot")
        let tool = FileManager.default.fileExists(atPath: binary.path) ? binary
            : RepoPaths.root.appendingPathComponent(".build/debug/trendplot")
        func run(_ args: [String]) throws -> (status: Int32, stderr: String) {
            let p = Process()
            if getuid() == 0 {
                p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
                p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", tool.path] + args
            } else {
                p.executableURL = tool
                p.arguments = args
            }
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let bytes = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: bytes, as: UTF8.self))
        }
        let d = dir.appendingPathComponent("d").path
        let trends = try run(["trends", d, "--metric", "licensing.decisions", "--format", "csv"])
        #expect(trends.status == 1)
        #expect(trends.stderr.contains("\(sub.path): cannot read the folder"))
        let check = try run(["check", sub.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("\(sub.path): cannot read the folder"))
        let extract = try run(["extract", d])
        #expect(extract.status == 1)
        #expect(extract.stderr.contains("\(sub.path): cannot read the folder"))
    }
}
