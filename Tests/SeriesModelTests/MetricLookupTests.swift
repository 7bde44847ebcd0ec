import Testing
@testable import SeriesModel

/// Review ux-reliability S3-18: `--metric` takes the id, the Chinese label or a unique part of it, and a near miss
/// gets "did you mean".
@Suite struct MetricLookupTests {
    @Test func s3_18_idLabelAndUniquePartResolveToTheId() throws {
        #expect(try MetricPattern.resolve("licensing.decisions") == "licensing.decisions")
        #expect(try MetricPattern.resolve("行政许可·处理决定数量") == "licensing.decisions")
        #expect(try MetricPattern.resolve("许可·处理决定") == "licensing.decisions")
        #expect(try MetricPattern.resolve("review.*") == "review.*")
        #expect(try MetricPattern.resolve("my.metric", available: ["my.metric"]) == "my.metric")
    }

    @Test func s3_18_anAmbiguousPartListsTheMatches() {
        #expect(throws: MetricLookupError.self) { try MetricPattern.resolve("行政许可") }
        do {
            _ = try MetricPattern.resolve("行政许可")
        } catch {
            #expect(error.ambiguous)
            #expect(error.candidates == ["licensing.items", "licensing.items_change", "licensing.decisions"])
        }
    }

    @Test func s3_18_aNearMissSuggestsTheNearestId() {
        do {
            _ = try MetricPattern.resolve("licensing.decisons")
            Issue.record("a typo was accepted")
        } catch {
            #expect(!error.ambiguous)
            #expect(error.candidates.first == "licensing.decisions")
            #expect(error.description.contains("did you mean “licensing.decisions”"))
        }
    }
}
