import Foundation

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
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, bytes.count) == 0 }
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

    /// A multiply-xorshift hash over 8-byte words.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = UInt64(bytes.count) &* k
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* k
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}

/// Remembers the last field interned for one column, so a value repeated on consecutive rows costs one compare.
struct LastInterned {
    private var bytes: [UInt8] = []
    private var id: Int32 = -1

    /// The id of `field` in `interner`; nil when it is not valid UTF-8.
    mutating func intern(_ field: UnsafeBufferPointer<UInt8>, in interner: inout ByteInterner) -> Int32? {
        if id >= 0 && bytes.count == field.count
            && (field.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, field.baseAddress!, field.count) == 0 }) {
            return id
        }
        guard let new = interner.intern(field) else { return nil }
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: field)
        id = new
        return new
    }
}
