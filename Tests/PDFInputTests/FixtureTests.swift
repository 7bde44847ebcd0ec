import Foundation
import Testing
@testable import PDFInput

/// The PDFs written by Fixtures/make_pdf_fixtures.py (cairo, no LibreOffice), against the truth it wrote.
@Suite struct FixtureTests {
    static func read(_ name: String) throws -> PDFContent {
        try PDFReader.read(Paths.bytes(Paths.fixtures.appendingPathComponent(name)), file: name)
    }

    static func truth(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Paths.fixtures.appendingPathComponent(name))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func squeezed(_ s: String) -> String { HongzeTests.squeezed(s) }

    @Test func tableSplitOverTwoPagesIsJoined() throws {
        let c = try Self.read("split_table.pdf")
        let truth = try Self.truth("split_table.truth.json")
        let grid = try #require(truth["grid"] as? [[String]])
        let tables = c.tables
        #expect(tables.count == 1)
        let t = try #require(tables.first)
        #expect(t.pages == [1, 2] && t.construction == .ruled)
        // Repeated header rows dropped, the cut row glued, group （一） continued: exactly the truth grid.
        #expect(t.rows.map { $0.map { Self.squeezed($0.text) } } == grid)
        #expect(t.rowPages == (truth["row_pages"] as? [Int]))
        // Page-2 rows of group （一） are copies of the page-1 merged cell; group （二） starts a new one.
        let firstOnPage2 = try #require(t.rowPages.firstIndex(of: 2))
        #expect(!t.rows[firstOnPage2][0].isOrigin && t.rows[firstOnPage2][0].page == 2)
        #expect(t.rows[firstOnPage2 + 2][0].isOrigin)
        #expect(t.rows[2][0].isOrigin && !t.rows[3][0].isOrigin)
        #expect(t.rows[0].map(\.isOrigin) == [true, false, true, false, false])
        // The glued row keeps its page-1 numbers and its label's page-2 rest.
        #expect(t.rows[25][1].text == "24.没有现成信息需要另行\n制作" && t.rows[25].dropFirst(2).map(\.text) == ["3", "1", "4"])
    }

    @Test func footersAndBodyLinesOfTheSplitTable() throws {
        let c = try Self.read("split_table.pdf")
        let truth = try Self.truth("split_table.truth.json")
        let footers = try #require(truth["page_number_lines"] as? [String: String])
        #expect(c.pages.map { $0.pageNumberLines.map { Self.squeezed($0.text) } } == [[Self.squeezed(footers["1"]!)], [Self.squeezed(footers["2"]!)]])
        #expect(c.lines.map(\.text) == (truth["body_lines"] as? [String]))
        #expect(c.lines.map(\.page) == [1, 1, 2])
        #expect(c.pages.allSatisfy { $0.quality.verdict == .usable && $0.rendered })
    }

    @Test func threeLineTableIsRebuiltFromGlyphsAndMarked() throws {
        let c = try Self.read("three_line.pdf")
        let truth = try Self.truth("three_line.truth.json")
        let t = try #require(c.tables.first)
        #expect(c.tables.count == 1)
        #expect(t.construction == .glyphGeometry)
        #expect(t.rows.map { $0.map(\.text) } == (truth["grid"] as? [[String]]))
        #expect(c.lines.map(\.text) == (truth["body_lines"] as? [String]))
    }

    @Test func garbledAndEmptyPagesAreNotRead() throws {
        let c = try Self.read("garbled.pdf")
        #expect(c.pages.map(\.quality.verdict) == [.garbled, .noText])
        #expect(c.pages.map(\.hasTextLayer) == [true, false])
        #expect(c.pages[0].quality.cjkIdeographs == 0 && c.pages[0].quality.latin1 > 0)
        #expect(c.blocks.isEmpty)
    }

    @Test func badInputGivesErrorsNamingTheFile() throws {
        #expect(throws: PDFReadError(file: "report.pdf", page: nil, kind: .notPDF)) {
            try PDFReader.read(Array("<html>not a pdf</html>".utf8), file: "report.pdf")
        }
        #expect(throws: PDFReadError(file: "encrypted.pdf", page: nil, kind: .encrypted)) {
            try Self.read("encrypted.pdf")
        }
        do {
            _ = try PDFReader.read(Array("%PDF-1.7\n1 0 obj garbage\n".utf8), file: "broken.pdf")
            Issue.record("a PDF with no pages was read")
        } catch {
            guard case .damaged = error.kind else { Issue.record("expected damaged, got \(error)"); return }
            #expect(error.file == "broken.pdf" && error.description.hasPrefix("broken.pdf: the PDF is damaged"))
        }
        #expect(PDFReadError(file: "a.pdf", page: 3, kind: .damaged("x")).description == "a.pdf, page 3: the PDF is damaged (x)")
    }

    @Test func pageNumberShapes() {
        for s in ["- 6 -", "-7-", "—8—", "第 6 页", "6/9", "第6页共9页", "12", "－ 3 －"] { #expect(PDFReader.isPageNumber(s), "\(s)") }
        for s in ["2023 年", "一、总体情况", "6-7 月", "第6项", "", "--"] { #expect(!PDFReader.isPageNumber(s), "\(s)") }
    }
}

extension FixtureTests {
    @Test func doubleBorderMakesNoSliverCells() throws {
        let c = try Self.read("double_border.pdf")
        let truth = try Self.truth("double_border.truth.json")
        #expect(c.tables.count == 1)
        let t = try #require(c.tables.first)
        #expect(t.construction == .ruled)
        #expect(t.rows.map { $0.map(\.text) } == (truth["grid"] as? [[String]]))
    }
}

extension FixtureTests {
    /// Borders in light grey (#C0C0C0, and #D9D9D9 under a shaded header row) are lighter than the dark ink level:
    /// the page's fill histogram gives the level they are found at, also on a page whose other table is black-ruled.
    @Test func lightGreyRulingsAreFound() throws {
        let c = try Self.read("light_rules.pdf")
        let truth = try Self.truth("light_rules.truth.json")
        let tables = try #require(truth["tables"] as? [[String: Any]])
        #expect(c.tables.count == tables.count)
        for (t, want) in zip(c.tables, tables) {
            #expect(t.construction == .ruled)
            #expect(t.pages == (want["pages"] as? [Int]))
            #expect(t.rows.map { $0.map(\.text) } == (want["grid"] as? [[String]]))
        }
        #expect(c.lines.allSatisfy { !$0.text.contains("14") && !$0.text.contains("125") })
    }

    @Test func inkLevelFollowsTheLightestLargeFill() {
        // White page with thin grey lines only: everything drawn is ink.
        var pixels = [UInt8](repeating: 255, count: 200 * 200)
        for x in 0..<200 { pixels[50 * 200 + x] = 192; pixels[51 * 200 + x] = 192 }
        #expect(RulingDetector.inkLevel(GrayImage(width: 200, height: 200, scale: 1, pixels: pixels)) == RulingDetector.paperLevel)
        // A shaded block of #F0F0F0: only what is darker than the shade counts.
        for y in 100..<140 { for x in 0..<200 { pixels[y * 200 + x] = 240 } }
        #expect(RulingDetector.inkLevel(GrayImage(width: 200, height: 200, scale: 1, pixels: pixels)) == 240)
        // A darker shade never takes the level below the dark ink level.
        for y in 100..<140 { for x in 0..<200 { pixels[y * 200 + x] = 155 } }
        #expect(RulingDetector.inkLevel(GrayImage(width: 200, height: 200, scale: 1, pixels: pixels)) == RulingDetector.inkLevel)
    }
}
