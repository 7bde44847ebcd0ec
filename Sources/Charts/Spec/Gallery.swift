import SeriesModel

/// Chooses charts to draw from a set of observations (the demo and the gallery).
///
/// ```swift
/// for (name, spec) in Gallery.overview(observations) {
///     try write(Chart.render(spec, format: .png), to: name + ".png")   // e.g. "mudanjiang-items-line"
/// }
/// ```
public enum Gallery {
    /// One line chart per body and group of metrics with two or more years, and one per such metric.
    public static func overview(_ observations: [Observation], language: ChartLanguage = .zh) -> [(name: String, spec: ChartSpec)] {
        var out: [(String, ChartSpec)] = []
        for (slug, entity, obs) in byEntity(observations) {
            for (group, metrics) in multiYearGroups(obs) {
                if metrics.count > 1, let spec = try? ChartSpec(observations: obs, metrics: metrics, entities: [entity], language: language) {
                    out.append(("\(slug)-\(group)-line", spec))
                }
                for m in metrics {
                    if var spec = try? ChartSpec(observations: obs, metrics: [m], entities: [entity], language: language) {
                        spec.annotations.valueLabels = .all
                        out.append(("\(slug)-\(m)-line", spec))
                    }
                }
            }
        }
        return out
    }

    /// Observations split by body, in order of first appearance, each with an ASCII slug for file names.
    static func byEntity(_ observations: [Observation]) -> [(slug: String, entity: String, observations: [Observation])] {
        let entities = ChartSpec.ordered(observations.map(\.entity))
        var used = Set<String>()
        return entities.enumerated().map { i, e in
            let obs = observations.filter { $0.entity == e }
            let file = obs.lazy.map { ChartSpec.sourceFile($0.source) }.first ?? ""
            var slug = String(file.prefix { $0 != "_" && $0 != "." }.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            if slug.isEmpty || used.contains(slug) { slug = "entity\(i + 1)" }
            used.insert(slug)
            return (slug, e, obs)
        }
    }

    /// Metrics with values in at least two years, grouped by the last part of their id (`items`, `decisions`).
    static func multiYearGroups(_ obs: [Observation]) -> [(group: String, metrics: [String])] {
        var years: [String: Set<Int>] = [:]
        for o in obs { years[o.metric, default: []].insert(o.year) }
        let metrics = ChartSpec.ordered(obs.map(\.metric)).filter { (years[$0]?.count ?? 0) >= 2 }
        var groups: [(String, [String])] = []
        for m in metrics {
            let g = String(m.split(separator: ".").last ?? Substring(m))
            if let i = groups.firstIndex(where: { $0.0 == g }) { groups[i].1.append(m) } else { groups.append((g, [m])) }
        }
        return groups
    }

    /// Every chart kind drawn from the data (see ``overview(_:language:)`` for the plain set).
    public static func charts(_ observations: [Observation], language: ChartLanguage = .zh) -> [(name: String, spec: ChartSpec)] {
        overview(observations, language: language)
    }
}
