import Foundation
import TestSupport
import Testing
@testable import SeriesModel

@Suite struct DatasetTests {
    func obs(_ entity: String, _ year: Int, _ metric: String, _ value: Double, _ source: String, derived: Bool = false) -> Observation {
        Observation(entity: entity, year: year, metric: metric, value: value, source: source, derived: derived)
    }

    @Test func printedBeatsDerivedAndConflictNamesBothSources() throws {
        // Mudanjiang's 2020 report derives 2020 licensing items (5434 − 640); a next-year report prints its own 上一年项目数量.
        let table2 = try TidyTable.readCSV(Array(try Data(contentsOf: URL(fileURLWithPath: AnalysisFixtures.mudanjiangTable2))),
                                           file: "mudanjiang_2020_table2.csv")
        let next = [obs("牡丹江市人民政府", 2020, "licensing.items", 4790, "mudanjiang_2021.txt:250")]
        let d = Dataset(table2 + next)
        #expect(d.value(entity: "牡丹江市人民政府", year: 2020, metric: "licensing.items") == 4790)
        #expect(d.conflicts.count == 1)
        let c = try #require(d.conflicts.first)
        #expect(c.resolution == .printedOverDerived)
        #expect(c.kept == .init(value: 4790, source: "mudanjiang_2021.txt:250", derived: false))
        #expect(c.dropped == .init(value: 4794, source: "mudanjiang_2020.txt:259", derived: true))
        // Agreeing printed and derived values merge silently, keeping the printed one.
        let agree = Dataset(table2 + [obs("牡丹江市人民政府", 2020, "licensing.items", 4794, "mudanjiang_2021.txt:250")])
        #expect(agree.conflicts.isEmpty)
        #expect(agree.observation(.init(entity: "牡丹江市人民政府", year: 2020, metric: "licensing.items"))?.derived == false)
        #expect(agree.count == 27)
    }

    @Test func firstOfTwoPrintedIsKeptAndIdenticalDuplicatesMerge() throws {
        let d = Dataset([obs("甲", 2021, "licensing.decisions", 2293, "a.csv:2"),
                         obs("甲", 2021, "licensing.decisions", 2293, "b.csv:2"),
                         obs("甲", 2021, "licensing.decisions", 2239, "c.csv:2"),
                         obs("甲", 2021, "licensing.decisions", 9, "d.csv:2", derived: true)])
        #expect(d.count == 1)
        #expect(d.observation(.init(entity: "甲", year: 2021, metric: "licensing.decisions"))?.source == "a.csv:2")
        #expect(d.conflicts.map(\.dropped.source) == ["c.csv:2", "d.csv:2"])
        #expect(d.conflicts.map(\.resolution) == [.firstPrinted, .printedOverDerived])
        let json = try JSONEncoder().encode(d.conflicts)
        #expect(try JSONDecoder().decode([DatasetConflict].self, from: json) == d.conflicts)
    }

    /// A sparse grid (1,100 bodies × 1,001 metrics, few rows) takes the comparison-sort path; the result is the same.
    @Test func sparseGridsMergeLikeDenseOnes() throws {
        var rows: [Observation] = []
        for e in 0..<1100 {
            rows.append(obs("体\(e)", 2021, "m.\(e % 1000)", Double(e), "a:\(e)"))
            rows.append(obs("体\(e)", 2020, "m.\(e % 1000)", Double(e) - 1, "b:\(e)", derived: true))
            rows.append(obs("体\(e)", 2021, "m.\(e % 1000)", Double(e) + 1, "c:\(e)"))
        }
        rows.append(obs("体0", 2019, "x.extra", 1, "d"))
        let d = Dataset(rows)
        #expect(d.count == 2201)
        #expect(d.seriesCount == 1101)
        #expect(d.conflicts.count == 1100)
        #expect(d.conflicts.allSatisfy { $0.resolution == .firstPrinted && $0.kept.source.hasPrefix("a:") })
        let s = try #require(d.series(entity: "体1050", metric: "m.50"))
        #expect(s.values == [1049, 1050])
        #expect(s.points.map(\.derived) == [true, false])
        #expect(d.entities == d.entities.sorted())
        #expect(d.observations().map(\.key) == d.observations().map(\.key).sorted { ($0.entity, MetricCatalog.standard.order(of: $0.metric), $0.metric, $0.year) < ($1.entity, MetricCatalog.standard.order(of: $1.metric), $1.metric, $1.year) })
    }

    @Test func loaderReadsFoldersRecursivelyAndCollectsErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-dataset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: AnalysisFixtures.pingtan, toPath: dir.appendingPathComponent("sub/deeper/pingtan.csv").path)
        try Data("entity,year,metric,value\n甲,2020,licensing.decisions,12\n甲,20x0,licensing.decisions,3\n甲,2021,licensing.decisions,abc\n甲,2022,licensing.decisions,15\n".utf8)
            .write(to: dir.appendingPathComponent("bad.csv"))
        try Data(#"{"observations": [{"entity": "乙", "year": 2021, "metric": "penalty.decisions", "value": "1,282"}], "findings": []}"#.utf8)
            .write(to: dir.appendingPathComponent("sub/extract.json"))
        try Data("not a report".utf8).write(to: dir.appendingPathComponent("sub/report.txt"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("notes.pdf"))
        let d = DatasetLoader().load([dir.path, dir.appendingPathComponent("missing.csv").path])
        #expect(d.entities == ["平潭综合实验区", "乙", "甲"].sorted())
        #expect(d.series(entity: "甲", metric: "licensing.decisions")?.years == [2020, 2022])
        #expect(d.value(entity: "乙", year: 2021, metric: "penalty.decisions") == 1282)
        #expect(d.value(entity: "平潭综合实验区", year: 2022, metric: "licensing.decisions") == 10690)
        let messages = d.errors.map(\.description)
        #expect(messages.contains { $0.hasSuffix("missing.csv: no such file or folder") })
        #expect(messages.contains { $0.hasSuffix("bad.csv: line 3, column year: expected a year such as 2020, found “20x0”") })
        #expect(messages.contains { $0.hasSuffix("bad.csv: line 4, column value: expected a number, found “abc”") })
        #expect(d.errors.count == 3)   // report.txt and notes.pdf are not tidy files: InputLoader reads those
    }

    /// Files read in parallel merge exactly as when read in order: same observations, conflicts, errors.
    @Test(arguments: [2, 3, 8])
    func parallelLoadingEqualsSequential(jobs: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: AnalysisFixtures.pingtan, toPath: dir.appendingPathComponent("a_pingtan.csv").path)
        try FileManager.default.copyItem(atPath: AnalysisFixtures.mudanjiangTable2, toPath: dir.appendingPathComponent("b_mdj.csv").path)
        try FileManager.default.copyItem(atPath: AnalysisFixtures.mudanjiangTables34, toPath: dir.appendingPathComponent("c_mdj.csv").path)
        try Data("entity,year,metric,value,source\n平潭综合实验区,2022,licensing.decisions,10000,d.csv:2\n牡丹江市人民政府,2020,licensing.items,4790,next.txt:1\n甲,x,m,1,\n"
            .utf8).write(to: dir.appendingPathComponent("d_conflicts.csv"))
        try Data("[{\"entity\": \"乙\", \"year\": 2021, \"metric\": \"penalty.decisions\", \"value\": 5}]".utf8)
            .write(to: dir.appendingPathComponent("e.json"))
        let sequential = DatasetLoader().load([dir.path])
        let parallel = DatasetLoader().load([dir.path], jobs: jobs)
        #expect(parallel.observations() == sequential.observations())
        #expect(parallel.conflicts == sequential.conflicts)
        #expect(parallel.errors == sequential.errors)
        #expect(parallel.files == sequential.files)
        #expect(sequential.conflicts.count == 2)
        #expect(sequential.errors.count == 1)
        #expect(sequential.count > 700)
    }

    @Test func aliasesMapOldNamesInCSVAndYAML() throws {
        let csv = try EntityAliases.read(Array("alias,entity\n平潭综合实验区管委会,平潭综合实验区\n平潭 管委,平潭综合实验区管委会\n".utf8), file: "a.csv")
        #expect(csv.resolve("平潭管委") == "平潭综合实验区")
        let yaml = try EntityAliases.read(Array("平潭综合实验区:\n  - 平潭综合实验区管理委员会\n  - 平潭综合实验区管委会\n".utf8), file: "a.yaml")
        #expect(yaml.resolve("平潭综合实验区管委会") == "平潭综合实验区")
        let d = Dataset([obs("平潭综合实验区管理委员会", 2019, "licensing.decisions", 181, "x"),
                         obs("平潭综合实验区", 2021, "licensing.decisions", 2293, "y")], aliases: yaml)
        #expect(d.entities == ["平潭综合实验区"])
        #expect(d.series(entity: "平潭综合实验区", metric: "licensing.decisions")?.values == [181, 2293])
        #expect(throws: InputError.self) { try EntityAliases.read(Array("alias,entity\n甲,乙\n乙,甲\n".utf8), file: "c.csv") }
    }

    @Test func scannerReadsExactlyWhatTidyTableReads() throws {
        for path in [AnalysisFixtures.mudanjiangTable2, AnalysisFixtures.pingtan, AnalysisFixtures.mudanjiangTables34] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            var b = DatasetBuilder()
            TidyCSVScanner.read(path: path, file: "f.csv", into: &b)
            #expect(b.errors.isEmpty)
            let scanned = b.build().observations()
            let reference = Dataset(try TidyTable.readCSV(bytes, file: "f.csv")).observations()
            #expect(scanned == reference)
            #expect(!scanned.isEmpty)
        }
    }

    @Test func scannerHandlesQuotesCRLFAndGB18030() throws {
        let text = "\u{FEFF}entity,year,metric,value,unit,label,source,derived\r\n"
            + "\"平潭综合实验区\",2019,procurement.amount,\"7,539.443252\",万元,\"政府集中采购·采购总金额\",\"pingtan_2019.html#table2[r10c2], 75394432.52元 → 万元\",false\r\n"
            + "甲,2020,licensing.items,4794,项,\"say \"\"hi\"\"\nthere\",m.txt:9,TRUE\r\n"
        var b = DatasetBuilder()
        TidyCSVScanner.read(bytes: Array(text.utf8), file: "q.csv", into: &b)
        let d = b.build()
        #expect(d.errors.isEmpty)
        let a = try #require(d.observation(.init(entity: "平潭综合实验区", year: 2019, metric: "procurement.amount")))
        #expect(a.value == 7539.443252)
        #expect(a.source == "pingtan_2019.html#table2[r10c2], 75394432.52元 → 万元")
        let l = try #require(d.observation(.init(entity: "甲", year: 2020, metric: "licensing.items")))
        #expect(l.label == "say \"hi\"\nthere")
        #expect(l.derived)
        let gb = Array("entity,year,metric,value\n牡丹江市人民政府,2020,licensing.decisions,387576\n".data(using: TextDecoding.gb18030)!)
        var g = DatasetBuilder()
        TidyCSVScanner.read(bytes: gb, file: "gb.csv", into: &g)
        #expect(g.build().value(entity: "牡丹江市人民政府", year: 2020, metric: "licensing.decisions") == 387576)
    }

    /// Tiny blocks put every record, field, quote and CRLF across a block boundary; the result must not change.
    @Test(arguments: [1, 2, 3, 7, 64, 1000])
    func streamingAcrossBlockBoundaries(blockSize: Int) throws {
        var text = "\u{FEFF}entity,year,metric,value,unit,label,source,derived\r\n"
        for i in 0..<60 {
            text += "\"平潭综合实验区\",\(2015 + i % 8),m.\(i % 5),\"\(i),\(i % 10)00\",件,\"say \"\"\(i)\"\"\nok\",\"src,\(i)\",\(i % 2 == 0)\r\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-blocks-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var b = DatasetBuilder()
        TidyCSVScanner.read(path: url.path, file: "b.csv", into: &b, expectedBytes: nil, blockSize: blockSize)
        let streamed = b.build()
        #expect(streamed.errors.isEmpty)
        let reference = Dataset(try TidyTable.readCSV(Array(text.utf8), file: "b.csv"))
        #expect(streamed.observations() == reference.observations())
        #expect(streamed.value(entity: "平潭综合实验区", year: 2016, metric: "m.1") != nil)
    }

    @Test func scannerEdgeCases() {
        func read(_ text: String) -> (Dataset, [String]) {
            var b = DatasetBuilder()
            TidyCSVScanner.read(bytes: Array(text.utf8), file: "e.csv", into: &b)
            let d = b.build()
            return (d, d.errors.map(\.description))
        }
        #expect(read("").1 == ["e.csv: line 1: empty file: expected the header entity,year,metric,value,unit,label,source,derived"])
        #expect(read("entity,year,metric,value\r\n").0.count == 0)
        #expect(read("entity,year,metric,value\r\n").1 == ["e.csv: line 2: no rows after the header: expected one observation per line"])
        let noNewline = read("entity,year,metric,value\r\n甲,2020,licensing.decisions,12\r\n甲,2021,licensing.decisions,13")
        #expect(noNewline.0.series(entity: "甲", metric: "licensing.decisions")?.values == [12, 13])
        #expect(noNewline.0.observation(.init(entity: "甲", year: 2021, metric: "licensing.decisions"))?.source == "e.csv:3")
        #expect(read("entity,year,value\n甲,2020,1\n").1
                == ["e.csv: line 1: missing column “metric”: expected the header entity,year,metric,value,unit,label,source,derived"])
        let blanks = read("entity,year,metric,value,derived\n甲,2020,m,,\n,,,,\n甲,2021,m,5,maybe\n")
        #expect(blanks.0.count == 0)
        #expect(blanks.1 == ["e.csv: line 4, column derived: expected true or false, found “maybe”"])
    }

    @Test func fastNumberParsingMatchesDoubleParsing() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let v = Double(Int64.random(in: -10_000_000_000...10_000_000_000, using: &rng)) / [1, 10, 100, 1_000_000][Int.random(in: 0...3, using: &rng)]
            let text = NumberText.plain(v)
            var b = DatasetBuilder()
            TidyCSVScanner.read(bytes: Array("entity,year,metric,value\n甲,2020,m,\(text)\n".utf8), file: "n.csv", into: &b)
            #expect(b.build().value(entity: "甲", year: 2020, metric: "m") == Double(text))
        }
    }
}
