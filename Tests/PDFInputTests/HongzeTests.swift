import Foundation
import Testing
@testable import PDFInput

/// The real WPS-made report `../shared/reports/hongze_2023.pdf` against its hand-checked truth file.
@Suite struct HongzeTests {
    static let file = "hongze_2023.pdf"

    static func content() throws -> PDFContent {
        try PDFReader.read(Paths.bytes(Paths.reports.appendingPathComponent(file)), file: file)
    }

    static func truth() throws -> [String: Any] {
        let data = try Data(contentsOf: Paths.reports.appendingPathComponent("hongze_2023.truth.json"))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The numbers of a truth table, as the report prints them.
    static func printed(_ value: Any?) -> String? {
        switch value {
        case let n as NSNumber:
            let d = n.doubleValue
            return d == d.rounded() ? String(Int(d)) : String(d)
        default: return nil
        }
    }

    /// Whitespace (line breaks inside cells, stray spaces) removed.
    static func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    @Test func pagesAreUsableAndOnlyTablePagesAreRendered() throws {
        let c = try Self.content()
        #expect(c.pages.count == 5)
        #expect(c.pages.map(\.quality.verdict) == Array(repeating: .usable, count: 5))
        #expect(c.pages.allSatisfy { $0.hasTextLayer && $0.quality.controls == 0 && $0.quality.privateUse == 0 && $0.quality.replacements == 0 })
        #expect(c.pages.allSatisfy { $0.quality.cjkShare > 0.5 })
        #expect(c.pages.filter(\.rendered).map(\.number) == [2, 3, 4])
        #expect(c.pages.map { abs($0.width - 595) < 1 && abs($0.height - 842) < 1 } == Array(repeating: true, count: 5))
    }

    @Test func threeTablesTheSplitOnesJoined() throws {
        let c = try Self.content()
        let tables = c.tables
        #expect(tables.count == 3)
        guard tables.count == 3 else { return }
        #expect(tables.map(\.pages) == [[2, 3], [3, 4], [4]])
        #expect(tables.map(\.construction) == [.ruled, .ruled, .ruled])
        // 表三: 3 header rows + 23 template rows, 3 label columns + 7 applicant columns.
        #expect(tables[1].rows.count == 26)
        #expect(tables[1].rows.allSatisfy { $0.count == 10 })
        #expect(tables[1].rowPages.filter { $0 == 3 }.count == 17)
        #expect(tables[1].rowPages.filter { $0 == 4 }.count == 9)
    }

    @Test func table3CellsMatchTheTruth() throws {
        let t = try #require(Self.content().tables.dropFirst().first)
        let truth = try #require(Self.truth()["table3"] as? [String: Any])
        let columns = try #require(truth["columns"] as? [String])
        let rows = try #require(truth["rows"] as? [String: [String: Any]])
        // The report's row order (2021 template with one （六） row): grid rows 3… hold them, columns 3… the applicants.
        let order = ["new_received", "carried_over", "granted", "partial_granted", "denied_state_secret",
                     "denied_law_forbidden", "denied_security_stability", "denied_third_party", "denied_internal_affairs",
                     "denied_process_info", "denied_enforcement_case", "denied_admin_query", "unable_not_held",
                     "unable_need_create", "unable_unclear", "not_processed_petition", "not_processed_repeat",
                     "not_processed_publication", "not_processed_massive", "not_processed_confirm", "other_handling",
                     "total_processed", "carried_forward"]
        #expect(Set(order) == Set(rows.keys))
        var checked = 0
        for (i, key) in order.enumerated() {
            let row = try #require(rows[key])
            for (j, column) in columns.enumerated() {
                let cell = t.rows[3 + i][3 + j]
                #expect(cell.text == Self.printed(row[column]), "\(key).\(column)")
                #expect(cell.isOrigin)
                checked += 1
            }
        }
        #expect(checked == 161)
        // Labels where the grid puts them, merged cells included.
        #expect(t.rows[15][2].text == "1.本机关不掌握相关政府信息")
        #expect(t.rows[15][1].text == "（四）无法提供" && t.rows[15][1].isOrigin)
        #expect(Self.squeezed(t.rows[16][2].text) == "2.没有现成信息需要另行制作")
        #expect(t.rows[8][2].text == "2.其他法律行政止公开")      // the report's own typo, kept
        #expect(Self.squeezed(t.rows[5][0].text) == "三、本年度办理结果")
        #expect(t.rows[5][0].isOrigin && !t.rows[6][0].isOrigin)
        #expect(t.rows[3][0].text == "一、本年新收政府信息公开申请数量" && !t.rows[3][1].isOrigin)
        #expect(t.rows[1][4].text == "法人或其他组织" && t.rows[2][4].text == "商业\n企业")
    }

    @Test func mergedCellsContinueOverThePageBreak() throws {
        let t = try #require(Self.content().tables.dropFirst().first)
        // Row 17 is the first on page 4: its （四）无法提供 and 三、本年度办理结果 cells are the page-3 cells continuing.
        let first = t.rows[17]
        #expect(first[2].text == "3.补正后申请内容仍不明确" && first[2].page == 4)
        #expect(first[1].text == "（四）无法提供" && !first[1].isOrigin && first[1].page == 4)
        #expect(Self.squeezed(first[0].text) == "三、本年度办理结果" && !first[0].isOrigin)
        #expect(t.rows[18][1].text == "（五）不予处理" && t.rows[18][1].isOrigin)
        #expect(Self.squeezed(t.rows[25][0].text) == "四、结转下年度继续办理")
        // Page-4 cells sit in the page-4 part of the table, page-3 cells in the page-3 part.
        for row in t.rows {
            for cell in row {
                let box = t.boxes[try #require(t.pages.firstIndex(of: cell.page))]
                #expect(cell.box.x0 >= box.x0 - 0.5 && cell.box.x1 <= box.x1 + 0.5 && cell.box.y0 >= box.y0 - 0.5 && cell.box.y1 <= box.y1 + 0.5)
            }
        }
        // The number 10 (unable_not_held, 自然人) lies on page 3, in the lower half of the page.
        #expect(t.rows[15][3].page == 3 && t.rows[15][3].box.y0 > 421)
    }

    @Test func table4AndTable2MatchTheTruth() throws {
        let c = try Self.content()
        let truth = try Self.truth()
        let t4 = try #require(c.tables.last)
        let groups = try #require(truth["table4"] as? [String: [String: Any]])
        var expected: [String?] = []
        for g in ["review", "litigation_direct", "litigation_after_review"] {
            for k in ["upheld", "corrected", "other", "pending", "total"] { expected.append(Self.printed(groups[g]?[k])) }
        }
        #expect(t4.rows.count == 4)
        #expect(t4.rows.last?.map(\.text) == expected.map { $0 ?? "?" })
        #expect(t4.rows[1][5].text == "未经复议直接起诉" && t4.rows[1][10].text == "复议后起诉")

        let t2 = try #require(c.tables.first)
        let table2 = try #require(truth["table2"] as? [String: [String: Any]])
        let cell = { (r: Int, c: Int) in t2.rows[r][c].text }
        #expect(cell(2, 0) == "规章")
        #expect([cell(2, 1), cell(2, 2), cell(2, 3)] == ["issued", "repealed", "in_force"].map { Self.printed(table2["regulations"]?[$0]) ?? "?" })
        #expect([cell(3, 1), cell(3, 2), cell(3, 3)] == ["issued", "repealed", "in_force"].map { Self.printed(table2["normative_docs"]?[$0]) ?? "?" })
        #expect(cell(6, 0) == "行政许可" && cell(6, 1) == Self.printed(table2["licensing"]?["decisions"]))
        #expect(cell(9, 0) == "行政处罚" && cell(9, 1) == Self.printed(table2["penalty"]?["decisions"]) && t2.rows[9][1].page == 3)
        #expect(cell(10, 0) == "行政强制" && cell(10, 1) == Self.printed(table2["coercion"]?["decisions"]))
        #expect(cell(13, 0) == "行政事业性收费" && cell(13, 1) == Self.printed(table2["fees"]?["amount_wan_yuan"]))
        #expect(cell(12, 1) == "本年收费金额（单位：万元）")
        // A colspan-3 number: one origin, two copies.
        #expect(t2.rows[6].map(\.isOrigin) == [true, true, false, false])
    }

    @Test func footersAreNeitherCellsNorBodyLines() throws {
        let c = try Self.content()
        #expect(c.pages.map { $0.pageNumberLines.map { Self.squeezed($0.text) } } == (1...5).map { ["-\($0)-"] })
        let cells = c.tables.flatMap { $0.rows.joined() }
        #expect(!cells.contains { Self.squeezed($0.text).hasPrefix("-") })
        #expect(!c.lines.contains { PDFReader.isPageNumber($0.text) })
        // Body text around the tables, in reading order.
        let lines = c.lines
        #expect(lines.first?.text == "洪泽区人民政府" && lines.first?.page == 1 && lines.first?.number == 1)
        #expect(lines.contains { $0.text == "三、收到和处理政府信息公开申请情况" && $0.page == 3 })
        #expect(lines.contains { $0.text.contains("2023 年全区受理政府信息公开申请 21 件") })
        #expect(!lines.contains { $0.text.contains("本年新收政府信息公开申请数量") })
        let order = c.blocks.map { block -> String in
            switch block {
            case let .line(l): l.text == "三、收到和处理政府信息公开申请情况" ? "heading3" : (l.text == "四、政府信息公开行政复议、行政诉讼情况" ? "heading4" : "")
            case let .table(t): "table\(t.number)"
            }
        }.filter { !$0.isEmpty }
        #expect(order == ["table1", "heading3", "table2", "heading4", "table3"])
    }

    @Test func sameBytesSameContentOnAnyThread() async throws {
        let bytes = try Paths.bytes(Paths.reports.appendingPathComponent(Self.file))
        let serial = try PDFReader.read(bytes, file: Self.file)
        let results = try await withThrowingTaskGroup(of: PDFContent.self) { group in
            for _ in 0..<4 { group.addTask { try PDFReader.read(bytes, file: Self.file) } }
            var all: [PDFContent] = []
            for try await c in group { all.append(c) }
            return all
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == serial })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(serial) == encoder.encode(try PDFReader.read(bytes, file: Self.file)))
    }
}
