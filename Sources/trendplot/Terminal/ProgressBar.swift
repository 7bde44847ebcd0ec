import Foundation
import Publishing
import ReportReading

/// Progress of a batch on stderr: a redrawn bar when stderr is a terminal, otherwise nothing until
/// ``finish(_:)`` prints one summary line (clean CI logs).
final class ProgressBar {
    private let title: String
    private let isTerminal: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let width = 30

    init(title: String, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.title = title
        self.isTerminal = isTerminal
    }

    /// Redraws the bar (at most 20 times a second, and always for the last file).
    func update(done: Int, total: Int) {
        guard isTerminal else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.05 else { return }
        lastDraw = now
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r\u{1B}[2K\(title) \(bar) \(done)/\(total) \(Int(fraction * 100))%")
    }

    /// Ends the bar's line and prints `summary` with the elapsed time.
    func finish(_ summary: String) {
        if isTerminal { write("\n") }
        write("\(title): \(summary) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
