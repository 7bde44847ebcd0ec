import Testing
@testable import Charts

/// A measure in character cells: a Chinese character is 1, an ASCII character half.
private func cells(_ s: String) -> Double { s.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1) } }

@Suite struct ChineseLineBreakTests {
    let closing: Set<Character> = Set("、，。；：！？）》」’”·%")
    let opening: Set<Character> = Set("（《「‘“")

    func checkRules(_ lines: [String], max: Double, _ text: String) {
        for (i, line) in lines.enumerated() {
            if let f = line.first { #expect(!closing.contains(f), "line \(i) starts with \(f): \(lines)") }
            if let l = line.last { #expect(!opening.contains(l), "line \(i) ends with \(l): \(lines)") }
            #expect(cells(line) <= max, "line \(i) too wide: \(line)")
        }
    }

    @Test func shortTextIsOneLine() {
        #expect(ChineseLineBreak.lines("处理决定数量", maxWidth: 10, balanced: true, measure: cells) == ["处理决定数量"])
    }

    @Test func noClosingPunctuationAtLineStart() {
        // Greedy would start the second line with 、 and the fourth with ·.
        let text = "行政许可行政处罚、行政强制行政诉讼·复议后起诉的数量"
        let lines = ChineseLineBreak.lines(text, maxWidth: 8, balanced: false, measure: cells)
        #expect(lines.joined() == text)
        checkRules(lines, max: 9, text)   // a closing mark glued to its piece may overhang by its own width only when unavoidable
        #expect(!lines.contains { $0.hasPrefix("、") || $0.hasPrefix("·") })
    }

    @Test func noOpeningBracketAtLineEnd() {
        let text = "本年新收申请数量（2020年报告缺失）"
        let lines = ChineseLineBreak.lines(text, maxWidth: 9, balanced: false, measure: cells)
        #expect(lines.joined() == text)
        #expect(lines == ["本年新收申请数量", "（2020年报告缺失）"])
    }

    @Test func numberAndUnitStayTogether() {
        #expect(ChineseLineBreak.pieces("为2019年的3.3倍") == ["为", "2019年", "的", "3.3倍"])
        #expect(ChineseLineBreak.pieces("（32件→3件）") == ["（32件", "→", "3件）"])
        #expect(ChineseLineBreak.pieces("提高2.1个百分点，") == ["提", "高", "2.1个百分点，"])
        #expect(ChineseLineBreak.pieces("增至1.07万件") == ["增", "至", "1.07万件"])
        #expect(ChineseLineBreak.pieces("占12.5%。") == ["占", "12.5%。"])
        #expect(ChineseLineBreak.pieces("2019—2022年") == ["2019—2022年"])
        #expect(ChineseLineBreak.pieces("−0.4个百分点") == ["−0.4个百分点"])
        #expect(ChineseLineBreak.pieces("10,690件") == ["10,690件"])
        // Every break of a caption at every width keeps them whole.
        let caption = "行政许可决定由2019年的181件增至2022年的10,690件，为2019年的3.3倍，公开率提高2.1个百分点。"
        for width in stride(from: 6.0, through: 30, by: 1) {
            let lines = ChineseLineBreak.lines(caption, maxWidth: width, balanced: false, measure: cells)
            #expect(lines.joined() == caption)
            for piece in ["2019年", "181件", "2022年", "10,690件", "3.3倍", "2.1个百分点"] {
                #expect(lines.contains { $0.contains(piece) }, "\(piece) split at width \(width): \(lines)")
            }
            checkRules(lines, max: max(width, 9), caption)
        }
    }

    @Test func noOrphanLastLine() {
        // Greedy at 10 cells leaves "据）。" (one character of text) alone on the last line.
        let text = "序列在此中断，不作推算（2020年无数据）。"
        let greedyLast = "据）。"
        let lines = ChineseLineBreak.lines(text, maxWidth: 11, balanced: false, measure: cells)
        #expect(lines.joined() == text)
        #expect(lines.last != greedyLast)
        #expect(lines.last.map { $0.filter { !closing.contains($0) }.count >= 3 } == true, "\(lines)")
    }

    @Test func balancedTitleBreaksAtEnumerationComma() {
        let title = "2019年至2022年平潭综合实验区及所属各部门依申请公开政府信息新收申请数量、办理结果总计与行政复议、行政诉讼情况对比分析"
        let lines = ChineseLineBreak.lines(title, maxWidth: 40, balanced: true, measure: cells)
        #expect(lines.joined() == title)
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("、"), "\(lines)")
        #expect(!lines.contains { $0.hasSuffix("总") })     // 总计 is not split
        // The 、 nearest the middle, not the far one after 复议 and not the greedy cut inside a word.
        #expect(lines == ["2019年至2022年平潭综合实验区及所属各部门依申请公开政府信息新收申请数量、",
                          "办理结果总计与行政复议、行政诉讼情况对比分析"])
        checkRules(lines, max: 40, title)
        // Greedy fills the first line and leaves a short second one.
        let greedy = ChineseLineBreak.lines(title, maxWidth: 40, balanced: false, measure: cells)
        #expect(cells(greedy[0]) > cells(lines[0]))
        // Without punctuation nearby the lines are even.
        let plain = "行政许可行政处罚行政强制行政复议行政诉讼复议后起诉数量"
        let even = ChineseLineBreak.lines(plain, maxWidth: 20, balanced: true, measure: cells)
        #expect(even.count == 2 && abs(cells(even[0]) - cells(even[1])) <= 1, "\(even)")   // 27 characters: 13 + 14
    }

    @Test func latinWordsAndSpacesAreKept() {
        let text = "Applications received by the office"
        let lines = ChineseLineBreak.lines(text, maxWidth: 10, balanced: false, measure: cells)
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        #expect(lines.allSatisfy { cells($0) <= 10 })
    }

    @Test func newlinesArePreserved() {
        #expect(ChineseLineBreak.lines("第一行\n第二行", maxWidth: 20, balanced: false, measure: cells) == ["第一行", "第二行"])
    }
}
