import ArgumentParser
import Charts
import Foundation
import Publishing
import ReportReading
import SeriesModel

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "A multi-page A4 briefing (PDF, or Word with -o FILE.docx): cover, key findings, one chart per page with its data, sources and checks.",
        discussion: """
        DATA is any mix of report files, tidy CSV/JSON files and folders (read recursively); `-` reads stdin.
        Without --entity every body in DATA gets its own section (findings, then its charts); with --entity only
        that body (repeatable; a part of the name is enough when it is unambiguous).
        Without --metric the briefing charts, for each body, whatever of these it reports: licensing, penalty and
        coercion decisions; applications received and concluded; the outcomes of 表三 as shares; the disclosure
        rate (公开率); administrative reviews and lawsuits; normative documents. With --metric, one chart per id.
        The appendix lists every input file and what it gave, the checker's findings on the report files and the
        values two sources disagree on, all in Chinese with --lang zh. The cover carries --org (编制单位), --date
        and --issue-no (期号); 核心结论 ranks 3–5 findings by magnitude; several bodies get a comparison section
        (ranking, small multiples on one scale, a table with the total and the median) in the order --order gives.
        With --headline each chart's finding is its title. The same input always gives the same PDF bytes.

        Examples:
          trendplot brief datasets/pingtan -o briefing.pdf
          trendplot brief datasets/pingtan -o briefing.docx
          trendplot brief datasets/ --entity 平潭 --lang en -o pingtan-en.pdf
          trendplot brief datasets/pingtan --metric penalty.decisions \\
              --metric 'review.*' -o review.pdf
          trendplot brief reports/ --org 某市政务公开办公室 --date 2026-12-04 \\
              --issue-no 3 --headline -o 简报.pdf
        """
    )

    @Argument(help: ArgumentHelp(Inputs.dataHelp, valueName: "DATA"))
    var data: [String]

    @Option(name: .shortAndLong, help: "The file to write: .pdf, or .docx for a Word document.")
    var output: String

    @OptionGroup var entityOptions: EntityOptions
    @OptionGroup var metricOptions: MetricOptions
    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Language of the briefing: zh or en.")
    var lang: String = "zh"

    @Option(name: .customLong("org"), help: "编制单位: the issuing office, printed on the cover.")
    var organization: String?

    @Option(help: "The date on the cover, YYYY-MM-DD (default: none; never the clock, so the bytes stay the same).")
    var date: String?

    @Option(name: .customLong("issue-no"), help: "期号 on the cover: a number (3 → 第3期) or the text to print.")
    var issueNumber: String?

    @Flag(help: "Chart titles state the finding (行政许可2022年增至1.07万件); the descriptive title becomes the subtitle.")
    var headline = false

    @Option(help: "Order of the bodies: pinyin (汉语拼音, default), size (most new requests first) or input.")
    var order: String = "pinyin"

    mutating func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be zh or en, not “\(lang)”") }
        if let date, BriefCover.date(date, language: .zh) == nil {
            throw ValidationError("--date \(date): expected a date as YYYY-MM-DD, e.g. 2026-12-04")
        }
        guard BriefingBuilder.BodyOrder(rawValue: order) != nil else {
            throw ValidationError("--order must be pinyin, size or input, not “\(order)”")
        }
        guard output.lowercased().hasSuffix(".pdf") || isDOCX else {
            throw ValidationError("-o \(output): the briefing is a PDF or a Word document; give a file name ending in .pdf or .docx")
        }
    }

    /// `-o FILE.docx` writes the briefing as a Word document (``BriefDOCX``).
    private var isDOCX: Bool { output.lowercased().hasSuffix(".docx") }

    func run() throws { try Diagnostics.run(runBody) }

    func runBody() throws {
        let (input, metrics, entities) = try read()
        let language = Language(rawValue: lang) ?? .zh
        let cover = BriefCover(organization: organization, date: date.flatMap { BriefCover.date($0, language: language) },
                               issueNumber: issueNumber.map { BriefCover.issueNumber($0, language: language) })
        let builder = BriefingBuilder(language: language, metrics: metrics, entities: entities, cover: cover,
                                      headline: headline, order: BriefingBuilder.BodyOrder(rawValue: order) ?? .pinyin)
        if isDOCX {
            let docx = try BriefDOCX.render(try builder.build(input))
            try AtomicFile.write(docx.bytes, to: output, createFolders: true)
            FontWarning.report(unknownGlyphs: docx.unknownGlyphs)
            Diagnostics.status("wrote \(output): Word document with \(docx.figures) charts")
            return
        }
        let rendered = try BriefPDF.render(try builder.build(input))
        try AtomicFile.write(rendered.bytes, to: output, createFolders: true)
        FontWarning.report(unknownGlyphs: rendered.unknownGlyphs)
        Diagnostics.status("wrote \(output): \(rendered.pages.count) pages")
    }

    /// Reads DATA: report files through the extractor (their results feed the checker and the sources appendix),
    /// everything else as tidy data.
    /// Reads DATA with the default options.
    static func read(_ paths: [String]) throws -> BriefingInput {
        let inputs = Inputs.load(paths)
        if inputs.isUnusable { throw ExitCode(ExitStatus.unusable) }
        return BriefingInput(inputs)
    }

    /// `--metric` and `--entity` are looked up as in every command (a body's unique part, an old name with --alias).
    func read() throws -> (input: BriefingInput, metrics: [String], entities: [String]) {
        let (inputs, aliases) = try dataOptions.load(data)
        if inputs.isUnusable { throw ExitCode(ExitStatus.unusable) }
        var dataset = inputs.dataset
        dataset.addIndicators()
        let metrics = try metricOptions.resolve(available: dataset.metrics, data: data)
        let entities = try entityOptions.resolve(in: inputs.dataset.entities, aliases: aliases)
        return (BriefingInput(inputs), metrics, entities)
    }
}
