import Foundation
import ZIPFoundation

/// Writes a ``DOCXDocument`` as a Word 2007+ file: the WordprocessingML parts written by libxml2
/// (``OfficeXMLWriter``) and packed into a ZIP archive by ZIPFoundation.
///
/// The parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` and `app.xml` (fixed dates),
/// `word/document.xml` with its relationships, `word/styles.xml` (serif Normal, 黑体 headings, Caption, Table Grid,
/// TOC 1–3), `word/settings.xml` (`updateFields`: Word fills the table of contents on opening), `word/fontTable.xml`
/// (the CJK fonts with their Windows names 宋体 and 黑体 as alternatives), footers with PAGE and NUMPAGES fields,
/// footnotes and endnotes when the document has any, and `word/media/imageN.png`.
///
/// The same document gives the same bytes: the parts are written in a fixed order, every ZIP entry carries the
/// same date (2019-01-01) and permissions, and no part holds a wall-clock time or a random id.
///
/// ```swift
/// try DOCXWriter.write(doc, to: "briefing.docx")     // atomically: temporary file, then rename
/// ```
public enum DOCXWriter {
    /// The modification date of every ZIP entry: 2019-01-01 00:00 UTC.
    public static let entryDate = Date(timeIntervalSince1970: 1_546_300_800)

    /// Writes `document` to `path` atomically (``AtomicFile``).
    /// - Throws: ``DOCXError`` when a part cannot be made, ``FileWritingError`` naming the file when it cannot be written.
    public static func write(_ document: DOCXDocument, to path: String, createFolders: Bool = false) throws {
        let bytes = try self.bytes(document)
        try AtomicFile.write(bytes, to: path, createFolders: createFolders)
    }

    /// The bytes of the `.docx` file of `document`.
    public static func bytes(_ document: DOCXDocument) throws -> [UInt8] {
        var body = try DOCXBody(document)
        let documentXML = try body.documentXML()
        var parts: [(path: String, bytes: [UInt8], compress: Bool)] = []
        let hasFooter = document.footer != nil
        parts.append(("[Content_Types].xml", try DOCXParts.contentTypes(images: !body.media.isEmpty, footer: hasFooter,
                                                                         footnotes: !body.footnotes.isEmpty,
                                                                         endnotes: !body.endnotes.isEmpty), true))
        parts.append(("_rels/.rels", try DOCXParts.packageRelationships(), true))
        parts.append(("docProps/core.xml", try DOCXParts.core(document.properties), true))
        parts.append(("docProps/app.xml", try DOCXParts.app(), true))
        parts.append(("word/document.xml", documentXML, true))
        parts.append(("word/_rels/document.xml.rels", try body.relationships(), true))
        parts.append(("word/styles.xml", try DOCXParts.styles(language: document.language), true))
        parts.append(("word/settings.xml", try DOCXParts.settings(footnotes: !body.footnotes.isEmpty,
                                                                   endnotes: !body.endnotes.isEmpty), true))
        parts.append(("word/fontTable.xml", try DOCXParts.fontTable(), true))
        if let footer = document.footer {
            parts.append(("word/footer1.xml", try DOCXParts.footer(footer), true))
            parts.append(("word/footer2.xml", try DOCXParts.emptyFooter(), true))
        }
        if !body.footnotes.isEmpty { parts.append(("word/footnotes.xml", try body.notesXML(.footnote), true)) }
        if !body.endnotes.isEmpty { parts.append(("word/endnotes.xml", try body.notesXML(.endnote), true)) }
        for (i, png) in body.media.enumerated() {
            parts.append(("word/media/image\(i + 1).png", png, false))   // PNG is compressed already
        }
        return try zip(parts)
    }

    private static func zip(_ parts: [(path: String, bytes: [UInt8], compress: Bool)]) throws -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: entryDate, permissions: 0o644,
                                     compressionMethod: part.compress ? .deflate : .none,
                                     provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            }
            guard let data = archive.data else { throw DOCXError("the ZIP archive was not kept in memory") }
            return [UInt8](data)
        } catch let e as DOCXError {
            throw e
        } catch {
            throw DOCXError("packing the DOCX archive: \(error)")
        }
    }
}
