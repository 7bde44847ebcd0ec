import Foundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport

/// Paths and truth files shared by the extraction and check tests.
enum ExtractionFixtures {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDir.appendingPathComponent("Fixtures")
    static let datasets = testsDir.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets")

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: datasets.appendingPathComponent(relative)))
    }

    static func extract(_ relative: String) throws -> ExtractionResult {
        try ReportExtractor.extract(bytes(relative), file: URL(fileURLWithPath: relative).lastPathComponent)
    }

    static func truth(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every number of a truth file as (metric id, year) → value, following its key scheme.
    static func expectedValues(_ truth: [String: Any]) -> [String: Double] {
        let year = truth["report_year"] as? Int ?? 0
        var out: [String: Double] = [:]
        let rename = ["new_made": "made", "new_published": "published", "total_published": "total"]
        let prefix = ["other_mgmt_services": "other_services"]
        for (section, any) in truth["table2"] as? [String: Any] ?? [:] {
            guard let cells = any as? [String: Any] else { continue }
            let p = prefix[section] ?? section
            for (k, v) in cells {
                guard let n = (v as? NSNumber)?.doubleValue, !(v is String) else { continue }
                switch k {
                case "prev_year_items": out["\(p).items@\(year - 1)"] = n
                case "change": out["\(p).items_change@\(year)"] = n
                case "amount_wan_yuan": out["\(p).amount@\(year)"] = n
                case "amount":
                    let unit = cells["amount_unit"] as? String ?? "万元"
                    out["\(p).amount@\(year)"] = unit == "元" ? Double(RunSplitter.shiftDecimal(NumberText.plain(n), by: -4))! : n
                default: out["\(p).\(rename[k] ?? k)@\(year)"] = n
                }
            }
        }
        let t3 = (truth["table3"] as? [String: Any])?["rows"] as? [String: Any] ?? [:]
        for (row, any) in t3 {
            for (col, v) in any as? [String: Any] ?? [:] {
                out["applications.\(row).\(col)@\(year)"] = (v as? NSNumber)?.doubleValue
            }
        }
        for (group, any) in truth["table4"] as? [String: Any] ?? [:] {
            for (col, v) in any as? [String: Any] ?? [:] { out["\(group).\(col)@\(year)"] = (v as? NSNumber)?.doubleValue }
        }
        return out
    }

    /// The truth's 表二 rows that the web-page text leaves ambiguous, as metric prefixes.
    static func ambiguousPrefixes(_ truth: [String: Any]) -> Set<String> {
        let runs = (truth["txt_ambiguities"] as? [String: Any])?["table2_raw_digit_runs"] as? [String: Any] ?? [:]
        return Set(runs.keys.map { $0 == "other_mgmt_services" ? "other_services" : $0 })
    }

    /// The printed (not derived) observations as (metric id, year) → value.
    static func printed(_ r: ExtractionResult) -> [String: Double] {
        var out: [String: Double] = [:]
        for o in r.observations where !o.derived { out["\(o.metric)@\(o.year)"] = o.value }
        return out
    }
}
