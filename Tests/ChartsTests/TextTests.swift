import Charts
import TestSupport
import Testing

@Suite("Chinese text through Pango")
struct TextTests {
    @Test(.enabled(if: Fixtures.cjkFontInstalled, "needs fonts-noto-cjk"))
    func chineseTitleHasNoUnknownGlyphs() throws {
        var spec = try Fixtures.licensingItemsSpec()
        spec.title = "牡丹江市行政许可事项数量变化（2019—2020年）"
        let r = try Chart.renderDetailed(spec, format: .png)
        #expect(r.unknownGlyphs == 0)
        #expect(r.scene.texts.contains { $0.role == .title && $0.text == spec.title })
    }

    @Test func privateUseCharactersCountAsUnknown() throws {
        var spec = try Fixtures.licensingItemsSpec()
        spec.title = "\u{E000}\u{E001}\u{E002}"
        let r = try Chart.renderDetailed(spec, format: .svg)
        #expect(r.unknownGlyphs == 3)
    }

    @Test(.enabled(if: Fixtures.cjkFontInstalled, "needs fonts-noto-cjk"))
    func measuredWidthsGrowWithText() {
        let p = PangoText()
        let style = TextStyle(size: 20, color: .black)
        let one = p.measure("许", style: style, wrapWidth: nil)
        let four = p.measure("行政许可", style: style, wrapWidth: nil)
        // CJK glyphs are full-width: one em each.
        #expect(abs(one.width - 20) < 0.5)
        #expect(abs(four.width - 80) < 1)
        let wrapped = p.measure("行政许可行政许可", style: style, wrapWidth: 85)
        #expect(wrapped.height > one.height * 1.8)
    }
}
