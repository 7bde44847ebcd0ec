/// A problem with an input file, naming the file, the place and what was expected.
///
/// ```swift
/// InputError(file: "data.csv", place: "line 7, column value", message: "expected a number, found “abc”")
/// // data.csv: line 7, column value: expected a number, found “abc”
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// Where in the file: `line 7`, `table 3, row 一、本年新收…`; empty for the whole file.
    public var place: String
    /// What was wrong and what was expected.
    public var message: String

    /// Creates an input error.
    public init(file: String, place: String = "", message: String) {
        self.file = file
        self.place = place
        self.message = message
    }

    public var description: String {
        place.isEmpty ? "\(file): \(message)" : "\(file): \(place): \(message)"
    }
}
