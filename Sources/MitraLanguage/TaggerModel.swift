import Foundation

/// A trained tagger as stored on disk: the tag set, the tag dictionary and each kept feature's
/// non-zero weights, in a compact little-endian binary format (weights quantised to 16 bits).
///
/// Layout: `MITRAPOS`, version (u32), the feature set's version (u32), the tag names (u32 length, space-separated UTF-8), the
/// weight scale (f32), the dictionary (u32 count, then u64 key and u8 tag each), the features
/// (u32 count, then u64 key, u8 n and n times u8 tag and i16 weight each). Entries are sorted
/// by key so that training the same data twice writes the same bytes.
struct TaggerModel: Equatable, Sendable {
    var tagNames: [String]
    var dictionary: [(key: UInt64, tag: UInt8)]
    var features: [(key: UInt64, weights: [(tag: UInt8, weight: Float)])]

    static let magic = Array("MITRAPOS".utf8)
    static let version: UInt32 = 1
    /// Changes whenever `FeatureTemplates` or `WordKeys` hash differently, so that a model
    /// trained on other features is refused rather than read as noise.
    static let featureSetVersion: UInt32 = 4

    static func == (a: TaggerModel, b: TaggerModel) -> Bool {
        a.tagNames == b.tagNames && a.dictionary.elementsEqual(b.dictionary, by: { $0 == $1 })
            && a.features.elementsEqual(b.features) { x, y in
                x.key == y.key && x.weights.elementsEqual(y.weights, by: { $0 == $1 })
            }
    }

    /// The weights in the form the tagger scores with.
    func weights() -> PerceptronWeights {
        var dictionaryIndex = KeyIndex(capacity: dictionary.count)
        for entry in dictionary { dictionaryIndex.insert(entry.key, value: Int32(entry.tag)) }
        return PerceptronWeights(features: features, classCount: tagNames.count, dictionary: dictionaryIndex)
    }

    /// The step of the 16-bit weights: the largest weight maps to 32767.
    var scale: Float { PerceptronWeights.scale(features) }

    func encoded() -> [UInt8] {
        var out = Self.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(Self.version)
        u32(Self.featureSetVersion)
        let names = Array(tagNames.joined(separator: " ").utf8)
        u32(UInt32(names.count))
        out.append(contentsOf: names)
        let scale = self.scale
        u32(scale.bitPattern)
        u32(UInt32(dictionary.count))
        for entry in dictionary {
            u64(entry.key)
            out.append(entry.tag)
        }
        u32(UInt32(features.count))
        for feature in features {
            u64(feature.key)
            out.append(UInt8(feature.weights.count))
            for w in feature.weights {
                out.append(w.tag)
                let q = Int16(clamping: Int((w.weight / scale).rounded()))
                withUnsafeBytes(of: q.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    init(tagNames: [String], dictionary: [(key: UInt64, tag: UInt8)], features: [(key: UInt64, weights: [(tag: UInt8, weight: Float)])]) {
        self.tagNames = tagNames
        self.dictionary = dictionary
        self.features = features
    }

    /// Reads the model file at `path`.
    init(contentsOf path: String) throws(LanguageError) {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw .io(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        try self.init(decoding: bytes, path: path)
    }

    /// Reads a model from its bytes; `path` only names the file in errors.
    init(decoding bytes: [UInt8], path: String) throws(LanguageError) {
        var reader = ByteReader(bytes: bytes, path: path)
        guard Array(try reader.bytes(Self.magic.count)) == Self.magic else {
            throw .malformedModel(path: path, reason: "it does not start with MITRAPOS")
        }
        let version = try reader.u32()
        guard version == Self.version else {
            throw .malformedModel(path: path, reason: "version \(version); this build reads \(Self.version)")
        }
        let featureSet = try reader.u32()
        guard featureSet == Self.featureSetVersion else {
            throw .malformedModel(path: path, reason: "trained on feature set \(featureSet); this build uses \(Self.featureSetVersion) (run make tagger-model)")
        }
        let nameLength = Int(try reader.u32())
        tagNames = String(decoding: try reader.bytes(nameLength), as: UTF8.self).split(separator: " ").map(String.init)
        guard !tagNames.isEmpty, tagNames.count < 256 else { throw .malformedModel(path: path, reason: "bad tag set") }
        let scale = Float(bitPattern: try reader.u32())
        let dictionaryCount = Int(try reader.u32())
        dictionary = []
        dictionary.reserveCapacity(min(dictionaryCount, bytes.count / 9))
        for _ in 0..<dictionaryCount {
            let key = try reader.u64()
            let tag = try reader.tag(below: tagNames.count)
            dictionary.append((key, tag))
        }
        let featureCount = Int(try reader.u32())
        features = []
        features.reserveCapacity(min(featureCount, bytes.count / 9))
        for _ in 0..<featureCount {
            let key = try reader.u64()
            let n = Int(try reader.byte())
            var weights: [(tag: UInt8, weight: Float)] = []
            weights.reserveCapacity(n)
            for _ in 0..<n {
                let tag = try reader.tag(below: tagNames.count)
                let low = UInt16(try reader.byte())
                let q = Int16(bitPattern: low | UInt16(try reader.byte()) << 8)
                weights.append((tag, Float(q) * scale))
            }
            features.append((key, weights))
        }
        guard reader.atEnd else { throw .malformedModel(path: path, reason: "bytes after the last feature") }
    }
}

/// Reads little-endian integers from a byte array, throwing when it runs out.
private struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func bytes(_ n: Int) throws(LanguageError) -> ArraySlice<UInt8> {
        guard n >= 0, offset + n <= bytes.count else {
            throw .malformedModel(path: path, reason: "truncated at byte \(offset)")
        }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    mutating func byte() throws(LanguageError) -> UInt8 { try bytes(1).first ?? 0 }

    mutating func u32() throws(LanguageError) -> UInt32 {
        try bytes(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func u64() throws(LanguageError) -> UInt64 {
        try bytes(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func tag(below count: Int) throws(LanguageError) -> UInt8 {
        let tag = try byte()
        guard Int(tag) < count else { throw .malformedModel(path: path, reason: "tag \(tag) at byte \(offset - 1)") }
        return tag
    }
}
