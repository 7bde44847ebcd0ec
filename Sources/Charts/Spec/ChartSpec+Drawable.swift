extension ChartSpec {
    /// True when the chart's kind has something to draw: a value in some year (line, bar, …), a value in the shown
    /// year (rank), or a series with values in both compared years (slope). The same as
    /// ``ResolvedChart/hasDrawableData``.
    ///
    /// A spec without drawable data still renders, as its title, source and a `无数据` message.
    ///
    /// ```swift
    /// let spec = ChartSpec(kind: .slope, title: "规章·本年新制作数量",
    ///                      series: [ChartSeries(label: "平潭综合实验区", values: [2019: 0])])
    /// spec.hasDrawableData   // false: no series has two years
    /// ```
    public var hasDrawableData: Bool { ResolvedChart(self).hasDrawableData }

    /// The years the chart compares (rank: the year shown; slope, waterfall, change across series: two), or nil
    /// when it draws every year. The same as ``ResolvedChart/comparedYears``; each kind has its own rule.
    public var comparedYears: ComparedYears? { kind.layout.comparedYears(self) }
}
