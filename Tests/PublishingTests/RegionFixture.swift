import Foundation
import SeriesModel

/// A generated region of 30 bodies (the departments of one city) over 2021–2023, for briefing tests: the values
/// come from a fixed linear congruential generator, so every run gives the same dataset. Each body reports what
/// the template's 表三 and 表四 make a briefing compare: new and concluded requests, the granted and partly
/// granted ones (for the disclosure rate), reviews, lawsuits, licensing and penalty decisions.
enum RegionFixture {
    static let names = [
        "市发展和改革委员会", "市教育局", "市科学技术局", "市工业和信息化局", "市公安局", "市民政局", "市司法局", "市财政局",
        "市人力资源和社会保障局", "市自然资源和规划局", "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市水利局",
        "市农业农村局", "市商务局", "市文化和旅游局", "市卫生健康委员会", "市退役军人事务局", "市应急管理局", "市审计局",
        "市人民政府国有资产监督管理委员会", "市市场监督管理局", "市体育局", "市统计局", "市医疗保障局", "市城市管理局",
        "市信访局", "市林业局", "市人民政府办公室",
    ]
    static let years = [2021, 2022, 2023]

    /// Deterministic pseudo-random numbers (Knuth's MMIX LCG).
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func observations() -> [Observation] {
        var g = Generator(state: 20261204)
        var out: [Observation] = []
        for (i, name) in names.enumerated() {
            let base = [3.0, 12, 45, 120, 380, 1500][i % 6] * (0.6 + g.next())
            let file = "region_\(String(format: "%02d", i + 1))"
            for year in years {
                let received = (base * (0.7 + 0.6 * g.next())).rounded()
                let processed = max(0, (received * (0.9 + 0.15 * g.next())).rounded())
                let granted = (processed * (0.2 + 0.4 * g.next())).rounded()
                let partial = (processed * 0.15 * g.next()).rounded()
                let review = (received * 0.05 * g.next()).rounded()
                let lawsuits = (received * 0.03 * g.next()).rounded()
                let licensing = (base * 20 * g.next()).rounded()
                let penalty = (base * 8 * g.next()).rounded()
                let src = "\(file)_\(year).csv"
                for (metric, value) in [("applications.new_received.total", received), ("applications.total_processed.total", processed),
                                        ("applications.granted.total", granted), ("applications.partial_granted.total", partial),
                                        ("review.total", review), ("litigation_direct.total", lawsuits),
                                        ("licensing.decisions", licensing), ("penalty.decisions", penalty)] {
                    out.append(Observation(entity: name, year: year, metric: metric, value: value, source: src))
                }
            }
        }
        return out
    }
}
