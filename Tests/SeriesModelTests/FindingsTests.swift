import Foundation
import Testing
@testable import SeriesModel

@Suite struct FindingsTests {
    @Test func mudanjiangLicensingSentenceIsTraceable() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.mudanjiangTable2])
        let list = Findings(language: .zh).generate(d)
        let f = try #require(list.first { $0.metric == "licensing.items" && $0.kind == .change })
        #expect(f.text == "2020年行政许可事项4,794项，较上年减少640项（−11.8%）。")
        #expect(f.uses == [.init(entity: "牡丹江市人民政府", year: 2019, metric: "licensing.items"),
                           .init(entity: "牡丹江市人民政府", year: 2020, metric: "licensing.items")])
        #expect(f.sources == ["mudanjiang_2020.txt:259"])
        let en = Findings(language: .en).generate(d).first { $0.metric == "licensing.items" && $0.kind == .change }
        #expect(en?.text == "In 2020, licensing items: 4,794, down 640 (−11.8%) from the previous year.")
        let procurement = list.first { $0.metric == "procurement.amount" }
        #expect(procurement?.text == "2020年政府集中采购金额21.88亿元。")
    }

    @Test func pingtanBriefingNamesTheGapTheMoverAndTheRate() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan])
        let list = Findings(language: .zh).generate(d)
        #expect(list.allSatisfy { $0.entity == "平潭综合实验区" })
        let decisions = try #require(list.first { $0.metric == "licensing.decisions" && $0.kind == .change })
        #expect(decisions.text == "2022年行政许可处理决定1.07万件，较上年增加0.84万件（+366.2%）。")
        #expect(decisions.sources == ["pingtan_2021.html (transcribed)", "pingtan_2022.html (transcribed)"])
        let movers = try #require(list.first { $0.kind == .movers })
        #expect(movers.text.hasPrefix("2022年同比变化幅度最大的指标：行政许可处理决定（2,293件→1.07万件，+366.2%）"))
        let rate = try #require(list.first { $0.kind == .disclosure })
        #expect(rate.text == "2022年公开率为40.0%（予以公开21件、部分公开9件，办理结果总计75件），较2021年下降10.7个百分点。")
        #expect(rate.uses.contains(.init(entity: "平潭综合实验区", year: 2021, metric: "indicator.disclosure_rate")))
        let trend = try #require(list.first { $0.metric == "licensing.decisions" && $0.kind == .trend })
        #expect(trend.text == "2019—2022年，行政许可处理决定由181件增至1.07万件，年均增长289.4%（2020年无数据）。")
        #expect(trend.uses.count == 3)
        #expect(list.contains { $0.kind == .gap && $0.text.hasPrefix("2020年无数据") })
        // 表三 2022: 不予公开 1 + 2 + 1 = 4 (process information 2); 无法提供 37, all 本机关不掌握.
        let reasons = try #require(list.first { $0.kind == .reasons })
        #expect(reasons.text == "2022年不予公开4件，主要原因是属于四类过程性信息（2件，占50.0%）；无法提供37件，主要原因是本机关不掌握相关政府信息（37件，占100.0%）。")
        #expect(reasons.uses.count == 11)
        let reviews = try #require(list.first { $0.metric == "review.total" && $0.kind == .trend })
        #expect(reviews.text.contains("起始年为0"))
        // Every quoted observation exists, and every sentence with numbers has a source.
        for f in list {
            for k in f.uses { #expect(d.observation(k) != nil, "\(f.text) uses missing \(k)") }
            if !f.uses.isEmpty { #expect(!f.sources.isEmpty) }
        }
    }

    @Test func bodiesAreComparedOnTheirLatestCommonYear() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.mudanjiangTable2, AnalysisFixtures.pingtan])
        let list = Findings(language: .zh).generate(d)
        let items = try #require(list.first { $0.kind == .ranking && $0.metric == "licensing.items" })
        #expect(items.text == "2019年2个主体中，行政许可事项最多的依次为：牡丹江市人民政府（5,434项）、平潭综合实验区（396项）。")
        #expect(items.sources == ["mudanjiang_2020.txt:259", "pingtan_2019.html (transcribed)"])
        let text = try TrendsReport.findings(list, format: .md)
        #expect(text.contains("## 各主体比较\n\n- 2019年2个主体中"))
        #expect(text.hasPrefix("## 平潭综合实验区\n\n"))
    }

    @Test func restrictingYearsMovesTheLatestYear() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan])
        let list = Findings(language: .zh, to: 2021).generate(d)
        let decisions = try #require(list.first { $0.metric == "licensing.decisions" && $0.kind == .change })
        #expect(decisions.text == "2021年行政许可处理决定2,293件，较2019年（181件）增加2,112件（+1,166.9%）（2020年无数据）。")
    }

    /// A zig-zag series: the line does not fit, so the sentence says so in words, with no R² and no step;
    /// a steady series gets its step in whole 件; a rate's change is in 个百分点.
    @Test func trendsInPlainWords() throws {
        func dataset(_ metric: String, _ values: [Int: Double]) -> Dataset {
            var d = Dataset(values.map { Observation(entity: "甲", year: $0.key, metric: metric, value: $0.value, source: "t.csv") })
            d.addIndicators()
            return d
        }
        let zigzag = dataset("applications.new_received.total", [2019: 100, 2020: 20, 2021: 150, 2022: 30, 2023: 120])
        let z = try #require(Findings().findings(zigzag, entity: "甲").first { $0.kind == .trend })
        #expect(z.text == "2019—2023年，新收政府信息公开申请由100件增至120件，各年波动较大，无明显趋势。")
        let steady = dataset("applications.new_received.total", [2019: 100, 2020: 128, 2021: 161, 2022: 190, 2023: 215])
        let st = try #require(Findings().findings(steady, entity: "甲").first { $0.kind == .trend })
        // Least squares: slope 29.3 a year → 约29件, never 29.30件; growth (215/100)^(1/4) − 1 = 21.1%.
        #expect(st.text == "2019—2023年，新收政府信息公开申请由100件增至215件，年均增长21.1%，平均每年增加约29件。")
        #expect(!st.text.contains("R²"))
    }
}
