import Charts
import Foundation
import ReportReading
import SeriesModel

/// What an export needs of the previous run's `manifest.json`: per file, its input hash, SHA-256 and size, and
/// where its whole entry was parked in the run's ``EntrySpool`` (an unchanged file keeps its entry).
///
/// The file is read one entry at a time (each object of the `files` array decoded on its own), so reading a
/// manifest of many thousands of files never holds them all as entries.
struct PreviousManifest {
    struct Record {
        var inputHash: Digest
        var sha256: Digest
        var bytes: Int
        /// The entry's offset in the spool.
        var spoolOffset: Int
    }

    /// A SHA-256 held as four words instead of 64 characters of hex.
    struct Digest: Hashable, Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64)

        /// Nil unless `hex` is 64 lowercase hex digits.
        init?(hex: String) {
            let bytes = Array(hex.utf8)
            guard bytes.count == 64 else { return nil }
            var w: [UInt64] = [0, 0, 0, 0]
            for (i, c) in bytes.enumerated() {
                let v: UInt8
                switch c {
                case 0x30...0x39: v = c - 0x30
                case 0x61...0x66: v = c - 0x61 + 10
                default: return nil
                }
                w[i / 16] = w[i / 16] << 4 | UInt64(v)
            }
            words = (w[0], w[1], w[2], w[3])
        }

        static func == (a: Digest, b: Digest) -> Bool { a.words == b.words }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }
    }

    /// By file name.
    var records: [String: Record] = [:]

    /// The manifest in `directory` with every entry parked in `spool`; empty when there is none or it cannot be
    /// read (then every chart is redrawn).
    init(directory: String, spool: EntrySpool) {
        guard let data = FileManager.default.contents(atPath: directory + "/" + ExportManifest.fileName),
              let found = try? Self.read(data, spool: spool)
        else { return }
        records = found
    }

    private static func read(_ data: Data, spool: EntrySpool) throws -> [String: Record] {
        var records: [String: Record] = [:]
        let decoder = JSONDecoder()
        var depth = 0, inString = false, escaped = false, start = -1, balanced = false, filesDone = false
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            // Entries are the objects at depth 2 of the first array: `{"files": [ {…}, … ], "generator": …,
            // "omitted": [ {…} ]}` (keys sorted: the omissions come after the files and are not entries).
            for i in 0..<bytes.count {
                let c = bytes[i]
                if inString {
                    if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false }
                    continue
                }
                switch c {
                case 0x22: inString = true
                case 0x7B, 0x5B:
                    if c == 0x7B && depth == 2 { start = i }
                    depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    guard depth >= 0 else { throw CocoaError(.coderReadCorrupt) }
                    if c == 0x5D && depth == 1 { filesDone = true }
                    if c == 0x7D && depth == 2 && !filesDone {
                        let entry = try decoder.decode(ExportManifest.Entry.self, from: Data(bytes[start...i]))
                        guard let input = Digest(hex: entry.inputHash), let sha = Digest(hex: entry.sha256) else { continue }
                        if records[entry.file] == nil {
                            records[entry.file] = Record(inputHash: input, sha256: sha, bytes: entry.bytes,
                                                         spoolOffset: try spool.append(entry))
                        }
                    }
                default: break
                }
            }
            balanced = depth == 0 && !inString
        }
        guard balanced else { throw CocoaError(.coderReadCorrupt) }
        return records
    }
}
