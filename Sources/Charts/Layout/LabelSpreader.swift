/// Pushes labels apart along one axis so none overlap, keeping each as near its wish as possible.
///
/// ```swift
/// LabelSpreader.spread([100, 104, 300], heights: [20, 20, 20], min: 0, max: 400)
/// // [92, 112, 300]: the two close labels are moved apart symmetrically
/// ```
public enum LabelSpreader {
    /// Centres for labels wanting `wishes` (centres) with `heights`, inside `min…max`; nil when they cannot fit.
    public static func spread(_ wishes: [Double], heights: [Double], min lo: Double, max hi: Double,
                              gap: Double = 2) -> [Double]? {
        let n = wishes.count
        guard n > 0 else { return [] }
        let total = heights.reduce(0, +) + gap * Double(n - 1)
        guard total <= hi - lo + 0.001 else { return nil }
        let order = wishes.indices.sorted { (wishes[$0], $0) < (wishes[$1], $1) }
        // Clusters of overlapping labels, each placed at the mean of its members' wishes, merged until stable.
        struct Cluster { var members: [Int]; var top: Double; var height: Double }
        var clusters: [Cluster] = []
        for i in order {
            var c = Cluster(members: [i], top: wishes[i] - heights[i] / 2, height: heights[i])
            while let last = clusters.last, last.top + last.height + gap > c.top {
                clusters.removeLast()
                let members = last.members + c.members
                let height = last.height + gap + c.height
                // Offsets of members' wish centres from the cluster top, to centre the cluster on their mean.
                var offset = 0.0, sum = 0.0
                for m in members {
                    sum += wishes[m] - (offset + heights[m] / 2)
                    offset += heights[m] + gap
                }
                c = Cluster(members: members, top: sum / Double(members.count), height: height)
            }
            clusters.append(c)
        }
        // Clamp into range, then resolve any overlap the clamping created, sweeping both ways.
        var tops = [Double](repeating: 0, count: n)
        var sequence: [Int] = []
        for c in clusters {
            var y = c.top
            for m in c.members { tops[m] = y; y += heights[m] + gap; sequence.append(m) }
        }
        var cursor = lo
        for m in sequence {
            tops[m] = Swift.max(tops[m], cursor)
            cursor = tops[m] + heights[m] + gap
        }
        var limit = hi
        for m in sequence.reversed() {
            tops[m] = Swift.min(tops[m], limit - heights[m])
            limit = tops[m] - gap
        }
        return (0..<n).map { tops[$0] + heights[$0] / 2 }
    }
}
