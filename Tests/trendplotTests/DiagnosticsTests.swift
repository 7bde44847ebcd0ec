import ArgumentParser
import Foundation
import Publishing
import ReportReading
import TestSupport
import Testing
@testable import trendplot

/// One prefix style, one exit-code policy, and no raw Foundation error text.
@Suite("diagnostics")
struct DiagnosticsTests {
    @Test func foundationFileErrorsBecomeSentencesNamingThePath() throws {
        // createDirectory where a file is in the way: Foundation's error, as a user sees it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("diag-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try FileManager.default.createDirectory(at: file.appendingPathComponent("sub"), withIntermediateDirectories: true)
            Issue.record("createDirectory under a file should fail")
        } catch {
            let text = Diagnostics.describe(error)
            #expect(text.contains(file.path))
            #expect(!text.contains("NSCocoaErrorDomain"))
            #expect(!text.contains("UserInfo"))
        }
        let missing = Diagnostics.describe(CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/no/such.csv"]))
        #expect(missing == "/no/such.csv: no such file or folder")
    }

    @Test func writingIntoAFileIsARuntimeErrorWithExitTwo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("diag-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let out = file.appendingPathComponent("x.png").path
        let csv = RepoPaths.dataset("mudanjiang/mudanjiang_2020_table2.csv").path
        let cmd = try PlotCommand.parse([csv, "--metric", "licensing.items", "-o", out])
        #expect { try cmd.runBody() } throws: { e in
            let text = Diagnostics.describe(e)
            return text.contains(file.path) && text.contains("is a file, not a folder")
        }
        #expect(throws: ExitCode(2)) { try cmd.run() }
    }

    @Test func exitCodesFollowThePolicy() {
        #expect([ExitStatus.ok, ExitStatus.findings, ExitStatus.unusable] == [0, 1, 2])
        #expect(RuntimeFailure(message: "m").status == 2)
    }
}
