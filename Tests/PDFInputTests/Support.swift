import Foundation
@testable import PDFInput

enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repo = tests.deletingLastPathComponent().deletingLastPathComponent()
    /// The shared reports folder next to the repository (CI has it too).
    static let reports = repo.deletingLastPathComponent().appendingPathComponent("shared/reports")
    static let fixtures = tests.appendingPathComponent("Fixtures/pdf")

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}

extension PDFTable {
    /// The grid as text, one row a line, cells joined with ` | `, copies marked `^`.
    var dump: String {
        rows.map { row in
            "p\(row[0].page) " + row.map { ($0.isOrigin ? "" : "^") + $0.text.replacingOccurrences(of: "\n", with: "⏎") }.joined(separator: " | ")
        }.joined(separator: "\n")
    }
}
