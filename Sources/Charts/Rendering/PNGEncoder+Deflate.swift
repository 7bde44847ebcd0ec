import CDeflate

/// One zlib stream writing into a growing buffer that keeps `headroom` bytes free at its start.
///
/// zlib runs raw deflate; this type writes the 2-byte zlib header and the Adler-32 trailer itself, with the
/// SIMD ``PNGAdler32`` (the bytes are the same zlib would write).
///
/// The `z_stream` lives on the heap: zlib keeps a pointer back to it and must see it at the same address on
/// every call.
struct PNGDeflater: ~Copyable {
    private let stream: UnsafeMutablePointer<z_stream>
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let headroom: Int
    private var adler = PNGAdler32()

    init(level: Int, headroom: Int, expectedBytes: Int) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_deflate_init(stream, Int32(level), -15, 6, Z_DEFAULT_STRATEGY) == Z_OK else {
            stream.deallocate()
            throw PNGEncoderError.zlib(code: Z_STREAM_ERROR)
        }
        self.headroom = headroom
        capacity = headroom + max(expectedBytes, 1024)
        buffer = .allocate(capacity: capacity)
        // CMF 0x78: deflate, 32 KiB window. FLG: the level class zlib itself writes, padded to a multiple of 31.
        let levelClass: UInt16 = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3
        var header: UInt16 = 0x7800 | levelClass << 6
        header += 31 - header % 31
        buffer[headroom] = UInt8(header >> 8)
        buffer[headroom + 1] = UInt8(header & 0xFF)
        stream.pointee.next_out = buffer + headroom + 2
        stream.pointee.avail_out = uInt(capacity - headroom - 2)
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        buffer.deallocate()
    }

    /// Bytes of the zlib stream so far (header, deflate data and, once finished, the Adler-32 trailer).
    private(set) var count = 2

    /// The whole buffer: `headroom` bytes, then ``count`` compressed bytes.
    var bytes: UnsafeMutablePointer<UInt8> { buffer }

    /// Compresses `length` bytes at `input`; with `finish`, ends the stream.
    mutating func compress(_ input: UnsafeMutablePointer<UInt8>, length: Int, finish: Bool) throws {
        adler.update(input, count: length)
        stream.pointee.next_in = input
        stream.pointee.avail_in = uInt(length)
        while true {
            let status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            count = 2 + Int(stream.pointee.total_out)
            if finish && status == Z_STREAM_END {
                appendTrailer()
                return
            }
            guard status == Z_OK || status == Z_BUF_ERROR else { throw PNGEncoderError.zlib(code: status) }
            if stream.pointee.avail_out == 0 {
                grow()
            } else if stream.pointee.avail_in == 0 && !finish {
                return
            }
        }
    }

    private mutating func appendTrailer() {
        if capacity - headroom - count < 4 { grow() }
        let value = adler.value
        for (i, shift) in [24, 16, 8, 0].enumerated() { buffer[headroom + count + i] = UInt8(value >> UInt32(shift) & 0xFF) }
        count += 4
    }

    private mutating func grow() {
        let used = headroom + count
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: buffer, count: used)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
        stream.pointee.next_out = buffer + used
        stream.pointee.avail_out = uInt(capacity - used)
    }
}
