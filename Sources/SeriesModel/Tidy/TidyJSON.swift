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
        if records.isEmpty { throw InputError(file: file, message: "no observations: the array is empty") }
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
            let value: TidyRecord.Value
            switch o["value"] {
            case nil, is NSNull: value = .missing
            case let t as String: value = .text(t.trimmingCharacters(in: .whitespaces))
            case let n as NSNumber: value = .number(n.doubleValue)
            case let other?: value = .text("\(other)")
            }
            let derived: String?
            switch o["derived"] {
            case nil, is NSNull: derived = nil
            case let s as String: derived = s
            case let b as Bool: derived = b ? "true" : "false"
            case let other?: derived = "\(other)"
            }
            do {
                if let obs = try TidyRecord.observation(
                    entity: string("entity"), year: string("year"), metric: string("metric"), value: value,
                    unit: string("unit"), label: string("label"), source: string("source"), derived: derived,
                    defaultSource: "\(file)#\(i + 1)") {
                    out.append(obs)
                }
            } catch {
                throw InputError(file: file, place: place + ", key \(error.field)", message: error.message)
            }
        }
        return out
    }
}
