/// Normalizes line endings and strips the byte-order mark so offsets are the same on any OS.
public enum TextCleaner {
    public static func clean(_ text: String) -> String {
        var out = text
        if out.utf8.contains(0x0D) {
            out = out.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return out
    }
}
