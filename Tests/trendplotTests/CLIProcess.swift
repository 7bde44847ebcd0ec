import Foundation
import TestSupport

/// Runs the built `trendplot` binary as a user would, for tests that assert what it prints on stderr and the exit
/// code (the in-process commands share one stderr between parallel tests).
enum CLIProcess {
    /// The binary beside the test bundle (`.build/debug/trendplot`).
    static let tool: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("trendplot")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return RepoPaths.root.appendingPathComponent(".build/debug/trendplot")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `trendplot args…` in `directory` (default: the repository root) and waits for it.
    static func run(_ args: [String], in directory: URL = RepoPaths.root, environment: [String: String]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = tool
        p.arguments = args
        p.currentDirectoryURL = directory
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes while the process runs (a full pipe would block it).
        let group = DispatchGroup()
        nonisolated(unsafe) var outBytes = Data(), errBytes = Data()
        group.enter()
        DispatchQueue.global().async { outBytes = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errBytes = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outBytes, as: UTF8.self),
                      stderr: String(decoding: errBytes, as: UTF8.self))
    }

    /// A fresh scratch folder.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
