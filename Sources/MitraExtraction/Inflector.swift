/// Expands a cue phrase to the inflections of its words ("lead to" → "leads to", "led to",
/// "leading to"), so the lexicon lists a cue once by its base form and the matcher, which
/// compares exact forms, still finds every form. English regular rules plus a table of the
/// irregular verbs cue phrases use; words already inflected and function words stay as written.
public enum Inflector {
    static let functionWords: Set<String> = [
        "to", "of", "for", "with", "in", "on", "at", "the", "a", "an", "and", "or", "not", "can", "may", "such",
        "as", "like", "by", "from", "no", "its", "it", "is", "are", "be", "has", "have", "into", "off", "up", "down",
        "about", "over", "than", "me", "my", "your", "you", "their", "them", "this", "that", "these", "those",
        "well", "part", "out", "against", "between", "after", "before", "via", "per", "also", "more", "most",
    ]

    static let irregular: [String: [String]] = [
        "lead": ["led"], "bind": ["bound"], "take": ["took", "taken"], "give": ["gave", "given"],
        "make": ["made"], "find": ["found"], "feel": ["felt"], "keep": ["kept"], "hold": ["held"],
        "fight": ["fought"], "bring": ["brought"], "leave": ["left"], "get": ["got", "gotten"],
        "do": ["did", "done"], "go": ["went", "gone"], "run": ["ran"], "begin": ["began", "begun"],
        "show": ["shown"], "grow": ["grew", "grown"], "rise": ["rose", "risen"], "become": ["became"],
        "come": ["came"], "put": [], "set": [], "cut": [], "hit": [], "say": ["said"], "sell": ["sold"],
        "think": ["thought"], "seek": ["sought"], "undergo": ["underwent", "undergone"],
    ]

    /// The phrase and its variants, each differing from it in one word's inflection.
    public static func variants(of phrase: String) -> [String] {
        let words = phrase.split(separator: " ").map(String.init)
        var out = [phrase]
        for (i, word) in words.enumerated() {
            for form in forms(of: word) where form != word {
                var copy = words
                copy[i] = form
                out.append(copy.joined(separator: " "))
            }
        }
        return out
    }

    /// A base word's inflections: -s, -ed, -ing (verbs) and the plural (nouns) share rules.
    public static func forms(of word: String) -> [String] {
        let w = word.lowercased()
        guard w.count >= 3 || irregular[w] != nil, !functionWords.contains(w), w.allSatisfy(\.isLetter) else { return [] }
        if w.hasSuffix("ed") || w.hasSuffix("ing") || (w.hasSuffix("s") && !w.hasSuffix("ss")) { return [] }
        let chars = Array(w)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let last = chars[chars.count - 1]
        let beforeLast = chars.count >= 2 ? chars[chars.count - 2] : " "
        var third: String
        if w.hasSuffix("sh") || w.hasSuffix("ch") || "sxz".contains(last) {
            third = w + "es"
        } else if last == "y" && !vowels.contains(beforeLast) {
            third = String(w.dropLast()) + "ies"
        } else {
            third = w + "s"
        }
        var past: String
        var gerund: String
        if last == "e" {
            past = w + "d"
            gerund = w.hasSuffix("ee") ? w + "ing" : String(w.dropLast()) + "ing"
        } else if last == "y" && !vowels.contains(beforeLast) {
            past = String(w.dropLast()) + "ied"
            gerund = w + "ing"
        } else if chars.count <= 4, chars.count >= 3, !vowels.contains(last), !"wxy".contains(last),
            vowels.contains(beforeLast), !vowels.contains(chars[chars.count - 3])
        {
            // "ban" → "banned", "stop" → "stopped"
            past = w + String(last) + "ed"
            gerund = w + String(last) + "ing"
        } else {
            past = w + "ed"
            gerund = w + "ing"
        }
        if let irregularForms = irregular[w] {
            return [third, gerund] + (irregularForms.isEmpty ? [w] : irregularForms)
        }
        if third == "dos" { third = "does" }
        return [third, past, gerund]
    }
}
