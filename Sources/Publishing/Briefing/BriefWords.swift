import Charts
import ReportReading
import SeriesModel

/// Every word a briefing generates, in Chinese and English, in one place.
enum BriefWords {
    static func title(_ zh: Bool) -> String { zh ? "政府信息公开工作年度报告数据简报" : "Government Information Disclosure: Data Briefing" }

    /// The cover's line on what the briefing rests on, in words: bodies, years and how many reports — the file
    /// names are in the appendix.
    static func generatedFrom(_ zh: Bool, bodies: [String], years: [Int], reports: Int, tidy: Int) -> String {
        var parts: [String] = []
        if reports > 0 { parts.append(zh ? "\(reports)份政府信息公开工作年度报告" : "\(reports) annual report(s)") }
        if tidy > 0 { parts.append(zh ? "\(tidy)个整理数据文件" : "\(tidy) data file(s)") }
        let what = parts.joined(separator: zh ? "和" : " and ")
        return zh ? "本简报根据\(bodies.count)个单位\(yearSpan(true, years))的\(what)整理，数值均取自报告原文，来源见文末注释，文件清单与核查情况见附录。"
                  : "Compiled from \(what) of \(bodies.count) bod\(bodies.count == 1 ? "y" : "ies"), \(yearSpan(false, years)); sources in the endnotes, files and checks in the appendix."
    }

    /// `2019—2025年` (a range), or `2019、2021、2022年` when years are missing; empty for none.
    static func yearSpan(_ zh: Bool, _ ys: [Int]) -> String {
        guard let f = ys.first, let l = ys.last else { return "" }
        if f == l { return zh ? "\(f)年" : "\(f)" }
        if ys.count == l - f + 1 { return zh ? "\(f)—\(l)年" : "\(f)–\(l)" }
        return zh ? ys.map(String.init).joined(separator: "、") + "年" : ys.map(String.init).joined(separator: ", ")
    }

    /// The rule the bodies are ordered by, said once.
    static func orderRule(_ zh: Bool, _ order: BriefingBuilder.BodyOrder, comparison: BriefComparison?) -> String {
        switch order {
        case .pinyin: return zh ? "各单位按名称汉语拼音顺序排列。" : "Bodies are in the alphabetical order of their names in pinyin."
        case .size: return zh ? "各单位按新收政府信息公开申请数量由多到少排列。" : "Bodies are ordered by new requests, most first."
        case .input: return zh ? "各单位按报告读入顺序排列。" : "Bodies are in the order the reports were read."
        }
    }

    /// `859件`, `1.07万件`, `47.9%`.
    static func amount(_ zh: Bool, _ v: Double, unit: String) -> String {
        if unit == "%" { return NumberText.positional(v, fractionDigits: 1) + "%" }
        let whole = v == v.rounded()
        if zh { return (abs(v) >= 10_000 ? NumberText.chinese(v) : NumberText.grouped(v, fractionDigits: whole ? 0 : 1)) + unit }
        return NumberText.grouped(v, fractionDigits: whole ? 0 : 1)
    }

    /// A table cell: `2,113`, `40.0` for rates.
    static func cell(_ v: Double, unit: String) -> String {
        unit == "%" ? NumberText.positional(v, fractionDigits: 1) : NumberText.grouped(v, fractionDigits: v == v.rounded() ? 0 : 1)
    }

    /// The takeaway of a composition chart: the largest part of the latest year.
    static func shareTakeaway(_ zh: Bool, _ spec: ChartSpec) -> String {
        guard let year = spec.yearsWithValues.last else { return "" }
        let parts = spec.series.compactMap { s in s.value(in: year).map { (s.label, $0) } }
        let total = parts.map(\.1).reduce(0, +)
        guard total > 0, let top = parts.max(by: { $0.1 < $1.1 }) else { return "" }
        let pct = NumberText.positional(top.1 / total * 100, fractionDigits: 1)
        return zh ? "\(year)年\(top.0)占比最大，为\(pct)%。" : "In \(year), \(top.0) is the largest part (\(pct)%)."
    }

    /// The sources of a finding in words: `平潭综合实验区2021年、2022年政府信息公开工作年度报告，表二“行政许可·处理决定数量”`.
    static func endnote(_ zh: Bool, uses: [ObservationKey], dataset: Dataset) -> String {
        let catalog = MetricCatalog.standard
        var byEntity: [(entity: String, years: [Int], metrics: [String])] = []
        for k in uses {
            if let i = byEntity.firstIndex(where: { $0.entity == k.entity }) {
                if !byEntity[i].years.contains(k.year) { byEntity[i].years.append(k.year) }
                if !byEntity[i].metrics.contains(k.metric) { byEntity[i].metrics.append(k.metric) }
            } else {
                byEntity.append((k.entity, [k.year], [k.metric]))
            }
        }
        func place(_ m: String) -> String {
            let label = catalog[m]?.labelZh ?? m
            if let def = MetricCatalog.indicatorDefinitions.first(where: { $0.id == m }) {
                let inputs = def.inputs.map { catalog[$0]?.labelZh ?? $0 }.map { "“\($0)”" }
                return zh ? "“\(def.labelZh)”由表三\(inputs.joined(separator: "、"))计算（方法见附录）"
                          : "“\(def.labelEn)” computed from table 3 (method in the appendix)"
            }
            let table = catalog[m]?.table.map { tableName(zh, $0) } ?? ""
            return zh ? "\(table)“\(label)”" : "\(table) “\(catalog[m]?.labelEn ?? m)”"
        }
        let parts = byEntity.map { e -> String in
            let years = e.years.sorted().map { zh ? "\($0)年" : String($0) }.joined(separator: zh ? "、" : ", ")
            let derived = e.metrics.allSatisfy { m in
                e.years.allSatisfy { y in dataset.observation(ObservationKey(entity: e.entity, year: y, metric: m))?.derived ?? false }
            } && !e.metrics.contains { $0.hasPrefix("indicator.") }
            // Many rows of one table (the outcome shares, the reasons) are named by the first and a count.
            let shown = e.metrics.count > 3 ? Array(e.metrics.prefix(2)) : e.metrics
            var places = shown.map(place).joined(separator: zh ? "、" : "; ")
            if shown.count < e.metrics.count { places += zh ? "等\(e.metrics.count)项" : " and \(e.metrics.count - shown.count) more" }
            return zh ? "\(e.entity)\(years)政府信息公开工作年度报告，\(places)" + (derived ? "（由报告数据推算）" : "")
                      : "\(e.entity), annual report\(e.years.count > 1 ? "s" : "") \(years): \(places)" + (derived ? " (derived)" : "")
        }
        return parts.joined(separator: zh ? "；" : "; ") + (zh ? "。" : ".")
    }

    /// A source reference for the appendix: the file and its place as read (`pingtan_2022.html#table2[r10c2]`),
    /// its notes in Chinese (`由数字串3960181拆分`), and a computed value named as such instead of its formula.
    static func reference(_ zh: Bool, _ raw: String) -> String {
        guard zh else { return raw }
        if raw.contains(" × ") || raw.contains(" / ") || raw.range(of: #"^[a-z_]+\.[a-z_.]+"#, options: .regularExpression) != nil {
            return "计算值（方法见“计算方法”）"
        }
        let ref = SourceRef(parsing: raw)
        var bare = ref
        bare.notes = []
        let notes = ref.notes.map { n -> String in
            if n.hasPrefix("split from ") { return "由数字串" + n.dropFirst("split from ".count) + "拆分" }
            if n == "transcribed" { return "人工转录" }
            if n.lowercased().contains("ocr") { return "文字识别" }
            if n.range(of: "[A-Za-z]{3,}", options: .regularExpression) != nil { return "经换算或推算" }
            return n
        }
        return bare.description + (notes.isEmpty ? "" : "（" + notes.joined(separator: "；") + "）")
    }

    /// `表三` / `table 3`.
    static func tableName(_ zh: Bool, _ n: Int) -> String {
        let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        return zh ? "表" + (n < 10 ? digits[n] : String(n)) : "table \(n)"
    }

    /// How the derived figures are computed, in words: `公开率 =（予以公开 ＋ 部分公开）÷ 办理结果总计 × 100`.
    static func methods(_ zh: Bool, metrics: Set<String>) -> [String] {
        let catalog = MetricCatalog.standard
        func words(_ s: MetricSum) -> String {
            guard let terms = s.alternatives.first else { return "" }
            var out = ""
            for (i, t) in terms.enumerated() {
                let name = zh ? (catalog[t.metric]?.labelZh ?? t.metric) : (catalog[t.metric]?.labelEn ?? t.metric)
                out += (i == 0 ? (t.sign < 0 ? "－" : "") : (t.sign < 0 ? " － " : " ＋ ")) + name
            }
            return terms.count > 1 ? (zh ? "（\(out)）" : "(\(out))") : out
        }
        var out = MetricCatalog.indicatorDefinitions.filter { metrics.contains($0.id) }.map { d -> String in
            var s = (zh ? d.labelZh : d.labelEn) + " = " + words(d.numerator)
            if let den = d.denominator { s += " ÷ " + words(den) }
            if d.scale != 1 { s += " × \(NumberText.plain(d.scale))" }
            return s + (zh ? "。" : ".")
        }
        out.append(zh ? "增减幅度 =（本年数 － 上年数）÷ 上年数；比率的变化以“个百分点”表示；年均增长按首末两年计算；“无明显趋势”指各年数值与直线趋势偏离较大（拟合优度低于0.5）。"
                      : "Change = (this year − last year) ÷ last year; changes of rates are in percentage points; annual growth from the first and last year; “no clear trend”: the values stray far from a straight line (R² below 0.5).")
        return out
    }

    static func conflictLine(_ zh: Bool, _ c: DatasetConflict) -> String {
        guard zh else { return c.description }
        let label = MetricCatalog.standard[c.key.metric]?.labelZh ?? c.key.metric
        return "\(c.key.entity)\(c.key.year)年“\(label)”：\(c.kept.source)为\(NumberText.grouped(c.kept.value))，"
            + "\(c.dropped.source)为\(NumberText.grouped(c.dropped.value))；采用\(NumberText.grouped(c.kept.value))"
            + (c.kept.derived == c.dropped.derived ? "（先读入者）。" : "（报告印载值）。")
    }

    static func years(_ zh: Bool, _ ys: [Int]) -> String {
        guard let f = ys.first, let l = ys.last else { return "" }
        var s = f == l ? (zh ? "\(f)年" : "\(f)") : (zh ? "\(f)—\(l)年" : "\(f)–\(l)")
        let missing = Set(f...l).subtracting(ys).sorted().map(String.init)
        if !missing.isEmpty && missing.count < 20 {
            s += zh ? "（\(missing.joined(separator: "、"))年无数据）" : " (no data for \(missing.joined(separator: ", ")))"
        }
        return s
    }

    static func bodiesLine(_ zh: Bool, _ bodies: [String]) -> String {
        (zh ? "报告主体：" : "Bodies: ") + bodies.joined(separator: zh ? "、" : ", ")
    }

    static func yearsLine(_ zh: Bool, _ ys: [Int]) -> String { (zh ? "数据年度：" : "Years: ") + years(zh, ys) }

    static func contents(_ zh: Bool) -> String { zh ? "目录" : "Contents" }
    static func findingsHeading(_ zh: Bool) -> String { zh ? "主要发现" : "Key findings" }
    static func chartsHeading(_ zh: Bool) -> String { zh ? "图表" : "Charts" }
    static func appendix(_ zh: Bool) -> String { zh ? "附录" : "Appendix" }
    static func sourcesHeading(_ zh: Bool) -> String { zh ? "一、数据来源" : "A. Sources" }
    static func checksHeading(_ zh: Bool) -> String { zh ? "二、数据核查" : "B. Checks" }
    static func conflictsHeading(_ zh: Bool) -> String { zh ? "三、来源间数值不一致" : "C. Values the sources disagree on" }
    static func none(_ zh: Bool) -> String { zh ? "无。" : "None." }
    static func noFindings(_ zh: Bool) -> String { zh ? "数据不足，未生成主要发现。" : "Too little data for key findings." }
    static func fileColumn(_ zh: Bool) -> String { zh ? "文件" : "File" }
    static func contributionColumn(_ zh: Bool) -> String { zh ? "内容与采用情况" : "Contents and use" }

    static func continued(_ zh: Bool, _ heading: String) -> String { zh ? heading + "（续）" : heading + " (continued)" }

    static func figure(_ zh: Bool, _ n: Int) -> String { zh ? "图\(n)" : "Figure \(n)" }

    /// The cell references of a finding in one line (`来源：pingtan_2022.html#table2[r10c2]`), for documents that
    /// still print them next to the text; the briefing itself puts them in the appendix (``reference(_:_:)``).
    static func sourceRef(_ zh: Bool, _ sources: [String]) -> String {
        guard !sources.isEmpty else { return zh ? "来源：由数据推算" : "Source: derived from the data" }
        let shown = sources.prefix(3).map { reference(zh, $0) }.joined(separator: zh ? "；" : "; ")
        let more = sources.count > 3 ? (zh ? " 等\(sources.count)处" : " and \(sources.count - 3) more") : ""
        return (zh ? "来源：" : "Source: ") + shown + more
    }

    static func page(_ zh: Bool, _ n: Int, of total: Int) -> String {
        zh ? "第\(n)页　共\(total)页" : "Page \(n) of \(total)"
    }

    static func reportContribution(_ zh: Bool, _ r: ExtractionResult, used: Int) -> String {
        let i = r.report
        let format = i.format.rawValue.uppercased()
        if zh {
            return "\(i.entity) \(i.year)年度报告（\(i.template.rawValue)年模板，\(format)，\(i.encoding)）："
                + "提取\(r.observations.count)个数值，简报采用\(used)个"
                + (used == 0 && !r.observations.isEmpty ? "（与先读入的来源相同）" : "")
                + (r.blankCells.isEmpty ? "" : "；空白单元格\(r.blankCells.count)个（未填报，不计为0）")
                + (r.ambiguities.isEmpty ? "" : "；无法唯一拆分的数字串\(r.ambiguities.count)处（未采用）") + "。"
        }
        return "\(i.entity) \(i.year) report (\(i.template.rawValue) template, \(format), \(i.encoding)): "
            + "\(r.observations.count) values extracted, \(used) used"
            + (used == 0 && !r.observations.isEmpty ? " (the same values came from an earlier source)" : "")
            + (r.blankCells.isEmpty ? "" : "; \(r.blankCells.count) blank cells (not reported, not zero)")
            + (r.ambiguities.isEmpty ? "" : "; \(r.ambiguities.count) ambiguous runs (not used)") + "."
    }

    static func tidyContribution(_ zh: Bool, rows: Int, used: Int) -> String {
        zh ? "整理好的数据文件：读入\(rows)行。" : "Tidy data file: \(rows) rows read."
    }

    static func severity(_ zh: Bool, _ s: Severity) -> String {
        switch s {
        case .error: zh ? "【错误】" : "[error]"
        case .warning: zh ? "【警告】" : "[warning]"
        case .info: zh ? "【提示】" : "[note]"
        }
    }

    static func checkLine(_ zh: Bool, _ f: CheckFinding) -> String {
        guard zh else {
            let sides = f.lhs.isEmpty && f.rhs.isEmpty ? "" : " (\(f.lhs) ≠ \(f.rhs))"
            let place = f.place.isEmpty ? "" : ", \(f.place)"
            return severity(zh, f.severity) + " \(f.file)\(place)\(sides): \(f.message) [\(f.rule)]"
        }
        let sides = f.lhs.isEmpty && f.rhs.isEmpty ? "" : "（\(zhTerms(f.lhs)) ≠ \(zhTerms(f.rhs))）"
        let place = f.place.isEmpty ? "" : "，" + zhPlace(f.place)
        return severity(zh, f.severity) + "\(f.file)\(place)\(sides)：\(zhMessage(f))"
    }

    /// A checker's place in Chinese: `table 3, column 自然人` → `表三“自然人”列`.
    static func zhPlace(_ place: String) -> String {
        var s = place
        for n in 1...5 { s = s.replacingOccurrences(of: "table \(n)", with: tableName(true, n)) }
        s = s.replacingOccurrences(of: "page ", with: "第").replacingOccurrences(of: ", column ", with: "，列：")
            .replacingOccurrences(of: ", row ", with: "，行：").replacingOccurrences(of: ", ", with: "，")
            .replacingOccurrences(of: "title", with: "标题").replacingOccurrences(of: "line ", with: "第")
        if let r = s.range(of: #"第(\d+)"#, options: .regularExpression), !s[r.upperBound...].hasPrefix("页"),
           !s[r.upperBound...].hasPrefix("行") {
            s.replaceSubrange(r, with: s[r] + (place.hasPrefix("page") ? "页" : "行"))
        }
        // Metric ids in a place become their labels.
        for id in s.split(whereSeparator: { $0 == " " || $0 == "（" || $0 == "(" }) where id.contains(".") {
            if let m = MetricCatalog.standard[String(id)] { s = s.replacingOccurrences(of: String(id), with: m.labelZh) }
        }
        return s
    }

    static func zhTerms(_ s: String) -> String {
        s.replacingOccurrences(of: "derived, ", with: "推算，").replacingOccurrences(of: "(", with: "（")
            .replacingOccurrences(of: ")", with: "）")
    }

    /// What a check or read finding means, in Chinese (the checker's sentences are English).
    static func zhMessage(_ f: CheckFinding) -> String {
        switch f.rule {
        case "1 一+二=（七）+四": return "本年新收与上年结转申请之和，不等于办理结果总计与结转下年度之和"
        case "2 （一）…（六）=（七）": return "各项办理结果之和不等于办理结果总计"
        case "3 row sum": return "六类申请人之和不等于总计"
        case "4 表四 group sum": return "结果维持、结果纠正、其他结果与尚未审结之和不等于总计"
        case "5 上一年项目数量 = last year's 上一年项目数量 + 本年增/减": return "事项数量与上年报告及本年增减不衔接"
        case "5 上年结转 = last year's 结转下年度": return "本年“上年结转”与上年报告的“结转下年度”不一致"
        case "5 现行有效 ≈ last year's 现行有效 + 制发 − 废止": return "现行有效件数与上年数加本年制发减废止不符（各单位常重新清理统计）"
        case "6 narrative vs table": return "正文所述数字在表格中找不到"
        case "sources agree": return "两个来源的数值不同，采用先读入或报告印载的数值"
        default: break
        }
        let m = f.message.lowercased()
        if m.contains("split") || m.contains("ambiguous") { return "数字串可按多种方式拆分，无法唯一确定，未采用" }
        if m.contains("ocr") { return "该数值经文字识别（OCR）读出，未能由表内等式确认，仅供参考" }
        if m.contains("year") && m.contains("title") { return "标题年份与统计期不一致，按统计期年份采用" }
        if m.contains("missing") || m.contains("not found") || m.contains("no row") { return "未找到该表或该行，相关数值缺失" }
        if m.contains("unreadable") || m.contains("cannot read") { return "该处数字无法识别，未采用" }
        if m.contains("grid") { return "表格线缺失，按推定的列位置读取，请核对" }
        return f.severity == .info ? "读取说明：该处按模板惯例处理" : "该处读取存疑，相关数值未采用或需人工核对"
    }

    static func readProblemLine(_ zh: Bool, _ e: InputError) -> String {
        guard zh else { return readProblem(zh) + " " + e.description }
        let place = e.place.isEmpty ? "" : "，" + zhPlace(e.place)
        return readProblem(zh) + "\(e.file)\(place)：未能读取（文件格式或内容不符合要求，请用 trendplot extract 查看详情）"
    }

    static func readProblem(_ zh: Bool) -> String { zh ? "【读取】" : "[input]" }

    static func conclusionsHeading(_ zh: Bool) -> String { zh ? "核心结论" : "Key conclusions" }
    static func comparisonHeading(_ zh: Bool) -> String { zh ? "各单位比较" : "Comparison of the bodies" }
    static func endnotesHeading(_ zh: Bool) -> String { zh ? "注释" : "Notes" }
    static func methodsHeading(_ zh: Bool) -> String { zh ? "四、计算方法" : "D. Methods" }
    static func referencesHeading(_ zh: Bool) -> String { zh ? "五、注释所引数值的单元格位置" : "E. Cells behind the notes" }
    static func organization(_ zh: Bool) -> String { zh ? "编制单位：" : "Issued by: " }
    static func dateLabel(_ zh: Bool) -> String { zh ? "日期：" : "Date: " }
    static func table(_ zh: Bool, _ n: Int) -> String { zh ? "表\(n)" : "Table \(n)" }
    static func keyFigures(_ zh: Bool) -> String { zh ? "主要数据" : "Key figures" }

    /// Chinese section numbers: 一、二、… 十、十一.
    static func ordinal(_ n: Int) -> String {
        let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return d[n] }
        if n < 20 { return "十" + d[n - 10] }
        if n < 100 { return d[n / 10] + "十" + d[n % 10] }
        return String(n)
    }

    /// The mark of endnote `n` in running text: `〔3〕`.
    static func noteMark(_ n: Int) -> String { "〔\(n)〕" }

    static func checkSummary(_ zh: Bool, _ report: CheckReport, reports: Int) -> String {
        let count = { (s: Severity) in report.findings.filter { $0.severity == s }.count }
        if zh {
            return "对\(reports)份报告核对了\(report.checked)个表内、跨年和正文与表格的等式："
                + "错误\(count(.error))条，警告\(count(.warning))条，提示\(count(.info))条。"
        }
        return "\(report.checked) identities checked in \(reports) report(s): \(count(.error)) error(s), "
            + "\(count(.warning)) warning(s), \(count(.info)) note(s)."
    }
}
