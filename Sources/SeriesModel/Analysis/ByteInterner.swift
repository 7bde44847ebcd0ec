/// Maps byte strings to dense ids (0, 1, 2, …) without allocating for a string it has seen before.
///
/// The tidy CSV reader hands it the raw bytes of a field; only the first occurrence of a spelling
/// creates a `String`.
struct ByteInterner: Sendable {
    /// The strings, by id.
    private(set) var strings: [String] = []
    private var storage: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var table: [Int32] = Array(repeating: -1, count: 64)

    /// The number of distinct strings.
    var count: Int { strings.count }

    /// The id of `bytes`, adding it when new; nil when the bytes are not valid UTF-8.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(bytes)
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = table[slot]
            if id < 0 { break }
            if hashes[Int(id)] == h && equals(Int(id), bytes) { return id }
            slot = (slot + 1) & mask
        }
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        let id = Int32(strings.count)
        strings.append(s)
        storage.append(contentsOf: bytes)
        offsets.append(storage.count)
        hashes.append(h)
        table[slot] = id
        if strings.count * 2 > table.count { grow() }
        return id
    }

    /// The id of `string`, adding it when new.
    mutating func intern(_ string: String) -> Int32 {
        var s = string
        return s.withUTF8 { intern($0) }!
    }

    /// The id of `string` if it was interned.
    func id(of string: String) -> Int32? {
        var s = string
        return s.withUTF8 { bytes -> Int32? in
            let h = Self.hash(bytes)
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let id = table[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == h && equals(Int(id), bytes) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[id], end = offsets[id + 1]
        guard end - start == bytes.count else { return false }
        return storage.withUnsafeBufferPointer { s in
            var i = 0
            while i < bytes.count {
                if s[start + i] != bytes[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: table.count * 2)
        let mask = bigger.count - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id)
        }
        table = bigger
    }

    /// FNV-1a, 64 bit.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 29)
    }
}
