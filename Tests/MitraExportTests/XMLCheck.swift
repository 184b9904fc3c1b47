import CLibXML2
import Foundation

/// Parses XML with libxml2 in strict mode, for tests: the root element's name and the text of
/// every element with a given name, or the parser's first error.
struct XMLCheck {
    var root: String
    var texts: [String: [String]] = [:]

    init(bytes: [UInt8], collecting names: Set<String>) throws {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        guard let doc = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "check.xml", nil, options)
            }
        }) else {
            let message = xmlGetLastError().flatMap { $0.pointee.message }.map { String(cString: $0) } ?? "?"
            throw XMLCheckError(message: message)
        }
        defer { xmlFreeDoc(doc) }
        let rootNode = xmlDocGetRootElement(doc)!
        root = String(cString: rootNode.pointee.name)
        var found: [String: [String]] = [:]
        func walk(_ node: xmlNodePtr?) {
            var current = node
            while let n = current {
                if n.pointee.type == XML_ELEMENT_NODE {
                    let name = String(cString: n.pointee.name)
                    if names.contains(name), let buffer = xmlBufferCreate() {
                        xmlNodeBufGetContent(buffer, n)
                        found[name, default: []].append(String(cString: xmlBufferContent(buffer)))
                        xmlBufferFree(buffer)
                    }
                    walk(n.pointee.children)
                }
                current = n.pointee.next
            }
        }
        walk(rootNode)
        texts = found
    }
}

struct XMLCheckError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
