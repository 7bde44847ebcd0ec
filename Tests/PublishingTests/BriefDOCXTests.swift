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
        // Headings: 核心结论, the body, the appendix; under the body its finding groups, under the appendix its parts.
        #expect(doc.texts("Heading 1") == ["核心结论", "一、平潭综合实验区", "附录"])
        let groups = section.groups.enumerated().map { "（\(BriefWords.ordinal($0.offset + 1))）" + $0.element.title }
        #expect(doc.texts("Heading 2") == groups + ["一、数据来源", "二、数据核查", "三、来源间数值不一致", "四、计算方法",
                                                    "五、注释所引数值的单元格位置"])
        #expect(groups.first == "（一）依申请公开办理")
        // The cover: title, bodies, years, contents (every heading, as the TOC field's filled result).
        #expect(doc.texts("Title") == ["政府信息公开工作年度报告数据简报"])
        #expect(doc.texts("Subtitle").prefix(2) == ["报告主体：平潭综合实验区", "数据年度：2019—2022年（2020年无数据）"])
        let headings = doc.paragraphs.filter { $0.style.hasPrefix("Heading ") }.map(\.text)
        #expect(doc.paragraphs.filter { $0.style.hasPrefix("toc ") }.map { $0.text.replacingOccurrences(of: "\t", with: "") } == headings)
        #expect(doc.fields.first == #"TOC \o "1-2" \h \z \u"#)
        #expect(doc.fields.filter { $0.hasPrefix("PAGEREF _Toc") }.count == headings.count)
        #expect(doc.settingsUpdateFields)
        // 核心结论 numbered, then the findings group by group, each with a Word endnote naming its sources in words.
        let conclusions = doc.paragraphs.filter { $0.style == "Normal" && $0.text.range(of: #"^[0-9]+\.\t"#, options: .regularExpression) != nil }
            .map(\.text)
        #expect(conclusions == b.conclusions.enumerated().map { "\($0.offset + 1).\t" + $0.element.text })
        let findings = doc.paragraphs.filter { $0.style == "Normal" && $0.text.hasPrefix("·\t") }.map(\.text)
        #expect(findings == section.findings.map { "·\t" + $0.text })
        #expect(findings.contains("·\t2022年行政处罚决定2,113件，较上年增加831件（+64.8%）。"))
        let noted = Set((b.conclusions + section.findings).flatMap(\.notes))
        #expect(Set(doc.endnotes) == Set(b.endnotes.filter { noted.contains($0.number) }.map(\.text)))
        #expect(doc.endnotes.contains("平潭综合实验区2021年、2022年政府信息公开工作年度报告，表二“行政处罚·处理决定数量”。"))
        // No cell reference next to a finding: they are in the appendix only.
        let appendix = try #require(doc.paragraphs.firstIndex { $0.style == "Heading 1" && $0.text == "附录" })
        #expect(!doc.paragraphs[..<appendix].contains { $0.text.contains("#table") })
        #expect(doc.paragraphs[appendix...].contains { $0.text.contains("pingtan_2022.html#table2") })
        #expect(doc.texts("Note").contains(b.generatedFrom))
        #expect(doc.texts("Normal").contains(b.checks.summary))
        #expect(b.checks.summary.hasPrefix("对8份报告核对了"))
    }

    @Test func everyChartIsAnImageAtPrintResolutionWithThePDFsCaption() throws {
        let b = try BriefFixtures.pingtan()
        let (out, doc) = try Self.written(b)
        let charts = b.figures
        #expect(out.figures == 7)
        #expect(doc.images.count == charts.count)
        for (image, c) in zip(doc.images, charts) {
            #expect(image.width == DOCXDocument.textWidthEMU)          // 16.6 cm, the text column
            #expect(abs(image.dpi - 200) < 1, "\(image.pixels) px over \(Double(image.width) / 914_400) in")
            let h = Double(image.width) * c.spec.size.height / c.spec.size.width
            #expect(abs(Double(image.height) - h) < 1)
        }
        // The captions are the PDF's: 图N with the body, title and years; then 表N over each data table.
        let captions = doc.texts("Caption")
        #expect(captions.filter { $0.hasPrefix("图") } == charts.map { "图\($0.number)　" + $0.caption })
        #expect(captions.filter { $0.hasPrefix("表") } == charts.map { "表\($0.tableNumber)　" + $0.caption })
        let pdfText = Set(try BriefPDF.pages(b).flatMap { $0.texts.map { $0.text.replacingOccurrences(of: "\n", with: "") } })
        for caption in captions { #expect(pdfText.contains(caption), "caption not in the PDF: \(caption)") }
        // Each figure's takeaway follows its caption.
        for c in charts { #expect(doc.texts("Normal").contains(c.takeaway)) }
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
        #expect(doc.texts("Heading 1") == ["Key conclusions", "一、平潭综合实验区", "Appendix"])
        #expect(doc.texts("Heading 2").first == "（一）Information requests")
        #expect(doc.texts("Caption").first == "Figure 1　" + b.figures[0].caption)
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
        #expect(targets.count == 6 + 7)      // styles, settings, fonts, footer, first-page footer, endnotes; 7 images
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
        #expect(lines.contains("一、平潭综合实验区"))
        #expect(lines.contains { $0.contains("2022年行政处罚决定2,113件") })
    }
}
