/// Turns a word and its part of speech into its dictionary form ("led" → "lead", "studies" →
/// "study", "worse" → "bad"): an exception list for irregular forms, then suffix rules that
/// undo English inflection (doubling, a dropped "e", "y" → "ies").
///
/// Lemmas are lowercase. Only nouns, verbs, auxiliaries, adjectives, pronouns and determiners
/// change; other words (and proper nouns) come back lowercased as they are.
public enum Lemmatizer {
    /// The lemma of `word` read as `tag`.
    public static func lemma<S: StringProtocol>(of word: S, tag: UniversalTag) -> String {
        let lower = Self.lowercase(word)
        switch tag {
        case .verb, .auxiliary: return verb(lower)
        case .noun: return noun(lower)
        case .adjective, .adverb: return comparative(lower, adverb: tag == .adverb)
        case .pronoun: return pronouns[lower] ?? lower
        case .determiner: return determiners[lower] ?? lower
        case .particle: return lower == "n't" || lower == "n\u{2019}t" ? "not" : lower
        default: return lower
        }
    }

    /// The lemma of each word read as its tag (the shorter of the two decides the length).
    public static func lemmas<S: StringProtocol>(of words: [S], tags: [UniversalTag]) -> [String] {
        zip(words, tags).map { lemma(of: $0, tag: $1) }
    }

    /// ASCII words lowercase without Foundation's full case mapping.
    static func lowercase<S: StringProtocol>(_ word: S) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // Most words have no capital: no new string to build.
            if !word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return String(word) }
            return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return word.lowercased().replacingApostrophes()
    }

    // MARK: verbs

    static func verb(_ w: String) -> String {
        if let irregular = irregularVerbs[w] { return irregular }
        if let contracted = contractedVerbs[w] { return contracted }
        if w.hasSuffix("n't") { return verb(String(w.dropLast(3))) }
        let b = Array(w.utf8)
        let n = b.count
        if n > 4 && w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if n > 4 && w.hasSuffix("ied") { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("ing"), hasVowel(b.dropLast(3), orY: true) { return restoreStem(String(w.dropLast(3))) }
        if w.hasSuffix("eed") { return w }  // need, exceed; agreed and freed are listed
        if w.hasSuffix("ed"), hasVowel(b.dropLast(2), orY: true) { return restoreStem(String(w.dropLast(2))) }
        if n > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") {
            if w.hasSuffix("sses") || w.hasSuffix("shes") || w.hasSuffix("ches") || w.hasSuffix("xes") || w.hasSuffix("zzes") {
                return String(w.dropLast(2))
            }
            if w.hasSuffix("oes") && n > 4 { return String(w.dropLast(2)) }
            return String(w.dropLast())
        }
        return w
    }

    /// The verb a stem left by "-ed" or "-ing" comes from: "stopp" → "stop", "caus" → "cause",
    /// "relat" → "relate", "help" → "help".
    static func restoreStem(_ stem: String) -> String {
        if let listed = stemExceptions[stem] { return listed }
        let b = Array(stem.utf8)
        let n = b.count
        guard n >= 2 else { return stem }
        let last = b[n - 1]
        let prev = b[n - 2]
        // "stopped", "occurred": the doubled consonant is the suffix's.
        if last == prev && !isVowel(last) && !"lsfz".utf8.contains(last) && n >= 3 { return String(stem.dropLast()) }
        if "vz".utf8.contains(last) || (last == 0x63 && prev != 0x6B) { return stem + "e" }  // v, z, c
        if last == 0x75 || (last == 0x73 && prev != 0x73) { return stem + "e" }  // continu-, caus-, collaps-
        if last == 0x67 && "dr".utf8.contains(prev) { return stem + "e" }  // judg-, emerg-
        if last == 0x74 && prev == 0x61, n >= 3, "iu".utf8.contains(b[n - 3]) { return stem + "e" }  // associat-, evaluat-
        if last == 0x67 && prev == 0x6E, n >= 3, "aeu".utf8.contains(b[n - 3]) { return stem + "e" }  // chang-, challeng-
        if last == 0x6C && !isVowel(prev) && !"lrwn".utf8.contains(prev) { return stem + "e" }  // handl-, settl-
        if last == 0x68 && prev == 0x74, n >= 3, isVowel(b[n - 3]) { return stem + "e" }  // breath-, sooth-
        guard isVowel(prev), !isVowel(last), !"wxy".utf8.contains(last) else { return stem }
        // Ends in one vowel and a consonant that did not double: usually a dropped "e".
        // "qu" and "gu" count as consonants: "requir-", "guid-".
        let singleVowel = n < 3 || !isVowel(b[n - 3]) || (b[n - 3] == 0x75 && n >= 4 && "qg".utf8.contains(b[n - 4]))
        guard singleVowel else { return stem }
        let vowels = b.reduce(into: (count: 0, inVowel: false)) { state, c in
            let v = isVowel(c)
            if v && !state.inVowel { state.count += 1 }
            state.inVowel = v
        }.count
        if vowels <= 1 { return stem + "e" }  // hop-, smok-, us-
        let ending = String(decoding: b[(n - 2)...], as: UTF8.self)
        return eEndings.contains(ending) ? stem + "e" : stem
    }

    /// Final syllables of longer verbs that lost an "e": "combin-", "prescrib-", "consum-",
    /// "relat-", "decid-", "includ-", "compar-", "requir-", "cur-", "devot-", "contribut-".
    private static let eEndings: Set<String> = [
        "in", "ib", "ub", "um", "am", "ok", "ak", "ik", "uk", "at", "ut", "ot", "id", "ud", "od", "ad", "ed", "ar",
        "ir", "ur", "il", "ol", "ul", "ag", "eg", "ig", "og", "ug",
    ]

    /// Whether `bytes` have a vowel; with `orY`, a "y" after the first letter counts ("try-").
    private static func hasVowel(_ bytes: ArraySlice<UInt8>, orY: Bool = false) -> Bool {
        bytes.contains(where: isVowel) || (orY && bytes.dropFirst().contains(0x79))
    }

    private static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 }

    // MARK: nouns

    static func noun(_ w: String) -> String {
        if let irregular = irregularNouns[w] { return irregular }
        let n = w.utf8.count
        guard n > 3, w.hasSuffix("s"), !invariantNouns.contains(w) else { return w }
        // "1970s", "enron.xls", "#'s": not words the rules can undo.
        if let first = w.utf8.first, first >= 0x30 && first <= 0x39 { return w }
        if w.utf8.contains(where: { $0 == 0x2E || $0 == 0x2F || $0 == 0x40 || $0 == 0x27 }) { return w }
        if w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") || w.hasSuffix("ous") { return w }
        if w.hasSuffix("ies") { return n > 4 ? String(w.dropLast(3)) + "y" : String(w.dropLast()) }
        if w.hasSuffix("sses") || w.hasSuffix("xes") || w.hasSuffix("zzes") || w.hasSuffix("shes") { return String(w.dropLast(2)) }
        if w.hasSuffix("ches") { return w.hasSuffix("aches") ? String(w.dropLast()) : String(w.dropLast(2)) }
        if w.hasSuffix("oes") { return n > 5 ? String(w.dropLast(2)) : String(w.dropLast()) }
        if w.hasSuffix("uses"), n > 5, let c = w.utf8.dropLast(4).last, !isVowel(c), !usesNouns.contains(w) {
            return String(w.dropLast(2))  // viruses, bonuses
        }
        return String(w.dropLast())
    }

    // MARK: adjectives and adverbs

    static func comparative(_ w: String, adverb: Bool) -> String {
        if let irregular = irregularComparatives[w] { return adverb && irregular == "good" ? "well" : irregular }
        if adverb { return comparativeAdverbs[w] ?? w }
        let n = w.utf8.count
        guard !plainAdjectives.contains(w) else { return w }
        for suffix in ["est", "er"] where n > suffix.count + 2 && w.hasSuffix(suffix) {
            let stem = String(w.dropLast(suffix.count))
            if stem.hasSuffix("i") { return String(stem.dropLast()) + "y" }  // happier
            let b = Array(stem.utf8)
            let m = b.count
            if b[m - 1] == b[m - 2] && !isVowel(b[m - 1]) && !"lsf".utf8.contains(b[m - 1]) { return String(stem.dropLast()) }
            if m >= 3, !isVowel(b[m - 1]), isVowel(b[m - 2]), !isVowel(b[m - 3]), !"wxy".utf8.contains(b[m - 1]) {
                return stem + "e"  // safer, larger
            }
            if "vcz".utf8.contains(b[m - 1]) || (b[m - 1] == 0x67 && b[m - 2] == 0x72)
                || (b[m - 1] == 0x6C && !isVowel(b[m - 2]) && !"lr".utf8.contains(b[m - 2]))
            {
                return stem + "e"  // braver, larger, gentler
            }
            return stem
        }
        return w
    }
}

extension String {
    /// Typographic apostrophes as the straight one, so "don’t" and "don't" are the same word.
    func replacingApostrophes() -> String {
        guard contains("\u{2019}") else { return self }
        return String(unicodeScalars.map { $0 == "\u{2019}" ? "'" : Character($0) })
    }
}
