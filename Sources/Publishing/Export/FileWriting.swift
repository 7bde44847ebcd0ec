import Charts
import Foundation
import ReportReading
import SeriesModel

/// Writes files with plain POSIX calls: Foundation's `Data.write(to:)` costs milliseconds per file on Linux.
package enum FileWriting {
    /// Writes `bytes` to `path`, replacing it.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    /// Writes the bytes of `buffer` to `path`, replacing it (no copy of the bytes is made).
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWritingError(path: path, action: "create", code: errno) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw FileWritingError(path: path, action: "write", code: errno)
            }
            written += result
        }
    }

    /// Writes `bytes` next to `path` under a temporary name, then renames it into place, so `path` either keeps
    /// its old content or has the new one in full, never part of it.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try writeAtomically($0, to: path) }
    }

    /// The same for bytes the caller holds in any contiguous buffer.
    static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try write(bytes, to: temporary)
            guard rename(temporary, path) == 0 else { throw FileWritingError(path: path, action: "rename", code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// A file could not be written; names the file and the system's reason.
package struct FileWritingError: Error, CustomStringConvertible {
    let path: String
    let action: String
    let code: Int32

    package var description: String { "\(path): could not \(action) the file: \(String(cString: strerror(code)))" }
}
