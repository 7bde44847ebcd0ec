/// The Adler-32 checksum that ends a zlib stream, 16 bytes at a time with SIMD lanes.
///
/// zlib's own `adler32` is scalar and took an eighth of the encoding time; the encoder runs deflate raw and
/// writes the zlib header and this checksum itself.
struct PNGAdler32 {
    private(set) var value: UInt32 = 1
    private static let modulus: UInt32 = 65521
    /// Bytes per reduction: the most 16-byte blocks whose sums cannot overflow 32-bit lanes (zlib's NMAX, rounded).
    private static let chunk = 5552 / 16 * 16

    mutating func update(_ bytes: UnsafePointer<UInt8>, count: Int) {
        var s1 = value & 0xFFFF, s2 = value >> 16
        var offset = 0
        let raw = UnsafeRawPointer(bytes)
        while count - offset >= 16 {
            let length = min(Self.chunk, (count - offset) / 16 * 16)
            var lanes1 = SIMD16<UInt32>(repeating: 0), lanes2 = SIMD16<UInt32>(repeating: 0)
            var position = offset
            while position < offset + length {
                lanes2 &+= lanes1
                lanes1 &+= SIMD16<UInt32>(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self))
                position += 16
            }
            // Byte i of block j counts (blocks after it + 1) * 16 - i times in s2.
            var weighted: UInt64 = 0
            for i in 0..<16 {
                weighted &+= 16 * (UInt64(lanes2[i]) + UInt64(lanes1[i])) &- UInt64(i) * UInt64(lanes1[i])
            }
            let sum = UInt64(lanes1.wrappedSum())
            s2 = UInt32((UInt64(s2) + UInt64(length) * UInt64(s1) + weighted) % UInt64(Self.modulus))
            s1 = UInt32((UInt64(s1) + sum) % UInt64(Self.modulus))
            offset += length
        }
        while offset < count {
            s1 = (s1 + UInt32(bytes[offset])) % Self.modulus
            s2 = (s2 + s1) % Self.modulus
            offset += 1
        }
        value = s2 << 16 | s1
    }
}
