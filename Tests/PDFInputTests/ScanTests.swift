import Foundation
import Testing
@testable import PDFInput

/// OCR of the image-only scan (Tests/Documents/mudanjiang_2020_scan.pdf) at the cell level, against the truth of
/// the report it was made from (../shared/reports/mudanjiang_2020.truth.json).
@Suite struct ScanTests {
    /// Lone digits in wide cells (a `1` chi_sim reads as 闻, a `3` as 和, a `0` as 让) are read again digits-only
    /// on a tight crop of their ink; header cells of one ideograph (结, 其, 尚, 总) stay text.
    @Test func loneDigitsAreReadOnATightCrop() throws {
        let url = Paths.repo.appendingPathComponent("Tests/Documents/mudanjiang_2020_scan.pdf")
        let c = try PDFReader.read(Paths.bytes(url), file: "mudanjiang_2020_scan.pdf", ocr: true)
        let t3 = try #require(c.tables.first { t in t.rows.contains { $0.first?.text.contains("上年结转") == true } })
        func numbers(_ label: String) throws -> [String] {
            let row = try #require(t3.rows.first { $0.first?.text.contains(label) == true }, "row \(label)")
            return Array(row.suffix(7).map(\.text))
        }
        // 表三 rows 一、本年新收 and 二、上年结转 of the truth: 112 13 0 0 4 1 130 and 3 0 0 0 0 0 3.
        #expect(try numbers("年新收") == ["112", "13", "0", "0", "4", "1", "130"])
        #expect(try numbers("上年结转") == ["3", "0", "0", "0", "0", "0", "3"])
        let t4 = try #require(c.tables.last)
        let header = t4.rows[2].map(\.text)
        #expect(header.contains("结") && header.contains("其") && header.contains("尚") && header.contains("总"))
        #expect(!header.contains { OCREngine.isNumber($0) })
    }
}
