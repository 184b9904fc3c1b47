/// Scores a tagger (and the lemmatizer) against gold sentences.
public enum TaggerEvaluation {
    /// Counts of right answers out of all.
    public struct Score: Sendable, Equatable {
        public var correct = 0
        public var total = 0
        /// `correct / total`, 0 when there was nothing to score.
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    }

    /// The share of words `tagger` tags as the gold sentences do.
    public static func accuracy(of tagger: PartOfSpeechTagger, on sentences: [TreebankSentence]) -> Score {
        var score = Score()
        for s in sentences {
            for (guess, gold) in zip(tagger.tag(s.words), s.tags) {
                score.total += 1
                if guess == gold { score.correct += 1 }
            }
        }
        return score
    }

    /// The share of words `tagger` gives the treebank's Penn tag (sentences without are skipped).
    public static func accuracy(of tagger: PennTagger, on sentences: [TreebankSentence]) -> Score {
        var score = Score()
        for s in sentences where !s.xpos.contains("_") {
            for (guess, gold) in zip(tagger.tag(s.words), s.xpos) {
                score.total += 1
                if guess == gold { score.correct += 1 }
            }
        }
        return score
    }

    /// The same, on each sentence cut as mitragraph's tokenizer cuts text (see
    /// `TreebankSentence.extractorStyle`); sentences it leaves alone count as they are.
    public static func extractorStyleAccuracy(of tagger: PartOfSpeechTagger, on sentences: [TreebankSentence]) -> Score {
        accuracy(of: tagger, on: sentences.map { $0.extractorStyle() ?? $0 })
    }

    /// The same, on each sentence lowercased (forum text often is).
    public static func lowercasedAccuracy(of tagger: PartOfSpeechTagger, on sentences: [TreebankSentence]) -> Score {
        accuracy(of: tagger, on: sentences.map { s in
            var lower = s
            lower.words = s.words.map { $0.lowercased() }
            return lower
        })
    }

    /// The share of nouns, verbs, adjectives and adverbs (gold tags) whose lemma, lowercased,
    /// is the treebank's.
    public static func lemmaAccuracy(on sentences: [TreebankSentence]) -> Score {
        var score = Score()
        let open: Set<UniversalTag> = [.noun, .verb, .adjective, .adverb, .auxiliary]
        for s in sentences {
            for i in s.words.indices where open.contains(s.tags[i]) {
                score.total += 1
                if Lemmatizer.lemma(of: s.words[i], tag: s.tags[i]) == s.lemmas[i].lowercased() { score.correct += 1 }
            }
        }
        return score
    }
}
