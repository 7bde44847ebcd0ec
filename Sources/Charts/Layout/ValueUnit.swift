import Foundation
import SeriesModel

/// The unit an axis states in its title and the scale its labels use, chosen from the axis range.
///
/// One unit per axis: labels carry no 万/亿 of their own.
///
/// ```swift
/// let u = ValueUnit.choose(maxAbs: 653308, baseUnit: "件", step: 100000, format: .number)
/// u.unit            // "万件"
/// u.label(400000)   // "40"
/// ```
public struct ValueUnit: Sendable, Hashable {
    /// Values are divided by this before printing.
    public let divisor: Double
    /// The unit stated in the axis title, e.g. `万件`, `亿元`, `%`.
    public let unit: String
    /// Decimals printed on the axis.
    public let decimals: Int
    /// Percent labels carry a `%` sign.
    public let percent: Bool
    /// The largest magnitude the axis shows (in the given unit).
    public var extent: Double = 0
    /// The unit of the values as given (件 for an axis in 万件): values too small for the axis unit are written in it.
    public var baseUnit: String = ""

    init(divisor: Double, unit: String, decimals: Int, percent: Bool, extent: Double = 0, baseUnit: String = "") {
        self.divisor = divisor; self.unit = unit; self.decimals = decimals; self.percent = percent; self.extent = extent
        self.baseUnit = baseUnit
    }

    /// Picks 万 from 100,000 and 亿 from 100,000,000 (a base of 万元 becomes 亿元 from 10,000 万元).
    /// In English, thousand and million replace 万 and 亿 (a base of `10k yuan` becomes `million yuan`).
    public static func choose(maxAbs: Double, baseUnit: String, step: Double, format: ChartSpec.ValueFormat,
                              language: Language = .zh) -> ValueUnit {
        if format == .percent {
            return ValueUnit(divisor: 1, unit: "%", decimals: decimals(for: step), percent: true, extent: maxAbs)
        }
        if language == .en {
            var divisor = 1.0, unit = baseUnit
            if baseUnit == "10k yuan" {
                if maxAbs >= 1e4 { divisor = 100; unit = "million yuan" }
            } else if maxAbs >= 1e8 {
                divisor = 1e6; unit = "million " + baseUnit
            } else if maxAbs >= 1e5 {
                divisor = 1e3; unit = "thousand " + baseUnit
            }
            return ValueUnit(divisor: divisor, unit: unit.trimmingCharacters(in: .whitespaces),
                             decimals: decimals(for: step / divisor), percent: false, extent: maxAbs)
        }
        var divisor = 1.0
        var unit = baseUnit
        // 万亿 from 10⁴ 亿 (Chinese usage: 10万亿元, not 100,000亿元).
        if baseUnit.hasPrefix("万亿") {
            divisor = 1
        } else if baseUnit.hasPrefix("万") {
            if maxAbs >= 1e8 { divisor = 1e8; unit = "万亿" + baseUnit.dropFirst() }
            else if maxAbs >= 1e4 { divisor = 1e4; unit = "亿" + baseUnit.dropFirst() }
        } else if baseUnit.hasPrefix("亿") {
            if maxAbs >= 1e4 { divisor = 1e4; unit = "万亿" + baseUnit.dropFirst() }
        } else if maxAbs >= 1e12 {
            divisor = 1e12; unit = "万亿" + baseUnit
        } else if maxAbs >= 1e8 {
            divisor = 1e8; unit = "亿" + baseUnit
        } else if maxAbs >= 1e5 {
            divisor = 1e4; unit = "万" + baseUnit
        }
        return ValueUnit(divisor: divisor, unit: unit, decimals: decimals(for: step / divisor), percent: false, extent: maxAbs,
                         baseUnit: baseUnit)
    }

    /// The fewest decimals (0…3) that print every multiple of `step` exactly.
    static func decimals(for step: Double) -> Int {
        for d in 0...3 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(1, scaled) { return d }
        }
        return 3
    }

    /// An axis label: `12,000`, `38.5`, `25%`, `−600`, `0` (NumberText's display form: U+2212, zero as 0).
    public func label(_ value: Double) -> String {
        NumberText.display(value / divisor, fractionDigits: decimals, minimumSignificant: 1) + (percent ? "%" : "")
    }

    /// A value label in this unit, NumberText's display form: the same value prints the same in every kind —
    /// scaled values (万, 亿, thousand) with 2 decimals below 100, 1 below 1,000, none above; percentages one;
    /// plain counts none unless the value has a fraction; always at least two significant digits (181 on a 万
    /// axis is `0.018`), zero as `0`, U+2212 for minus. A value too small for the axis unit (under 0.01 of it)
    /// is written with its own unit: 999 on a 亿件 axis is `999件`.
    public func valueLabel(_ value: Double) -> String {
        let scaled = value / divisor
        if value == 0 { return "0" + (percent ? "%" : "") }
        let a = abs(scaled)
        var d = 0
        if percent {
            d = 1
        } else if divisor > 1 {
            d = a >= 1000 ? 0 : (a >= 100 ? 1 : 2)
        } else if scaled != scaled.rounded() {
            d = a >= 100 ? 1 : 2
        }
        if divisor > 1 && a < 0.01 && !baseUnit.isEmpty {
            return NumberText.displayChinese(value) + baseUnit
        }
        var text = NumberText.display(scaled, fractionDigits: d)
        // 10亿 is "10", 0.54亿 "0.54": scaled values drop trailing zeros (counts in 件 have none).
        if divisor > 1 && text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + (percent ? "%" : "")
    }

    /// The axis title: `单位：万件` (or `Unit: 10k docs` style in English when given `en`).
    public func axisTitle(_ language: Language) -> String? {
        // Percent ticks carry their % sign: no 单位：% above them (C4).
        if unit.isEmpty || percent { return nil }
        return language == .zh ? "单位：" + unit : "Unit: " + unit
    }
}
