import Foundation
import Testing
@testable import ReportReading
@testable import SeriesModel

/// The generated PDFs of Tests/Documents: the LibreOffice ones against the sources they were made from, the scan
/// (OCR) and the broken text layer against the truth.
@Suite("PDF documents (born-digital, scan, broken text layer)")
struct PDFDocumentFixtureTests {
    static let pairs: [(document: String, source: String, count: Int)] = [
        ("pingtan_2019.pdf", "pingtan/pingtan_2019.html", 203),
        ("pingtan_2021.pdf", "pingtan/pingtan_2021.html", 200),
        ("pingtan_2022.pdf", "pingtan/pingtan_2022.html", 200),
        ("mudanjiang_2020.pdf", "mudanjiang/mudanjiang_2020.txt", 203),
        ("mudanjiang_2020_hdr.pdf", "mudanjiang/mudanjiang_2020.txt", 203),
    ]

    @Test("every LibreOffice PDF gives the observations of the report it was made from (1,012 in all)",
          arguments: pairs.map { $0.document })
    func sameAsSource(_ name: String) throws {
        let pair = try #require(Self.pairs.first { $0.document == name })
        let source = try ExtractionFixtures.extract(pair.source)
        let read = try ReportExtractor.extract(WordDocumentTests.document(name), file: name)
        #expect(source.observations.count == pair.count)
        #expect(read.report.format == .pdf)
        let expected = WordDocumentTests.Reading(source), got = WordDocumentTests.Reading(read)
        #expect(got.header == expected.header)
        #expect(got.observations == expected.observations)
        #expect(got.blanks == expected.blanks)
        #expect(read.observations.allSatisfy { $0.source.hasPrefix("\(name)#p") && !$0.source.contains("OCR") })
        // Every printed value has its cell's box, on the page its source names, inside the A4 page.
        for o in read.observations where !o.derived {
            let cell = try #require(read.cellBoxes[o.source], "no box for \(o.source)")
            #expect(o.source.hasPrefix("\(name)#p\(cell.page)/"))
            #expect(cell.box.count == 4 && cell.box[0] >= 0 && cell.box[0] < cell.box[2] && cell.box[2] <= 595.5
                    && cell.box[1] >= 0 && cell.box[1] < cell.box[3] && cell.box[3] <= 842.5, "\(o.source): \(cell.box)")
        }
    }

    static func scanned(ocr: Bool = true) throws -> ExtractionResult {
        try ReportExtractor.extract(WordDocumentTests.document("mudanjiang_2020_scan.pdf"), file: "mudanjiang_2020_scan.pdf",
                                    options: ExtractionOptions(entity: "牡丹江市人民政府", year: 2020, reading: ReadOptions(ocr: ocr)))
    }

    /// Measured: 15 values emitted (表四's 行政复议 group and others the identities confirm), every one right; the rest
    /// is flagged (unconfirmed OCR values as warnings, rows OCR misread as table errors).
    @Test("the image-only scan: every emitted value is right and says (OCR); the rest is flagged (0 wrong)")
    func scanGivesNoWrongValue() throws {
        let r = try Self.scanned()
        let expected = ExtractionFixtures.expectedValues(try ExtractionFixtures.truth("mudanjiang_2020.truth.json"))
        let got = ExtractionFixtures.printed(r)
        let wrong = got.filter { k, v in expected[k] != v }
        #expect(wrong.isEmpty, "wrong: \(wrong)")
        #expect(got.count >= 5, "right: \(got.count)")
        #expect(r.observations.allSatisfy { $0.source.hasPrefix("mudanjiang_2020_scan.pdf#p") && $0.source.hasSuffix("(OCR)") })
        let flagged = r.issues.filter { $0.message.hasPrefix("OCR read") }
        #expect(!flagged.isEmpty)
        // A flagged value never reappears as an observation.
        for issue in flagged {
            let metric = String(issue.place.prefix { $0 != " " })
            #expect(!r.observations.contains { $0.metric == metric && issue.place.hasPrefix("\(metric) \($0.year) ") })
        }
        #expect(r.issues.contains { $0.place == "page 3" && $0.message.contains("read by OCR") })
    }

    @Test("--no-ocr: the scan is a clear error naming every page, not a guess")
    func scanWithoutOCRIsAnError() throws {
        #expect(throws: InputError.self) { try Self.scanned(ocr: false) }
        do { _ = try Self.scanned(ocr: false) } catch let e as InputError {
            #expect(e.message.hasPrefix("no page has a usable text layer (5 pages: no text layer"))
        }
    }

    @Test("the PDF without ToUnicode maps: garbled pages detected, OCR'd under the same rule, never a garbage number")
    func brokenTextLayer() throws {
        let name = "mudanjiang_2020_no_tounicode.pdf"
        let r = try ReportExtractor.extract(WordDocumentTests.document(name), file: name,
                                            options: ExtractionOptions(entity: "牡丹江市人民政府", year: 2020))
        let expected = ExtractionFixtures.expectedValues(try ExtractionFixtures.truth("mudanjiang_2020.truth.json"))
        let got = ExtractionFixtures.printed(r)
        let wrong = got.filter { k, v in expected[k] != v }
        #expect(wrong.isEmpty, "wrong: \(wrong)")
        #expect(r.issues.contains { $0.place == "page 7" && $0.message.hasPrefix("the text layer is garbled: its tables were read by OCR") })
        // Measured: 133 values emitted (表三 and 表四 confirmed by the identities), 表二's flagged.
        #expect(got.count >= 100, "right: \(got.count)")
        #expect(r.observations.allSatisfy { $0.source.hasSuffix("(OCR)") })
        #expect(r.issues.contains { $0.message.hasPrefix("OCR read") && $0.place.hasPrefix("licensing.decisions 2020") })
        // Without OCR every page is garbled (all four fonts lost their maps): an error naming the pages, no numbers.
        do {
            _ = try ReportExtractor.extract(WordDocumentTests.document(name), file: name,
                                            options: ExtractionOptions(entity: "牡丹江市人民政府", year: 2020, reading: ReadOptions(ocr: false)))
            Issue.record("read without OCR")
        } catch let e as InputError {
            #expect(e.message.contains("page 7: the text layer is garbled (287 characters, 0 % CJK"))
        }
    }
}
