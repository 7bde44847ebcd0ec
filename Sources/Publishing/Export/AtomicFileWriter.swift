import Charts
import Foundation
import ReportReading
import SeriesModel

/// A file written piece by piece under a temporary name (`.NAME.PID.tmp`) and renamed into place by
/// ``commit()``: the file at `path` keeps its old content until then, and is never left half-written.
///
/// ```swift
/// let out = try AtomicFileWriter(path: dir + "/index.html")
/// try out.write("<!doctype html>\n")
/// try out.commit()
/// ```
final class AtomicFileWriter {
    let path: String
    private let temporary: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var committed = false
    private static let bufferSize = 1 << 16

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWritingError(path: path, action: "create", code: errno) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Without ``commit()`` the temporary file is removed and `path` is left as it was.
    deinit {
        close(fd)
        if !committed { unlink(temporary) }
    }

    func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func write(_ text: String) throws { try write(text.utf8) }

    /// Writes what is left and renames the file into place.
    func commit() throws {
        try flush()
        guard rename(temporary, path) == 0 else { throw FileWritingError(path: path, action: "rename", code: errno) }
        committed = true
    }

    private func flush() throws {
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, buffer.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileWritingError(path: path, action: "write", code: errno)
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
