import Foundation

/// Writes to stdout or stderr unbuffered, so every line is out before the next input is read.
struct FileHandleStream {
    static let stdout = FileHandleStream(handle: .standardOutput)
    static let stderr = FileHandleStream(handle: .standardError)

    let handle: FileHandle

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
