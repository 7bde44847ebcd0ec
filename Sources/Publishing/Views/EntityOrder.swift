import Foundation

/// The order of bodies in the demo, the gallery and the export: by the strokes of their names (笔画顺序, the order
/// of Chinese official lists), through ICU's `zh@collation=stroke`; names that collate equal by code points.
///
/// ```swift
/// EntityOrder.sorted(["平潭综合实验区", "牡丹江市人民政府", "上海市人民政府办公厅"])
/// // ["上海市人民政府办公厅", "平潭综合实验区", "牡丹江市人民政府"]   (上 3 strokes, 平 5, 牡 7)
/// ```
public enum EntityOrder {
    /// The rule in words, for help texts and notes.
    public static let rule = "按单位名称笔画顺序"

    /// `names` in stroke order, each once.
    public static func sorted(_ names: [String]) -> [String] {
        let locale = Locale(identifier: "zh@collation=stroke")
        return Array(Set(names)).sorted { a, b in
            switch a.compare(b, locale: locale) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
            }
        }
    }
}
