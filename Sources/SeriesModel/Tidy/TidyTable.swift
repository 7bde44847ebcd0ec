import CSV
import Foundation

/// Reads and writes the tidy format: `entity,year,metric,value,unit,label,source,derived`.
///
/// ```swift
/// let obs = try TidyTable.readCSV(bytes, file: "mudanjiang_2020.csv")
/// let text = TidyTable.csv(obs)
/// ```
public enum TidyTable {
    /// The UTF-8 byte order mark that starts CSV written to a file: Excel and WPS read the file as UTF-8 only with it.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The header of a tidy CSV file, in order.
    public static let columns = ["entity", "year", "metric", "value", "unit", "label", "source", "derived"]

    /// Parses tidy CSV bytes (UTF-8 with or without BOM, or GB18030).
    ///
    /// `unit`, `label`, `source` and `derived` may be missing; unit and label then come from the catalog,
    /// the source becomes `file:line`. Unknown metric ids are accepted (they are the user's own).
    /// - Throws: ``InputError`` naming the file, the line and the column.
    /// `separator` is `,` (44), or a tab (9) for `.tsv` files.
    public static func readCSV(_ bytes: [UInt8], file: String, separator: UInt8 = 44) throws -> [Observation] {
        let (text, _) = try TextDecoding.decode(bytes, file: file, expecting: "a tidy CSV file")
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: UnicodeScalar(separator))
        } catch {
            throw InputError(file: file, place: "line 1", message: "not a CSV file (\(error))")
        }
        guard let header = reader.headerRow?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw InputError(file: file, place: "line 1", message: "empty file: expected the header \(columns.joined(separator: ","))")
        }
        var col: [String: Int] = [:]
        for (i, h) in header.enumerated() where col[h] == nil { col[h] = i }
        for required in ["entity", "year", "metric", "value"] where col[required] == nil {
            throw InputError(file: file, place: "line 1",
                             message: "missing column “\(required)”: expected the header \(columns.joined(separator: ","))")
        }
        var out: [Observation] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if row.count > header.count, row[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw InputError(file: file, place: "line \(line)", message: "\(row.count) fields, but the header has \(header.count): "
                                 + "a \(separator == 9 ? "tab" : "comma") inside a value must be quoted (\"…\")")
            }
            func field(_ name: String) -> String? {
                guard let i = col[name], i < row.count else { return nil }
                return row[i].trimmingCharacters(in: .whitespaces)
            }
            do {
                if let o = try TidyRecord.observation(
                    entity: field("entity"), year: field("year"), metric: field("metric"), value: .text(field("value") ?? ""),
                    unit: field("unit"), label: field("label"), source: field("source"), derived: field("derived"),
                    defaultSource: "\(file):\(line)") {
                    out.append(o)
                }
            } catch {
                throw InputError(file: file, place: "line \(line), column \(error.field)", message: error.message)
            }
        }
        if line == 1 {
            throw InputError(file: file, place: "line 2", message: "no rows after the header: expected one observation per line")
        }
        return out
    }

    /// Tidy CSV text for `observations`, with a header row and `\n` line ends.
    public static func csv(_ observations: [Observation]) -> String {
        var s = columns.joined(separator: ",") + "\n"
        for o in observations {
            let fields = [o.entity, String(o.year), o.metric, NumberText.plain(o.value), o.unit, o.label, o.source,
                          o.derived ? "true" : "false"]
            s += fields.map(escape).joined(separator: ",") + "\n"
        }
        return s
    }

    /// Quotes a CSV field when it holds a comma, quote or line break. A field a spreadsheet would run as a formula
    /// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, and not a number such as `-5`) gets a leading
    /// `'` (OWASP's advice against CSV injection), so Excel and WPS show it as text.
    public static func escape(_ field: String) -> String {
        let field = defused(field)
        if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// `field` with a leading `'` when a spreadsheet would take it for a formula (see ``escape(_:)``).
    public static func defused(_ field: String) -> String {
        guard let first = field.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first), parseNumber(field) == nil else {
            return field
        }
        return "'" + field
    }

    /// Parses a number as written in tidy files: `387576`, `-640`, `+146`, `218827.31`, `1,234`, `1E+15` (Excel).
    public static func parseNumber(_ text: String) -> Double? {
        var t = text.replacingOccurrences(of: ",", with: "")
        if t.hasPrefix("+") { t.removeFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+") }),
              let v = Double(t), v.isFinite else { return nil }
        return v
    }
}
