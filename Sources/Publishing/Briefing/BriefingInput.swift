import Charts
import ReportReading
import SeriesModel

/// What a briefing is made from: the merged dataset, the extraction results of the report files (for the
/// checker and the sources appendix) and the tidy files read with the rows each gave.
public struct BriefingInput: Sendable {
    /// A tidy CSV/JSON input and how many rows it gave.
    public struct TidyFile: Sendable, Hashable {
        public var file: String
        public var rows: Int
        public init(file: String, rows: Int) { self.file = file; self.rows = rows }
    }

    /// The merged observations (indicators are added by the builder when missing).
    public var dataset: Dataset
    /// One result per report file, in input order.
    public var reports: [ExtractionResult]
    /// Tidy inputs, in input order.
    public var tidyFiles: [TidyFile]

    public init(dataset: Dataset, reports: [ExtractionResult] = [], tidyFiles: [TidyFile] = []) {
        self.dataset = dataset; self.reports = reports; self.tidyFiles = tidyFiles
    }

    /// The input of everything an ``InputLoader`` read.
    ///
    /// ```swift
    /// let briefing = try BriefingBuilder().build(BriefingInput(InputLoader().load(["datasets/pingtan"])))
    /// let pdf = try BriefPDF.render(briefing).bytes
    /// ```
    public init(_ inputs: LoadedInputs) {
        self.init(dataset: inputs.dataset, reports: inputs.reports,
                  tidyFiles: inputs.tidyFiles.map { TidyFile(file: $0.file, rows: $0.rows) })
    }
}
