import Charts
import Foundation
import ReportReading
import SeriesModel
import SystemPackage

/// Manifest entries parked in an unnamed temporary file while an export runs, read back by offset when
/// `manifest.json` and `index.html` are written: the export holds an offset per file, not the entries.
///
/// Records are a 4-byte length and the entry's fields (strings as a 4-byte length and UTF-8).
/// When the disk is full the records stay in memory instead, so that the manifest can still be written.
final class EntrySpool {
    private let fd: FileDescriptor?
    private var end = 0
    /// Records that could not be written to the file (a full disk), by offset.
    private var inMemory: [Int: [UInt8]] = [:]

    /// A spool file in `directory`, removed from the folder at once (it lives until the spool is freed).
    init(in directory: String) throws {
        let path = directory + "/.manifest-entries.\(getpid()).tmp"
        do {
            fd = try FileDescriptor.open(FilePath(path), .readWrite, options: [.create, .truncate, .closeOnExec],
                                         permissions: .ownerReadWrite)
            unlink(path)
        } catch let e as Errno where e == .noSpace || e == .diskQuotaExceeded {
            fd = nil                                                   // a full disk: the records stay in memory
        } catch let e as Errno {
            throw FileWritingError(path: path, action: "create", errno: e)
        }
    }

    deinit { try? fd?.close() }

    /// Appends `entry`; returns its offset.
    func append(_ entry: ExportManifest.Entry) throws -> Int {
        var record: [UInt8] = [0, 0, 0, 0]
        func int(_ n: Int) { withUnsafeBytes(of: UInt64(n).littleEndian) { record.append(contentsOf: $0) } }
        func string(_ s: String) { int(s.utf8.count); record.append(contentsOf: s.utf8) }
        string(entry.file)
        int(entry.metrics.count)
        entry.metrics.forEach(string)
        int(entry.entity == nil ? 0 : 1)
        string(entry.entity ?? "")
        [entry.kind, entry.format, entry.inputHash, entry.sha256].forEach(string)
        int(entry.bytes)
        string(entry.title)
        string(entry.altText)
        let length = UInt32(record.count - 4)
        withUnsafeBytes(of: length.littleEndian) { record.replaceSubrange(0..<4, with: $0) }
        let offset = end
        do {
            guard let fd else { throw Errno.noSpace }
            try fd.writeAll(toAbsoluteOffset: Int64(offset), record)
        } catch let e as Errno where e == .noSpace || e == .diskQuotaExceeded {
            inMemory[offset] = Array(record[4...])
        } catch let e as Errno {
            throw FileWritingError(path: "the export's manifest entries (a temporary file)", action: "write", errno: e)
        }
        end += record.count
        return offset
    }

    /// The entry appended at `offset`.
    func entry(at offset: Int) throws -> ExportManifest.Entry {
        let record: [UInt8]
        if let kept = inMemory[offset] {
            record = kept
        } else {
            let header = try read(4, at: offset)
            let length = Int(header.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) })
            record = try read(length, at: offset + 4)
        }
        var at = 0
        func int() -> Int {
            defer { at += 8 }
            return Int(record.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) })
        }
        func string() -> String {
            let n = int()
            defer { at += n }
            return String(decoding: record[at..<at + n], as: UTF8.self)
        }
        let file = string()
        let metrics = (0..<int()).map { _ in string() }
        let hasEntity = int() == 1
        let entity = string()
        let (kind, format, inputHash, sha256) = (string(), string(), string(), string())
        let bytes = int()
        let title = string()
        let altText = string()
        return ExportManifest.Entry(file: file, metrics: metrics, entity: hasEntity ? entity : nil, kind: kind,
                                    format: format, inputHash: inputHash, sha256: sha256, bytes: bytes, title: title,
                                    altText: altText)
    }

    private func read(_ count: Int, at offset: Int) throws -> [UInt8] {
        guard let fd else {
            throw FileWritingError(path: "the export's manifest entries (a temporary file)", action: "read", reason: "it was never written")
        }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n: Int
            do {
                n = try out.withUnsafeMutableBytes {
                    try fd.read(fromAbsoluteOffset: Int64(offset + done), into: UnsafeMutableRawBufferPointer(rebasing: $0[done...]))
                }
            } catch let e as Errno {
                throw FileWritingError(path: "the export's manifest entries (a temporary file)", action: "read", errno: e)
            }
            guard n > 0 else {
                throw FileWritingError(path: "the export's manifest entries (a temporary file)", action: "read",
                                       reason: "it ended early")
            }
            done += n
        }
        return out
    }
}
