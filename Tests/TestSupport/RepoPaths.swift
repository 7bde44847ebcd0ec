import Foundation

/// Where the repository's files are, for tests that read the bundled data, fixtures and `../shared`.
public enum RepoPaths {
    /// The repository's root folder (the one holding Package.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `datasets/`, the bundled real reports and tidy data.
    public static let datasets = root.appendingPathComponent("datasets")
    /// `Tests/`, the test targets and their fixtures.
    public static let tests = root.appendingPathComponent("Tests")
    /// `../shared/reports/`, the real reports with hand-checked truth (present on CI and developer machines).
    public static let sharedReports = root.deletingLastPathComponent().appendingPathComponent("shared/reports")

    /// A file under `datasets/`.
    public static func dataset(_ relative: String) -> URL { datasets.appendingPathComponent(relative) }
}
