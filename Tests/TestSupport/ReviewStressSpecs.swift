import Charts

/// The chart editor's stress specs (`../shared/reviews/visual.md`, Appendix A, `gen.py`), ported: the same data
/// sets, names, years, units and options, drawn from a seeded SplitMix64 where gen.py used Python's `random`
/// (so the 30-body values differ from gen.py's, but are the same on every run and machine).
///
/// Each data set is a spec without a fixed kind: tests draw it as every kind.
public enum ReviewStressSpecs {
    /// The 30 bodies of gen.py.
    public static let names = ["平潭综合实验区管理委员会", "福建省人民政府办公厅", "市发展和改革委员会", "市教育局", "市科学技术局",
                               "市工业和信息化局", "市公安局", "市民政局", "市司法局", "市财政局", "市人力资源和社会保障局",
                               "市自然资源和规划局", "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市水利局", "市农业农村局",
                               "市商务局", "市文化和旅游局", "市卫生健康委员会", "市退役军人事务局", "市应急管理局", "市审计局",
                               "市人民政府国有资产监督管理委员会", "市市场监督管理局", "市体育局", "市统计局", "市医疗保障局",
                               "市城市管理局", "市信访局"]

    /// gen.py's data sets by name (`b30`, `longtitle`, `huge`, …), each as a spec of kind `line`.
    public static func all() -> [(name: String, spec: ChartSpec)] {
        var rng = SplitMix64(seed: 7)
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(rng.next() >> 11) / Double(1 << 53) }
        func int(_ a: Int, _ b: Int) -> Int { a + Int(rng.next() % UInt64(b - a + 1)) }
        let years = [2019, 2020, 2021, 2022]
        let source = "数据来源：各单位2019—2022年政府信息公开工作年度报告（压力测试数据）"
        func spec(_ title: String, _ series: [ChartSeries], unit: String = "件", subtitle: String? = nil) -> ChartSpec {
            var s = ChartSpec(kind: .line, title: title, subtitle: subtitle, source: source, unit: unit, series: series)
            s.baseYear = 2021
            s.focusYear = 2022
            return s
        }
        func gapped(_ label: String, _ v: [(Int, Double?)]) -> ChartSeries {
            ChartSeries(label: label, points: v.map { ChartSeries.YearValue(year: $0.0, value: $0.1) })
        }
        var out: [(String, ChartSpec)] = []

        let bases: [Double] = [0, 3, 12, 45, 120, 380, 1500, 6000]
        let b30 = names.map { n -> ChartSeries in
            let base = bases[int(0, bases.count - 1)]
            var v: [Int: Double] = [:]
            for y in years { v[y] = max(0, (base * uniform(0.5, 1.6)).rounded(.down)) }
            return ChartSeries(label: n, values: v)
        }
        out.append(("b30", spec("各单位依申请公开政府信息新收申请数量", b30, subtitle: "30个单位 · 2019—2022年")))

        let longTitle = "2019年至2022年平潭综合实验区及所属各部门依申请公开政府信息新收申请数量、办理结果总计与行政复议、行政诉讼情况对比分析"
        let two = [ChartSeries(label: "本年新收申请", values: [2019: 23, 2021: 70, 2022: 74]),
                   ChartSeries(label: "办理结果总计", values: [2019: 23, 2021: 69, 2022: 75])]
        out.append(("longtitle", spec(longTitle, two,
                                      subtitle: "平潭综合实验区管理委员会办公室、平潭综合实验区党工委管委会政务公开领导小组 · 2019—2022年（2020年报告缺失，模板于2021年变更）")))

        let huge = [ChartSeries(label: "行政事业性收费", values: [2019: 0, 2020: 12, 2021: 35000, 2022: 999_999_999]),
                    ChartSeries(label: "政府集中采购金额", values: [2019: 1, 2020: 5400, 2021: 1_200_000, 2022: 456_789_012])]
        out.append(("huge", spec("收费与采购金额（0至10亿）", huge, unit: "万元")))

        var hc = spec("件数从0到10亿", [ChartSeries(label: "甲", values: [2019: 0, 2020: 999, 2021: 123_456, 2022: 1_000_000_000])])
        hc.annotations.valueLabels = .all
        out.append(("hugecount", hc))

        var one = spec("处理决定数量（只有一年）", [ChartSeries(label: "行政许可", values: [2020: 387_576]),
                                                 ChartSeries(label: "行政处罚", values: [2020: 653_308]),
                                                 ChartSeries(label: "行政强制", values: [2020: 2322])])
        one.baseYear = nil
        one.focusYear = 2020
        out.append(("oneyear", one))

        out.append(("zeros", spec("行政复议和行政诉讼（全为0）", [ChartSeries(label: "行政复议", values: [2019: 0, 2021: 0, 2022: 0]),
                                                                 ChartSeries(label: "行政诉讼", values: [2019: 0, 2021: 0, 2022: 0])])))

        var neg = spec("各类事项数量本年增减（含负值）", [
            ChartSeries(label: "行政许可·本年增/减", values: [2019: -640, 2020: 146, 2021: -1200, 2022: 35]),
            ChartSeries(label: "行政处罚·本年增/减", values: [2019: -451, 2020: -80, 2021: 300, 2022: -2]),
            ChartSeries(label: "行政强制·本年增/减", values: [2019: 67, 2020: 0, 2021: -15, 2022: 9]),
        ], unit: "项")
        neg.changeMeasure = .value
        out.append(("neg", neg))

        var gaps = spec("有缺口的序列（2016、2018、2020、2024年缺失）", [
            gapped("新收申请", [(2015, 10), (2016, nil), (2017, 30), (2018, nil), (2019, 23), (2020, nil), (2021, 70), (2022, 74),
                            (2023, 81), (2024, nil), (2025, 154)]),
            gapped("办结", [(2015, 9), (2017, 28), (2019, 23), (2021, 69), (2022, 75), (2023, nil), (2024, 218), (2025, 148)]),
        ])
        gaps.baseYear = 2015
        gaps.focusYear = 2025
        gaps.annotations.notes = [Annotations.Note(year: 2021, text: "模板变更")]
        gaps.annotations.periodBreaks = [Annotations.PeriodBreak(afterYear: 2020, label: "2021年起执行新版年报格式")]
        out.append(("gaps", gaps))

        let z0 = [ChartSeries(label: "行政复议", values: [2019: 0, 2020: 0, 2021: 3, 2022: 2, 2023: 2, 2024: 7, 2025: 36]),
                  ChartSeries(label: "复议后起诉", values: [2019: 0, 2020: 0, 2021: 0, 2022: 0, 2023: 2, 2024: 19, 2025: 3])]
        for cm in [ChartSpec.ChangeMeasure.percent, .difference] {
            var s = spec("行政复议与复议后起诉（从0起步）", z0)
            s.baseYear = 2019
            s.focusYear = 2025
            s.changeMeasure = cm
            s.annotations.periodBreaks = [Annotations.PeriodBreak(afterYear: 2020, label: "2021年起执行新版年报格式")]
            out.append(("start0-\(cm.rawValue)", s))
        }

        var rate = spec("公开率", [ChartSeries(label: "平潭综合实验区", values: [2019: 34.78, 2020: 61.9, 2021: 50.72, 2022: 40.0,
                                                                            2023: 51.9, 2024: 45.9, 2025: 47.97]),
                                  ChartSeries(label: "牡丹江市人民政府", values: [2020: 92.13])], unit: "%")
        rate.valueFormat = .percent
        rate.focusYear = 2025
        rate.annotations.notes = [Annotations.Note(year: 2021, text: "模板变更")]
        rate.annotations.periodBreaks = [Annotations.PeriodBreak(afterYear: 2020, label: "2021年起执行新版年报格式")]
        out.append(("rate", rate))

        let s12 = names.prefix(12).map { ChartSeries(label: $0, values: [2021: Double(int(0, 300)), 2022: Double(int(0, 300))]) }
        out.append(("slope12", spec("12个单位新收申请：2021年与2022年", Array(s12))))
        return out
    }
}
