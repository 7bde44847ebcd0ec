import CLibXML2

/// One XML part written by libxml2's `xmlTextWriter` into memory: libxml2 escapes text and attribute values.
///
/// Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF)
/// are dropped before they reach libxml2, so every part is well-formed whatever text a report held.
/// Not Sendable: one writer per part, inside one call.
///
/// ```swift
/// let x = try OfficeXMLWriter()
/// x.element("w:t", ["xml:space": "preserve"], text: "A & B")   // <w:t xml:space="preserve">A &amp; B</w:t>
/// let bytes = try x.finish(part: "word/document.xml")
/// ```
final class OfficeXMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false

    init() throws {
        guard let b = xmlBufferCreate() else { throw DOCXError("libxml2 could not allocate an XML buffer") }
        guard let w = xmlNewTextWriterMemory(b, 0) else {
            xmlBufferFree(b)
            throw DOCXError("libxml2 could not start an XML writer")
        }
        buffer = b
        writer = w
        check(xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes"))
        check(xmlTextWriterWriteRaw(w, "\n"))
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ rc: Int32) { if rc < 0 { failed = true } }

    /// Opens `name` with `attributes` (in the order given).
    func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        check(xmlTextWriterStartElement(writer, name))
        for (k, v) in attributes { attribute(k, v) }
    }

    /// Adds an attribute to the element just opened.
    func attribute(_ name: String, _ value: String) {
        check(xmlTextWriterWriteAttribute(writer, name, Self.clean(value)))
    }

    /// Closes the innermost open element.
    func end() { check(xmlTextWriterEndElement(writer)) }

    /// An element with `attributes`, `text` (escaped) and what `body` writes inside it.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil,
                 _ body: () -> Void = {}) {
        start(name, attributes)
        if let text { self.text(text) }
        body()
        end()
    }

    /// Escaped character data.
    func text(_ s: String) { check(xmlTextWriterWriteString(writer, Self.clean(s))) }

    /// The part's bytes.
    /// - Throws: ``DOCXError`` naming `part` when libxml2 reported an error on the way.
    func finish(part: String) throws -> [UInt8] {
        check(xmlTextWriterEndDocument(writer))
        check(xmlTextWriterFlush(writer))
        guard !failed, let content = xmlBufferContent(buffer) else {
            throw DOCXError("\(part): libxml2 could not write the XML part")
        }
        let n = Int(xmlBufferLength(buffer))
        return content.withMemoryRebound(to: UInt8.self, capacity: n) { Array(UnsafeBufferPointer(start: $0, count: n)) }
    }

    /// `s` without the characters XML 1.0 does not allow.
    static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !allowed($0) }) else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s.unicodeScalars.filter(allowed))
        return String(out)
    }

    private static func allowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD: true
        case 0..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
