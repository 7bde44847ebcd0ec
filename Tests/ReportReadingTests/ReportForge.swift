import Foundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport

/// The variant forge: writes the report of a truth file in the forms real reports come in and with the kinds of
/// damage real tools do to them, together with the truth of each variant.
///
/// Everything is made from the template (labels, row order) and the truth's numbers; a seeded generator picks
/// which rows a damage touches, so the same seed gives the same variants on every machine.
struct ReportForge {
    /// How the report reached the tool.
    enum Form: String, CaseIterable, Sendable {
        /// `pdftotext` without `-layout`: one cell per line, blank cells vanish.
        case pdfText
        /// `pdftotext -layout`: one table row per line, cells apart by spaces.
        case layoutText
        /// A converter's Markdown pipe tables.
        case markdown
        /// A Word-made HTML page.
        case html
        /// Text copied from a web page: each row's label and digits run together.
        case webText
    }

    /// What was done to it.
    enum Damage: String, CaseIterable, Sendable {
        case clean
        /// One character of some labels replaced by a look-alike (OCR, typing).
        case labelTypos
        /// Stray spaces inside labels.
        case labelSpaces
        /// Labels cut in two by a line break.
        case labelCuts
        /// Item numbers missing or in another style (`1、`, `（1）`).
        case enumerators
        /// Page breaks with a footer and a running header inside the tables.
        case pageBreaks
        /// Lines joined by bare CR characters.
        case crJoined
        /// The whole page on one line with every space stripped.
        case oneLine
        /// Converter-broken Markdown: some 表三 labels lost, header cells shredded.
        case brokenLabels
        /// Other title forms: year first, 年度, Chinese numerals, other endings, cut, digits in the name.
        case titleForms
        /// A 2021 report whose 表三 keeps the 2019 single （六）其他处理 row.
        case singleOtherRow
        /// Some 表三 rows printed entirely blank (not reported).
        case blankRows
        /// A converter left a cell of a 表三 row empty and put its number on a line of its own below the row.
        case strayNumber
        /// `pdftotext` without `-layout`: a wrapped label's two halves around its numbers, merged header cells
        /// one character per line between a row's numbers (表三's 三、本年度办理结果, 表四's group names).
        case interleaved
        /// OCR-like confusions in the title: a character of the body's name read as a look-alike (沭阳 → 沐阳, the
        /// name then as printed), digits of the year and of a name read as letters (0 → O, 1 → l / 丨).
        case ocrTitle
        /// 表四 flattened: its header shredded into 12 cells, its 15 numbers on one line (one row of 15 cells).
        case flatTable4
        /// Labels cut in two by a page break: the footer (`- 7 -`) and the running title between the halves.
        case pageCutLabels
    }

    /// One forged report and what it must give.
    struct Variant {
        var name: String
        var form: Form
        var damage: Damage
        var bytes: [UInt8]
        var truth: ReportTruth
        var entity: String
    }

    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// The file extension of a form.
    static func fileExtension(_ form: Form) -> String {
        switch form {
        case .markdown: "md"
        case .html: "html"
        default: "txt"
        }
    }

    /// The damages that make sense for a form.
    static func damages(for form: Form) -> [Damage] {
        switch form {
        case .pdfText: [.clean, .labelTypos, .labelSpaces, .labelCuts, .enumerators, .pageBreaks, .crJoined, .titleForms, .singleOtherRow,
                        .interleaved, .ocrTitle, .flatTable4, .pageCutLabels]
        case .layoutText: [.clean, .labelTypos, .labelSpaces, .enumerators, .pageBreaks, .titleForms, .singleOtherRow, .ocrTitle, .flatTable4,
                           .pageCutLabels]
        case .markdown: [.clean, .labelTypos, .labelSpaces, .brokenLabels, .enumerators, .titleForms, .singleOtherRow, .blankRows, .strayNumber,
                         .ocrTitle, .flatTable4]
        case .html: [.clean, .labelTypos, .labelSpaces, .titleForms, .singleOtherRow, .blankRows, .ocrTitle]
        case .webText: [.clean, .oneLine, .labelTypos, .titleForms, .singleOtherRow, .ocrTitle]
        }
    }

    // MARK: - The report as rows

    /// A table row: label cells, then value cells (nil = printed blank).
    struct Row {
        var labels: [String]
        var values: [String?]
        /// The template row key (`granted`), nil for headers.
        var key: String?
    }

    enum Block {
        case text(String)
        case table([Row])
    }

    /// Makes the variant of `truth` in `form` with `damage`.
    mutating func variant(_ truth: ReportTruth, form: Form, damage: Damage) -> Variant {
        var truth = truth
        if damage == .singleOtherRow && truth.template == .v2021 { truth = Self.singleOtherRowTruth(truth) }
        if damage == .blankRows { truth = blankSomeRows(truth) }
        var entity = (damage == .titleForms || damage == .ocrTitle) && Int.random(in: 0..<3, using: &rng) == 0
            ? String((truth.entityNames.sorted().first ?? "").prefix(2)) + "01县人民政府" : truth.entityNames.sorted().first ?? ""
        if damage == .ocrTitle {
            // one character of the name read as a look-alike: the body is then named as printed
            var chars = Array(entity)
            let spots = chars.indices.filter { Self.nameLookAlikes[chars[$0]] != nil }
            if let spot = spots.randomElement(using: &rng) { chars[spot] = Self.nameLookAlikes[chars[spot]]! }
            // digits in a name read as letters (测试01县 → 测试O1县): the name as printed
            if let d = chars.firstIndex(where: { $0 == "0" || $0 == "1" }) { chars[d] = chars[d] == "0" ? "O" : "l" }
            entity = String(chars)
        }
        var blocks = self.blocks(truth, entity: entity, damage: damage)
        if damage == .ocrTitle, case let .text(title)? = blocks.first {
            // the year's and the name's digits read as letters: 0 → O, 1 → l or 丨 (the name keeps its digits as printed)
            let year = String(truth.year)
            let misread = String(year.map { d -> Character in
                d == "0" ? (Bool.random(using: &rng) ? "O" : "o") : d == "1" ? (Bool.random(using: &rng) ? "l" : "丨") : d
            })
            blocks[0] = .text(title.replacingOccurrences(of: year, with: misread))
        }
        if damage == .flatTable4 { blocks = Self.flattenTable4(blocks) }
        blocks = damageLabels(blocks, damage: damage)
        var text = render(blocks, form: form, damage: damage)
        if damage == .crJoined { text = text.replacingOccurrences(of: "\n", with: "\r") }
        if damage == .oneLine { text = String(text.filter { !$0.isWhitespace }) }
        var t = truth
        t.entityNames = [EntityName.normalize(entity)]
        return Variant(name: "\(truth.name).\(form.rawValue).\(damage.rawValue).\(Self.fileExtension(form))", form: form,
                       damage: damage, bytes: Array(text.utf8), truth: t, entity: EntityName.normalize(entity))
    }

    /// The truth of the same report printed with one （六）其他处理 row: the three sub-rows summed.
    static func singleOtherRowTruth(_ truth: ReportTruth) -> ReportTruth {
        var t = truth
        let y = truth.year
        for col in MetricCatalog.applicantColumns.map(\.key) {
            var sum = 0.0
            var blank = false
            for row in ["other_overdue_correction", "other_overdue_fee", "other_other"] {
                let k = "applications.\(row).\(col)@\(y)"
                switch t.cells.removeValue(forKey: k) {
                case let .value(v)?: sum += v
                default: blank = true
                }
            }
            t.cells["applications.other_handling.\(col)@\(y)"] = blank ? .blank : .value(sum)
        }
        return t
    }

    /// Marks one to three 表三 rows blank in the truth (the row is printed with empty cells).
    mutating func blankSomeRows(_ truth: ReportTruth) -> ReportTruth {
        var t = truth
        let rows = MetricCatalog.applicationRows(for: truth.template).map(\.key)
            .filter { !["new_received", "carried_over", "total_processed", "carried_forward"].contains($0) }
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let row = rows.randomElement(using: &rng)!
            for col in MetricCatalog.applicantColumns.map(\.key) where t.cells["applications.\(row).\(col)@\(t.year)"] != nil {
                t.cells["applications.\(row).\(col)@\(t.year)"] = .blank
            }
        }
        return t
    }

    private static let chineseDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    mutating func title(_ entity: String, year: Int, damage: Damage) -> [String] {
        guard damage == .titleForms else { return ["\(entity)\(year)年政府信息公开工作年度报告"] }
        let cn = String(year).map { Self.chineseDigits[Int(String($0))!] }.joined()
        let forms = [
            ["\(year)年\(entity)政府信息公开工作年度报告"], ["\(year)年度\(entity)政府信息公开工作年度报告"],
            ["\(cn)年\(entity)政府信息公开工作年度报告"], ["\(entity)\(cn)年政府信息公开工作年度报告"],
            ["\(entity)\(year)年度政府信息公开年度报告"], ["\(entity)\(year)年政府信息公开工作报告"],
            ["\(entity)\(year)年政府信息公开报告"], ["\(entity)\(year)年政府信息公开工作年度报..."],
            [entity, "\(year)年政府信息公开工作年度报告"], ["关于\(entity)\(year)年政府信息公开工作年度报告"],
        ]
        return forms.randomElement(using: &rng)!
    }

    private func number(_ truth: ReportTruth, _ key: String) -> String? {
        switch truth.cells[key] {
        case let .value(v)?: NumberText.plain(v)
        default: nil
        }
    }

    mutating func blocks(_ truth: ReportTruth, entity: String, damage: Damage) -> [Block] {
        let y = truth.year
        var out: [Block] = title(entity, year: y, damage: damage).map { .text($0) }
        let we = damage == .titleForms ? ["我厅", "我局", "本机关", "我委"].randomElement(using: &rng)! : "本机关"
        out.append(.text("本报告所列数据的统计期限自\(y)年1月1日起至\(y)年12月31日止。\(we)认真贯彻落实《中华人民共和国政府信息公开条例》。"))
        out.append(.text("二、主动公开政府信息情况"))
        func row(_ label: String, _ keys: [String], key: String) -> Row {
            Row(labels: [label], values: keys.map { number(truth, $0) }, key: key)
        }
        if truth.template == .v2019 {
            out.append(.table([
                Row(labels: ["第二十条第（一）项"], values: [], key: nil),
                Row(labels: ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], values: [], key: nil),
                row("规章", ["regulations.made@\(y)", "regulations.published@\(y)", "regulations.total@\(y)"], key: "regulations"),
                row("规范性文件", ["normative_docs.made@\(y)", "normative_docs.published@\(y)", "normative_docs.total@\(y)"], key: "normative_docs"),
            ]))
            var items: [Row] = [Row(labels: ["第二十条第（五）项"], values: [], key: nil),
                                Row(labels: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], values: [], key: nil)]
            for (p, zh, _) in MetricCatalog.itemRows2019 {
                if p == "penalty" {
                    items.append(Row(labels: ["第二十条第（六）项"], values: [], key: nil))
                    items.append(Row(labels: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], values: [], key: nil))
                }
                if p == "fees" {
                    items.append(Row(labels: ["第二十条第（八）项"], values: [], key: nil))
                    items.append(Row(labels: ["信息内容", "上一年项目数量", "本年增/减"], values: [], key: nil))
                }
                var keys = ["\(p).items@\(y - 1)", "\(p).items_change@\(y)"]
                if p != "fees" { keys.append("\(p).decisions@\(y)") }
                items.append(row(zh, keys, key: p))
            }
            items.append(Row(labels: ["第二十条第（九）项"], values: [], key: nil))
            items.append(Row(labels: ["信息内容", "采购项目数量", "采购总金额"], values: [], key: nil))
            items.append(row("政府集中采购", ["procurement.projects@\(y)", "procurement.amount@\(y)"], key: "procurement"))
            out.append(.table(items))
        } else {
            out.append(.table([
                Row(labels: ["第二十条第（一）项"], values: [], key: nil),
                Row(labels: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], values: [], key: nil),
                row("规章", ["regulations.issued@\(y)", "regulations.repealed@\(y)", "regulations.in_force@\(y)"], key: "regulations"),
                row("行政规范性文件", ["normative_docs.issued@\(y)", "normative_docs.repealed@\(y)", "normative_docs.in_force@\(y)"], key: "normative_docs"),
                Row(labels: ["第二十条第（五）项"], values: [], key: nil),
                Row(labels: ["信息内容", "本年处理决定数量"], values: [], key: nil),
                row("行政许可", ["licensing.decisions@\(y)"], key: "licensing"),
                Row(labels: ["第二十条第（六）项"], values: [], key: nil),
                Row(labels: ["信息内容", "本年处理决定数量"], values: [], key: nil),
                row("行政处罚", ["penalty.decisions@\(y)"], key: "penalty"),
                row("行政强制", ["coercion.decisions@\(y)"], key: "coercion"),
                Row(labels: ["第二十条第（八）项"], values: [], key: nil),
                Row(labels: ["信息内容", "本年收费金额（单位：万元）"], values: [], key: nil),
                row("行政事业性收费", ["fees.amount@\(y)"], key: "fees"),
            ]))
        }
        out.append(.text("三、收到和处理政府信息公开申请情况"))
        var t3: [Row] = [
            Row(labels: ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], values: [], key: nil),
            Row(labels: ["自然人", "法人或其他组织", "总计"], values: [], key: nil),
            Row(labels: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], values: [], key: nil),
        ]
        let single = truth.cells["applications.other_handling.total@\(y)"] != nil
        let rowKeys = single ? MetricCatalog.applicationRows(for: .v2019).map(\.key) : MetricCatalog.applicationRows(for: truth.template).map(\.key)
        let labels = Self.table3Labels
        for key in rowKeys {
            if key == "granted" { t3.append(Row(labels: ["三、本年度办理结果"], values: [], key: nil)) }
            if key == "denied_state_secret" { t3.append(Row(labels: ["（三）不予公开"], values: [], key: nil)) }
            if key == "unable_not_held" { t3.append(Row(labels: ["（四）无法提供"], values: [], key: nil)) }
            if key == "not_processed_petition" { t3.append(Row(labels: ["（五）不予处理"], values: [], key: nil)) }
            if key == "other_overdue_correction" { t3.append(Row(labels: ["（六）其他处理"], values: [], key: nil)) }
            t3.append(row(labels[key] ?? key, MetricCatalog.applicantColumns.map { "applications.\(key).\($0.key)@\(y)" }, key: key))
        }
        out.append(.table(t3))
        out.append(.text("四、政府信息公开行政复议、行政诉讼情况"))
        let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        out.append(.table([
            Row(labels: ["行政复议", "行政诉讼"], values: [], key: nil),
            Row(labels: heads + ["未经复议直接起诉"] + heads + ["复议后起诉"] + heads, values: [], key: nil),
            Row(labels: [], values: MetricCatalog.reviewGroups.flatMap { g in MetricCatalog.reviewColumns.map { number(truth, "\(g.key).\($0.key)@\(y)") } },
                key: "review_litigation"),
        ]))
        out.append(.text("五、政府信息公开工作存在的主要问题及改进情况"))
        out.append(.text("一是公开内容还需进一步丰富。二是解读形式有待创新。"))
        return out
    }

    static let table3Labels: [String: String] = [
        "new_received": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
        "granted": "（一）予以公开", "partial_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "denied_state_secret": "1.属于国家秘密", "denied_law_forbidden": "2.其他法律行政法规禁止公开",
        "denied_security_stability": "3.危及“三安全一稳定”", "denied_third_party": "4.保护第三方合法权益",
        "denied_internal_affairs": "5.属于三类内部事务信息", "denied_process_info": "6.属于四类过程性信息",
        "denied_enforcement_case": "7.属于行政执法案卷", "denied_admin_query": "8.属于行政查询事项",
        "unable_not_held": "1.本机关不掌握相关政府信息", "unable_need_create": "2.没有现成信息需要另行制作",
        "unable_unclear": "3.补正后申请内容仍不明确", "not_processed_petition": "1.信访举报投诉类申请",
        "not_processed_repeat": "2.重复申请", "not_processed_publication": "3.要求提供公开出版物",
        "not_processed_massive": "4.无正当理由大量反复申请", "not_processed_confirm": "5.要求行政机关确认或重新出具已获取信息",
        "other_handling": "（六）其他处理",
        "other_overdue_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other_overdue_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other_other": "3.其他", "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理",
    ]

    // MARK: - Damage to labels

    /// Look-alike characters OCR confuses in place names (沭阳 read as 沐阳).
    static let nameLookAlikes: [Character: Character] = [
        "沭": "沐", "潭": "谭", "江": "汪", "洪": "供", "泽": "择", "牡": "牲", "丹": "舟", "海": "每", "阳": "阴", "平": "乎",
        "实": "买", "区": "匹", "办": "力", "厅": "斤", "淮": "准", "安": "案",
    ]

    /// 表四 as a converter flattens it: the two header rows shredded into 12 cells, the 15 numbers one row.
    static func flattenTable4(_ blocks: [Block]) -> [Block] {
        blocks.map { block in
            guard case let .table(rows) = block, rows.contains(where: { $0.key == "review_litigation" }) else { return block }
            let shredded = ["行政复", "议", "行政诉", "讼", "结果维", "持", "结果纠", "正", "其他结", "果", "尚未审", "结"]
            return .table([Row(labels: shredded, values: [], key: nil)] + rows.filter { $0.key == "review_litigation" })
        }
    }

    /// Look-alike characters a scan or a typist confuses.
    static let lookAlikes: [Character: Character] = {
        let from = Array("属密握政法规公开请没现制确访复版理护第全稳定案查询事务性息内部掌信重物量反获结转年新收予以国家秘禁危保补仍明")
        let to = Array("厲蜜屋攻去观么幵清设观製碓仿夏板埋沪弟金隐淀桉杳洵亊各姓思肉郜拿倍童勿暈仮荻诘砖牛亲攸子似困冢祕襟卮堡朴扔朋")
        var m: [Character: Character] = [:]
        for (f, t) in zip(from, to) { m[f] = t }
        return m
    }()

    mutating func damageLabels(_ blocks: [Block], damage: Damage) -> [Block] {
        guard [.labelTypos, .labelSpaces, .labelCuts, .enumerators, .brokenLabels].contains(damage) else { return blocks }
        return blocks.map { block in
            guard case var .table(rows) = block else { return block }
            for i in rows.indices {
                guard let key = rows[i].key, rows[i].labels.count == 1 else { continue }
                let isT3 = Self.table3Labels[key] != nil
                var label = rows[i].labels[0]
                switch damage {
                case .labelTypos:
                    guard Int.random(in: 0..<3, using: &rng) == 0 else { continue }
                    let (enumerator, body) = Self.splitEnumerator(label)
                    var chars = Array(body)
                    let spots = chars.indices.filter { Self.lookAlikes[chars[$0]] != nil && $0 > 0 }
                    guard let spot = spots.randomElement(using: &rng) else { continue }
                    chars[spot] = Self.lookAlikes[chars[spot]]!
                    label = enumerator + String(chars)
                case .labelSpaces:
                    guard Int.random(in: 0..<2, using: &rng) == 0, label.count > 2 else { continue }
                    var chars = Array(label)
                    chars.insert(" ", at: Int.random(in: 1..<chars.count, using: &rng))
                    label = String(chars)
                case .labelCuts:
                    guard Int.random(in: 0..<2, using: &rng) == 0, label.count > 4 else { continue }
                    var chars = Array(label)
                    chars.insert("\n", at: Int.random(in: 2..<(chars.count - 1), using: &rng))
                    label = String(chars)
                case .enumerators:
                    let (enumerator, body) = Self.splitEnumerator(label)
                    guard isT3, enumerator.count == 2, enumerator.hasSuffix(".") else { continue }
                    let n = enumerator.prefix(1)
                    label = [n + "、" + body, "（\(n)）" + body, n + "．" + body].randomElement(using: &rng)!
                case .brokenLabels:
                    guard isT3, Int.random(in: 0..<5, using: &rng) == 0, key != "new_received" else { continue }
                    label = ""
                default:
                    break
                }
                rows[i].labels[0] = label
            }
            if damage == .brokenLabels {
                for i in rows.indices where rows[i].key == nil && rows[i].labels.count > 2 {
                    // shredded header cells: `| 业 | 构 | 益组织 |`
                    rows[i].labels = rows[i].labels.map { String($0.suffix(Int.random(in: 1...2, using: &rng))) }
                }
            }
            return .table(rows)
        }
    }

    /// (`1.`, `属于国家秘密`) of a label.
    static func splitEnumerator(_ label: String) -> (String, String) {
        let chars = Array(label)
        if chars.count > 2, chars[0].isASCII, chars[0].isNumber, chars[1] == "." { return (String(chars[0...1]), String(chars[2...])) }
        return ("", label)
    }

    // MARK: - Rendering

    mutating func render(_ blocks: [Block], form: Form, damage: Damage) -> String {
        var lines: [String] = []
        var rowCount = 0
        var pageNumber = 2
        let runningHeader = title(of: blocks)
        func pageBreak(_ header: Row?) {
            // a footer in one of the usual forms, then the running header (the title, with its year) and the
            // table's column header repeated
            lines.append("")
            lines.append(["- \(pageNumber) -", "第 \(pageNumber) 页", "— \(pageNumber) —", "第\(pageNumber)页 共9页"][pageNumber % 4])
            pageNumber += 1
            lines.append("")
            if pageNumber % 2 == 0 { lines.append(runningHeader) }
            if let header, form == .pdfText || form == .layoutText { lines.append(contentsOf: cells(header).filter { !$0.isEmpty }) }
        }
        func cells(_ r: Row) -> [String] { r.labels + r.values.map { $0 ?? "" } }
        switch form {
        case .html:
            var s = "<html><head><meta charset=\"utf-8\"><title>\(title(of: blocks))</title></head><body>\n"
            for b in blocks {
                switch b {
                case let .text(t): s += "<p>\(t.replacingOccurrences(of: "\n", with: "<br>"))</p>\n"
                case let .table(rows):
                    s += "<table border=\"1\">\n"
                    for r in rows {
                        s += "<tr>" + r.labels.map { "<td>\($0.replacingOccurrences(of: "\n", with: "<br>"))</td>" }.joined()
                            + r.values.map { "<td>\($0 ?? "&nbsp;")</td>" }.joined() + "</tr>\n"
                    }
                    s += "</table>\n"
                }
            }
            return s + "</body></html>\n"
        case .markdown:
            for b in blocks {
                switch b {
                case let .text(t): lines.append(t); lines.append("")
                case let .table(rows):
                    let width = rows.map { cells($0).count }.max() ?? 1
                    for (i, r) in rows.enumerated() {
                        var c = cells(r).map { $0.replacingOccurrences(of: "\n", with: " ") }
                        if c.isEmpty { continue }
                        var stray: String?
                        if damage == .strayNumber, r.key != nil, r.values.count == 7, Int.random(in: 0..<6, using: &rng) == 0 {
                            let cell = r.labels.count + Int.random(in: 0..<7, using: &rng)
                            if !c[cell].isEmpty { stray = c[cell]; c[cell] = "" }
                        }
                        c += Array(repeating: "", count: max(0, width - c.count))
                        lines.append("| " + c.joined(separator: " | ") + " |")
                        if i == 0 { lines.append("|" + Array(repeating: "---", count: width).joined(separator: "|") + "|") }
                        if let stray { lines.append(stray) }
                    }
                    lines.append("")
                }
            }
        case .pdfText, .layoutText, .webText:
            for b in blocks {
                switch b {
                case let .text(t): lines.append(t)
                case let .table(rows):
                    var header: Row?
                    for r in rows {
                        if r.key == nil && r.labels.count > 1 { header = r }
                        rowCount += 1
                        if damage == .pageBreaks && r.key != nil && rowCount % 9 == 0 { pageBreak(header) }
                        switch form {
                        case .pdfText where damage == .interleaved:
                            lines.append(contentsOf: interleave(r))
                        case .pdfText where damage == .flatTable4 && r.key == "review_litigation":
                            lines.append(r.values.map { $0 ?? "" }.filter { !$0.isEmpty }.joined(separator: " "))
                        case .pdfText where damage == .pageCutLabels && r.key != nil && r.labels.count == 1 && r.labels[0].count > 6
                                && Int.random(in: 0..<4, using: &rng) == 0:
                            // the label cut by a page break: first half, the footer and the running title, second half
                            let label = Array(r.labels[0]), cut = Int.random(in: 2..<(label.count - 2), using: &rng)
                            lines.append(String(label[..<cut]))
                            lines += ["", "- \(pageNumber) -", "", runningHeader]
                            pageNumber += 1
                            lines.append(String(label[cut...]))
                            lines.append(contentsOf: r.values.compactMap { $0 })
                        case .layoutText where damage == .pageCutLabels && r.key != nil && r.labels.count == 1 && r.labels[0].count > 6
                                && Int.random(in: 0..<4, using: &rng) == 0:
                            let label = Array(r.labels[0]), cut = Int.random(in: 2..<(label.count - 2), using: &rng)
                            lines.append(([String(label[..<cut])] + r.values.compactMap { $0 }).joined(separator: "    "))
                            lines += ["", "第 \(pageNumber) 页", "", runningHeader]
                            pageNumber += 1
                            lines.append(String(label[cut...]))
                        case .pdfText:
                            lines.append(contentsOf: cells(r).filter { !$0.isEmpty })
                        case .layoutText:
                            lines.append(cells(r).filter { !$0.isEmpty }.joined(separator: "    "))
                        default:
                            lines.append(r.labels.joined(separator: " ") + r.values.map { $0 ?? "" }.joined())
                        }
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row as `pdftotext` without `-layout` prints it when labels wrap and merged cells are tall.
    mutating func interleave(_ r: Row) -> [String] {
        let values = r.values.compactMap { $0 }
        if r.key == "review_litigation" {
            // the group names of the merged header cells, one character per line, between the groups' numbers
            var out = Array(values.prefix(5))
            out += "未经复议直接起诉".map(String.init)
            out += values.dropFirst(5).prefix(5)
            out += "复议后起诉".map(String.init)
            out += values.dropFirst(10)
            return out
        }
        guard r.key != nil, r.labels.count == 1, values.count == 7 else { return r.labels + values }
        let label = Array(r.labels[0])
        var out: [String] = []
        if label.count > 8, Int.random(in: 0..<2, using: &rng) == 0 {
            let cut = Int.random(in: 3..<(label.count - 2), using: &rng)
            out.append(String(label[..<cut]))
            out += values
            out.append(String(label[cut...]))
        } else {
            out.append(String(label))
            out += values
        }
        if r.key == "granted" {
            // the tall merged cell 三、本年度办理结果 comes out one character per line inside the row
            out.insert(contentsOf: "三、本年度办理结果".map(String.init), at: min(out.count, 4))
        }
        return out
    }

    private func title(of blocks: [Block]) -> String {
        if case let .text(t)? = blocks.first { return t }
        return ""
    }
}
