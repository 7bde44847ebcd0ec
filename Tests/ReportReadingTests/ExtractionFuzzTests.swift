import Foundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport
import Testing


@Suite struct ExtractionFuzzTests {
    /// Feeds thousands of random mutations and truncations of the real reports to the extractor: it must never
    /// crash or hang (each call either returns or throws an InputError).
    @Test func mutatedAndTruncatedReportsNeverCrash() throws {
        let files = ["mudanjiang/mudanjiang_2020.txt", "pingtan/pingtan_2019.txt", "pingtan/pingtan_2021.txt",
                     "pingtan/pingtan_2022.txt", "pingtan/pingtan_2021.html"]
        // the large HTML page takes one round in 20, the text reports share the rest
        func pick(_ round: Int) -> Int { round % 20 == 0 ? files.count - 1 : round % (files.count - 1) }
        let originals = try files.map { try ExtractionFixtures.bytes($0) }
        // the Markdown fixture stands in for the second Pingtan text report every other time it comes up
        let markdown = Array(try Data(contentsOf: ExtractionFixtures.fixtures.appendingPathComponent("mudanjiang_2020.md")))
        let digits = Array("0123456789".utf8)
        var rng = SplitMix64(seed: 20_260_127)
        var returned = 0, thrown = 0
        for round in 0..<2_000 {
            let f = pick(round)
            let useMarkdown = f == 1 && round % 2 == 0
            var b = useMarkdown ? markdown : originals[f]
            let isHTML = files[f].hasSuffix(".html")
            switch Int.random(in: 0..<6, using: &rng) {
            case 0:
                b = Array(b.prefix(Int.random(in: 0...b.count, using: &rng)))
            case 1:
                for _ in 0..<Int.random(in: 1...50, using: &rng) where !b.isEmpty {
                    b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            case 2:
                for _ in 0..<Int.random(in: 1...200, using: &rng) where !b.isEmpty {
                    let i = Int.random(in: 0..<b.count, using: &rng)
                    if digits.contains(b[i]) { b[i] = digits.randomElement(using: &rng)! }
                }
            case 3:
                for _ in 0..<Int.random(in: 1...200, using: &rng) where !b.isEmpty {
                    let i = Int.random(in: 0..<b.count, using: &rng)
                    if b[i] == 0x20 || b[i] == 0x0A { b.remove(at: i) }
                }
            case 4:
                let i = Int.random(in: 0...b.count, using: &rng)
                b.insert(contentsOf: (0..<Int.random(in: 1...60, using: &rng)).map { _ in digits.randomElement(using: &rng)! }, at: i)
            default:
                if b.count > 2 {
                    let lo = Int.random(in: 0..<b.count, using: &rng)
                    let hi = min(b.count, lo + Int.random(in: 1...4000, using: &rng))
                    b.removeSubrange(lo..<hi)
                }
            }
            do {
                let r = try ReportExtractor.extract(b, file: isHTML ? "fuzz.html" : useMarkdown ? "fuzz.md" : "fuzz.txt")
                returned += 1
                #expect(r.observations.allSatisfy { $0.value.isFinite })
            } catch is InputError {
                thrown += 1
            }
        }
        #expect(returned + thrown == 2_000)
        #expect(returned > 500)
    }

    @Test func longRunsStayWithinTheSearchBudget() throws {
        var budget = 50_000
        let run = NumberToken(text: String(repeating: "1", count: 60), unit: nil, position: 0)
        let cells = (0..<15).map { CellSpec(metric: "m\($0)", kind: .count, yearOffset: 0) }
        let r = RunSplitter.read([run], cells: cells, sumGroups: [Array(0..<5), Array(5..<10), Array(10..<15)], budget: &budget)
        #expect(r.candidates.isEmpty || r.truncated || r.candidates.count <= RunSplitter.maxCandidates)
        #expect(budget <= 50_000)
    }
}
