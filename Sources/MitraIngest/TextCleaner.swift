/// Normalizes line endings and strips the byte-order mark so offsets are the same on any OS.
public enum TextCleaner {
    public static func clean(_ text: String) -> String {
        var out = text
        // Most texts have no carriage return: a byte search says so without the view's iterator.
        let hasReturn = out.utf8.withContiguousStorageIfAvailable { $0.contains(0x0D) } ?? out.utf8.contains(0x0D)
        if hasReturn {
            out = out.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return out
    }
}
