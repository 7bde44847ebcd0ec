import Foundation

/// System and Foundation errors as sentences that name the path and say what to do — never the raw
/// `Error Domain=NSCocoaErrorDomain Code=… UserInfo={…}` text, which is for programmers (and holds `file:///` URLs).
///
/// ```swift
/// ErrorText.sentence(CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: "/d/a.html"]))
/// // "/d/a.html: permission denied (check that you may read it)"
/// ```
public enum ErrorText {
    /// `error` in words; `path` names the file when the error itself does not.
    public static func sentence(_ error: any Error, path: String? = nil) -> String {
        let ns = error as NSError
        if let e = error as? CocoaError { return cocoa(e, path: path) }
        if ns.domain == NSCocoaErrorDomain { return cocoa(CocoaError(CocoaError.Code(rawValue: ns.code), userInfo: ns.userInfo), path: path) }
        if ns.domain == NSPOSIXErrorDomain {
            let p = ns.userInfo[NSFilePathErrorKey] as? String ?? path ?? "a file"
            return "\(p): \(String(cString: strerror(Int32(ns.code))))"
        }
        let text = "\(error)"
        if !text.contains("NSCocoaErrorDomain") && !text.contains("UserInfo=") { return text }
        return "\(path ?? "a file"): could not be read or written"
    }

    /// What went wrong in words, without the path: for a message that names its file already.
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let e = error as? CocoaError { return cocoaReason(e) }
        if ns.domain == NSCocoaErrorDomain { return cocoaReason(CocoaError(CocoaError.Code(rawValue: ns.code), userInfo: ns.userInfo)) }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        let text = "\(error)"
        if !text.contains("NSCocoaErrorDomain") && !text.contains("UserInfo=") { return text }
        return "could not be read or written"
    }

    private static func cocoa(_ e: CocoaError, path given: String?) -> String {
        "\(e.filePath ?? e.url?.path ?? given ?? "a file"): \(cocoaReason(e))"
    }

    private static func cocoaReason(_ e: CocoaError) -> String {
        switch e.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission: return "permission denied (check that you may read it)"
        case .fileWriteNoPermission: return "permission denied (choose a folder you may write to)"
        case .fileWriteOutOfSpace: return "the disk is full (free some space and run again)"
        case .fileWriteFileExists: return "a file of that name is in the way (a folder was expected there)"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileReadCorruptFile: return "the file is damaged or not in the expected format"
        case .fileReadInapplicableStringEncoding: return "the text is not in a known encoding (UTF-8, GB18030)"
        case .fileReadTooLarge: return "the file is too large to read"
        default:
            if let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(underlying.code)))
            }
            return "could not read or write the file"
        }
    }
}
