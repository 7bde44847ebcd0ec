import SeriesModel

/// Changes to a ``ChartSpec``: every field optional, nil = leave the spec's value. A spec file's chart keys
/// decode into one (see ``ChartSpecFile/overrides``) and the CLI's flags build another; each is applied in turn
/// with ``apply(to:)``, so the file and the flags merge in one place and by one set of rules.
///
/// ```swift
/// var spec = ChartSpec(title: "行政许可·项目数量", series: series)
/// var o = SpecOverrides()
/// o.kind = .bar
/// o.annotations = .init(reference: "均值")
/// o.size = .preset("a4-half")
/// o.apply(to: &spec)        // a bar chart with a mean line on a 794×561 canvas
/// ```
public struct SpecOverrides: Sendable, Codable {
    /// The annotations block: each key replaces the spec's.
    public struct AnnotationsEntry: Sendable, Codable {
        /// See ``Annotations/valueLabels``.
        public var valueLabels: Annotations.ValueLabels?
        /// `mean` (or `均值`) or a number (see ``SpecOverrides/reference(_:label:)``).
        public var reference: String?
        /// The reference line's label.
        public var referenceLabel: String?
        /// See ``Annotations/trendLine``.
        public var trendLine: Bool?
        /// See ``Annotations/highlightYear``.
        public var highlightYear: Int?
        /// See ``Annotations/notes`` (replaces the spec's notes).
        public var notes: [Annotations.Note]?

        public init(valueLabels: Annotations.ValueLabels? = nil, reference: String? = nil, referenceLabel: String? = nil,
                    trendLine: Bool? = nil, highlightYear: Int? = nil, notes: [Annotations.Note]? = nil) {
            self.valueLabels = valueLabels; self.reference = reference; self.referenceLabel = referenceLabel
            self.trendLine = trendLine; self.highlightYear = highlightYear; self.notes = notes
        }
    }

    /// A preset name or explicit dimensions.
    public enum SizeEntry: Sendable, Codable {
        /// A preset by name: its width, height and scale.
        case preset(String)
        /// The preset (if any) first, then each given dimension.
        case explicit(width: Double?, height: Double?, scale: Double?, preset: String?)

        private enum Keys: String, CodingKey { case width, height, scale, preset }

        public init(from decoder: any Decoder) throws {
            if let s = try? decoder.singleValueContainer().decode(String.self) { self = .preset(s); return }
            let c = try decoder.container(keyedBy: Keys.self)
            self = .explicit(width: try c.decodeIfPresent(Double.self, forKey: .width),
                             height: try c.decodeIfPresent(Double.self, forKey: .height),
                             scale: try c.decodeIfPresent(Double.self, forKey: .scale),
                             preset: try c.decodeIfPresent(String.self, forKey: .preset))
        }

        /// Writes a preset as a string, explicit dimensions as an object.
        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .preset(let s):
                var c = encoder.singleValueContainer()
                try c.encode(s)
            case .explicit(let w, let h, let s, let p):
                var c = encoder.container(keyedBy: Keys.self)
                try c.encodeIfPresent(w, forKey: .width)
                try c.encodeIfPresent(h, forKey: .height)
                try c.encodeIfPresent(s, forKey: .scale)
                try c.encodeIfPresent(p, forKey: .preset)
            }
        }

        /// The preset name this entry asks for, if any.
        public var presetName: String? {
            switch self {
            case .preset(let name): name
            case .explicit(_, _, _, let preset): preset
            }
        }
    }

    // The keys mirror ChartSpec; docs/chart-spec.md describes each one.

    /// See ``ChartSpec/kind``.
    public var kind: ChartKind?
    /// See ``ChartSpec/title``.
    public var title: String?
    /// See ``ChartSpec/subtitle``.
    public var subtitle: String?
    /// See ``ChartSpec/source``.
    public var source: String?
    /// See ``ChartSpec/unit``.
    public var unit: String?
    /// See ``ChartSpec/valueFormat``.
    public var valueFormat: ChartSpec.ValueFormat?
    /// See ``ChartSpec/xTitle``.
    public var xTitle: String?
    /// See ``ChartSpec/yTitle``.
    public var yTitle: String?
    /// See ``ChartSpec/annotations``.
    public var annotations: AnnotationsEntry?
    /// See ``ChartSpec/theme``.
    public var theme: Theme.Name?
    /// See ``ChartSpec/size``.
    public var size: SizeEntry?
    /// See ``ChartSpec/language``.
    public var language: Language?
    /// See ``ChartSpec/baseYear``.
    public var baseYear: Int?
    /// See ``ChartSpec/focusYear``.
    public var focusYear: Int?
    /// See ``ChartSpec/changeMeasure``.
    public var changeMeasure: ChartSpec.ChangeMeasure?
    /// See ``ChartSpec/facetScale``.
    public var facetScale: ChartSpec.FacetScale?

    /// No changes.
    public init() {}

    /// The reference line `text` asks for: `mean` (any case) or `均值` for the mean, else a number (`1,234`,
    /// `+5`, `2.5`) with `label`; nil when it is neither.
    public static func reference(_ text: String, label: String? = nil) -> Annotations.Reference? {
        if text.lowercased() == "mean" || text == "均值" { return .mean }
        return TidyTable.parseNumber(text).map { .value($0, label: label) }
    }

    /// What is wrong with these overrides (an unknown size preset, a reference that is neither mean nor a
    /// number), as `key: problem`; nil when nothing is.
    public func problem() -> String? {
        if let name = size?.presetName, ChartSize.preset(name) == nil {
            return "size: unknown preset “\(name)”; expected \(ChartSize.presets.map(\.name).joined(separator: ", "))"
        }
        if let r = annotations?.reference, Self.reference(r) == nil {
            return "annotations.reference: expected mean or a number, found “\(r)”"
        }
        return nil
    }

    /// Sets every field that is not nil on `spec`.
    public func apply(to s: inout ChartSpec) {
        if let kind { s.kind = kind }
        if let title { s.title = title }
        if let subtitle { s.subtitle = subtitle }
        if let source { s.source = source }
        if let unit { s.unit = unit }
        if let valueFormat { s.valueFormat = valueFormat }
        if let xTitle { s.xTitle = xTitle }
        if let yTitle { s.yTitle = yTitle }
        if let a = annotations {
            if let v = a.valueLabels { s.annotations.valueLabels = v }
            if let r = a.reference { s.annotations.reference = Self.reference(r, label: a.referenceLabel) }
            if let t = a.trendLine { s.annotations.trendLine = t }
            if let h = a.highlightYear { s.annotations.highlightYear = h }
            if let n = a.notes { s.annotations.notes = n }
        }
        if let theme { s.theme = theme }
        switch size {
        case .preset(let name)?: if let p = ChartSize.preset(name) { s.size = p }
        case .explicit(let w, let h, let sc, let p)?:
            if let p, let ps = ChartSize.preset(p) { s.size = ps }
            if let w { s.size.width = w }
            if let h { s.size.height = h }
            if let sc { s.size.scale = sc }
        case nil:
            // A kind with its own canvas (the sparkline's 360×90) gets it when no size is given (A9).
            if kind != nil && s.size == .standard && s.kind.defaultSize != .standard { s.size = s.kind.defaultSize }
        }
        if let language { s.language = language }
        if let baseYear { s.baseYear = baseYear }
        if let focusYear { s.focusYear = focusYear }
        if let changeMeasure { s.changeMeasure = changeMeasure }
        if let facetScale { s.facetScale = facetScale }
    }
}
