/// The WordprocessingML parts that do not depend on the body: content types, package relationships, document
/// properties, styles, settings, fonts and footers.
enum DOCXParts {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private static let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    /// The serif body font and the sans heading font, with the names Chinese Windows knows them by.
    static let serif = "Noto Serif CJK SC", serifAlternative = "宋体"
    static let sans = "Noto Sans CJK SC", sansAlternative = "黑体"

    // MARK: Package

    static func contentTypes(images: Bool, footer: Bool, footnotes: Bool, endnotes: Bool) throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"]) {
            x.element("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
            x.element("Default", ["Extension": "xml", "ContentType": "application/xml"])
            if images { x.element("Default", ["Extension": "png", "ContentType": "image/png"]) }
            var overrides: [(String, String)] = [
                ("/word/document.xml", wml + "document.main+xml"),
                ("/word/styles.xml", wml + "styles+xml"),
                ("/word/settings.xml", wml + "settings+xml"),
                ("/word/fontTable.xml", wml + "fontTable+xml"),
                ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            ]
            if footer {
                overrides.append(("/word/footer1.xml", wml + "footer+xml"))
                overrides.append(("/word/footer2.xml", wml + "footer+xml"))
            }
            if footnotes { overrides.append(("/word/footnotes.xml", wml + "footnotes+xml")) }
            if endnotes { overrides.append(("/word/endnotes.xml", wml + "endnotes+xml")) }
            for (part, type) in overrides { x.element("Override", ["PartName": part, "ContentType": type]) }
        }
        return try x.finish(part: "[Content_Types].xml")
    }

    static func packageRelationships() throws -> [UInt8] {
        try relationships([
            ("rId1", relType + "officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", relType + "extended-properties", "docProps/app.xml"),
        ], part: "_rels/.rels")
    }

    /// A relationships part: (id, type, target) in order.
    static func relationships(_ rels: [(String, String, String)], part: String) throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("Relationships", ["xmlns": relationshipsNS]) {
            for (id, type, target) in rels { x.element("Relationship", ["Id": id, "Type": type, "Target": target]) }
        }
        return try x.finish(part: part)
    }

    static func core(_ p: DOCXProperties) throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("cp:coreProperties", [
            "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/", "xmlns:dcterms": "http://purl.org/dc/terms/",
            "xmlns:dcmitype": "http://purl.org/dc/dcmitype/", "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        ]) {
            x.element("dc:title", text: p.title)
            if !p.subject.isEmpty { x.element("dc:subject", text: p.subject) }
            x.element("dc:creator", text: p.creator)
            x.element("cp:lastModifiedBy", text: p.creator)
            x.element("cp:revision", text: "1")
            x.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: p.date)
            x.element("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], text: p.date)
        }
        return try x.finish(part: "docProps/core.xml")
    }

    static func app() throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("Properties", ["xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                                 "xmlns:vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"]) {
            x.element("Application", text: "trendplot")
            x.element("DocSecurity", text: "0")
            x.element("ScaleCrop", text: "false")
            x.element("LinksUpToDate", text: "false")
            x.element("SharedDoc", text: "false")
            x.element("HyperlinksChanged", text: "false")
        }
        return try x.finish(part: "docProps/app.xml")
    }

    // MARK: Settings and fonts

    static func settings(footnotes: Bool, endnotes: Bool) throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("w:settings", ["xmlns:w": w]) {
            x.element("w:zoom", ["w:percent": "100"])
            x.element("w:defaultTabStop", ["w:val": "420"])
            x.element("w:characterSpacingControl", ["w:val": "compressPunctuation"])
            // Word recomputes the fields (the table of contents, page references) when the file is opened.
            x.element("w:updateFields", ["w:val": "true"])
            if footnotes {
                x.element("w:footnotePr") {
                    x.element("w:footnote", ["w:id": "-1"]); x.element("w:footnote", ["w:id": "0"])
                }
            }
            if endnotes {
                x.element("w:endnotePr") {
                    x.element("w:endnote", ["w:id": "-1"]); x.element("w:endnote", ["w:id": "0"])
                }
            }
            x.element("w:compat") {
                x.element("w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word",
                                              "w:val": "15"])
            }
        }
        return try x.finish(part: "word/settings.xml")
    }

    static func fontTable() throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("w:fonts", ["xmlns:w": w]) {
            for (name, alt, family) in [(serif, serifAlternative, "roman"), (sans, sansAlternative, "swiss"),
                                        (serifAlternative, "SimSun", "auto"), (sansAlternative, "SimHei", "modern")] {
                x.element("w:font", ["w:name": name]) {
                    x.element("w:altName", ["w:val": alt])
                    x.element("w:charset", ["w:val": "86"])
                    x.element("w:family", ["w:val": family])
                    x.element("w:pitch", ["w:val": "variable"])
                }
            }
        }
        return try x.finish(part: "word/fontTable.xml")
    }

    // MARK: Styles

    private static func fonts(_ x: OfficeXMLWriter, _ name: String) {
        x.element("w:rFonts", ["w:ascii": name, "w:hAnsi": name, "w:eastAsia": name, "w:cs": name])
    }

    /// One paragraph style; `pPr` and `rPr` write the properties (in schema order).
    private static func paragraphStyle(_ x: OfficeXMLWriter, id: String, name: String, basedOn: String? = "Normal",
                                       next: String? = nil, quick: Bool = true, isDefault: Bool = false,
                                       pPr: () -> Void = {}, rPr: () -> Void = {}) {
        x.start("w:style", ["w:type": "paragraph"])
        if isDefault { x.attribute("w:default", "1") }
        x.attribute("w:styleId", id)
        x.element("w:name", ["w:val": name])
        if let basedOn { x.element("w:basedOn", ["w:val": basedOn]) }
        if let next { x.element("w:next", ["w:val": next]) }
        if quick { x.element("w:qFormat") }
        x.element("w:pPr") { pPr() }
        x.element("w:rPr") { rPr() }
        x.end()
    }

    private static func spacing(_ x: OfficeXMLWriter, before: Int = 0, after: Int, line: Int? = nil) {
        x.start("w:spacing", ["w:before": String(before), "w:after": String(after)])
        if let line { x.attribute("w:line", String(line)); x.attribute("w:lineRule", "auto") }
        x.end()
    }

    private static func size(_ x: OfficeXMLWriter, halfPoints: Int) {
        x.element("w:sz", ["w:val": String(halfPoints)])
        x.element("w:szCs", ["w:val": String(halfPoints)])
    }

    private static func bold(_ x: OfficeXMLWriter) { x.element("w:b"); x.element("w:bCs") }

    static let muted = "5A5A5A"

    static func styles(language: String) throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        let textWidth = String(DOCXDocument.textWidthTwips)
        x.element("w:styles", ["xmlns:w": w]) {
            x.element("w:docDefaults") {
                x.element("w:rPrDefault") {
                    x.element("w:rPr") {
                        fonts(x, serif)
                        size(x, halfPoints: 24)
                        x.element("w:lang", ["w:val": language.hasPrefix("zh") ? "en-US" : language, "w:eastAsia": "zh-CN",
                                             "w:bidi": "ar-SA"])
                    }
                }
                x.element("w:pPrDefault") { x.element("w:pPr") { spacing(x, after: 120, line: 312) } }
            }
            // Normal: serif body, 12 pt (小四), justified as Chinese documents are.
            paragraphStyle(x, id: "Normal", name: "Normal", basedOn: nil, isDefault: true,
                           pPr: { x.element("w:widowControl"); x.element("w:jc", ["w:val": "both"]) },
                           rPr: { fonts(x, serif); size(x, halfPoints: 24) })
            for (level, halfPoints, before, after) in [(1, 32, 480, 240), (2, 28, 360, 180), (3, 24, 240, 120)] {
                paragraphStyle(x, id: "Heading\(level)", name: "heading \(level)", next: "Normal",
                               pPr: {
                                   x.element("w:keepNext"); x.element("w:keepLines")
                                   spacing(x, before: before, after: after)
                                   x.element("w:jc", ["w:val": "left"])
                                   x.element("w:outlineLvl", ["w:val": String(level - 1)])
                               },
                               rPr: { fonts(x, sans); bold(x); size(x, halfPoints: halfPoints) })
            }
            paragraphStyle(x, id: "Title", name: "Title", next: "Normal",
                           pPr: { spacing(x, before: 1200, after: 360); x.element("w:jc", ["w:val": "left"]) },
                           rPr: { fonts(x, sans); bold(x); size(x, halfPoints: 44) })
            paragraphStyle(x, id: "Subtitle", name: "Subtitle", next: "Normal",
                           pPr: { spacing(x, after: 120); x.element("w:jc", ["w:val": "left"]) },
                           rPr: { size(x, halfPoints: 24) })
            paragraphStyle(x, id: "Caption", name: "caption", next: "Normal",
                           pPr: { spacing(x, before: 60, after: 200) },
                           rPr: { x.element("w:color", ["w:val": muted]); size(x, halfPoints: 20) })
            paragraphStyle(x, id: "Note", name: "Note", next: "Normal",
                           pPr: { spacing(x, after: 80, line: 276); x.element("w:jc", ["w:val": "left"]) },
                           rPr: { x.element("w:color", ["w:val": muted]); size(x, halfPoints: 18) })
            paragraphStyle(x, id: "TOCHeading", name: "TOC Heading", next: "Normal",
                           pPr: { x.element("w:keepNext"); spacing(x, before: 480, after: 240) },
                           rPr: { fonts(x, sans); bold(x); size(x, halfPoints: 28) })
            for level in 1...3 {
                paragraphStyle(x, id: "TOC\(level)", name: "toc \(level)", next: "Normal", quick: false,
                               pPr: {
                                   x.element("w:tabs") {
                                       x.element("w:tab", ["w:val": "right", "w:leader": "dot", "w:pos": textWidth])
                                   }
                                   spacing(x, after: 60)
                                   x.element("w:ind", ["w:left": String((level - 1) * 420)])
                                   x.element("w:jc", ["w:val": "left"])
                               },
                               rPr: { if level == 1 { bold(x) } })
            }
            paragraphStyle(x, id: "TableText", name: "Table Text", quick: false,
                           pPr: { spacing(x, after: 0, line: 240); x.element("w:jc", ["w:val": "left"]) },
                           rPr: { size(x, halfPoints: 20) })
            paragraphStyle(x, id: "Footer", name: "footer", quick: false,
                           pPr: { spacing(x, after: 0); x.element("w:jc", ["w:val": "center"]) },
                           rPr: { x.element("w:color", ["w:val": muted]); size(x, halfPoints: 18) })
            for kind in ["footnote", "endnote"] {
                let id = kind.prefix(1).uppercased() + kind.dropFirst()
                paragraphStyle(x, id: "\(id)Text", name: "\(kind) text", quick: false,
                               pPr: { spacing(x, after: 0, line: 240) }, rPr: { size(x, halfPoints: 18) })
                x.element("w:style", ["w:type": "character", "w:styleId": "\(id)Reference"]) {
                    x.element("w:name", ["w:val": "\(kind) reference"])
                    x.element("w:basedOn", ["w:val": "DefaultParagraphFont"])
                    x.element("w:rPr") { x.element("w:vertAlign", ["w:val": "superscript"]) }
                }
            }
            x.element("w:style", ["w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont"]) {
                x.element("w:name", ["w:val": "Default Paragraph Font"])
                x.element("w:uiPriority", ["w:val": "1"])
                x.element("w:semiHidden"); x.element("w:unhideWhenUsed")
            }
            x.element("w:style", ["w:type": "character", "w:styleId": "Hyperlink"]) {
                x.element("w:name", ["w:val": "Hyperlink"])
                x.element("w:basedOn", ["w:val": "DefaultParagraphFont"])
            }
            x.element("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"]) {
                x.element("w:name", ["w:val": "Normal Table"])
                x.element("w:semiHidden"); x.element("w:unhideWhenUsed")
                x.element("w:tblPr") { cellMargins(x) }
            }
            x.element("w:style", ["w:type": "table", "w:styleId": "TableGrid"]) {
                x.element("w:name", ["w:val": "Table Grid"])
                x.element("w:basedOn", ["w:val": "TableNormal"])
                x.element("w:pPr") { spacing(x, after: 0, line: 240) }
                x.element("w:tblPr") {
                    x.element("w:tblBorders") {
                        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                            x.element("w:\(side)", ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "808080"])
                        }
                    }
                    cellMargins(x)
                }
            }
        }
        return try x.finish(part: "word/styles.xml")
    }

    private static func cellMargins(_ x: OfficeXMLWriter) {
        x.element("w:tblCellMar") {
            x.element("w:top", ["w:w": "40", "w:type": "dxa"])
            x.element("w:left", ["w:w": "100", "w:type": "dxa"])
            x.element("w:bottom", ["w:w": "40", "w:type": "dxa"])
            x.element("w:right", ["w:w": "100", "w:type": "dxa"])
        }
    }

    // MARK: Footers

    static func footer(_ f: DOCXFooter) throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("w:ftr", ["xmlns:w": w, "xmlns:r": r]) {
            x.element("w:p") {
                x.element("w:pPr") { x.element("w:pStyle", ["w:val": "Footer"]) }
                for part in f.parts {
                    switch part {
                    case .text(let s): DOCXBody.textRun(x, s, bold: false)
                    case .pageNumber: DOCXBody.field(x, "PAGE", result: "1")
                    case .pageCount: DOCXBody.field(x, "NUMPAGES", result: "1")
                    }
                }
            }
        }
        return try x.finish(part: "word/footer1.xml")
    }

    /// The footer of the first page when it has none.
    static func emptyFooter() throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.element("w:ftr", ["xmlns:w": w, "xmlns:r": r]) {
            x.element("w:p") { x.element("w:pPr") { x.element("w:pStyle", ["w:val": "Footer"]) } }
        }
        return try x.finish(part: "word/footer2.xml")
    }
}
