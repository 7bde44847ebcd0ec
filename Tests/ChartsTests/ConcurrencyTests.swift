import Publishing
import Charts
import TestSupport
import Testing

@Suite("Rendering from many tasks")
struct ConcurrencyTests {
    @Test func parallelRendersMatchSequentialBytes() async throws {
        let obs = try Fixtures.pingtan() + Fixtures.mudanjiang()
        let specs = Gallery.charts(obs).map(\.spec)
        let sequential = try specs.map { try Chart.render($0, format: .svg) }
        let parallel = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (i, spec) in specs.enumerated() {
                group.addTask { (i, try Chart.render(spec, format: .svg)) }
            }
            var out = [[UInt8]](repeating: [], count: specs.count)
            for try await (i, bytes) in group { out[i] = bytes }
            return out
        }
        #expect(specs.count >= 20)
        #expect(parallel == sequential)
    }
}
