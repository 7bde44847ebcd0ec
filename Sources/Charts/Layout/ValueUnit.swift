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

    /// Picks 万 from 100,000 and 亿 from 100,000,000 (a base of 万元 becomes 亿元 from 10,000 万元).
    public static func choose(maxAbs: Double, baseUnit: String, step: Double, format: ChartSpec.ValueFormat) -> ValueUnit {
        if format == .percent {
            return ValueUnit(divisor: 1, unit: "%", decimals: decimals(for: step), percent: true)
        }
        var divisor = 1.0
        var unit = baseUnit
        if baseUnit.hasPrefix("万") {
            if maxAbs >= 1e4 { divisor = 1e4; unit = "亿" + baseUnit.dropFirst() }
        } else if baseUnit.hasPrefix("亿") {
            divisor = 1
        } else if maxAbs >= 1e8 {
            divisor = 1e8; unit = "亿" + baseUnit
        } else if maxAbs >= 1e5 {
            divisor = 1e4; unit = "万" + baseUnit
        }
        return ValueUnit(divisor: divisor, unit: unit, decimals: decimals(for: step / divisor), percent: false)
    }

    /// The fewest decimals (0…3) that print every multiple of `step` exactly.
    static func decimals(for step: Double) -> Int {
        for d in 0...3 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(1, scaled) { return d }
        }
        return 3
    }

    /// An axis label: `12,000`, `38.5`, `25%`.
    public func label(_ value: Double) -> String {
        NumberText.grouped(value / divisor, fractionDigits: decimals) + (percent ? "%" : "")
    }

    /// A value label in this unit with enough decimals for a data value (2 when scaled, else as needed).
    public func valueLabel(_ value: Double) -> String {
        let scaled = value / divisor
        var d = 0
        if divisor > 1 || percent {
            d = abs(scaled) >= 1000 ? 0 : (abs(scaled) >= 100 ? 1 : (percent ? 1 : 2))
        } else if scaled != scaled.rounded() {
            d = abs(scaled) >= 100 ? 1 : 2
        }
        return NumberText.grouped(scaled, fractionDigits: d) + (percent ? "%" : "")
    }

    /// The axis title: `单位：万件` (or `Unit: 10k docs` style in English when given `en`).
    public func axisTitle(_ language: ChartLanguage) -> String? {
        if unit.isEmpty { return nil }
        return language == .zh ? "单位：" + unit : "Unit: " + unit
    }
}
