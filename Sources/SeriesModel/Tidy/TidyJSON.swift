import Foundation

/// Reads tidy JSON: an array of observation objects, or an object whose `observations` array holds them
/// (the form `trendplot extract --format json` writes, with its findings beside it).
///
/// Keys as in tidy CSV: `entity`, `year`, `metric`, `value` (required), `unit`, `label`, `source`, `derived`.
/// Numbers may be JSON numbers or strings (`"1,234"`); a null or empty value is "not reported".
///
/// ```swift
/// let obs = try TidyJSON.read(bytes, file: "pingtan.json")
/// ```
public enum TidyJSON {
    /// Parses tidy JSON bytes.
    /// - Throws: ``InputError`` naming the file, the record (1-based) and the key.
    public static func read(_ bytes: [UInt8], file: String) throws -> [Observation] {
        let (text, _) = try TextDecoding.decode(bytes, file: file)
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw InputError(file: file, message: "not valid JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error))")
        }
        let records: [Any]
        if let a = root as? [Any] {
            records = a
        } else if let o = root as? [String: Any], let a = o["observations"] as? [Any] {
            records = a
        } else {
            throw InputError(file: file, message: "expected an array of observations or an object with an “observations” array")
        }
        var out: [Observation] = []
        out.reserveCapacity(records.count)
        for (i, r) in records.enumerated() {
            let place = "record \(i + 1)"
            guard let o = r as? [String: Any] else {
                throw InputError(file: file, place: place, message: "expected an object with entity, year, metric and value")
            }
            func string(_ k: String) -> String? {
                switch o[k] {
                case let s as String: return s.trimmingCharacters(in: .whitespaces)
                case let n as NSNumber: return n.stringValue
                default: return nil
                }
            }
            guard let entity = string("entity"), !entity.isEmpty else {
                throw InputError(file: file, place: place + ", key entity", message: "expected the name of a body, found nothing")
            }
            guard let yearText = string("year"), let year = Int(yearText), (1900...2200).contains(year) else {
                throw InputError(file: file, place: place + ", key year", message: "expected a year such as 2020, found “\(string("year") ?? "")”")
            }
            guard let metric = string("metric"), !metric.isEmpty else {
                throw InputError(file: file, place: place + ", key metric", message: "expected a metric id such as licensing.decisions")
            }
            let raw = o["value"]
            var value: Double?
            switch raw {
            case nil, is NSNull: continue
            case let t as String:
                let trimmed = t.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                value = TidyTable.parseNumber(trimmed)
            case let n as NSNumber:
                value = n.doubleValue.isFinite ? n.doubleValue : nil
            default:
                value = nil
            }
            guard let value else {
                throw InputError(file: file, place: place + ", key value", message: "expected a number, found “\(raw.map { "\($0)" } ?? "")”")
            }
            let derived: Bool
            switch o["derived"] {
            case nil, is NSNull: derived = false
            case let b as Bool: derived = b
            case let s as String where ["true", "false", ""].contains(s.lowercased()): derived = s.lowercased() == "true"
            default: throw InputError(file: file, place: place + ", key derived", message: "expected true or false")
            }
            let m = MetricCatalog.standard[metric]
            out.append(Observation(entity: EntityName.normalize(entity), year: year, metric: metric, value: value,
                                   unit: string("unit").flatMap { $0.isEmpty ? nil : $0 } ?? m?.unit ?? "",
                                   label: string("label").flatMap { $0.isEmpty ? nil : $0 } ?? m?.labelZh ?? metric,
                                   source: string("source").flatMap { $0.isEmpty ? nil : $0 } ?? "\(file)#\(i + 1)",
                                   derived: derived))
        }
        return out
    }
}
