/// Folds the ways articles spell one name into one key: case, µ/μ, dashes, curly quotes.
///
/// Used on both sides — the ontology's labels and the text's tokens — so "μ‑Opioid Receptor",
/// "mu-opioid receptor" and "MU OPIOID RECEPTOR" meet. Plurals and possessives are the
/// matcher's business, since they depend on token boundaries.
public enum LabelNormalizer {
    /// The normalized form of a whole label: lowercased, `μ`/`µ` spelled `mu`, hyphens and
    /// dashes and runs of white space turned into one space, curly quotes made straight.
    public static func normalize(_ label: String) -> String {
        var out = ""
        out.reserveCapacity(label.utf8.count)
        var pendingSpace = false
        for scalar in label.unicodeScalars {
            switch scalar.value {
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x202F:
                pendingSpace = !out.isEmpty
                continue
            default:
                break
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(contentsOf: fold(scalar))
        }
        return out
    }

    /// One scalar folded to its matching form (lowercase, `mu` for the micro and mu signs,
    /// straight quotes).
    public static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x3BC, 0xB5, 0x39C: return "mu"
        case 0x2018, 0x2019, 0x201B, 0x2032: return "'"
        case 0x201C, 0x201D, 0x201F, 0x2033: return "\""
        default:
            if scalar.isASCII {
                let v = scalar.value
                if v >= 0x41 && v <= 0x5A { return String(Unicode.Scalar(v + 32)!) }
                return String(scalar)
            }
            return String(scalar).lowercased()
        }
    }
}
