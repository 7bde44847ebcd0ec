import Foundation
@testable import Publishing
import Testing

/// The general DOCX writer: merged cells, notes, escaping, adjacent tables and errors, read back by python-docx.
@Suite("DOCX writer")
struct DOCXWriterTests {
    static func readBack(_ doc: DOCXDocument) throws -> DOCXReadBack {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try DOCXWriter.write(doc, to: url.path)
        return try DOCXReadBack(url)
    }

    @Test func mergedCellsNotesAndEscaping() throws {
        let merged = DOCXTable(columns: [.init(width: 1), .init(width: 1), .init(width: 1)], rows: [
            [.init("地区", verticalMerge: .start), .init("2021—2022年", span: 2)],
            [.init("", verticalMerge: .continued), .init("2021年"), .init("2022年")],
            [.init("平潭"), .init("1,282"), .init("2,113")],
        ], headerRows: 2)
        let doc = DOCXDocument(blocks: [
            .heading(1, "A & B <c> \"d\""),
            .paragraph(DOCXParagraph([DOCXRun("控制字符\u{1}被删去"), DOCXRun("粗体", bold: true),
                                      DOCXRun("脚注内容", kind: .footnote), DOCXRun("尾注内容", kind: .endnote)])),
            .table(merged),
            .table(DOCXTable(columns: [.init(width: 1)], header: ["x"], rows: [["1"]])),
            .pageBreak,
            .caption("表1　说明"),
        ], properties: DOCXProperties(title: "测试 & <title>"))
        let r = try Self.readBack(doc)
        #expect(r.texts("Heading 1") == ["A & B <c> \"d\""])
        #expect(r.paragraphs[1].text == "控制字符被删去粗体")
        #expect(r.footnotes == ["脚注内容"])
        #expect(r.endnotes == ["尾注内容"])
        // Two tables, not joined into one: a spacer paragraph stands between them.
        #expect(r.tables.count == 2)
        #expect(r.tables[0] == [["地区", "2021—2022年", "2021—2022年"], ["地区", "2021年", "2022年"], ["平潭", "1,282", "2,113"]])
        #expect(r.merged[0] == [[0, 2], [1, 0]])
        #expect(r.tables[1] == [["x"], ["1"]])
        #expect(r.texts("Caption") == ["表1　说明"])
        #expect(r.core.title == "测试 & <title>")
        #expect(r.footer.fields.isEmpty)
    }

    @Test func badBlocksAreErrorsNamingTheBlock() throws {
        let props = DOCXProperties(title: "t")
        #expect(throws: DOCXError.self) { try DOCXWriter.bytes(DOCXDocument(blocks: [.heading(4, "x")], properties: props)) }
        let ragged = DOCXTable(columns: [.init(width: 1), .init(width: 1)], rows: [[.init("a")]])
        do {
            _ = try DOCXWriter.bytes(DOCXDocument(blocks: [.paragraph(DOCXParagraph("p")), .table(ragged)], properties: props))
            Issue.record("a ragged table was written")
        } catch let e as DOCXError {
            #expect(e.description == "block 2, table row 1: the cells cover 1 columns (expected 2)")
        }
        let notPNG = DOCXImage(png: [1, 2, 3], widthEMU: 10, heightEMU: 10, description: "")
        #expect(throws: DOCXError.self) { try DOCXWriter.bytes(DOCXDocument(blocks: [.image(notPNG)], properties: props)) }
    }

    @Test func writingIsAtomic() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/a.docx").path
        try DOCXWriter.write(DOCXDocument(blocks: [.heading(1, "x")], properties: .init(title: "t")), to: path, createFolders: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path) == ["a.docx"])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
    }
}
