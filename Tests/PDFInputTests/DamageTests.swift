import Foundation
import Testing
@testable import PDFInput

/// Damaged copies of the real PDF: truncated at several points and with bytes overwritten. Each read must end in
/// content or a ``PDFReadError`` naming the file, never a crash, and twice the same bytes give the same outcome.
@Suite struct DamageTests {
    static let original: [UInt8] = (try? Paths.bytes(Paths.reports.appendingPathComponent("hongze_2023.pdf"))) ?? []

    static func outcome(_ bytes: [UInt8]) -> String {
        do {
            let c = try PDFReader.read(bytes, file: "damaged.pdf")
            return "pages \(c.pages.count) tables \(c.tables.count) lines \(c.lines.count)"
        } catch {
            #expect(error.file == "damaged.pdf")
            return "error \(error)"
        }
    }

    @Test(arguments: [0.02, 0.1, 0.35, 0.6, 0.9, 0.999])
    func truncated(_ share: Double) {
        #expect(Self.original.count == 293_525)
        let cut = Array(Self.original.prefix(Int(Double(Self.original.count) * share)))
        let first = Self.outcome(cut)
        #expect(Self.outcome(cut) == first)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func overwritten(_ seed: Int) throws {
        try #require(Self.original.count == 293_525, "../shared/reports/hongze_2023.pdf is missing")
        var bytes = Self.original
        var x = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        for _ in 0..<(40 * seed) {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let at = Int((x >> 33) % UInt64(bytes.count - 16)) + 16     // keep the %PDF- header
            bytes[at] = UInt8(truncatingIfNeeded: x >> 13)
        }
        let first = Self.outcome(bytes)
        #expect(Self.outcome(bytes) == first)
    }
}
