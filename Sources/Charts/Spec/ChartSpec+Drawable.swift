extension ChartSpec {
    /// True when the chart's kind has something to draw: a value in some year (line, bar, …), a value in the shown
    /// year (rank), or a series with values in both compared years (slope).
    ///
    /// A spec without drawable data still renders, as its title, source and a `无数据` message.
    ///
    /// ```swift
    /// let spec = ChartSpec(kind: .slope, title: "规章·本年新制作数量",
    ///                      series: [ChartSeries(label: "平潭综合实验区", values: [2019: 0])])
    /// spec.hasDrawableData   // false: no series has two years
    /// ```
    public var hasDrawableData: Bool {
        let years = yearsWithValues
        guard !years.isEmpty else { return false }
        switch kind {
        case .rank:
            let year = focusYear ?? years.last!
            return series.contains { $0.value(in: year) != nil }
        case .slope:
            guard let (base, focus) = slopeYears, base != focus else { return false }
            return series.contains { $0.value(in: base) != nil && $0.value(in: focus) != nil }
        default:
            return true
        }
    }

    /// The earlier and later year a slope chart compares: `baseYear`/`focusYear`, else the first and last year.
    package var slopeYears: (base: Int, focus: Int)? {
        let years = yearsWithValues
        guard let last = years.last else { return nil }
        let focus = focusYear ?? last
        let base = baseYear ?? years.first { $0 < focus } ?? focus
        return (base, focus)
    }
}
