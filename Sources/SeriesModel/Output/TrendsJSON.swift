/// The JSON document of `trendplot trends --format json`.
struct TrendsJSON: Encodable {
    var series: [SeriesJSON]
    var conflicts: [DatasetConflict]
    var errors: [String]
}

/// One series in JSON: its points with changes, and its summary.
struct SeriesJSON: Encodable {
    var series: Series
    var unit: String
    var label: String
    var indexBase: Int?

    enum Keys: String, CodingKey {
        case entity, metric, unit, label, points, summary
        case year, value, yoy_abs, yoy_pct, yoy_note, index, moving_avg, derived, source
        case first_year, last_year, count, gaps, cagr, cagr_note, total_change_pct, slope, r2, direction
        case largest_rise, largest_fall, abs, pct
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(series.entity, forKey: .entity)
        try c.encode(series.metric, forKey: .metric)
        try c.encode(unit, forKey: .unit)
        try c.encode(label, forKey: .label)
        var points = c.nestedUnkeyedContainer(forKey: .points)
        for r in TrendRow.rows(of: series, indexBase: indexBase) {
            var p = points.nestedContainer(keyedBy: Keys.self)
            try p.encode(r.year, forKey: .year)
            try p.encode(r.value, forKey: .value)
            let ratio = r.change.relative.ratio
            try p.encode(ratio == nil ? nil : r.change.absolute, forKey: .yoy_abs)
            try p.encode(ratio.map { $0 * 100 }, forKey: .yoy_pct)
            try p.encode(r.change.relative.note, forKey: .yoy_note)
            try p.encode(r.index, forKey: .index)
            try p.encode(r.movingAverage, forKey: .moving_avg)
            try p.encode(r.derived, forKey: .derived)
            try p.encode(r.source, forKey: .source)
        }
        try c.encode(SummaryJSON(summary: series.summary(), withKey: false), forKey: .summary)
    }
}

/// A series summary in JSON: percentages for rates, snake_case keys, null where a figure does not exist.
struct SummaryJSON: Encodable {
    var summary: SeriesSummary
    /// Whether to repeat the entity and metric (for a list of summaries on their own).
    var withKey: Bool

    func encode(to encoder: Encoder) throws {
        typealias Keys = SeriesJSON.Keys
        let s = summary
        var m = encoder.container(keyedBy: Keys.self)
        if withKey {
            try m.encode(s.entity, forKey: .entity)
            try m.encode(s.metric, forKey: .metric)
        }
        try m.encode(s.firstYear, forKey: .first_year)
        try m.encode(s.lastYear, forKey: .last_year)
        try m.encode(s.count, forKey: .count)
        try m.encode(s.gaps, forKey: .gaps)
        try m.encode(s.cagr.percent, forKey: .cagr)
        try m.encode(s.cagr.note, forKey: .cagr_note)
        try m.encode(s.totalChange.percent, forKey: .total_change_pct)
        try m.encode(s.trend?.slope, forKey: .slope)
        try m.encode(s.trend?.r2, forKey: .r2)
        try m.encode(s.trend?.direction.rawValue, forKey: .direction)
        for (key, change) in [(Keys.largest_rise, s.largestRise), (.largest_fall, s.largestFall)] {
            if let change {
                var x = m.nestedContainer(keyedBy: Keys.self, forKey: key)
                try x.encode(change.year, forKey: .year)
                try x.encode(change.absolute, forKey: .abs)
                try x.encode(change.relative.percent, forKey: .pct)
            } else {
                try m.encodeNil(forKey: key)
            }
        }
    }
}
