import CSV
import Foundation
import Yams

/// Maps the old names of a body to its current one (after ``EntityName/normalize(_:)``).
///
/// Two file forms:
/// - CSV with the header `alias,entity`: one old name per row, e.g. `平潭综合实验区管委会,平潭综合实验区`.
/// - YAML: each current name maps to a list of its old names (or a single one):
///   ```yaml
///   平潭综合实验区:
///     - 平潭综合实验区管理委员会
///     - 平潭综合实验区管委会
///   ```
/// Chains resolve to the end (`a → b`, `b → c` gives `a → c`); a cycle or a name given two targets is an error.
public struct EntityAliases: Sendable, Hashable {
    /// Normalised alias → normalised current name.
    public private(set) var map: [String: String]

    /// Creates an alias table from pairs of (alias, current name); both are normalised.
    public init(_ pairs: [(alias: String, entity: String)] = [], file: String = "aliases") throws {
        var m: [String: String] = [:]
        for (a, e) in pairs {
            let alias = EntityName.normalize(a), entity = EntityName.normalize(e)
            guard !alias.isEmpty, !entity.isEmpty, alias != entity else { continue }
            if let old = m[alias], old != entity {
                throw InputError(file: file, place: "alias “\(alias)”", message: "maps to both “\(old)” and “\(entity)”: expected one current name")
            }
            m[alias] = entity
        }
        for alias in m.keys {
            var seen: Set<String> = [alias]
            var cur = m[alias]!
            while let next = m[cur] {
                guard seen.insert(cur).inserted else {
                    throw InputError(file: file, place: "alias “\(alias)”", message: "the aliases form a cycle: expected each chain to end at a current name")
                }
                cur = next
            }
            m[alias] = cur
        }
        map = m
    }

    /// An empty alias table.
    public init() { map = [:] }

    /// The current name of `normalizedName` (itself when it has no alias).
    public func resolve(_ normalizedName: String) -> String { map[normalizedName] ?? normalizedName }

    /// Reads an alias file: CSV (`alias,entity`) or YAML, told apart by the file extension (`.yaml`/`.yml`) or content.
    /// - Throws: ``InputError`` naming the file, the line and what was expected.
    public static func read(_ bytes: [UInt8], file: String) throws -> EntityAliases {
        let (text, _) = try TextDecoding.decode(bytes, file: file)
        let lower = file.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return try readYAML(text, file: file) }
        if lower.hasSuffix(".csv") { return try readCSV(text, file: file) }
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return firstLine.contains(",") ? try readCSV(text, file: file) : try readYAML(text, file: file)
    }

    private static func readCSV(_ text: String, file: String) throws -> EntityAliases {
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw InputError(file: file, place: "line 1", message: "not a CSV file (\(error))")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let ai = header.firstIndex(of: "alias"), let ei = header.firstIndex(of: "entity") else {
            throw InputError(file: file, place: "line 1", message: "expected the header alias,entity")
        }
        var pairs: [(String, String)] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard ai < row.count, ei < row.count, !row[ai].isEmpty, !row[ei].isEmpty else {
                throw InputError(file: file, place: "line \(line)", message: "expected an old name and a current name")
            }
            pairs.append((row[ai], row[ei]))
        }
        return try EntityAliases(pairs, file: file)
    }

    private static func readYAML(_ text: String, file: String) throws -> EntityAliases {
        let node: Any?
        do { node = try Yams.load(yaml: text) } catch {
            throw InputError(file: file, message: "not valid YAML (\(error))")
        }
        guard let dict = node as? [String: Any] else {
            throw InputError(file: file, message: "expected a mapping from each current name to a list of its old names")
        }
        var pairs: [(String, String)] = []
        for current in dict.keys.sorted() {
            switch dict[current] {
            case let list as [Any]:
                for a in list { pairs.append(("\(a)", current)) }
            case let one as String:
                pairs.append((one, current))
            default:
                throw InputError(file: file, place: "entry “\(current)”", message: "expected a list of old names")
            }
        }
        return try EntityAliases(pairs, file: file)
    }
}
