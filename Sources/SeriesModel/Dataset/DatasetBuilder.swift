/// Collects observations from many files and merges them into a ``Dataset``.
///
/// Rows are stored in columns with interned strings, so millions of rows take little memory; `build()` sorts
/// them into series and resolves duplicates (see ``DatasetConflict``).
///
/// ```swift
/// var builder = DatasetBuilder(aliases: aliases)
/// builder.add(contentsOf: try TidyTable.readCSV(bytes, file: "a.csv"))
/// let dataset = builder.build()
/// ```
public struct DatasetBuilder: Sendable {
    /// The alias table applied to every entity name (after ``EntityName/normalize(_:)``).
    public let aliases: EntityAliases
    /// Problems met while reading; they travel into the dataset.
    public private(set) var errors: [InputError] = []
    /// The files read, in input order.
    public private(set) var files: [String] = []

    var spellings = ByteInterner()
    var entityOfSpelling: [Int32] = []
    var entities = ByteInterner()
    var metrics = ByteInterner()
    var sources = ByteInterner()
    var units = ByteInterner()
    var labels = ByteInterner()
    var attributes = AttributeTable()

    var rowEntity: [Int32] = []
    var rowMetric: [Int32] = []
    var rowYear: [Int16] = []
    var rowValue: [Double] = []
    var rowDerived: [Bool] = []
    var rowSource: [Int32] = []
    var rowAttribute: [Int32] = []

    /// Creates an empty builder.
    public init(aliases: EntityAliases = EntityAliases()) {
        self.aliases = aliases
    }

    /// The number of rows added so far (before merging).
    public var rowCount: Int { rowValue.count }

    /// Records a problem with one input; reading goes on with the others.
    public mutating func addError(_ error: InputError) { errors.append(error) }

    /// Records that `file` was read.
    public mutating func addFile(_ file: String) { files.append(file) }

    /// Adds one observation (its entity is normalised and aliased).
    public mutating func add(_ o: Observation) {
        let e = entityID(spelling: o.entity)
        let m = metrics.intern(o.metric)
        append(entity: e, metric: m, year: o.year, value: o.value, derived: o.derived,
               source: sources.intern(o.source), attribute: attributeID(unit: units.intern(o.unit), label: labels.intern(o.label)))
    }

    /// Adds observations in order.
    public mutating func add(contentsOf observations: [Observation]) {
        for o in observations { add(o) }
    }

    // MARK: Internal fast path

    mutating func entityID(spelling: String) -> Int32 {
        let raw = spellings.intern(spelling)
        return entityID(raw: raw)
    }

    /// The canonical entity id of spelling `raw`, resolving it the first time it is seen.
    mutating func entityID(raw: Int32) -> Int32 {
        if Int(raw) < entityOfSpelling.count { return entityOfSpelling[Int(raw)] }
        let name = aliases.resolve(EntityName.normalize(spellings.strings[Int(raw)]))
        let id = entities.intern(name)
        entityOfSpelling.append(id)
        return id
    }

    mutating func attributeID(unit: Int32, label: Int32) -> Int32 { attributes.id(unit: unit, label: label) }

    /// True once the columns were reserved from an estimate of the rows to come.
    var reservedByEstimate = false

    mutating func reserve(_ n: Int) {
        reservedByEstimate = true
        rowEntity.reserveCapacity(n); rowMetric.reserveCapacity(n); rowYear.reserveCapacity(n)
        rowValue.reserveCapacity(n); rowDerived.reserveCapacity(n); rowSource.reserveCapacity(n)
        rowAttribute.reserveCapacity(n)
    }

    mutating func append(entity: Int32, metric: Int32, year: Int, value: Double, derived: Bool, source: Int32, attribute: Int32) {
        rowEntity.append(entity)
        rowMetric.append(metric)
        rowYear.append(Int16(clamping: year))
        rowValue.append(value)
        rowDerived.append(derived)
        rowSource.append(source)
        rowAttribute.append(attribute)
    }

    /// Appends the rows, errors and files of `other` after this builder's (as if they had been added here),
    /// so files read in parallel into builders of their own merge in input order.
    public mutating func append(_ other: DatasetBuilder) {
        let entityMap = other.entities.strings.map { entities.intern($0) }
        let metricMap = other.metrics.strings.map { metrics.intern($0) }
        let sourceMap = other.sources.strings.map { sources.intern($0) }
        let unitMap = other.units.strings.map { units.intern($0) }
        let labelMap = other.labels.strings.map { labels.intern($0) }
        let attributeMap = other.attributes.pairs.map { attributes.id(unit: unitMap[Int($0.unit)], label: labelMap[Int($0.label)]) }
        if rowValue.capacity < rowValue.count + other.rowCount { reserve(rowValue.count + other.rowCount) }
        rowEntity.append(contentsOf: other.rowEntity.lazy.map { entityMap[Int($0)] })
        rowMetric.append(contentsOf: other.rowMetric.lazy.map { metricMap[Int($0)] })
        rowYear.append(contentsOf: other.rowYear)
        rowValue.append(contentsOf: other.rowValue)
        rowDerived.append(contentsOf: other.rowDerived)
        rowSource.append(contentsOf: other.rowSource.lazy.map { sourceMap[Int($0)] })
        rowAttribute.append(contentsOf: other.rowAttribute.lazy.map { attributeMap[Int($0)] })
        errors.append(contentsOf: other.errors)
        files.append(contentsOf: other.files)
    }

    /// Drops the rows added after the first `count` (used when a file is re-read another way).
    mutating func truncate(to count: Int) {
        let extra = rowValue.count - count
        guard extra > 0 else { return }
        rowEntity.removeLast(extra); rowMetric.removeLast(extra); rowYear.removeLast(extra)
        rowValue.removeLast(extra); rowDerived.removeLast(extra); rowSource.removeLast(extra)
        rowAttribute.removeLast(extra)
    }

    // MARK: Merging

    /// Sorts the rows into series, merges identical duplicates silently and resolves conflicting ones.
    /// The rows move into the dataset: the builder is left without rows.
    public mutating func build() -> Dataset {
        refuseMixedUnits()
        let n = rowValue.count
        let entityNames = entities.strings
        // Entities in name order; metrics in catalog order, unknown ids after them by name.
        let entityOrder = entityNames.indices.sorted { entityNames[$0] < entityNames[$1] }
        var entityRank = [Int32](repeating: 0, count: entityNames.count)
        for (r, e) in entityOrder.enumerated() { entityRank[e] = Int32(r) }
        var perm = seriesOrder(entityRank: entityRank, metricRank: Dataset.ranks(of: metrics.strings))
        let (keep, conflicts) = resolveDuplicates(perm)

        var store = Dataset.Storage()
        store.entities = entityOrder.map { entityNames[$0] }
        var visited = BitSet(count: n)
        func arrange<T>(_ column: inout [T], _ store: inout [T]) {
            swap(&column, &store)
            Self.arrange(&store, by: perm, keeping: keep, visited: &visited)
        }
        arrange(&rowEntity, &store.entity)
        for k in store.entity.indices { store.entity[k] = entityRank[Int(store.entity[k])] }
        arrange(&rowMetric, &store.metric)
        arrange(&rowYear, &store.year)
        arrange(&rowValue, &store.value)
        arrange(&rowDerived, &store.derived)
        arrange(&rowSource, &store.source)
        arrange(&rowAttribute, &store.attribute)
        perm = []
        store.metrics = metrics
        store.sources = sources
        store.units = units
        store.labels = labels
        store.attributes = attributes
        return Dataset(storage: store, conflicts: conflicts, errors: errors, files: files)
    }

    /// A series never mixes units: a row whose unit differs from the unit of the first row of its metric (in input
    /// order) is refused with an error naming its file and line. Catalog metrics arrive in the catalog's unit (tidy
    /// records are converted by ``TidyRecord``), so this only bites metrics of the user's own.
    private mutating func refuseMixedUnits() {
        let n = rowValue.count
        var firstUnit = [Int32](repeating: -1, count: metrics.strings.count)
        var firstSource = [Int32](repeating: -1, count: metrics.strings.count)
        var refused: [Int] = []
        for i in 0..<n {
            let m = Int(rowMetric[i])
            let u = attributes[rowAttribute[i]].unit
            if firstUnit[m] < 0 {
                firstUnit[m] = u
                firstSource[m] = rowSource[i]
            } else if firstUnit[m] != u {
                refused.append(i)
            }
        }
        guard !refused.isEmpty else { return }
        for i in refused.prefix(50) {
            let m = Int(rowMetric[i])
            let ref = SourceRef(parsing: sources.strings[Int(rowSource[i])])
            let place: String
            if case let .line(l) = ref.location { place = "line \(l), column unit" } else { place = "column unit" }
            errors.append(InputError(
                file: ref.file, place: place,
                message: "metric \(metrics.strings[m]) is in “\(units.strings[Int(firstUnit[m])])” at "
                    + "\(sources.strings[Int(firstSource[m])]), found “\(units.strings[Int(attributes[rowAttribute[i]].unit)])”: "
                    + "a series never mixes units; convert the values to one unit (the row was not read)"))
        }
        if refused.count > 50 {
            errors.append(InputError(file: "", message: "\(refused.count - 50) more rows in a different unit were not read"))
        }
        var drop = BitSet(count: n)
        for i in refused { drop.insert(i) }
        func compact<T>(_ column: inout [T]) {
            var w = 0
            for r in 0..<n where !drop.contains(r) {
                column[w] = column[r]
                w += 1
            }
            column.removeLast(n - w)
        }
        compact(&rowEntity); compact(&rowMetric); compact(&rowYear); compact(&rowValue)
        compact(&rowDerived); compact(&rowSource); compact(&rowAttribute)
    }

    /// The row indices in (entity, metric, year) order; within a year printed rows first, then input order.
    private func seriesOrder(entityRank: [Int32], metricRank: [Int32]) -> [Int32] {
        let n = rowValue.count
        let metricCount = metricRank.count
        var perm = [Int32](repeating: 0, count: n)
        let cells = entityRank.count * metricCount
        func seriesKey(_ i: Int) -> Int { Int(entityRank[Int(rowEntity[i])]) * metricCount + Int(metricRank[Int(rowMetric[i])]) }
        // Group rows by series: a counting sort when the (entity × metric) grid is small, else a comparison sort.
        if cells <= max(4 * n, 1 << 20) {
            var start = [Int32](repeating: 0, count: cells + 1)
            for i in 0..<n { start[seriesKey(i) + 1] += 1 }
            for k in 0..<cells { start[k + 1] += start[k] }
            for i in 0..<n {
                let k = seriesKey(i)
                perm[Int(start[k])] = Int32(i)
                start[k] += 1
            }
        } else {
            for i in 0..<n { perm[i] = Int32(i) }
            perm.sort { a, b in
                let ka = seriesKey(Int(a)), kb = seriesKey(Int(b))
                return ka != kb ? ka < kb : a < b
            }
        }
        // Within a series: by year, printed before derived, then input order.
        func before(_ a: Int32, _ b: Int32) -> Bool {
            let ya = rowYear[Int(a)], yb = rowYear[Int(b)]
            if ya != yb { return ya < yb }
            let da = rowDerived[Int(a)], db = rowDerived[Int(b)]
            if da != db { return !da }
            return a < b
        }
        var runStart = 0
        while runStart < n {
            let k = seriesKey(Int(perm[runStart]))
            var runEnd = runStart + 1
            while runEnd < n && seriesKey(Int(perm[runEnd])) == k { runEnd += 1 }
            if runEnd - runStart <= 16 {
                for i in (runStart + 1)..<runEnd {
                    let x = perm[i]
                    var j = i
                    while j > runStart && before(x, perm[j - 1]) { perm[j] = perm[j - 1]; j -= 1 }
                    perm[j] = x
                }
            } else {
                perm[runStart..<runEnd].sort(by: before)
            }
            runStart = runEnd
        }
        return perm
    }

    /// Which sorted positions to keep (the first of each (entity, metric, year)) and the conflicts of the others.
    private func resolveDuplicates(_ perm: [Int32]) -> (keep: BitSet, conflicts: [DatasetConflict]) {
        let n = perm.count
        var conflicts: [DatasetConflict] = []
        var keep = BitSet(count: n)
        var i = 0
        while i < n {
            let winner = Int(perm[i])
            keep.insert(i)
            var j = i + 1
            while j < n, rowYear[Int(perm[j])] == rowYear[winner], rowEntity[Int(perm[j])] == rowEntity[winner],
                  rowMetric[Int(perm[j])] == rowMetric[winner] {
                let loser = Int(perm[j])
                if !Dataset.same(rowValue[loser], rowValue[winner]) {
                    let resolution: DatasetConflict.Resolution =
                        rowDerived[winner] == rowDerived[loser] ? (rowDerived[winner] ? .firstDerived : .firstPrinted) : .printedOverDerived
                    conflicts.append(DatasetConflict(
                        key: ObservationKey(entity: entities.strings[Int(rowEntity[winner])], year: Int(rowYear[winner]),
                                            metric: metrics.strings[Int(rowMetric[winner])]),
                        kept: .init(value: rowValue[winner], source: sources.strings[Int(rowSource[winner])], derived: rowDerived[winner]),
                        dropped: .init(value: rowValue[loser], source: sources.strings[Int(rowSource[loser])], derived: rowDerived[loser]),
                        resolution: resolution))
                }
                j += 1
            }
            i = j
        }
        return (keep, conflicts)
    }

    /// Puts `column` in the order `perm` (new[i] = old[perm[i]]) in place by following the permutation's cycles,
    /// then keeps only the positions in `keep` — no second copy of the column is made.
    private static func arrange<T>(_ column: inout [T], by perm: [Int32], keeping keep: BitSet, visited: inout BitSet) {
        let n = perm.count
        visited.removeAll()
        column.withUnsafeMutableBufferPointer { c in
            for start in 0..<n where !visited.contains(start) {
                let first = c[start]
                var j = start
                while true {
                    visited.insert(j)
                    let k = Int(perm[j])
                    if k == start { c[j] = first; break }
                    c[j] = c[k]
                    j = k
                }
            }
            var w = 0
            for r in 0..<n where keep.contains(r) {
                c[w] = c[r]
                w += 1
            }
        }
        column.removeLast(n - keep.count)
    }
}

/// A fixed-size set of small integers.
struct BitSet {
    private var words: [UInt64]
    /// The number of members.
    private(set) var count = 0

    init(count n: Int) { words = Array(repeating: 0, count: (n + 63) / 64) }

    func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    mutating func insert(_ i: Int) {
        let bit: UInt64 = 1 << UInt64(i & 63)
        if words[i >> 6] & bit == 0 { words[i >> 6] |= bit; count += 1 }
    }

    mutating func removeAll() {
        for w in words.indices { words[w] = 0 }
        count = 0
    }
}
