import Foundation

/// Byte comparisons for the nodes an import streams: `Sequence.elementsEqual` and
/// `starts(with:)` walk an iterator a byte at a time, and a bulk load compares every node
/// of every statement with the previous one's, so a `memcmp` is worth a fifth of the parse.
extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are exactly `other`.
    func equals(_ other: [UInt8]) -> Bool {
        count == other.count && (count == 0 || other.withUnsafeBufferPointer { memcmp(baseAddress!, $0.baseAddress!, count) == 0 })
    }

    /// Whether these bytes begin with `prefix`.
    func hasPrefix(_ prefix: [UInt8]) -> Bool {
        count >= prefix.count
            && (prefix.isEmpty || prefix.withUnsafeBufferPointer { memcmp(baseAddress!, $0.baseAddress!, prefix.count) == 0 })
    }
}
