import CLibXML2
import Charts
import Foundation
@testable import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing
import ZIPFoundation

/// The DOCX briefing of the bundled Pingtan reports, read back by python-docx and by the project's own DOCX
/// reader, against the ``Briefing`` it was made from and the PDF briefing of the same input.
@Suite("Briefing DOCX")
struct BriefDOCXTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(UUID().uuidString)-\(name)")
    }

    /// The briefing, its DOCX written to a file and read back by python-docx.
    static func written(_ b: Briefing) throws -> (BriefDOCX.Rendered, DOCXReadBack) {
        let out = try BriefDOCX.render(b)
        let url = temporary("briefing.docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try AtomicFile.write(out.bytes, to: url.path)
        return (out, try DOCXReadBack(url))
    }

    @Test func headingsParagraphsAndFindingsAreTheBriefings() throws {
        let b = try BriefFixtures.pingtan()
        let (_, doc) = try Self.written(b)
        let section = try #require(b.sections.first)
        #expect(section.charts.count == 7)
        // Headings: the body, its two parts, one per figure (numbered as in the PDF), the appendix and its three parts.
        #expect(doc.texts("Heading 1") == ["平潭综合实验区", "附录"])
        #expect(doc.texts("Heading 2") == ["一、主要发现", "二、图表", "一、数据来源", "二、数据核查", "三、来源间数值不一致"])
        #expect(doc.texts("Heading 3") == section.charts.enumerated().map { "图\($0.offset + 1)　" + $0.element.spec.title })
        #expect(doc.texts("Heading 3").first == "图1　行政许可、行政处罚、行政强制处理决定数量")
        // The cover: title, bodies, years, contents (every heading, as the TOC field's filled result).
        #expect(doc.texts("Title") == ["政府信息公开工作年度报告数据简报"])
        #expect(doc.texts("Subtitle").prefix(2) == ["报告主体：平潭综合实验区", "数据年度：2019—2022年（2020年无数据）"])
        let headings = doc.paragraphs.filter { $0.style.hasPrefix("Heading ") }.map(\.text)
        #expect(doc.paragraphs.filter { $0.style.hasPrefix("toc ") }.map { $0.text.replacingOccurrences(of: "\t", with: "") } == headings)
        #expect(doc.fields.first == #"TOC \o "1-3" \h \z \u"#)
        #expect(doc.fields.filter { $0.hasPrefix("PAGEREF _Toc") }.count == headings.count)
        #expect(doc.settingsUpdateFields)
        // The findings, numbered, each followed by its source line, as on the PDF's findings pages.
        let findings = doc.paragraphs.filter { $0.style == "Normal" && $0.text.first?.isNumber == true }.map(\.text)
        #expect(findings == section.findings.enumerated().map { "\($0.offset + 1).\t" + $0.element.text })
        #expect(findings.contains("6.\t2022年行政处罚决定2113件，较上年增加831件（+64.8%）。"))
        for f in section.findings {
            let i = try #require(doc.paragraphs.firstIndex { $0.text.hasSuffix("\t" + f.text) })
            #expect(doc.paragraphs[i + 1] == .init(style: "Note", text: BriefWords.sourceRef(true, f.sources)))
        }
        // Every paragraph accounted for: cover 5 + contents; body, years, heading, 2 per finding; per chart heading,
        // image, caption, unit line; the charts heading; appendix heading, 3 headings, summary, one line per
        // checker finding, the conflicts line.
        let units = section.charts.filter { !$0.table.unitLine.isEmpty }.count
        let expected = 5 + headings.count + 3 + 2 * section.findings.count + 1 + 3 * section.charts.count + units
            + 1 + 3 + 1 + b.checks.findings.count + max(1, b.conflicts.count)
        #expect(doc.paragraphs.count == expected)
        #expect(doc.paragraphs.count == 114)     // 24 findings, 7 charts with a unit line each, 18 contents lines
        #expect(doc.texts("Note").contains(b.generatedFrom))
        #expect(doc.texts("Normal").contains(b.checks.summary))
        #expect(b.checks.summary.hasPrefix("对8份报告核对了"))
    }

    @Test func everyChartIsAnImageAtPrintResolutionWithThePDFsCaption() throws {
        let b = try BriefFixtures.pingtan()
        let (out, doc) = try Self.written(b)
        let charts = b.sections.flatMap(\.charts)
        #expect(out.figures == 7)
        #expect(doc.images.count == charts.count)
        for image in doc.images {
            #expect(image.width == DOCXDocument.textWidthEMU)          // 16.6 cm, the text column
            #expect(abs(image.dpi - 200) < 1, "\(image.pixels) px over \(Double(image.width) / 914_400) in")
            #expect(image.height * 640 == image.width * 400 || abs(image.height * 640 - image.width * 400) < 640)
        }
        #expect(doc.images.map { $0.descr ?? "" } == charts.map { try! Chart.scene(for: $0.spec).altText.title })
        // The captions are the PDF's: the figure number and the chart's description, word for word.
        let captions = doc.texts("Caption")
        #expect(captions.count == charts.count)
        let pdfText = Set(try BriefPDF.pages(b).flatMap { $0.texts.map(\.text) })
        for (i, caption) in captions.enumerated() {
            #expect(caption.hasPrefix("图\(i + 1)　"))
            #expect(pdfText.contains(caption), "caption \(i + 1) is not in the PDF: \(caption)")
        }
        #expect(out.unknownGlyphs == 0)
    }

    @Test func everyDataTableIsAWordTableOfTheBriefTable() throws {
        let b = try BriefFixtures.pingtan()
        let (_, doc) = try Self.written(b)
        let charts = b.sections.flatMap(\.charts)
        #expect(doc.tables.count == charts.count + 1)
        for (i, c) in charts.enumerated() {
            #expect(doc.tables[i] == [c.table.header] + c.table.rows, "table of figure \(i + 1)")
        }
        // The real numbers: penalties 430 (2019), 1,282 (2021), 2,113 (2022); licensing 10,690 in 2022.
        let decisions = doc.tables[0]
        #expect(decisions[0] == ["项目", "2019年", "2021年", "2022年"])
        #expect(decisions.contains(["行政处罚", "430", "1,282", "2,113"]))
        #expect(decisions.contains(["行政许可", "181", "2,293", "10,690"]))
        // The disclosure rate: 2021 50.7%, 2022 (21 + 9) / 75 = 40.0%.
        let rate = try #require(charts.firstIndex { $0.spec.title.contains("公开率") })
        #expect(doc.tables[rate].last?.suffix(2) == ["50.7", "40.0"])
        #expect(doc.texts("Note").contains("单位：件"))
        // The appendix's sources table: every input file with what it gave.
        let sources = try #require(doc.tables.last)
        #expect(sources[0] == ["文件", "内容与采用情况"])
        #expect(sources.dropFirst().map { $0[0] } == ["pingtan_2019.html", "pingtan_2019.txt", "pingtan_2021.docx",
                                                        "pingtan_2021.html", "pingtan_2021.pdf", "pingtan_2021.txt",
                                                        "pingtan_2022.html", "pingtan_2022.txt"])
        #expect(sources.dropFirst().map { $0[1] } == b.sources.map(\.contribution))
    }

    @Test func stylesFontsFooterAndProperties() throws {
        let (_, doc) = try Self.written(try BriefFixtures.pingtan())
        #expect(doc.fonts["Normal"]?["eastAsia"] == "Noto Serif CJK SC")
        for h in ["Heading 1", "Heading 2", "Heading 3"] { #expect(doc.fonts[h]?["eastAsia"] == "Noto Sans CJK SC") }
        for s in ["Caption", "Table Grid", "Title", "toc 1", "toc 2", "toc 3"] { #expect(doc.styles.contains(s)) }
        // Page numbers: PAGE and NUMPAGES in the footer of every page but the cover.
        #expect(doc.footer.fields == ["PAGE", "NUMPAGES"])
        #expect(doc.footer.text.hasPrefix("政府信息公开工作年度报告数据简报"))
        #expect(doc.differentFirstPage)
        #expect(doc.firstFooterText == "")
        #expect(doc.core.title == "政府信息公开工作年度报告数据简报")
        #expect(doc.core.subject == "平潭综合实验区")
        #expect(doc.core.created == "2019-01-01T00:00:00+00:00")
        #expect(doc.core.modified == "2019-01-01T00:00:00+00:00")
    }

    @Test func englishBriefing() throws {
        let b = try BriefFixtures.pingtan(language: .en)
        let (_, doc) = try Self.written(b)
        #expect(doc.texts("Heading 2").prefix(2) == ["1. Key findings", "2. Charts"])
        #expect(doc.texts("Heading 3").first == "Figure 1 " + b.sections[0].charts[0].spec.title
                || doc.texts("Heading 3").first == "Figure 1　" + b.sections[0].charts[0].spec.title)
        #expect(doc.footer.fields == ["PAGE", "NUMPAGES"])
        #expect(doc.tables[0][0] == ["Series", "2019", "2021", "2022"])
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let a = try BriefDOCX.render(try BriefFixtures.pingtan()).bytes
        let b = try BriefDOCX.render(try BriefFixtures.pingtan(), jobs: 1).bytes
        #expect(a.count > 100_000)
        #expect(a == b)
    }

    /// The package read with ZIPFoundation and libxml2: entries in a fixed order with the fixed date, every XML
    /// part well-formed, every part named in [Content_Types].xml, every relationship target present; and the
    /// project's own DOCX reader finds the same tables.
    @Test func packageReadBackWithZIPFoundationAndLibxml2() throws {
        let b = try BriefFixtures.pingtan()
        let out = try BriefDOCX.render(b)
        let archive = try Archive(data: Data(out.bytes), accessMode: .read)
        let entries = Array(archive)
        #expect(entries.prefix(9).map(\.path) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                                  "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                                                  "word/settings.xml", "word/fontTable.xml"])
        #expect(entries.filter { $0.path.hasPrefix("word/media/") }.count == 7)
        for e in entries { #expect(e.fileAttributes[.modificationDate] as? Date == DOCXWriter.entryDate, "\(e.path)") }
        func bytes(_ path: String) throws -> Data {
            let entry = try #require(archive[path], "\(path) missing")
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            return d
        }
        for e in entries where e.path.hasSuffix(".xml") || e.path.hasSuffix(".rels") {
            let d = try bytes(e.path)
            let doc = d.withUnsafeBytes { buf in
                xmlReadMemory(buf.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buf.count), e.path, nil,
                              Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
            #expect(doc != nil, "\(e.path) is not well-formed XML")
            xmlFreeDoc(doc)
        }
        let types = String(decoding: try bytes("[Content_Types].xml"), as: UTF8.self)
        for e in entries where e.path.hasSuffix(".xml") && e.path != "[Content_Types].xml" {
            #expect(types.contains("PartName=\"/\(e.path)\""), "\(e.path) has no content type")
        }
        let rels = String(decoding: try bytes("word/_rels/document.xml.rels"), as: UTF8.self)
        let targets = rels.components(separatedBy: "Target=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(targets.count == 5 + 7)
        for t in targets { #expect(archive["word/" + t] != nil, "relationship target word/\(t) missing") }
        let document = String(decoding: try bytes("word/document.xml"), as: UTF8.self)
        for i in 1...7 { #expect(document.contains("r:embed=\"rImg\(i)\"")) }

        // The project's DOCX reader (the one that reads reports) sees the same tables.
        let read = try DOCXDocumentReader.read(out.bytes, file: "briefing.docx")
        let tables = read.document.blocks.compactMap { block -> [[String]]? in
            if case .table(let t) = block { return t.rows.map { $0.map(\.text) } } else { return nil }
        }
        #expect(tables.count == 8)
        #expect(tables.first == [b.sections[0].charts[0].table.header] + b.sections[0].charts[0].table.rows)
        let lines = read.document.blocks.compactMap { block -> String? in
            if case .line(let s, _, _) = block { return s } else { return nil }
        }
        #expect(lines.contains("平潭综合实验区"))
        #expect(lines.contains { $0.contains("2022年行政处罚决定2113件") })
    }
}
