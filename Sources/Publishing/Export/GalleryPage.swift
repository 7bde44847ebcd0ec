import Charts
import ReportReading
import SeriesModel

/// `index.html` of an export folder: an offline gallery (no scripts, no network) with a thumbnail, the title,
/// the alt text and links to every format of each chart.
package enum GalleryPage {
    package static let fileName = "index.html"

    /// The whole page for `manifest`, charts in `order` (chart names; others after, by name) — ``ExportRunner``
    /// writes the same page piece by piece, in plan order.
    static func html(_ manifest: ExportManifest, order: [String] = []) -> String {
        var charts: [(name: String, entries: [ExportManifest.Entry])] = []
        var position: [String: Int] = [:]   // a search of `charts` per entry would be quadratic in the files
        for entry in manifest.files {
            let name = String(entry.file[..<(entry.file.lastIndex(of: ".") ?? entry.file.endIndex)])
            if let i = position[name] { charts[i].entries.append(entry) } else {
                position[name] = charts.count
                charts.append((name, [entry]))
            }
        }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        charts.sort { (rank[$0.name] ?? Int.max, $0.name) < (rank[$1.name] ?? Int.max, $1.name) }
        var page = head(chartCount: charts.count, omitted: manifest.omitted)
        for chart in charts { page += figure(chart.entries) }
        return page + tail
    }

    /// The page up to the first chart, with one line per body (or for the metric charts) naming what no chart
    /// draws and why.
    static func head(chartCount: Int, omitted: [ExportManifest.Omission] = []) -> String {
        var notes = ""
        for o in omitted {
            let who = o.entity.map { XMLText.escape($0) + "：" } ?? "按指标作图："
            let what = o.chart.map { "图表 " + XMLText.escape($0) + "：" } ?? ""
            let reason = o.reason == ExportPlan.zeroReason ? "以下指标各年均为0，未作图" : XMLText.escape(o.reason)
            notes += "<p class=\"omitted\">\(who)\(what)\(reason)：\(o.metrics.map(XMLText.escape).joined(separator: "、"))</p>\n"
        }
        return """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>trendplot 图表导出</title>
        <style>
        body { font-family: "Noto Sans CJK SC", sans-serif; margin: 2em; color: #222; }
        main { display: flex; flex-wrap: wrap; gap: 1.5em; }
        figure { width: 360px; margin: 0; }
        img { width: 360px; height: auto; border: 1px solid #ddd; }
        .alt { color: #555; font-size: 0.85em; }
        .omitted { color: #555; font-size: 0.85em; margin: 0.3em 0; }
        </style>
        </head>
        <body>
        <h1>图表导出（\(chartCount) 幅）</h1>
        \(notes)<main>

        """
    }

    /// One chart: its entries (one per format, in manifest order).
    static func figure(_ entries: [ExportManifest.Entry]) -> String {
        let first = entries[0]
        let preview = entries.first { $0.format == "png" } ?? entries.first { $0.format == "svg" }
        var page = "<figure>\n"
        if let preview {
            page += "<a href=\"\(XMLText.escape(preview.file))\"><img src=\"\(XMLText.escape(preview.file))\" alt=\"\(XMLText.escape(first.altText))\" "
                + "loading=\"lazy\" width=\"360\"></a>\n"
        }
        page += "<figcaption><strong>\(XMLText.escape(first.title))</strong>"
        if let entity = first.entity { page += " · \(XMLText.escape(entity))" }
        page += "<br>\n<span class=\"alt\">\(XMLText.escape(first.altText).replacingOccurrences(of: "\n", with: "<br>"))</span><br>\n"
        page += entries.map { "<a href=\"\(XMLText.escape($0.file))\">\($0.format.uppercased())</a>" }.joined(separator: " · ")
        page += "</figcaption>\n</figure>\n"
        return page
    }

    /// The page after the last chart.
    static let tail = """
        </main>
        </body>
        </html>

        """
}
