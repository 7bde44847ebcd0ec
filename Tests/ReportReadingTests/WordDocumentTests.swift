import Foundation
import Testing
import ZIPFoundation
@testable import ReportReading
@testable import SeriesModel

/// The DOCX and DOC readers: the generated documents of Tests/Documents against the bundled reports they were
/// made from, the grid rules of WordprocessingML, and damaged files.
@Suite("Word documents (DOCX, DOC)")
struct WordDocumentTests {
    static let documents = ExtractionFixtures.testsDir.deletingLastPathComponent().appendingPathComponent("Documents")

    static func document(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: documents.appendingPathComponent(name)))
    }

    /// What must agree between two readings of the same report: everything but the source.
    struct Reading: Equatable, CustomStringConvertible {
        var header: String
        var observations: [String]
        var blanks: [String]
        var ambiguities: [String]
        var issues: [String]
        var narrative: [String]
        var description: String { ([header] + observations + blanks + ambiguities + issues + narrative).joined(separator: "\n") }

        init(_ r: ExtractionResult) {
            header = "\(r.report.entity) \(r.report.year) \(r.report.template)"
            observations = r.observations.map { "\($0.entity)|\($0.year)|\($0.metric)|\(NumberText.plain($0.value))|\($0.unit)|\($0.label)|\($0.derived)" }
            blanks = r.blankCells.map { "\($0.metric)@\($0.year)" }
            ambiguities = r.ambiguities.map { "\($0.table)|\($0.row)|\($0.metrics)|\($0.run)|\($0.candidates)" }
            issues = r.issues.map { "\($0.severity)|\($0.message)" }
            narrative = r.narrative.map { "\($0.topic)|\(NumberText.plain($0.value))|\($0.quote)" }
        }
    }

    static let pairs: [(document: String, source: String, count: Int)] = [
        ("pingtan_2019.docx", "pingtan/pingtan_2019.html", 203),
        ("pingtan_2021.docx", "pingtan/pingtan_2021.html", 200),
        ("pingtan_2022.docx", "pingtan/pingtan_2022.html", 200),
        ("mudanjiang_2020.docx", "mudanjiang/mudanjiang_2020.txt", 203),
        ("mudanjiang_2020_hdr.docx", "mudanjiang/mudanjiang_2020.txt", 203),
        ("pingtan_2019.doc", "pingtan/pingtan_2019.html", 203),
        ("pingtan_2021.doc", "pingtan/pingtan_2021.html", 200),
        ("pingtan_2022.doc", "pingtan/pingtan_2022.html", 200),
        ("mudanjiang_2020.doc", "mudanjiang/mudanjiang_2020.txt", 203),
    ]

    @Test("every generated DOCX and DOC gives the observations of the report it was made from",
          arguments: pairs.map { $0.document })
    func sameAsSource(_ name: String) throws {
        let pair = try #require(Self.pairs.first { $0.document == name })
        let source = try ExtractionFixtures.extract(pair.source)
        let read = try ReportExtractor.extract(Self.document(name), file: name)
        #expect(source.observations.count == pair.count)
        #expect(read.report.format == (name.hasSuffix(".docx") ? .docx : .doc))
        let expected = Reading(source), got = Reading(read)
        #expect(got.header == expected.header)
        #expect(got.observations == expected.observations)
        #expect(got.blanks == expected.blanks)
        #expect(got.ambiguities == expected.ambiguities)
        #expect(got.issues == expected.issues)
        #expect(got.narrative == expected.narrative)
        // Every table number is cited as a cell of this file: file#tableN[rRcC].
        let cited = read.observations.filter { !$0.derived }
        #expect(!cited.isEmpty)
        #expect(cited.allSatisfy { $0.source.hasPrefix("\(name)#table") && $0.source.contains("[r") })
    }

    @Test("the Mudanjiang DOCX holds the printed numbers, each at its cell")
    func mudanjiangValuesAndCells() throws {
        let r = try ReportExtractor.extract(Self.document("mudanjiang_2020.docx"), file: "mudanjiang_2020.docx")
        func obs(_ metric: String) -> Observation? { r.observations.first { $0.metric == metric && $0.year == 2020 } }
        #expect(r.report.entity == "牡丹江市人民政府")
        #expect(obs("applications.new_received.natural_person")?.value == 112)
        #expect(obs("applications.new_received.natural_person")?.source == "mudanjiang_2020.docx#table3[r4c4]")
        #expect(obs("applications.total_processed.total")?.value == 127)
        // 6.属于四类过程性信息 is the 10th data row, after 表三's 3 header rows; 总计 is grid column 10.
        #expect(obs("applications.denied_process_info.total")?.source == "mudanjiang_2020.docx#table3[r13c10]")
        #expect(obs("licensing.items_change")?.value == -640)
        #expect(obs("procurement.amount")?.value == 218827.31)
        // The narrative figure that disagrees with 表二 (57 against 58), cited by paragraph line.
        #expect(r.narrative.contains { $0.value == 57 && $0.source.hasPrefix("mudanjiang_2020.docx:") })
    }

    // MARK: - The grid of a WordprocessingML table

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func documentXML(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"\(w)\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>\(body)</w:body></w:document>"
    }

    static func cell(_ text: String, _ pr: String = "") -> String {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
        return "<w:tc>\(pr.isEmpty ? "" : "<w:tcPr>\(pr)</w:tcPr>")\(paragraphs)</w:tc>"
    }

    /// A DOCX archive holding `entries` (path → text), deflated, in memory.
    static func zip(_ entries: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return Array(try #require(archive.data))
    }

    static func docx(_ body: String) throws -> [UInt8] {
        try zip([("[Content_Types].xml", "<Types/>"), ("word/document.xml", documentXML(body))])
    }

    static func tables(_ blocks: [DocumentBlock]) -> [GridTable] {
        blocks.compactMap { if case let .table(t) = $0 { return t } else { return nil } }
    }

    static func render(_ t: GridTable) -> [String] {
        t.rows.map { row in row.map { ($0.isOrigin ? "" : "^") + $0.text.replacingOccurrences(of: "\n", with: "⏎") }.joined(separator: "|") }
    }

    @Test("gridSpan, vMerge, gridBefore and hMerge place cells as Word shows them")
    func mergedCells() throws {
        let body = "<w:p><w:r><w:t>三、收到和处理</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>申请情况</w:t></w:r></w:p><w:tbl>"
            + "<w:tr>" + Self.cell("标签", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>") + Self.cell("甲") + Self.cell("乙") + "</w:tr>"
            + "<w:tr>" + Self.cell("", "<w:gridSpan w:val=\"2\"/><w:vMerge/>") + Self.cell("1") + Self.cell("2") + "</w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + Self.cell("（一）\n予以公开") + Self.cell("3", "<w:hMerge w:val=\"restart\"/>")
            + Self.cell("", "<w:hMerge/>") + "</w:tr>"
            + "<w:tr>" + Self.cell("x", "<w:vMerge w:val=\"restart\"/>") + Self.cell("z", "<w:vMerge w:val=\"restart\"/>")
            + "</w:tr>"
            + "<w:tr>" + Self.cell("", "<w:vMerge w:val=\"continue\"/>") + Self.cell("y") + "</w:tr>"
            + "</w:tbl>"
        let blocks = try DOCXDocumentReader.blocks(Self.docx(body), file: "t.docx")
        let lines = blocks.compactMap { if case let .line(t, n, _) = $0 { return "\(n):\(t)" } else { return nil } }
        #expect(lines == ["1:三、收到和处理", "2:申请情况"])
        let t = try #require(Self.tables(blocks).first)
        #expect(Self.render(t) == [
            "标签|^标签|甲|乙",
            "^标签|^标签|1|2",
            "^|（一）⏎予以公开|3|^3",
            "x|z|^|^",
            "^x|y|^|^",
        ])
    }

    @Test("HTML and DOCX share one expansion: the same merged table gives the same grid")
    func sharedExpansion() throws {
        let html = "<html><body><table><tr><td rowspan=\"2\" colspan=\"2\">三、本年度办理结果</td><td>95</td></tr>"
            + "<tr><td>6</td></tr><tr><td>（七）</td><td colspan=\"2\">总计</td></tr></table></body></html>"
        let page = try #require(HTMLReportPage(utf8: Array(html.utf8)))
        let fromHTML = try #require(Self.tables(page.blocks()).first)
        let body = "<w:tbl><w:tr>" + Self.cell("三、本年度办理结果", "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>") + Self.cell("95")
            + "</w:tr><w:tr>" + Self.cell("", "<w:gridSpan w:val=\"2\"/><w:vMerge/>") + Self.cell("6")
            + "</w:tr><w:tr>" + Self.cell("（七）") + Self.cell("总计", "<w:gridSpan w:val=\"2\"/>") + "</w:tr></w:tbl>"
        let fromDOCX = try #require(Self.tables(try DOCXDocumentReader.blocks(Self.docx(body), file: "t.docx")).first)
        #expect(fromHTML.rows == fromDOCX.rows)
        #expect(Self.render(fromDOCX) == ["三、本年度办理结果|^三、本年度办理结果|95", "^三、本年度办理结果|^三、本年度办理结果|6", "（七）|总计|^总计"])
    }

    @Test("deleted text, field codes and mc:Fallback copies are not read; insertions and content controls are")
    func hiddenAndWrappedText() throws {
        let body = "<w:p><w:r><w:t>规范性</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>"
            + "<w:ins><w:r><w:t>文件</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r>"
            + "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>58</w:t></w:r></mc:Choice>"
            + "<mc:Fallback><w:r><w:t>58</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
            + "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>内容控件</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        let blocks = try DOCXDocumentReader.blocks(Self.docx(body), file: "t.docx")
        let lines = blocks.compactMap { if case let .line(t, _, _) = $0 { return t } else { return nil } }
        #expect(lines == ["规范性文件58", "内容控件"])
    }

    @Test("a DOCX or DOC is recognised by its bytes whatever it is called; other ZIP and OLE files are not")
    func sniffing() throws {
        let docx = try Self.document("pingtan_2021.docx"), doc = try Self.document("pingtan_2021.doc")
        #expect(DOCXDocumentReader.sniff(docx))
        #expect(DOCDocumentReader.sniff(doc))
        #expect(try ReportExtractor.extract(docx, file: "stdin").report.format == .docx)
        #expect(try ReportExtractor.extract(doc, file: "download").report.format == .doc)
        let xlsx = try Self.zip([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])
        #expect(!DOCXDocumentReader.sniff(xlsx))
        #expect(!DOCDocumentReader.sniff(DOCDocumentReader.oleSignature + Array("Workbook".utf8)))
    }

    @Test("a document.xml in UTF-16 is read by its declaration")
    func utf16Part() throws {
        let xml = Self.documentXML("<w:p><w:r><w:t>规范性文件 58</w:t></w:r></w:p>")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let archive = try Archive(data: Data(), accessMode: .create)
        let data = Data([0xFF, 0xFE]) + xml.data(using: .utf16LittleEndian)!
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count)) { pos, size in
            data.subdata(in: Int(pos)..<Int(pos) + size)
        }
        let blocks = try DOCXDocumentReader.blocks(Array(try #require(archive.data)), file: "u16.docx")
        let lines = blocks.compactMap { if case let .line(t, _, _) = $0 { return t } else { return nil } }
        #expect(lines == ["规范性文件 58"])
    }

    // MARK: - Damaged and unsupported files

    static func error(_ bytes: [UInt8], file: String) -> InputError? {
        do {
            _ = try ReportExtractor.extract(bytes, file: file)
            return nil
        } catch let e as InputError {
            return e
        } catch {
            return nil
        }
    }

    @Test("a truncated DOCX is refused with a message naming the file")
    func truncatedZip() throws {
        let bytes = try Self.document("pingtan_2021.docx")
        let e = try #require(Self.error(Array(bytes.prefix(bytes.count / 2)), file: "cut.docx"))
        #expect(e.file == "cut.docx")
        #expect(e.description.hasPrefix("cut.docx: "))
        #expect(e.message.contains("damaged or truncated"))
    }

    @Test("a ZIP without word/document.xml is not a Word document")
    func missingDocumentXML() throws {
        let bytes = try Self.zip([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])
        let e = try #require(Self.error(bytes, file: "sheet.docx"))
        #expect(e.file == "sheet.docx")
        #expect(e.message.contains("no word/document.xml"))
    }

    @Test("a document.xml that is not well-formed is named with its line")
    func brokenXML() throws {
        let bytes = try Self.zip([("word/document.xml", "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(Self.w)\">\n<w:body><w:p>\n</w:body>")])
        let e = try #require(Self.error(bytes, file: "broken.docx"))
        #expect(e.file == "broken.docx")
        #expect(e.place == "word/document.xml")
        #expect(e.message.hasPrefix("not well-formed XML: line "))
    }

    @Test("a DOCX whose main part is not WordprocessingML says what was expected")
    func notWordprocessingML() throws {
        let bytes = try Self.zip([("word/document.xml", "<?xml version=\"1.0\"?><html><body/></html>")])
        let e = try #require(Self.error(bytes, file: "odd.docx"))
        #expect(e.message.contains("w:document"))
    }

    @Test("a damaged .doc names the file and the conversion command")
    func damagedDOC() throws {
        let bytes = DOCDocumentReader.oleSignature + Array(repeating: 0x41, count: 600)
        let e = try #require(Self.error(bytes, file: "old report.doc"))
        #expect(e.file == "old report.doc")
        #expect(e.message.contains("wvHtml failed"))
        #expect(e.message.contains("libreoffice --headless --convert-to docx 'old report.doc'"))
    }

    /// A private folder holding an executable `wvHtml` with this shell body.
    static func fakeTool(_ body: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fake-wv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tool = dir.appendingPathComponent("wvHtml")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        return dir
    }

    @Test("without wvHtml, a .doc is refused with how to install it or convert the file")
    func wvHtmlMissing() throws {
        let empty = try Self.fakeTool("exit 0").appendingPathComponent("none")
        defer { try? FileManager.default.removeItem(at: empty.deletingLastPathComponent()) }
        #expect(throws: InputError.self) { try DOCDocumentReader.html(Self.document("pingtan_2021.doc"), file: "a.doc", searchPath: empty.path) }
        do {
            _ = try DOCDocumentReader.html(Self.document("pingtan_2021.doc"), file: "a.doc", searchPath: empty.path)
        } catch let e as InputError {
            #expect(e.file == "a.doc")
            #expect(e.message.contains("apt-get install wv"))
            #expect(e.message.contains("libreoffice --headless --convert-to docx a.doc"))
        }
    }

    @Test("a wvHtml that hangs is stopped after the time limit")
    func wvHtmlTimeout() throws {
        let dir = try Self.fakeTool("sleep 30")
        defer { try? FileManager.default.removeItem(at: dir) }
        let start = Date()
        do {
            _ = try DOCDocumentReader.html(Self.document("pingtan_2021.doc"), file: "slow.doc", searchPath: dir.path, limit: 0.5)
            Issue.record("a hanging wvHtml gave a result")
        } catch let e as InputError {
            #expect(e.file == "slow.doc")
            #expect(e.message.hasPrefix("wvHtml took more than 0.5 s"))
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("a .wps is refused with the command that converts it", arguments: ["report.wps", "report.rtf", "report.odt"])
    func unsupportedKinds(_ name: String) throws {
        let e = try #require(Self.error(Array("WPS bytes".utf8), file: name))
        #expect(e.file == name)
        #expect(e.message.contains("libreoffice --headless --convert-to docx"))
    }
}
