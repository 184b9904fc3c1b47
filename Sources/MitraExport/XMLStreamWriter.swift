import CLibXML2
import Foundation

/// A streaming XML writer over libxml2's `xmlTextWriter`, which escapes every attribute
/// value it is given.
///
/// Owns the writer (freed in `deinit`); every libxml2 failure becomes an `ExportError` naming
/// the file. Markup built elsewhere (`MarkupBuffer`, which escapes its own text) goes out
/// through `raw`, so a hot loop makes one call per 64 KB rather than several per value.
final class XMLStreamWriter {
    let path: String
    private var writer: xmlTextWriterPtr?

    /// A writer into `file`, which the caller opened and closes after `finish()`.
    init(file: UnsafeMutablePointer<FILE>, path: String) throws {
        self.path = path
        // Failures come back as ExportErrors naming the file; libxml2 need not print them too.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        guard let buffer = xmlOutputBufferCreateFile(file, nil) else {
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be written by libxml2")
        }
        guard let writer = xmlNewTextWriter(buffer) else {
            xmlOutputBufferClose(buffer)
            throw ExportError(kind: .cannotWrite, path: path, message: "cannot be written by libxml2")
        }
        self.writer = writer
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "cannot start the document")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
    }

    func start(_ element: String) throws {
        try check(xmlTextWriterStartElement(writer, element), "cannot open <\(element)>")
    }

    func end() throws {
        try check(xmlTextWriterEndElement(writer), "cannot close an element")
    }

    func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, Self.xmlCharacters(value)), "cannot write the attribute \(name)")
    }

    /// `value` without the characters XML 1.0 does not allow (C0 controls other than tab,
    /// newline and carriage return; U+FFFE, U+FFFF), which libxml2 would write as they are
    /// and make the document ill-formed. Labels rarely hold any, so the common case copies nothing.
    static func xmlCharacters(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return value }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: value.unicodeScalars.filter(isXMLCharacter))
        return String(kept)
    }

    static func isXMLCharacter(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x20 ? c.value != 0xFFFE && c.value != 0xFFFF : c == "\t" || c == "\n" || c == "\r"
    }

    /// Markup written as is; only for constant, well-formed pieces.
    func raw(_ markup: StaticString) throws {
        try check(xmlTextWriterWriteRawLen(writer, markup.utf8Start, Int32(markup.utf8CodeUnitCount)), "cannot write markup")
    }

    /// Markup written as is from a byte buffer we formatted (digits, ids we checked).
    func raw(bytes: UnsafePointer<UInt8>, count: Int) throws {
        try check(xmlTextWriterWriteRawLen(writer, bytes, Int32(count)), "cannot write markup")
    }

    /// Ends open elements and the document, flushes and closes the file.
    func finish() throws {
        guard let writer else { return }
        try check(xmlTextWriterEndDocument(writer), "cannot finish the document")
        xmlFreeTextWriter(writer)
        self.writer = nil
    }

    private func check(_ result: Int32, _ what: String) throws {
        if result < 0 {
            let reason = xmlGetLastError().flatMap { $0.pointee.message }.map {
                String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines)
            } ?? "libxml2 reported an error"
            throw ExportError(kind: .cannotWrite, path: path, message: "\(what): \(reason)")
        }
    }
}
