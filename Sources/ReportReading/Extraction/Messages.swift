import SeriesModel

/// Every user-facing message of extraction and checking, in one place.
enum ExtractionMessages {
    static let emptyFile = "the file is empty: expected a 政府信息公开工作年度报告 as text, HTML or Markdown"
    static let unparsableHTML = "libxml2 could not parse the page as HTML"
    static func tooLarge(_ bytes: Int, limit: Int) -> String {
        "the file is \(megabytes(bytes)), larger than the \(megabytes(limit)) a report can be: expected one annual report"
    }
    static let notAReport = "not a 政府信息公开工作年度报告: none of 表二 (第二十条第（一）项), 表三 (收到和处理政府信息公开申请情况) or 表四 (行政复议、行政诉讼) was found"
    static let unknownTemplate = "cannot tell the template: found none of the 2019 labels (本年新制作数量, 上一年项目数量, 政府集中采购) or the 2021 labels (本年制发件数, 本年收费金额, 逾期不补正); read it with `trendplot extract FILE --template 2019` (or 2021)"
    static let unknownEntity = "cannot find the body's name: expected a title such as “XX市人民政府2020年政府信息公开工作年度报告”; read it with `trendplot extract FILE --name NAME`"
    static let unknownYear = "cannot find the report year: expected a title with the year or a statistics period (统计期限自2020年1月1日…); read it with `trendplot extract FILE --year YYYY`"
    static let singleOtherHandling = "表三 prints the 2019 template's single （六）其他处理 row (23 rows): read as such, key other_handling"
    static let columnsByIdentities = "columns fixed by the identities: blank cells not printed"
    static let vanishedBlanks = "表三's blank cells are not printed (fewer numbers than cells in some rows): each number was placed in the column the template's identities allow; cells they leave open are not emitted"
    static let interleavedSumBroken = "the row's numbers stand among pieces of label text (a converter interleaved them) and its own sum fails: which cell each belongs to is a guess, so none is emitted as certain"
    static func guessBreaksIdentity(_ guess: String) -> String {
        "this row's place is a guess (\(guess)) and the table's identities do not confirm it: its numbers are not emitted as certain"
    }
    static func strayNumber(_ text: String) -> String {
        "is blank while the number “\(text)” stands outside the table before the next row (it may belong here)"
    }
    static func doubtfulCell(_ printed: String, why: String) -> String {
        (printed.isEmpty ? "the cell" : "“\(printed)”") + " \(why): not emitted as certain"
    }
    static func templateBeforeItsYear(_ year: Int) -> String {
        "the tables follow the 2021 template (本年制发件数, 本年收费金额, 逾期不补正), which applies from the 2021 reports on, but the report says \(year): read it with `trendplot extract FILE --year YYYY` (or --template 2019)"
    }
    static func yearMismatch(title: Int, period: Int) -> String {
        "the title says \(title) but the statistics period starts in \(period); using \(title)"
    }
    static func tableMissing(_ table: Int) -> String { "表\(chinese(table)) was not found (its heading or rows are missing)" }
    static func rowMissing(_ label: String) -> String { "row “\(label)” was not found; its numbers are not emitted" }
    static func ocrUnconfirmed(_ value: String) -> String {
        "OCR read \(value) here, but the template's identities do not confirm it, so it is not emitted; check it on the scan"
    }
    static func guessedGrid(_ values: String) -> String {
        "read from a PDF table without ruling lines (grid rebuilt from glyph positions), so not certain and not emitted: \(values); check them on the page"
    }
    static let noNumbers = "no numbers after the label (the table may be truncated)"
    static func tooMany(found: Int, expected: Int) -> String {
        "found \(found) numbers, expected \(expected); none of this row is emitted"
    }
    static func noSplit(_ run: String, found: Int, expected: Int) -> String {
        "found \(found) number\(found == 1 ? "" : "s") (“\(run)”), expected \(expected), and no split into \(expected) valid numbers exists; none of this row is emitted"
    }
    static func tooComplex(_ run: String) -> String {
        "the run “\(run)” has too many possible splits to search; none of this row is emitted"
    }
    static func unreadable(_ text: String) -> String { "“\(text)” is not a number" }
    static func ambiguous(_ run: String, count: Int, metrics: [String]) -> String {
        "the run “\(run)” splits in \(count) consistent ways; no value for \(metrics.joined(separator: ", "))"
    }
    static func rowSumBroken(_ run: String) -> String {
        "no split of “\(run)” into the row's cells satisfies the row's sum: the cells (blank ones may have vanished) are not emitted as certain"
    }

    static func chinese(_ table: Int) -> String { ["", "一", "二", "三", "四", "五"][min(max(table, 0), 5)] }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
