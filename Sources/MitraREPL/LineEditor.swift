import CEdit
import Foundation

/// Reads lines with libedit: emacs-style editing, history (kept in a file between sessions)
/// and Tab completion through a `Completer`.
///
/// Owns its `EditLine` and `History` and frees them in `deinit`; libedit calls back into it
/// (prompt, Tab) through the client-data pointer, which stays valid because the editor
/// outlives every call it makes into libedit.
final class LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var promptBuffer: UnsafeMutablePointer<CChar>
    /// Built on the first Tab, so start-up does not read every label.
    var completer: () -> Completer
    private var cachedCompleter: Completer?

    init(program: String, historyPath: String?, completer: @escaping () -> Completer) throws {
        guard let el = mitra_el_init(program) else {
            throw REPLError(message: "cannot start line editing (el_init failed)")
        }
        guard let h = history_init() else {
            el_end(el)
            throw REPLError(message: "cannot start the history (history_init failed)")
        }
        editLine = el
        history = h
        self.historyPath = historyPath
        self.completer = completer
        promptBuffer = strdup("")
        mitra_history_set_size(h, 1000)
        mitra_history_set_unique(h, 1)
        if let historyPath { mitra_history_load(h, historyPath) }
        mitra_el_set_editor(el, "emacs")
        mitra_el_set_history(el, h)
        mitra_el_set_client_data(el, Unmanaged.passUnretained(self).toOpaque())
        mitra_el_set_prompt(el) { el in
            guard let el, let data = mitra_el_client_data(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }
        mitra_el_add_function(el, "mitragraph-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let data = mitra_el_client_data(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeWord()
        }
        mitra_el_bind(el, "^I", "mitragraph-complete")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptBuffer)
    }

    /// The lines of the unfinished statement typed before this one, which completion reads.
    var pending = ""

    /// The next line without its newline, `.interrupt` on Ctrl-C, or `.end` at end of input
    /// (Ctrl-D).
    func readLine(prompt: String) -> REPL.Input {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        var count: Int32 = 0
        guard let line = el_gets(editLine, &count), count > 0 else {
            if count < 0 && errno == EINTR {
                // Forget the half-typed line, so the next prompt starts clean.
                mitra_el_reset(editLine)
                return .interrupt
            }
            return .end
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Adds an entry to the history and writes the history file, so a crash loses nothing.
    func remember(_ entry: String) {
        guard !entry.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        mitra_history_enter(history, entry)
        if let historyPath { mitra_history_save(history, historyPath) }
    }

    private func completeWord() -> UInt8 {
        guard let info = el_line(editLine) else { return UInt8(CC_ERROR) }
        let length = info.pointee.cursor - info.pointee.buffer
        let bytes = UnsafeRawBufferPointer(start: info.pointee.buffer, count: length)
        let before = String(decoding: bytes, as: UTF8.self)
        let completing = cachedCompleter ?? completer()
        cachedCompleter = completing
        switch completing.complete(before, pending: pending) {
        case .none:
            return UInt8(CC_ERROR)
        case .replace(let delete, let insert):
            if delete > 0 { el_deletestr(editLine, Int32(delete)) }
            return el_insertstr(editLine, insert) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        case .list(let candidates):
            let shown = candidates.prefix(60).joined(separator: "  ") + (candidates.count > 60 ? "  …" : "")
            mitra_print("\n" + shown + "\n")
            return UInt8(CC_REDISPLAY)
        }
    }
}
