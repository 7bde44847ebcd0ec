import Charts
import ReportReading
import SeriesModel

/// One laid-out page of a briefing: primitives in page units (points) and charts placed in frames.
public struct BriefPage: Sendable, Hashable {
    /// A chart scene drawn scaled into a frame of the page.
    public struct PlacedChart: Sendable, Hashable {
        public var scene: Scene
        public var frame: Rect
        /// Page units per chart unit.
        public var scale: Double { frame.width / scene.size.width }
    }

    /// The page size in points.
    public var size: Size
    /// Text, rules and fills in drawing order.
    public var items: [Primitive]
    /// Charts, drawn after the items.
    public var charts: [PlacedChart]

    /// The text boxes of the page (not those inside charts).
    public var texts: [TextBox] {
        items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    /// Every string on the page, the charts' included, in drawing order.
    public var allText: [String] { texts.map(\.text) + charts.flatMap { $0.scene.texts.map(\.text) } }

    /// Pairs of page text boxes that overlap each other or a chart frame (should be empty).
    public func overlaps() -> [(Rect, Rect)] {
        let frames = texts.map(\.frame) + charts.map(\.frame)
        var out: [(Rect, Rect)] = []
        for i in frames.indices {
            for j in frames.indices where j > i && frames[i].intersects(frames[j]) { out.append((frames[i], frames[j])) }
        }
        return out
    }

    /// Text boxes and charts reaching outside the page (should be empty).
    public func outsidePage() -> [Rect] {
        let page = Rect(x: 0, y: 0, width: size.width, height: size.height)
        return (texts.map(\.frame) + charts.map(\.frame)).filter { !page.contains($0) }
    }
}
