import Foundation
import SeriesModel

/// Reads an old binary Word document (`.doc`, Word 97–2003) by running `wvHtml` (Debian package `wv`), which
/// writes it as HTML with rowspan/colspan tables; the HTML reader takes it from there.
///
/// The bytes are written to a private temporary folder (wvHtml also writes the document's images there), and the
/// folder is removed afterwards. wvHtml gets `timeout` seconds.
public enum DOCDocumentReader: DocumentReader {
    public static let format = ReportFormat.doc
    public static let extensions = ["doc", "dot"]

    public static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument {
        let page = try HTMLDocumentReader.read(html(bytes, file: file), file: file)
        return ReadDocument(SourceDocument(format: .doc, blocks: page.document.blocks), encoding: "wvHtml")
    }

    /// The OLE2 compound-file signature every Word 97–2003 (and WPS) binary document starts with.
    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// The name of the main stream of a Word 97–2003 document in the compound file's directory (UTF-16LE).
    static let wordStreamName: [UInt8] = Array("WordDocument".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

    /// True for an OLE2 compound file with a WordDocument stream, whatever the file is called (spreadsheets and
    /// presentations, also OLE2, are not claimed).
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: oleSignature) && ByteSearch.contains(bytes, wordStreamName)
    }

    /// How long wvHtml may take on one document.
    static let timeout: TimeInterval = 60

    /// The command that turns `file` into a DOCX trendplot reads, for messages.
    static func conversionHint(_ file: String) -> String {
        "libreoffice --headless --convert-to docx \(shellQuoted(file))"
    }

    static func shellQuoted(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The UTF-8 HTML wvHtml makes of the document, or an ``InputError`` naming `file`.
    /// - Parameters:
    ///   - searchPath: where to look for wvHtml (a PATH-style list); nil for `$PATH`, then /usr/bin.
    ///   - limit: how long wvHtml may take.
    static func html(_ bytes: [UInt8], file: String, searchPath: String? = nil,
                     limit: TimeInterval = timeout) throws -> [UInt8] {
        guard let tool = executable("wvHtml", searchPath: searchPath) else {
            throw InputError(file: file, message: "reading a .doc needs wvHtml, which is not installed (Debian: "
                             + "apt-get install wv); or convert it: \(conversionHint(file))")
        }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("trendplot-doc-\(UUID().uuidString)", isDirectory: true)
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw InputError(file: file, message: "cannot make a temporary folder for wvHtml: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("input.doc"), output = dir.appendingPathComponent("output.html")
        let errors = dir.appendingPathComponent("stderr.txt")
        do {
            try Data(bytes).write(to: input)
            try Data().write(to: errors)
        } catch {
            throw InputError(file: file, message: "cannot write a temporary copy for wvHtml: \(error.localizedDescription)")
        }
        let process = Process()
        let arguments = ["--charset=utf-8", input.path, output.lastPathComponent]
        // wvHtml is a shell script around wvWare: coreutils' timeout runs it in a process group of its own and stops
        // the whole group (SIGTERM, then SIGKILL 2 s later), so no wvWare is left behind.
        let watchdog = executable("timeout", searchPath: nil)
        if let watchdog {
            process.executableURL = watchdog
            process.arguments = ["--kill-after=2", NumberText.plain(limit), tool.path] + arguments
        } else {
            process.executableURL = tool
            process.arguments = arguments
        }
        process.currentDirectoryURL = dir
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle = try? FileHandle(forWritingTo: errors)
        process.standardError = errorHandle ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw InputError(file: file, message: "cannot run wvHtml (\(tool.path)): \(error.localizedDescription)")
        }
        let timedOut = InputError(file: file, message: "wvHtml took more than \(NumberText.plain(limit)) s; convert it: "
                                  + conversionHint(file))
        // The backstop when timeout(1) is missing or does not return: stop the direct child.
        if finished.wait(timeout: .now() + limit + (watchdog == nil ? 0 : 5)) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw timedOut
        }
        if watchdog != nil, process.terminationReason == .exit, [124, 137].contains(process.terminationStatus) {
            throw timedOut
        }
        try? errorHandle?.close()
        let html = (try? Data(contentsOf: output)) ?? Data()
        guard process.terminationReason == .exit, process.terminationStatus == 0, !html.isEmpty else {
            let said = ((try? String(contentsOf: errors, encoding: .utf8)) ?? "")
                .split(whereSeparator: \.isNewline).first.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
            throw InputError(file: file, message: "not a readable Word 97–2003 document: wvHtml failed (exit "
                             + "\(process.terminationStatus)\(said)); the file may be damaged, or another format "
                             + "named .doc. Convert it: \(conversionHint(file))")
        }
        return Array(html)
    }

    /// The first executable `name` in `searchPath` (nil: `$PATH`, then /usr/bin and /usr/local/bin).
    static func executable(_ name: String, searchPath: String? = nil) -> URL? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + (searchPath == nil ? ["/usr/bin", "/usr/local/bin"] : [])
        for dir in dirs where !dir.isEmpty {
            let candidate = (dir as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }
}

/// Finding a byte pattern in a file's bytes.
enum ByteSearch {
    /// True when `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { h in
            var i = 0
            let last = h.count - needle.count
            while i <= last {
                if h[i] == first {
                    var k = 1
                    while k < needle.count && h[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
