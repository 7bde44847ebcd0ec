import Foundation
import TestSupport

/// A `.docx` read back by python-docx (`scripts/docx-dump.py`): what Word-compatible software finds in the file.
///
/// python-docx is installed by `scripts/install-deps.sh` (which `make test` runs). When python3 or python-docx is
/// missing the read-back throws, so the test that called it fails with the reason: it never passes unread.
struct DOCXReadBack: Decodable {
    struct Paragraph: Decodable, Hashable { let style: String; let text: String }
    struct Image: Decodable { let width: Int; let height: Int; let pixels: [Int]; let dpi: Double; let descr: String? }
    struct Footer: Decodable { let text: String; let fields: [String] }
    struct Core: Decodable { let title: String?; let subject: String?; let creator: String?; let created: String?; let modified: String? }

    let paragraphs: [Paragraph]
    let tables: [[[String]]]
    /// Per table, the (row, column) positions covered by the merged cell to their left or above.
    let merged: [[[Int]]]
    let images: [Image]
    let differentFirstPage: Bool
    let footer: Footer
    let firstFooterText: String
    /// Field instructions in the body (TOC, PAGEREF).
    let fields: [String]
    let fonts: [String: [String: String?]]
    let styles: [String]
    let settingsUpdateFields: Bool
    let core: Core
    let footnotes: [String]
    let endnotes: [String]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let script = RepoPaths.root.appendingPathComponent("scripts/docx-dump.py")

    /// Reads `url` with python-docx.
    /// - Throws: ``Failure`` with python's message when python3 or python-docx is missing or the file is unreadable.
    init(_ url: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.script.path, url.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch {
            throw Failure(description: "python3 could not be started (\(error)): install python3 and run scripts/install-deps.sh")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "reading \(url.lastPathComponent) back with python-docx failed (exit \(p.terminationStatus)): \(message)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        self = try decoder.decode(DOCXReadBack.self, from: data)
    }

    /// The paragraphs of `style`, their text.
    func texts(_ style: String) -> [String] { paragraphs.filter { $0.style == style }.map(\.text) }
}
