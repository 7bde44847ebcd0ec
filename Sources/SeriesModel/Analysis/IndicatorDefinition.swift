/// The formula of an analytic indicator: `scale × numerator / denominator`, or `scale × numerator` alone.
///
/// Computed per (entity, year) when every input is present; a zero denominator gives no value (n/a).
///
/// ```swift
/// let rate = MetricCatalog.indicatorDefinitions.first { $0.id == "indicator.disclosure_rate" }!
/// rate.evaluate { ["applications.granted.total": 30, "applications.partial_granted.total": 5,
///                  "applications.total_processed.total": 69][$0] }?.value   // 50.72…
/// ```
public struct IndicatorDefinition: Sendable, Hashable {
    /// The metric id, `indicator.…`.
    public var id: String
    /// Chinese label, e.g. `公开率`.
    public var labelZh: String
    /// English label.
    public var labelEn: String
    /// Unit, e.g. `%`.
    public var unit: String
    /// English unit.
    public var unitEn: String
    /// The numerator.
    public var numerator: MetricSum
    /// The denominator, nil for a plain (signed) sum.
    public var denominator: MetricSum?
    /// The factor applied: 100 for percentages.
    public var scale: Double
    /// A note for analysts (what the indicator means), shown with the formula.
    public var note: String
    /// The templates whose reports carry every input.
    public var templates: [TemplateVersion]

    /// Creates a definition.
    public init(id: String, labelZh: String, labelEn: String, unit: String = "%", unitEn: String = "%",
                numerator: MetricSum, denominator: MetricSum? = nil, scale: Double = 100, note: String = "",
                templates: [TemplateVersion] = [.v2019, .v2021]) {
        self.id = id
        self.labelZh = labelZh
        self.labelEn = labelEn
        self.unit = unit
        self.unitEn = unitEn
        self.numerator = numerator
        self.denominator = denominator
        self.scale = scale
        self.note = note
        self.templates = templates
    }

    /// The formula in metric ids, e.g. `100 × (a + b) / c`.
    public var formula: String {
        func wrap(_ s: MetricSum) -> String {
            s.alternatives.count == 1 && s.alternatives[0].count == 1 ? s.text : "(\(s.text))"
        }
        let factor = scale == 1 ? "" : "\(NumberText.plain(scale)) × "
        guard let denominator else { return factor + (factor.isEmpty ? numerator.text : wrap(numerator)) }
        return factor + wrap(numerator) + " / " + wrap(denominator)
    }

    /// Every metric the formula reads.
    public var inputs: [String] {
        var out = numerator.metrics
        for m in denominator?.metrics ?? [] where !out.contains(m) { out.append(m) }
        return out
    }

    /// The value and the metrics used, or nil when an input is missing or the denominator is not positive.
    public func evaluate(_ value: (String) -> Double?) -> (value: Double, used: [String])? {
        guard let num = numerator.evaluate(value) else { return nil }
        guard let denominator else { return (scale * num.value, num.used) }
        guard let den = denominator.evaluate(value), den.value > 0 else { return nil }
        let v = scale * num.value / den.value
        guard v.isFinite else { return nil }
        return (v, num.used + den.used.filter { !num.used.contains($0) })
    }

    /// The catalog entry of the indicator.
    public var metric: Metric {
        Metric(id: id, labelZh: labelZh, labelEn: labelEn, unit: unit, unitEn: unitEn, templates: templates,
               kind: .indicator, formula: note.isEmpty ? formula : "\(formula) — \(note)")
    }
}
