import Charts
import TestSupport
import Testing

@Suite("Ticks, units and label placement")
struct ScaleTests {
    @Test func niceTicksCoverTheRangeWithRoundSteps() {
        let t = NiceTicks(min: 0, max: 15604, count: 6)
        #expect(t.step == 2500)
        #expect(t.values.first == 0 && t.values.last == 17500)
        let p = NiceTicks(min: 0.1, max: 0.7, count: 6)
        #expect(p.values == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
        let zeros = NiceTicks(min: 0, max: 0, count: 5)
        #expect(zeros.values == [0, 1, 2, 3, 4, 5])
        let neg = NiceTicks(min: -640, max: 146, count: 5)
        #expect(neg.lower == -800 && neg.upper == 200 && neg.values.contains(0))
    }

    @Test func unitIsChosenFromTheRange() {
        let small = ValueUnit.choose(maxAbs: 17500, baseUnit: "项", step: 2500, format: .number)
        #expect(small.unit == "项" && small.label(17500) == "17,500")
        let wan = ValueUnit.choose(maxAbs: 700000, baseUnit: "件", step: 100000, format: .number)
        #expect(wan.unit == "万件" && wan.label(400000) == "40")
        #expect(wan.valueLabel(653308) == "65.33")
        let yi = ValueUnit.choose(maxAbs: 250000, baseUnit: "万元", step: 50000, format: .number)
        #expect(yi.unit == "亿元" && yi.label(200000) == "20")
        #expect(yi.valueLabel(218827.31) == "21.88")
        let frac = ValueUnit.choose(maxAbs: 1.5e9, baseUnit: "件", step: 2.5e8, format: .number)
        #expect(frac.unit == "亿件" && frac.label(1.25e9) == "12.5")
        #expect(ValueUnit.choose(maxAbs: 100, baseUnit: "", step: 25, format: .percent).label(75) == "75%")
        #expect(wan.axisTitle(.zh) == "单位：万件")
    }

    @Test func spreaderSeparatesCloseLabels() throws {
        let c = try #require(LabelSpreader.spread([100, 104, 300], heights: [20, 20, 20], min: 0, max: 400))
        #expect(c[1] - c[0] >= 22 - 1e-9)
        #expect(abs((c[0] + c[1]) / 2 - 102) < 1e-9)
        #expect(c[2] == 300)
        let clamped = try #require(LabelSpreader.spread([5, 6], heights: [20, 20], min: 0, max: 400))
        #expect(clamped[0] == 10 && clamped[1] == 32)
        #expect(LabelSpreader.spread([1, 2, 3], heights: [20, 20, 20], min: 0, max: 50) == nil)
    }

    @Test func svgIdsAreRenumberedInOrder() {
        let svg = Array("<g id=\"surface33\"><use xlink:href=\"#surface33\"/><g id=\"surface40\"/>glyph0-1 mysurface5".utf8)
        let out = String(decoding: SVGPostprocess.renumberIDs(svg), as: UTF8.self)
        #expect(out == "<g id=\"surface1\"><use xlink:href=\"#surface1\"/><g id=\"surface2\"/>glyph0-1 mysurface5")
    }
}
