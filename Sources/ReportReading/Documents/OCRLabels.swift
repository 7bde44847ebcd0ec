import SeriesModel

/// Puts OCR'd label cells right by the template's own labels: a cell whose text is within a few characters of
/// exactly one label or heading of the 2019 or 2021 template (edit distance at most a quarter of its length) is
/// given that label's text. OCR misreads one character in ten or so (本 as 未, （ as 《), and rows are found by
/// their labels; numbers are never touched (a cell needs two CJK ideographs to count as a label).
enum OCRLabels {
    /// The labels and headings of both templates, normalised as the stream normalises them, with their text.
    static let lexicon: [(key: [Unicode.Scalar], text: String)] = {
        var texts: [String] = []
        for template in TemplateVersion.allCases {
            let layout = TemplateLayout.layout(for: template)
            for table in 2...4 { for r in layout.rows(of: table) { texts.append(r.label) } }
        }
        texts += ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项",
                  "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额", "本年新制作数量",
                  "本年新公开数量", "对外公开总数量", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构",
                  "社会公益组织", "法律服务机构", "其他", "总计", "三、本年度办理结果", "（三）不予公开", "（四）无法提供",
                  "（五）不予处理", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果",
                  "尚未审结"]
        var seen = Set<String>()
        return texts.filter { seen.insert($0).inserted }.map { (CharStream.normalized($0), $0) }
    }()

    /// `text` snapped to the one label it nearly spells, or unchanged.
    static func snap(_ text: String) -> String {
        let key = CharStream.normalized(text)
        guard key.filter(OCRLabels.isCJK).count >= 2 else { return text }
        var best = Int.max, second = Int.max, choice: String?
        for entry in lexicon {
            guard abs(entry.key.count - key.count) <= max(1, key.count / 4) else { continue }
            let d = distance(key, entry.key)
            if d < best { second = best; best = d; choice = entry.text } else if d < second { second = d }
        }
        guard let choice, best <= max(1, key.count / 4), best < second else { return text }
        return choice
    }

    static func isCJK(_ u: Unicode.Scalar) -> Bool { (0x3400...0x9FFF).contains(u.value) }

    /// Levenshtein distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
