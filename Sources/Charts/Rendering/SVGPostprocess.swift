/// Makes cairo's SVG reproducible and accessible.
///
/// cairo numbers `surfaceN`, `imageN` and `patternN` ids from a process-wide counter, so the same chart
/// gets other ids on a second render; they are renumbered in order of first appearance. The alt text goes
/// in as `<title>` and `<desc>` right after the opening `<svg>` tag.
public enum SVGPostprocess {
    /// Renumbered ids plus title and description.
    public static func finish(_ svg: [UInt8], altText: AltText) -> [UInt8] {
        var out = renumberIDs(svg)
        let a11y = "\n<title>\(escape(altText.title))</title>\n<desc>\(escape(altText.description))</desc>"
        if let open = out.firstRange(of: Array("<svg".utf8)),
           let end = out[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) {
            out.insert(contentsOf: Array(a11y.utf8), at: end + 1)
        }
        return out
    }

    /// Renumbers `surfaceN`, `imageN`, `patternN` per prefix in order of first appearance.
    public static func renumberIDs(_ svg: [UInt8]) -> [UInt8] {
        let prefixes: [[UInt8]] = ["surface", "image", "pattern"].map { Array($0.utf8) }
        var maps: [[Int: Int]] = Array(repeating: [:], count: prefixes.count)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var i = 0
        let n = svg.count
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 45 }
        while i < n {
            var matched = false
            let b = svg[i]
            if b == UInt8(ascii: "s") || b == UInt8(ascii: "i") || b == UInt8(ascii: "p"),
               i == 0 || !isWordByte(svg[i - 1]) {
                for (k, p) in prefixes.enumerated() where i + p.count < n && svg[i] == p[0] {
                    guard svg[i..<(i + p.count)].elementsEqual(p), isDigit(svg[i + p.count]) else { continue }
                    var j = i + p.count
                    var number = 0
                    while j < n, isDigit(svg[j]), number < 100_000_000 { number = number * 10 + Int(svg[j] - 48); j += 1 }
                    if j < n, isWordByte(svg[j]) { continue }
                    let renumbered = maps[k][number] ?? (maps[k].count + 1)
                    maps[k][number] = renumbered
                    out.append(contentsOf: p)
                    out.append(contentsOf: Array(String(renumbered).utf8))
                    i = j
                    matched = true
                    break
                }
            }
            if !matched { out.append(b); i += 1 }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var r = ""
        for c in s {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            default: r.append(c)
            }
        }
        return r
    }
}
