/// The national report template a report follows.
///
/// The 2019 template (国办公开办函〔2019〕60号) was used for the 2019 and 2020 reports; the 2021 template
/// (国办公开办函〔2021〕30号) from the 2021 reports on. Tell them apart by labels, not by year.
public enum TemplateVersion: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case v2019 = "2019"
    case v2021 = "2021"

    public var description: String { rawValue }
}
