import SeriesModel

extension CheckFinding {
    /// A conflict between two sources as a check finding: an error when both values were printed, a warning when
    /// one was derived (a derived count that the next year's report prints differently).
    public init(conflict c: DatasetConflict) {
        let bothPrinted = !c.kept.derived && !c.dropped.derived
        func side(_ v: DatasetConflict.Version) -> String {
            "\(NumberText.plain(v.value)) (\(v.derived ? "derived, " : "")\(v.source))"
        }
        self.init(
            rule: "sources agree", severity: bothPrinted ? .error : .warning,
            file: [c.kept.source, c.dropped.source].map { SourceRef.fileName(of: $0) }.joined(separator: " vs "),
            place: "\(c.key.entity) \(c.key.year) \(c.key.metric)",
            lhs: side(c.kept), rhs: side(c.dropped),
            message: "two sources give different values; the dataset keeps \(NumberText.plain(c.kept.value))"
                + (bothPrinted ? " (the first printed)" : " (the printed one)"))
    }
}

extension CheckReport {
    /// The findings of `reports` plus a finding per conflict between sources in `dataset`.
    public static func run(_ inputs: LoadedInputs) -> CheckReport {
        var report = ReportChecker.run(inputs.reports)
        report.findings += inputs.dataset.conflicts.map(CheckFinding.init(conflict:))
        return report
    }
}
