/// Makes cairo's SVG reproducible and accessible.
///
/// cairo numbers `surfaceN`, `imageN` and `patternN` ids from a process-wide counter, so the same chart
/// gets other ids on a second render; they are renumbered in order of first appearance. The alt text goes
/// in as `<title>` and `<desc>` right after the opening `<svg>` tag. Both happen in one pass over the bytes,
/// copying the runs between ids whole.
public enum SVGPostprocess {
    /// Renumbered ids plus title and description.
    public static func finish(_ svg: [UInt8], altText: AltText) -> [UInt8] {
        let a11y = "\n<title>\(XMLText.escape(altText.title))</title>\n<desc>\(XMLText.escape(altText.description))</desc>"
        return rewrite(svg, insertingAfterSVGTag: Array(a11y.utf8))
    }

    /// Renumbers `surfaceN`, `imageN`, `patternN` per prefix in order of first appearance.
    package static func renumberIDs(_ svg: [UInt8]) -> [UInt8] {
        rewrite(svg, insertingAfterSVGTag: nil)
    }

    private static let prefixes: [[UInt8]] = ["surface", "image", "pattern"].map { Array($0.utf8) }

    /// One pass: ids renumbered; `insertion` (when given) placed after the `>` that closes the first `<svg`.
    private static func rewrite(_ svg: [UInt8], insertingAfterSVGTag insertion: [UInt8]?) -> [UInt8] {
        var maps: [[Int: Int]] = Array(repeating: [:], count: prefixes.count)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + (insertion?.count ?? 0) + 64)
        var inserting = insertion != nil
        var seenSVGTag = false
        // A plain loop over the array: no closures capturing the cursors (captured variables cost an
        // exclusivity check on every byte).
        let n = svg.count
        var i = 0, run = 0
        while i < n {
            let b = svg[i]
            if inserting {
                if !seenSVGTag, b == 0x3C, i + 3 < n, svg[i + 1] == 0x73, svg[i + 2] == 0x76, svg[i + 3] == 0x67 {
                    seenSVGTag = true                                   // "<svg"
                } else if seenSVGTag, b == 0x3E, let insertion {        // its ">"
                    out.append(contentsOf: svg[run...i])
                    out.append(contentsOf: insertion)
                    inserting = false
                    i += 1
                    run = i
                    continue
                }
            }
            let k: Int
            switch b {
            case 0x73: k = 0        // s
            case 0x69: k = 1        // i
            case 0x70: k = 2        // p
            default: i += 1; continue
            }
            guard i == 0 || !isWordByte(svg[i - 1]) else { i += 1; continue }
            let p = prefixes[k]
            guard i + p.count < n, isDigit(svg[i + p.count]), svg[i..<(i + p.count)].elementsEqual(p)
            else { i += 1; continue }
            var j = i + p.count
            var number = 0
            while j < n, isDigit(svg[j]), number < 100_000_000 { number = number * 10 + Int(svg[j] - 48); j += 1 }
            if j < n, isWordByte(svg[j]) { i += 1; continue }
            let renumbered = maps[k][number] ?? (maps[k].count + 1)
            maps[k][number] = renumbered
            out.append(contentsOf: svg[run..<i])
            out.append(contentsOf: p)
            appendDecimal(renumbered, to: &out)
            i = j
            run = j
        }
        out.append(contentsOf: svg[run..<n])
        return out
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 45
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = value
        repeat { digits.append(UInt8(48 + v % 10)); v /= 10 } while v > 0
        out.append(contentsOf: digits.reversed())
    }
}
