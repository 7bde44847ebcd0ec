/// Measures text as it will be drawn. Layout asks; the Pango engine answers.
public protocol TextMeasurer {
    /// The logical size of `text` set in `style`, wrapped at `wrapWidth` when given.
    func measure(_ text: String, style: TextStyle, wrapWidth: Double?) -> Size
}

extension TextMeasurer {
    /// The size of one line of `text`.
    func measure(_ text: String, _ style: TextStyle) -> Size { measure(text, style: style, wrapWidth: nil) }
}
