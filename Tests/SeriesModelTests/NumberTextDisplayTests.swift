import Testing
import SeriesModel

@Suite struct NumberTextDisplayTests {
    @Test func minusIsUnicodeForDisplay() {
        #expect(NumberText.display(-1200) == "\u{2212}1,200")
        #expect(NumberText.displaySigned(-640) == "\u{2212}640")
        #expect(NumberText.displaySigned(146) == "+146")
        #expect(NumberText.displaySignedPercent(-640.0 / 5434.0) == "\u{2212}11.8%")
        #expect(NumberText.displayMinus("-600") == "\u{2212}600")
        #expect(NumberText.displayMinus("▼-2") == "▼\u{2212}2")
        #expect(NumberText.displayMinus("12-3") == "12-3")
        // Machine text keeps the hyphen.
        #expect(NumberText.plain(-640) == "-640")
        #expect(NumberText.signed(-640) == "-640")
    }

    @Test func zeroIsZero() {
        #expect(NumberText.display(0, fractionDigits: 2) == "0")
        #expect(NumberText.display(-0.0, fractionDigits: 1) == "0")
        #expect(NumberText.displaySigned(0) == "0")
        #expect(NumberText.displaySignedPercent(0) == "0%")
        #expect(NumberText.displayChinese(0) == "0")
        #expect(NumberText.percentagePoints(0) == "0个百分点")
        #expect(NumberText.percentagePoints(0.04) == "+0.04个百分点")
    }

    @Test func atLeastTwoSignificantDigits() {
        // 181 on a 万 axis is 0.0181, not "0.02"; 5,400万元 in 亿 is 0.54, not "1".
        #expect(NumberText.display(181 / 1e4, fractionDigits: 2) == "0.018")
        #expect(NumberText.display(0.54, fractionDigits: 0) == "0.54")
        #expect(NumberText.display(3.5, fractionDigits: 0) == "3.5")
        #expect(NumberText.display(0.5, fractionDigits: 0) == "0.5")
        #expect(NumberText.display(38.76, fractionDigits: 2) == "38.76")
        #expect(NumberText.display(10690) == "10,690")
        #expect(NumberText.display(4, fractionDigits: 0) == "4")
        #expect(NumberText.displayChinese(54_000_000) == "5,400万")
        #expect(NumberText.displayChinese(54_000_000 * 1.0, fractionDigits: 0) == "5,400万")
        #expect(NumberText.displayChinese(12_345, fractionDigits: 0) == "1.2万")
    }

    @Test func wanYiAboveTenThousandYi() {
        #expect(NumberText.chinese(999_999_999 * 1e4) == "10万亿")
        #expect(NumberText.displayChinese(1.5e12) == "1.5万亿")
        #expect(NumberText.displayChinese(2_188_000_000) == "21.88亿")
        #expect(NumberText.displayChinese(-387576) == "\u{2212}38.76万")
        #expect(NumberText.displayChinese(4794) == "4,794")
        #expect(NumberText.chinese(2_188_000_000) == "21.88亿")
    }

    @Test func percentagePoints() {
        #expect(NumberText.percentagePoints(2.1) == "+2.1个百分点")
        #expect(NumberText.percentagePoints(-0.4) == "\u{2212}0.4个百分点")
        #expect(NumberText.percentagePoints(47.97 - 50.72) == "\u{2212}2.8个百分点")
        #expect(NumberText.percentagePoints(40 - 34.78) == "+5.2个百分点")
    }
}
