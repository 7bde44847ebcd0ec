extension Dataset {
    /// Computes `definitions` for every (entity, year) whose inputs are present and adds the values as
    /// `derived` observations whose source names the formula (`公开率 = 100 × (…) / …`).
    ///
    /// A value already in the dataset for an indicator's key is kept; when the computed one differs, the
    /// disagreement is added to ``conflicts``.
    ///
    /// ```swift
    /// dataset.addIndicators()
    /// dataset.value(entity: "平潭综合实验区", year: 2021, metric: "indicator.disclosure_rate")   // 50.72…
    /// ```
    public mutating func addIndicators(_ definitions: [IndicatorDefinition] = MetricCatalog.indicatorDefinitions) {
        var s = storage
        storage = Storage()
        defer { storage = s }
        let metricCount = s.metrics.count
        // Inputs resolved to metric ids once.
        struct Resolved {
            let definition: IndicatorDefinition
            let inputs: [String]
            let inputIDs: [Int32?]
            let metric: Int32
            let source: Int32
            let attribute: Int32
        }
        var resolved: [Resolved] = []
        var attrs = AttributeTable(ids: s.attributeIDs, list: s.attributes)
        for d in definitions {
            let inputs = d.inputs
            let metric = s.metrics.intern(d.id)
            let source = s.sources.intern("\(d.labelZh) = \(d.formula)")
            let attribute = attrs.id(unit: s.units.intern(d.unit), label: s.labels.intern(d.labelZh))
            resolved.append(Resolved(definition: d, inputs: inputs, inputIDs: inputs.map { s.metrics.id(of: $0) },
                                     metric: metric, source: source, attribute: attribute))
        }
        s.attributeIDs = attrs.ids
        s.attributes = attrs.list
        var seriesOfMetric = [Int32](repeating: -1, count: s.metrics.count)
        var newSeries: [(entity: Int32, metric: Int32, start: Int32, count: Int32)] = []
        var newConflicts: [DatasetConflict] = []
        let seriesTotal = s.seriesEntity.count
        var first = 0
        while first < seriesTotal {
            let e = s.seriesEntity[first]
            var end = first
            while end < seriesTotal && s.seriesEntity[end] == e { seriesOfMetric[Int(s.seriesMetric[end])] = Int32(end); end += 1 }
            func value(_ series: Int32, _ year: Int16) -> Double? {
                let start = Int(s.seriesStart[Int(series)]), n = Int(s.seriesCount[Int(series)])
                for i in start..<(start + n) where s.year[i] == year { return s.value[i] }
                return nil
            }
            for r in resolved {
                var years = Set<Int16>()
                for id in r.inputIDs {
                    guard let id, id < metricCount, seriesOfMetric[Int(id)] >= 0 else { continue }
                    let si = Int(seriesOfMetric[Int(id)])
                    for i in Int(s.seriesStart[si])..<Int(s.seriesStart[si] + s.seriesCount[si]) { years.insert(s.year[i]) }
                }
                let existing = Int(r.metric) < metricCount ? seriesOfMetric[Int(r.metric)] : -1
                let start = Int32(s.value.count)
                for y in years.sorted() {
                    let result = r.definition.evaluate { m in
                        guard let k = r.inputs.firstIndex(of: m), let id = r.inputIDs[k], id < metricCount else { return nil }
                        let si = seriesOfMetric[Int(id)]
                        return si >= 0 ? value(si, y) : nil
                    }
                    guard let result else { continue }
                    if existing >= 0, let old = value(existing, y) {
                        if !Dataset.same(old, result.value) {
                            let ei = Int(s.seriesStart[Int(existing)])
                            newConflicts.append(DatasetConflict(
                                key: ObservationKey(entity: s.entities[Int(e)], year: Int(y), metric: r.definition.id),
                                kept: .init(value: old, source: s.sources.strings[Int(s.source[ei])], derived: s.derived[ei]),
                                dropped: .init(value: result.value, source: s.sources.strings[Int(r.source)], derived: true),
                                resolution: s.derived[ei] ? .firstDerived : .printedOverDerived))
                        }
                        continue
                    }
                    s.year.append(y)
                    s.value.append(result.value)
                    s.derived.append(true)
                    s.source.append(r.source)
                    s.attribute.append(r.attribute)
                }
                let count = Int32(s.value.count) - start
                guard count > 0 else { continue }
                if existing >= 0 {
                    // Rare: an indicator series came with the input; merge the two runs into a fresh one.
                    let es = Int(s.seriesStart[Int(existing)]), ec = Int(s.seriesCount[Int(existing)])
                    var rows = Array(es..<(es + ec)) + Array(Int(start)..<Int(start + count))
                    rows.sort { s.year[$0] < s.year[$1] }
                    let fresh = Int32(s.value.count)
                    for i in rows {
                        s.year.append(s.year[i]); s.value.append(s.value[i]); s.derived.append(s.derived[i])
                        s.source.append(s.source[i]); s.attribute.append(s.attribute[i])
                    }
                    s.seriesStart[Int(existing)] = fresh
                    s.seriesCount[Int(existing)] = Int32(rows.count)
                } else {
                    newSeries.append((e, r.metric, start, count))
                }
            }
            for si in first..<end { seriesOfMetric[Int(s.seriesMetric[si])] = -1 }
            first = end
        }
        guard !newSeries.isEmpty || !newConflicts.isEmpty else { return }
        // Re-sort the series table by (entity, metric order).
        let ranks = Dataset.ranks(of: s.metrics.strings)
        var table: [(entity: Int32, rank: Int32, metric: Int32, start: Int32, count: Int32)] = []
        table.reserveCapacity(seriesTotal + newSeries.count)
        for i in 0..<seriesTotal {
            table.append((s.seriesEntity[i], ranks[Int(s.seriesMetric[i])], s.seriesMetric[i], s.seriesStart[i], s.seriesCount[i]))
        }
        for n in newSeries { table.append((n.entity, ranks[Int(n.metric)], n.metric, n.start, n.count)) }
        table.sort { ($0.entity, $0.rank) < ($1.entity, $1.rank) }
        s.seriesEntity = table.map(\.entity)
        s.seriesMetric = table.map(\.metric)
        s.seriesStart = table.map(\.start)
        s.seriesCount = table.map(\.count)
        conflicts.append(contentsOf: newConflicts)
    }
}

/// The (unit, label) pairs of a dataset, interned.
struct AttributeTable {
    var ids: [UInt64: Int32]
    var list: [(unit: Int32, label: Int32)]

    mutating func id(unit: Int32, label: Int32) -> Int32 {
        let k = UInt64(UInt32(bitPattern: unit)) << 32 | UInt64(UInt32(bitPattern: label))
        if let id = ids[k] { return id }
        let id = Int32(list.count)
        list.append((unit, label))
        ids[k] = id
        return id
    }
}
