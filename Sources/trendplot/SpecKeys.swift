import Charts
import Foundation
import SeriesModel
import Yams

/// Keys of a chart spec file that trendplot does not know (`titel:`, `trendline:`): the reader ignores them, as
/// docs/chart-spec.md says, so `plot` names each one on stderr with the nearest known key (review S3-21).
enum SpecKeys {
    /// The keys of the file's top level: the file's own and every chart key (``SpecOverrides``' fields).
    static var topLevel: Set<String> {
        Set(["version", "data", "metrics", "entities", "series"] + Mirror(reflecting: SpecOverrides()).children.compactMap(\.label))
    }

    /// The keys of `annotations` (and `periodBreaks`, which the annotations decode themselves).
    static var annotations: Set<String> {
        Set(Mirror(reflecting: SpecOverrides.AnnotationsEntry()).children.compactMap(\.label) + ["periodBreaks"])
    }

    /// The keys of an explicit `size`.
    static let size: Set<String> = ["width", "height", "scale", "preset"]

    /// One warning per unknown key of the spec `text` read from `file`, in file order.
    static func warnings(_ text: String, file: String) -> [String] {
        guard let root = (try? Yams.compose(yaml: text))??.mapping else { return [] }
        var out: [String] = []
        func check(_ mapping: Node.Mapping, known: Set<String>, path: String) {
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                if known.contains(name) {
                    if name == "annotations", path.isEmpty, let m = value.mapping { check(m, known: annotations, path: "annotations.") }
                    if name == "size", path.isEmpty, let m = value.mapping { check(m, known: size, path: "size.") }
                    continue
                }
                let nearest = closest(to: name, in: known)
                let line = key.mark.map { ", line \($0.line)" } ?? ""
                out.append("\(file)\(line): unknown key “\(path)\(name)” is ignored"
                           + (nearest.map { "; did you mean “\(path)\($0)”?" } ?? "; see docs/chart-spec.md for the keys"))
            }
        }
        check(root, known: topLevel, path: "")
        return out
    }

    /// The known key nearest to `name` (ignoring case), if one is near enough to be a misspelling.
    static func closest(to name: String, in known: Set<String>) -> String? {
        let limit = max(2, name.count / 3)
        var best: (key: String, distance: Int)?
        for key in known.sorted() {
            let d = EditDistance.between(key.lowercased(), name.lowercased())
            if d <= limit, d < (best?.distance ?? Int.max) { best = (key, d) }
        }
        return best?.key
    }
}
