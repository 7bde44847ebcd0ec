import ArgumentParser
import Foundation
import Testing
@testable import trendplot

/// `trendplot brief -o FILE.docx`: the extension chooses the Word document.
@Suite("trendplot brief -o .docx")
struct BriefDOCXCommandTests {
    static let pingtan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/pingtan").path

    @Test func writesTheSameDOCXTwiceWithNoTemporaryFileLeft() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-docx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("简报.DOCX").path
        try BriefCommand.parse([Self.pingtan, "-o", out]).run()
        let first = try #require(FileManager.default.contents(atPath: out))
        try BriefCommand.parse([Self.pingtan, "-o", out]).run()
        #expect(FileManager.default.contents(atPath: out) == first)
        #expect(Array(first.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        #expect(String(decoding: first, as: UTF8.self).contains("word/document.xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["简报.DOCX"])
    }

    @Test func otherExtensionsAreRefusedNamingBoth() {
        do {
            _ = try BriefCommand.parse([Self.pingtan, "-o", "b.odt"])
            Issue.record("-o b.odt was accepted")
        } catch {
            let message = BriefCommand.message(for: error)
            #expect(message.contains(".pdf") && message.contains(".docx"), "\(message)")
        }
    }
}
