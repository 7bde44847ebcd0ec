import Foundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport

/// Scores an extraction against a hand-checked truth file, number by number.
///
/// Every printed number of the truth is one of: right (emitted with the truth's value), flagged (not emitted, but
/// listed as uncertain), missing (neither), or WRONG (emitted as certain with another value, or a printed number
/// reported as blank, or a blank cell emitted as a number). Observations the truth does not hold are WRONG too.
struct TruthScore: CustomStringConvertible {
    var right = 0
    var flagged = 0
    var missing = 0
    var wrong = 0
    /// `metric@year: got X, truth Y` for every wrong number.
    var wrongDetails: [String] = []
    /// `metric@year` of every missing number.
    var missingKeys: [String] = []

    var total: Int { right + flagged + missing + wrong }

    mutating func add(_ o: TruthScore) {
        right += o.right; flagged += o.flagged; missing += o.missing; wrong += o.wrong
        wrongDetails += o.wrongDetails; missingKeys += o.missingKeys
    }

    var rightShare: Double { total == 0 ? 0 : Double(right) / Double(total) }

    var description: String {
        String(format: "%4d numbers: %4d right (%.1f %%), %3d flagged, %3d missing, %d WRONG", total, right,
               100 * rightShare, flagged, missing, wrong)
    }
}

/// What the truth says one cell holds.
enum TruthCell: Equatable {
    case value(Double)
    case blank
}

/// A truth file read into (metric id @ year) → cell, with its identity, template and expected check failures.
struct ReportTruth {
    var name: String
    /// The body without the truth's explanatory parenthesis, and the names the report prints.
    var entityNames: Set<String>
    var year: Int
    var template: TemplateVersion
    var cells: [String: TruthCell]
    /// (rule, scope, left, right) of each identity failure the report itself has.
    var expectedFailures: Set<IdentityFailure>
    var identitiesChecked: Int?
    var json: [String: Any]

    struct IdentityFailure: Hashable, CustomStringConvertible {
        var rule: String
        var scope: String
        var left: Double
        var right: Double
        var description: String { "\(rule)[\(scope)] \(NumberText.plain(left)) ≠ \(NumberText.plain(right))" }
    }

    init(json: [String: Any], name: String) {
        self.json = json
        self.name = name
        let entity = json["entity"] as? String ?? ""
        var names: Set<String> = [EntityName.normalize(String(entity.prefix { $0 != "（" && $0 != "(" }))]
        for n in json["entity_as_printed"] as? [String] ?? [] { names.insert(EntityName.normalize(n)) }
        entityNames = names
        year = json["report_year"] as? Int ?? 0
        template = TemplateVersion(rawValue: json["template"] as? String ?? "") ?? .v2021
        var cells = ExtractionFixtures.expectedValues(json).mapValues { TruthCell.value($0) }
        for b in json["blank_cells"] as? [String] ?? [] {
            let parts = b.split(separator: ".").map(String.init)
            guard parts.count == 3 else { continue }
            let key: String
            switch parts[0] {
            case "table3": key = "applications.\(parts[1]).\(parts[2])@\(year)"
            case "table4": key = "\(parts[1]).\(parts[2])@\(year)"
            default:
                let probe = ["table2": [parts[1]: [parts[2]: 0]], "report_year": year] as [String: Any]
                guard let k = ExtractionFixtures.expectedValues(probe).keys.first else { continue }
                key = k
            }
            cells[key] = .blank
        }
        self.cells = cells
        let checks = json["expected_checks"] as? [String: Any] ?? [:]
        identitiesChecked = checks["n_checked"] as? Int
        expectedFailures = Set((checks["failing"] as? [[String: Any]] ?? []).map {
            IdentityFailure(rule: $0["rule"] as? String ?? "", scope: $0["scope"] as? String ?? "",
                            left: ($0["left"] as? NSNumber)?.doubleValue ?? .nan,
                            right: ($0["right"] as? NSNumber)?.doubleValue ?? .nan)
        })
    }

    /// True when `entity` names the truth's body: one of its names, or one without the parent division the truth
    /// puts in front (`洪泽区人民政府` printed for the truth's `淮安市洪泽区人民政府`).
    func acceptsEntity(_ entity: String) -> Bool {
        entityNames.contains(entity) || entityNames.contains { name in
            guard name.hasSuffix(entity), name.count > entity.count, entity.count >= 4 else { return false }
            let parent = name.dropLast(entity.count)
            return ["市", "省", "州", "盟", "地区"].contains { parent.hasSuffix($0) }
        }
    }

    /// Scores `r` against the truth.
    func score(_ r: ExtractionResult) -> TruthScore {
        var s = TruthScore()
        var emitted: [String: Double] = [:]
        for o in r.observations where !o.derived { emitted["\(o.metric)@\(o.year)"] = o.value }
        let blanks = Set(r.blankCells.map { "\($0.metric)@\($0.year)" })
        let open = Set(r.ambiguities.flatMap { a in a.metrics.map { "\($0)@\(r.report.year + Self.yearOffset($0))" } })
        for (key, cell) in cells.sorted(by: { $0.key < $1.key }) {
            switch cell {
            case let .value(v):
                if let got = emitted[key] {
                    if abs(got - v) < 1e-9 { s.right += 1 } else {
                        s.wrong += 1
                        s.wrongDetails.append("\(key): got \(NumberText.plain(got)), truth \(NumberText.plain(v))")
                    }
                } else if blanks.contains(key) {
                    s.wrong += 1
                    s.wrongDetails.append("\(key): reported blank, truth \(NumberText.plain(v))")
                } else if open.contains(key) {
                    s.flagged += 1
                } else {
                    s.missing += 1
                    s.missingKeys.append(key)
                }
            case .blank:
                if let got = emitted[key] {
                    s.wrong += 1
                    s.wrongDetails.append("\(key): got \(NumberText.plain(got)), truth blank (not reported)")
                } else if blanks.contains(key) {
                    s.right += 1
                } else if open.contains(key) {
                    s.flagged += 1
                } else {
                    s.missing += 1
                    s.missingKeys.append(key)
                }
            }
        }
        for (key, v) in emitted.sorted(by: { $0.key < $1.key }) where cells[key] == nil {
            s.wrong += 1
            s.wrongDetails.append("\(key): got \(NumberText.plain(v)), not in the truth")
        }
        return s
    }

    /// −1 for the 上一年项目数量 metrics, else 0.
    static func yearOffset(_ metric: String) -> Int { metric.hasSuffix(".items") ? -1 : 0 }

    /// The truth's names of the identity rules (1–4 of report-template.md).
    static let ruleNames = ["1": "t3_new_plus_carried_eq_processed_plus_forward", "2": "t3_outcomes_sum_eq_total_processed",
                            "3": "t3_row_applicants_sum_eq_total", "4": "t4_group_sum_eq_total"]

    /// The identity failures (rules 1–4, errors) of `findings` in the truth's terms.
    static func identityFailures(_ findings: [CheckFinding]) -> [IdentityFailure] {
        var zhToKey: [String: String] = [:]
        for c in MetricCatalog.applicantColumns { zhToKey[c.zh] = c.key }
        for g in MetricCatalog.reviewGroups { zhToKey[g.zh] = g.key }
        for row in MetricCatalog.applicationRows { zhToKey[row.zh] = row.key }
        return findings.compactMap { f in
            guard f.severity == .error, let name = ruleNames[String(f.rule.prefix(1))] else { return nil }
            var scope = f.place
            for prefix in ["table 3, column ", "table 3, row ", "table 4, "] where scope.hasPrefix(prefix) {
                scope = String(scope.dropFirst(prefix.count))
            }
            return IdentityFailure(rule: name, scope: zhToKey[scope] ?? scope, left: lastNumber(f.lhs), right: lastNumber(f.rhs))
        }
    }

    private static func lastNumber(_ s: String) -> Double {
        let token = s.split(whereSeparator: { $0 == " " || $0 == "=" }).last.map(String.init) ?? ""
        return Double(token) ?? .nan
    }
}

/// The real reports of `../shared/reports` (beside the repository) with their truth files.
enum SharedReports {
    static let folder = RepoPaths.sharedReports

    /// Every truth file's name (without `.truth.json`), sorted.
    static func truthNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".truth.json") }
            .map { String($0.dropLast(".truth.json".count)) }.sorted()
    }

    static func truth(_ name: String) throws -> ReportTruth {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).truth.json"))
        return ReportTruth(json: try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:], name: name)
    }

    /// The report files of a truth (`NAME.txt`, `NAME.html`, …), sorted.
    static func reportFiles(_ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(name + ".") && !$0.hasSuffix(".truth.json") }.sorted()
    }

    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(file)))
    }
}
