/// The (unit, label) pairs of a dataset's observations, interned: each observation stores one small id.
struct AttributeTable: Sendable {
    private var ids: [UInt64: Int32] = [:]
    /// The pairs (ids into the unit and label interners), by id.
    private(set) var pairs: [(unit: Int32, label: Int32)] = []

    /// The id of the pair, adding it when new.
    mutating func id(unit: Int32, label: Int32) -> Int32 {
        let k = UInt64(UInt32(bitPattern: unit)) << 32 | UInt64(UInt32(bitPattern: label))
        if let id = ids[k] { return id }
        let id = Int32(pairs.count)
        pairs.append((unit, label))
        ids[k] = id
        return id
    }

    /// The pair of `id`.
    subscript(id: Int32) -> (unit: Int32, label: Int32) { pairs[Int(id)] }
}
