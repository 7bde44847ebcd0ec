import CCairo

/// Asks fontconfig whether an installed font covers a language.
///
/// ```swift
/// FontCoverage.hasFont(language: "zh-cn")   // true once fonts-noto-cjk is installed
/// ```
public enum FontCoverage {
    /// True when at least one installed font supports `language` (an RFC-3066 tag such as `zh-cn`).
    public static func hasFont(language: String) -> Bool {
        guard let pattern = FcPatternCreate() else { return false }
        defer { FcPatternDestroy(pattern) }
        let added = language.withCString { tag in
            tag.withMemoryRebound(to: FcChar8.self, capacity: language.utf8.count + 1) { p in
                FcPatternAddString(pattern, FC_LANG, p)
            }
        }
        guard added != 0, let os = FcObjectSetCreate() else { return false }
        defer { FcObjectSetDestroy(os) }
        FcObjectSetAdd(os, FC_FAMILY)
        guard let list = FcFontList(nil, pattern, os) else { return false }
        defer { FcFontSetDestroy(list) }
        return list.pointee.nfont > 0
    }
}
