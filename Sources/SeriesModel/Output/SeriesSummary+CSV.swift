extension SeriesSummary {
    /// The CSV header of ``csvLine``.
    public static let csvHeader = "entity,metric,first_year,last_year,count,gaps,first_value,last_value,cagr_pct,cagr_note,"
        + "total_change_pct,slope,r2,direction,largest_rise_year,largest_rise_abs,largest_fall_year,largest_fall_abs"

    /// The summary as one CSV line (no line end). Percentages and the slope have two decimals, R² four;
    /// `cagr_note` is `new` (zero start) or `n/a` where there is no rate; gap years are joined by spaces.
    public var csvLine: String {
        var f = [TidyTable.escape(entity), TidyTable.escape(metric), String(firstYear), String(lastYear), String(count),
                 gaps.map(String.init).joined(separator: " "), TrendRow.number(firstValue), TrendRow.number(lastValue)]
        f.append(cagr.percent.map(TrendRow.decimal) ?? "")
        f.append(cagr.note ?? "")
        f.append(totalChange.percent.map(TrendRow.decimal) ?? "")
        f.append(trend.map { TrendRow.decimal($0.slope) } ?? "")
        f.append(trend?.r2.map { TrendRow.decimalText($0, digits: 4) } ?? "")
        f.append(trend?.direction.rawValue ?? "")
        f.append(largestRise.map { String($0.year) } ?? "")
        f.append(largestRise?.absolute.map(TrendRow.number) ?? "")
        f.append(largestFall.map { String($0.year) } ?? "")
        f.append(largestFall?.absolute.map(TrendRow.number) ?? "")
        return f.joined(separator: ",")
    }
}
