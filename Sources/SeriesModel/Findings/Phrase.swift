/// Words for headline metrics in briefing sentences: a noun and its measure word, in Chinese and English.
struct Phrase {
    var zh: String
    var measure: String
    var en: String
    var enUnit: String

    /// The headline metrics, in the order a briefing takes them.
    static let headline: [(metric: String, phrase: Phrase)] = [
        ("applications.new_received.total", Phrase(zh: "新收政府信息公开申请", measure: "件", en: "new disclosure requests", enUnit: "")),
        ("applications.total_processed.total", Phrase(zh: "办结政府信息公开申请", measure: "件", en: "requests concluded", enUnit: "")),
        ("normative_docs.issued", Phrase(zh: "制发行政规范性文件", measure: "件", en: "normative documents issued", enUnit: "")),
        ("normative_docs.made", Phrase(zh: "新制作规范性文件", measure: "件", en: "normative documents made", enUnit: "")),
        ("normative_docs.in_force", Phrase(zh: "现行有效行政规范性文件", measure: "件", en: "normative documents in force", enUnit: "")),
        ("licensing.items", Phrase(zh: "行政许可事项", measure: "项", en: "licensing items", enUnit: "")),
        ("licensing.decisions", Phrase(zh: "行政许可处理决定", measure: "件", en: "licensing decisions", enUnit: "")),
        ("other_services.decisions", Phrase(zh: "其他对外管理服务事项处理决定", measure: "件", en: "other service decisions", enUnit: "")),
        ("penalty.items", Phrase(zh: "行政处罚事项", measure: "项", en: "penalty items", enUnit: "")),
        ("penalty.decisions", Phrase(zh: "行政处罚决定", measure: "件", en: "penalty decisions", enUnit: "")),
        ("coercion.decisions", Phrase(zh: "行政强制决定", measure: "件", en: "coercive decisions", enUnit: "")),
        ("fees.amount", Phrase(zh: "行政事业性收费", measure: "万元", en: "administrative fees collected", enUnit: "10k yuan")),
        ("procurement.amount", Phrase(zh: "政府集中采购金额", measure: "万元", en: "central procurement", enUnit: "10k yuan")),
        ("review.total", Phrase(zh: "行政复议案件", measure: "件", en: "administrative reviews", enUnit: "")),
        ("litigation_direct.total", Phrase(zh: "行政诉讼案件（直接起诉）", measure: "件", en: "direct lawsuits", enUnit: "")),
    ]

    /// Words for other metrics that show up among the largest movers.
    static let other: [String: Phrase] = [
        "other_services.items": Phrase(zh: "其他对外管理服务事项", measure: "项", en: "other service items", enUnit: ""),
        "coercion.items": Phrase(zh: "行政强制事项", measure: "项", en: "coercive measure items", enUnit: ""),
        "fees.items": Phrase(zh: "行政事业性收费项目", measure: "项", en: "fee items", enUnit: ""),
        "procurement.projects": Phrase(zh: "政府集中采购项目", measure: "个", en: "central procurement projects", enUnit: ""),
        "normative_docs.repealed": Phrase(zh: "废止行政规范性文件", measure: "件", en: "normative documents repealed", enUnit: ""),
        "litigation_after_review.total": Phrase(zh: "行政诉讼案件（复议后起诉）", measure: "件", en: "lawsuits after review", enUnit: ""),
    ]

    static func of(_ metric: String) -> Phrase {
        if let p = headline.first(where: { $0.metric == metric })?.phrase { return p }
        if let p = other[metric] { return p }
        let m = MetricCatalog.standard[metric]
        return Phrase(zh: m?.labelZh ?? metric, measure: m?.unit ?? "", en: m?.labelEn ?? metric, enUnit: m?.unitEn ?? "")
    }

    /// `4,794项`, `38.76万件`, `2.43亿元` (万元 amounts are written in 元 magnitudes).
    func zhAmount(_ v: Double) -> String {
        if measure == "万元" { return Phrase.zhNumber(v * 10_000) + "元" }
        if measure == "%" { return NumberText.positional(v, fractionDigits: 1) + "%" }
        return Phrase.zhNumber(v) + measure
    }

    /// `v` in the magnitude `reference` is written in, so that one sentence keeps one unit: 8,397 next to
    /// 10,690 (1.07万) is `0.84万件`; next to 2,293 it is `8,397件`.
    func zhAmount(_ v: Double, like reference: Double) -> String {
        let r = abs(measure == "万元" ? reference * 10_000 : reference)
        let a = abs(measure == "万元" ? v * 10_000 : v)
        guard measure != "%", r >= 10_000 else { return zhAmount(v) }
        let (div, word) = r >= 1e8 ? (1e8, "亿") : (1e4, "万")
        let unit = measure == "万元" ? "元" : measure
        let n = a / div
        // At least two significant digits: 0.84万, 0.045万.
        let digits = n == 0 || n >= 0.1 ? 2 : (n >= 0.01 ? 3 : 4)
        return (n >= 1000 ? NumberText.grouped(n, fractionDigits: 2) : Phrase.trimmed(n, digits)) + word + unit
    }

    /// A difference of two rates in 个百分点: `2.1个百分点` (the one place that words a rate change).
    static func points(_ diff: Double) -> String {
        String(NumberText.percentagePoints(abs(diff)).drop { $0 == "+" })
    }

    static func trimmed(_ v: Double, _ digits: Int) -> String {
        var s = NumberText.positional(v, fractionDigits: digits)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    func enAmount(_ v: Double) -> String {
        if enUnit == "10k yuan" { return "¥" + NumberText.grouped(v * 10_000) }
        if measure == "%" { return NumberText.positional(v, fractionDigits: 1) + "%" }
        let n = v == v.rounded() ? NumberText.grouped(v) : NumberText.grouped(v, fractionDigits: 2)
        return enUnit.isEmpty ? n : "\(n) \(enUnit)"
    }

    /// Digits with thousands separators below 10,000 (`2,113`, as the tables and charts print them), 万/亿 above.
    static func zhNumber(_ v: Double) -> String {
        if abs(v) < 10_000 {
            return v == v.rounded() ? NumberText.grouped(v) : NumberText.grouped(v, fractionDigits: 2)
        }
        return NumberText.chinese(v)
    }
}
