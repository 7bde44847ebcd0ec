import Foundation
import Synchronization
import SystemPackage

/// The one way trendplot writes a file: under a temporary name beside it (`.NAME.PID.tmp`), renamed into place by
/// ``commit()``. The file at `path` keeps its old content until then and is never left half-written; without a
/// commit (an error, an interrupted run) the temporary file is removed.
///
/// Plain system calls through swift-system (`FileDescriptor.writeAll` retries interrupted writes): Foundation's
/// `Data.write(to:)` costs milliseconds per file on Linux, which a 10,000-chart export notices.
///
/// ```swift
/// try AtomicFile.write(pngBytes, to: "out/chart.png")          // one piece
/// let out = try AtomicFile(path: dir + "/index.html")          // or streamed
/// try out.write("<!doctype html>\n")
/// try out.commit()
/// ```
public final class AtomicFile {
    /// The file written.
    public let path: String
    private let temporary: String
    private let fd: FileDescriptor
    private var buffer: [UInt8] = []
    private var done = false
    private static let bufferSize = 1 << 16

    /// Starts writing `path`; with `createFolders`, missing folders on the way are made first.
    public init(path: String, createFolders: Bool = false) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        if createFolders {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw FileWritingError(path: path, action: "create the folder of", reason: Self.folderProblem(folder.path))
            }
        }
        temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            fd = try FileDescriptor.open(FilePath(temporary), .writeOnly, options: [.create, .truncate, .closeOnExec],
                                         permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch let e as Errno {
            throw FileWritingError(path: path, action: "create", errno: e)
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Without ``commit()`` the temporary file is removed and `path` is left as it was.
    deinit {
        try? fd.close()
        if !done { unlink(temporary) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws { try write(text.utf8) }

    /// Writes what is left and renames the file into place.
    public func commit() throws {
        try flush()
        guard rename(temporary, path) == 0 else {
            throw FileWritingError(path: path, action: "move into place", errno: Errno(rawValue: errno))
        }
        done = true
    }

    /// Write failures injected by tests (e.g. a full disk where no small file system can be mounted): path prefix
    /// (`DIR/`, `DIR/metric_`) → the error every write of a file whose path starts so fails with.
    package static let injectedFailures = Mutex<[String: Errno]>([:])

    private func injectedFailure() throws {
        let failures = Self.injectedFailures.withLock { $0 }
        guard !failures.isEmpty else { return }
        if let (_, e) = failures.first(where: { path.hasPrefix($0.key) }) {
            throw FileWritingError(path: path, action: "write", errno: e)
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try injectedFailure()
        do {
            try fd.writeAll(buffer)
        } catch let e as Errno {
            throw FileWritingError(path: path, action: "write", errno: e)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to `path` atomically (no copy of the bytes is made).
    public static func write(_ bytes: some Collection<UInt8>, to path: String, createFolders: Bool = false) throws {
        let file = try AtomicFile(path: path, createFolders: createFolders)
        if let written = try bytes.withContiguousStorageIfAvailable({ try file.writeDirect(UnsafeRawBufferPointer($0)) }) {
            _ = written
        } else {
            try file.write(bytes)
        }
        try file.commit()
    }

    /// Writes a whole buffer at once, bypassing the buffer (used for one-piece files).
    private func writeDirect(_ bytes: UnsafeRawBufferPointer) throws {
        try flush()
        try injectedFailure()
        do {
            try fd.writeAll(bytes)
        } catch let e as Errno {
            throw FileWritingError(path: path, action: "write", errno: e)
        }
    }

    /// Why a folder cannot be made: a file in the way, no permission, or the system's reason.
    private static func folderProblem(_ folder: String) -> String {
        var isDir: ObjCBool = false
        var probe = URL(fileURLWithPath: folder)
        while probe.path != "/" {
            if FileManager.default.fileExists(atPath: probe.path, isDirectory: &isDir) {
                return isDir.boolValue ? "no permission to create folders in \(probe.path)" : "\(probe.path) is a file, not a folder"
            }
            probe.deleteLastPathComponent()
        }
        return "the folder cannot be created"
    }
}

/// A file could not be written: names the file, what failed and the system's reason in words.
public struct FileWritingError: Error, CustomStringConvertible, Sendable {
    /// The file.
    public let path: String
    /// What could not be done ("create", "write", "move into place", …).
    public let action: String
    /// The reason.
    public let reason: String
    /// The system's error number, when the system gave one.
    public var errno: Errno?

    /// True when the disk (or the quota) is full.
    public var isDiskFull: Bool { errno == .noSpace || errno == .diskQuotaExceeded }

    /// A failure with the system's error number.
    public init(path: String, action: String, errno: Errno) {
        self.init(path: path, action: action, reason: Self.words(errno))
        self.errno = errno
    }

    /// A failure with a reason in words.
    public init(path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    public var description: String { "\(path): could not \(action) the file: \(reason)" }

    /// The system's reason, with what to do for the common ones.
    static func words(_ e: Errno) -> String {
        switch e {
        case .noSpace, .diskQuotaExceeded: return "the disk is full (free some space and run again)"
        case .permissionDenied, .notPermitted: return "permission denied (choose a folder you may write to)"
        case .noSuchFileOrDirectory: return "the folder does not exist"
        case .notDirectory: return "a part of the path is a file, not a folder"
        case .isDirectory: return "a folder of that name is in the way"
        case .readOnlyFileSystem: return "the file system is read-only"
        default: return String(cString: strerror(e.rawValue))
        }
    }
}
