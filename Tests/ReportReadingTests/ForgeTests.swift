import Foundation
import Testing
@testable import ReportReading
@testable import SeriesModel
import TestSupport

/// Every truth report of `../shared/reports`, forged in every form with every kind of damage (``ReportForge``),
/// read and scored: not one confident wrong number, body and year right; the share right per damage is printed.
@Suite struct ForgeTests {
    struct Tally {
        var score = TruthScore()
        var variants = 0
        var refused = 0
        var identityWrong: [String] = []
    }

    static func run(seed: UInt64) throws -> (byDamage: [String: Tally], byForm: [String: Tally], all: Tally) {
        var forge = ReportForge(seed: seed)
        var byDamage: [String: Tally] = [:], byForm: [String: Tally] = [:]
        var all = Tally()
        for name in try SharedReports.truthNames() {
            let truth = try SharedReports.truth(name)
            for form in ReportForge.Form.allCases {
                for damage in ReportForge.damages(for: form) {
                    let v = forge.variant(truth, form: form, damage: damage)
                    if let dir = ProcessInfo.processInfo.environment["FORGE_WRITE"] {
                        try Data(v.bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent(v.name))
                    }
                    var t = Tally()
                    t.variants = 1
                    do {
                        let r = try ReportExtractor.extract(v.bytes, file: v.name)
                        t.score = v.truth.score(r)
                        t.score.wrongDetails = t.score.wrongDetails.map { "\(v.name): \($0)" }
                        t.score.missingKeys = t.score.missingKeys.map { "\(v.name): \($0)" }
                        if ProcessInfo.processInfo.environment["FORGE_DUMP"] != nil, t.score.missing + t.score.flagged > 0 {
                            print("FORGE \(v.name): \(t.score) \(r.issues.filter { $0.severity != .info }.prefix(3).map(\.description))")
                        }
                        if r.report.entity != v.entity || r.report.year != v.truth.year {
                            t.identityWrong.append("\(v.name): \(r.report.entity) \(r.report.year)")
                        }
                    } catch {
                        t.refused = 1
                        t.score = v.truth.score(Self.empty(v))
                    }
                    for key in [damage.rawValue] { byDamage[key, default: Tally()].add(t) }
                    byForm[form.rawValue, default: Tally()].add(t)
                    all.add(t)
                }
            }
        }
        return (byDamage, byForm, all)
    }

    /// An extraction that read nothing (the file was refused): every number missing.
    static func empty(_ v: ReportForge.Variant) -> ExtractionResult {
        ExtractionResult(report: ReportInfo(entity: v.entity, year: v.truth.year, template: v.truth.template, file: v.name,
                                            format: .text, encoding: "UTF-8"),
                         observations: [], ambiguities: [], blankCells: [], issues: [], narrative: [])
    }

    @Test func noConfidentWrongNumberInAnyVariant() throws {
        let (byDamage, byForm, all) = try Self.run(seed: 20_261_204)
        var lines = ["variant forge, seed 20261204: \(all.variants) variants, \(all.refused) refused"]
        func line(_ k: String, _ t: Tally) -> String {
            "\(k.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(format: "%3d", t.variants)) variants \(t.score)"
                + (t.refused > 0 ? ", \(t.refused) refused" : "") + (t.identityWrong.isEmpty ? "" : ", \(t.identityWrong.count) body/year wrong")
        }
        for d in ReportForge.Damage.allCases { if let t = byDamage[d.rawValue] { lines.append(line(d.rawValue, t)) } }
        for f in ReportForge.Form.allCases { if let t = byForm[f.rawValue] { lines.append(line(f.rawValue, t)) } }
        lines.append(line("all", all))
        print(lines.joined(separator: "\n"))
        #expect(all.score.wrong == 0, "\(all.score.wrongDetails.prefix(30).joined(separator: "\n"))")
        #expect(all.identityWrong.isEmpty, "\(all.identityWrong.prefix(30).joined(separator: "\n"))")
    }
}

extension ForgeTests.Tally {
    mutating func add(_ o: ForgeTests.Tally) {
        score.add(o.score)
        variants += o.variants
        refused += o.refused
        identityWrong += o.identityWrong
    }
}
