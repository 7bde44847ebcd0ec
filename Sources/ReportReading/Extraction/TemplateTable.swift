import SeriesModel

/// A template table as printed — its rows in order, each with its cells — for writers that show a report's table
/// the way the report prints it (the workbook's 表二, 表三 and 表四 sheets).
///
/// ```swift
/// let t = TemplateTable(table: 3, template: .v2021)
/// t.rows[2].label              // "（一）予以公开"
/// t.rows[2].cells[0].metric    // "applications.granted.natural_person"
/// ```
public struct TemplateTable: Sendable, Hashable {
    /// One printed cell: the metric it holds, the year it describes relative to the report year, its heading.
    public struct Cell: Sendable, Hashable {
        /// The metric id.
        public let metric: String
        /// Added to the report year: −1 for 上一年项目数量, else 0.
        public let yearOffset: Int
        /// The column heading as printed: `自然人`, `本年增/减`, `行政复议·结果维持`.
        public let heading: String
    }

    /// One printed row.
    public struct Row: Sendable, Hashable {
        /// The row key (`granted`, `licensing`).
        public let key: String
        /// The label as printed: `（一）予以公开`, `行政许可`.
        public let label: String
        /// The cells, left to right.
        public let cells: [Cell]

        /// A row (as ``TemplateTable`` makes them; writers combine the rows of two templates with it).
        public init(key: String, label: String, cells: [Cell]) {
            self.key = key
            self.label = label
            self.cells = cells
        }
    }

    /// 2, 3 or 4.
    public let table: Int
    /// The template.
    public let template: TemplateVersion
    /// The rows, in the report's order.
    public let rows: [Row]

    /// Table `table` (2, 3 or 4; other numbers give 表四) of `template`.
    public init(table: Int, template: TemplateVersion) {
        self.table = table
        self.template = template
        let catalog = MetricCatalog.standard
        rows = TemplateLayout.layout(for: template).rows(of: table).map { spec in
            Row(key: spec.key, label: spec.label, cells: spec.cells.map { c in
                let heading: String
                if c.yearOffset == -1 {
                    heading = "上一年项目数量"
                } else if table == 4 {
                    heading = catalog[c.metric]?.labelZh ?? c.metric
                } else {
                    heading = catalog[c.metric]?.labelZh.split(separator: "·").last.map(String.init) ?? c.metric
                }
                return Cell(metric: c.metric, yearOffset: c.yearOffset, heading: heading)
            })
        }
    }

    /// The printed title: `表三 收到和处理政府信息公开申请情况`.
    public static func title(of table: Int) -> String {
        switch table {
        case 2: "表二 主动公开政府信息情况"
        case 3: "表三 收到和处理政府信息公开申请情况"
        default: "表四 政府信息公开行政复议、行政诉讼情况"
        }
    }
}
