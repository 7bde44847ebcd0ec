import CCairo
import Foundation
import Publishing

/// Draws the reference workload with plain cairo calls, exactly as `cairo_render.c` does (toy text API).
///
/// This measures trendplot's PNG encoder on the same picture as the C baseline; the Charts pipeline
/// (ChartSpec → layout → Scene → renderer) is measured separately by `trendplot-bench --renderer charts`.
struct ReferenceSketch {
    let chart: ReferenceWorkload
    let bar: Bool

    private static let (width, height) = (1200.0, 750.0)
    private static let (px0, px1, py0, py1) = (110.0, 1060.0, 80.0, 660.0)

    func draw(_ cr: OpaquePointer) {
        let ticks = chart.ticks
        let top = Double(ticks.last ?? 1)
        func ypos(_ value: Int) -> Double { Self.py1 - Double(value) / top * (Self.py1 - Self.py0) }
        func xpos(_ year: Int) -> Double { Self.px0 + (Double(year) - 2012.5) / 12 * (Self.px1 - Self.px0) }
        func crisp(_ v: Double) -> Double { v.rounded(.towardZero) + 0.5 }
        let years = ReferenceWorkload.years

        hex(cr, 0xFFFFFF)
        cairo_paint(cr)
        cairo_set_line_width(cr, 1)
        hex(cr, 0xE0E0E0)
        for tick in ticks.dropFirst() {
            cairo_move_to(cr, Self.px0, crisp(ypos(tick)))
            cairo_line_to(cr, Self.px1, crisp(ypos(tick)))
        }
        if !bar {
            for year in years {
                cairo_move_to(cr, crisp(xpos(year)), Self.py0)
                cairo_line_to(cr, crisp(xpos(year)), Self.py1)
            }
        }
        cairo_stroke(cr)

        hex(cr, 0x444444)
        cairo_move_to(cr, crisp(Self.px0), Self.py0)
        cairo_line_to(cr, crisp(Self.px0), crisp(Self.py1))
        cairo_line_to(cr, Self.px1, crisp(Self.py1))
        for tick in ticks {
            cairo_move_to(cr, Self.px0 - 5, crisp(ypos(tick)))
            cairo_line_to(cr, Self.px0, crisp(ypos(tick)))
        }
        for year in years {
            cairo_move_to(cr, crisp(xpos(year)), crisp(Self.py1))
            cairo_line_to(cr, crisp(xpos(year)), crisp(Self.py1) + 5)
        }
        cairo_stroke(cr)

        font(cr, 14, bold: false)
        for tick in ticks { text(cr, thousands(tick), Self.px0 - 8, ypos(tick), align: 1, centred: true) }
        for year in years { text(cr, String(year), xpos(year), Self.py1 + 24, align: 0.5, centred: false) }

        hex(cr, 0x222222)
        font(cr, 24, bold: true)
        text(cr, ReferenceWorkload.title, Self.width / 2, 46, align: 0.5, centred: false)
        font(cr, 16, bold: false)
        text(cr, ReferenceWorkload.xLabel, (Self.px0 + Self.px1) / 2, 725, align: 0.5, centred: false)
        cairo_save(cr)
        cairo_translate(cr, 30, (Self.py0 + Self.py1) / 2)
        cairo_rotate(cr, -Double.pi / 2)
        text(cr, ReferenceWorkload.yLabel, 0, 0, align: 0.5, centred: true)
        cairo_restore(cr)

        let slot = (Self.px1 - Self.px0) / 12, barWidth = slot * 0.8 / 3
        for (s, series) in chart.values.enumerated() {
            hex(cr, ReferenceWorkload.colors[s])
            if bar {
                for (y, value) in series.enumerated() {
                    let x = xpos(years[y]) - slot * 0.4 + Double(s) * barWidth
                    cairo_rectangle(cr, x, ypos(value), barWidth, Self.py1 - ypos(value))
                }
                cairo_fill(cr)
            } else {
                cairo_set_line_width(cr, 2)
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
                for (y, value) in series.enumerated() { cairo_line_to(cr, xpos(years[y]), ypos(value)) }
                cairo_stroke(cr)
                for (y, value) in series.enumerated() {
                    cairo_new_sub_path(cr)
                    cairo_arc(cr, xpos(years[y]), ypos(value), 4, 0, 2 * Double.pi)
                }
                cairo_fill_preserve(cr)
                cairo_set_line_width(cr, 1)
                hex(cr, 0xFFFFFF)
                cairo_stroke(cr)
            }
        }

        var labelY = chart.values.map { ypos($0.last!) }
        let order = labelY.indices.sorted { (labelY[$0], $0) < (labelY[$1], $1) }
        for (above, below) in zip(order, order.dropFirst()) where labelY[below] < labelY[above] + 15 {
            labelY[below] = labelY[above] + 15
        }
        for (s, series) in chart.values.enumerated() {
            let last = series.last!
            hex(cr, ReferenceWorkload.colors[s])
            if bar {
                font(cr, 12, bold: false)
                cairo_save(cr)
                cairo_translate(cr, xpos(2024) - slot * 0.4 + (Double(s) + 0.5) * barWidth, ypos(last) - 4)
                cairo_rotate(cr, -Double.pi / 2)
                text(cr, thousands(last), 0, 0, align: 0, centred: true)
                cairo_restore(cr)
            } else {
                font(cr, 13, bold: false)
                text(cr, thousands(last), xpos(2024) + 10, labelY[s], align: 0, centred: true)
            }
        }

        let (lx, ly, lw, lh) = (Self.px0 + 12, Self.py0 + 12, 120.0, 12.0 + 3 * 22)
        cairo_rectangle(cr, lx + 0.5, ly + 0.5, lw, lh)
        cairo_set_source_rgba(cr, 1, 1, 1, 0.9)
        cairo_fill_preserve(cr)
        hex(cr, 0xCCCCCC)
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
        font(cr, 14, bold: false)
        for (s, name) in ReferenceWorkload.seriesNames.enumerated() {
            let cy = ly + 17 + Double(s) * 22
            hex(cr, ReferenceWorkload.colors[s])
            if bar {
                cairo_rectangle(cr, lx + 14, cy - 7, 14, 14)
                cairo_fill(cr)
            } else {
                cairo_set_line_width(cr, 2)
                cairo_move_to(cr, lx + 8, cy)
                cairo_line_to(cr, lx + 36, cy)
                cairo_stroke(cr)
                cairo_arc(cr, lx + 22, cy, 4, 0, 2 * Double.pi)
                cairo_fill(cr)
            }
            hex(cr, 0x222222)
            text(cr, name, lx + 44, cy, align: 0, centred: true)
        }
    }

    private func hex(_ cr: OpaquePointer, _ rgb: UInt32) {
        cairo_set_source_rgb(cr, Double(rgb >> 16 & 0xFF) / 255, Double(rgb >> 8 & 0xFF) / 255, Double(rgb & 0xFF) / 255)
    }

    private func font(_ cr: OpaquePointer, _ size: Double, bold: Bool) {
        cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    private func text(_ cr: OpaquePointer, _ string: String, _ x: Double, _ y: Double, align: Double, centred: Bool) {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, string, &extents)
        cairo_move_to(cr, x - extents.x_advance * align, centred ? y - (extents.y_bearing + extents.height / 2) : y)
        cairo_show_text(cr, string)
        cairo_new_path(cr)
    }
}

/// `1234567` → `1,234,567`.
private func thousands(_ value: Int) -> String {
    let digits = Array(String(value))
    var out = ""
    for (i, digit) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return out
}
