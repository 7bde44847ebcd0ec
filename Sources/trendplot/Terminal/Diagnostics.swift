import ArgumentParser
import Charts
import Foundation
import Publishing
import ReportReading
import SeriesModel
import Synchronization

/// The exit codes of every command (documented in the README).
enum ExitStatus {
    /// Everything was read and made.
    static let ok: Int32 = 0
    /// Findings (check errors), or some items failed while the rest were made.
    static let findings: Int32 = 1
    /// The input was unusable or nothing was produced.
    static let unusable: Int32 = 2
    /// Interrupted (Ctrl-C, SIGTERM); a rerun finishes the rest.
    static let interrupted: Int32 = 130
}

/// A failure at run time (data or files, not the command line): printed as `trendplot: error: …` and ended with
/// `status`, never with a usage text.
struct RuntimeFailure: Error, CustomStringConvertible {
    /// What went wrong and what to do, naming the file or folder.
    let message: String
    /// The exit code.
    var status: Int32 = ExitStatus.unusable

    var description: String { message }
}

/// The one place that prints to stderr with trendplot's prefixes and decides exit codes for errors.
enum Diagnostics {
    /// `trendplot: note: …` — information, nothing wrong.
    static func note(_ message: String) { emit("note", message) }
    /// `trendplot: warning: …` — something was left out or looks wrong; the command goes on.
    static func warning(_ message: String) { emit("warning", message) }
    /// `trendplot: error: …` — something failed.
    static func error(_ message: String) { emit("error", message) }

    /// `trendplot: error: …` for one item (a file, a row, a chart, a metric) that failed while the command goes on
    /// with the others; a command that then ends normally exits with 1 (``ExitStatus/findings``), not 0.
    static func itemFailed(_ message: String) {
        recordFailure()
        emit("error", message)
    }

    /// Counts an item that failed whose message was already printed in another form.
    static func recordFailure() { failures?.count.add(1, ordering: .relaxed) }

    /// The failed items of the command that is running (one counter per ``run(_:)``, so commands run side by side
    /// in one process — the tests — count their own).
    final class FailureCounter: Sendable {
        let count = Atomic<Int>(0)
    }

    @TaskLocal static var failures: FailureCounter?

    /// A line of progress or a result summary on stderr, without a prefix.
    static func status(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    private static func emit(_ level: String, _ message: String) {
        FileHandle.standardError.write(Data("trendplot: \(level): \(message)\n".utf8))
    }

    /// Runs a command's body: runtime errors are printed once as sentences and become their exit code; usage
    /// errors (``ValidationError``) and explicit exit codes pass through to ArgumentParser.
    /// A body that ends normally after ``itemFailed(_:)`` ends with exit code 1.
    static func run(_ body: () throws -> Void) throws {
        let counter = FailureCounter()
        do { try $failures.withValue(counter) { try body() } } catch { throw ending(error) }
        if counter.count.load(ordering: .relaxed) > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// The same for async bodies.
    static func run(_ body: () async throws -> Void) async throws {
        let counter = FailureCounter()
        do { try await $failures.withValue(counter) { try await body() } } catch { throw ending(error) }
        if counter.count.load(ordering: .relaxed) > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// What a command ends with for `error`: usage errors and exit codes as they are; anything else printed once and
    /// turned into its exit code.
    private static func ending(_ error: any Error) -> any Error {
        if error is ExitCode || error is ValidationError { return error }
        Self.error(describe(error))
        return ExitCode((error as? RuntimeFailure)?.status ?? ExitStatus.unusable)
    }

    /// An error as a sentence that names the path and what to do: Foundation's file errors are translated, never
    /// shown as `NSCocoaErrorDomain` text.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let e as RuntimeFailure: return e.message
        case let e as InputError: return e.description
        case let e as FileWritingError: return e.description
        case let e as ChartError: return e.description
        default: return ErrorText.sentence(error)
        }
    }
}
