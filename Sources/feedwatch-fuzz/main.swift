import Foundation
import FuzzTargets
import Parse

// feedwatch-fuzz TARGET [libFuzzer options and corpus folders…]
//
// Built by `make fuzz` with `-sanitize=fuzzer,address -D FUZZING`, this hands
// the chosen target to libFuzzer's driver (LLVMFuzzerRunDriver, which the
// fuzzer runtime provides when the program has its own main). Built normally,
// it replays the files it is given through the target, one by one: how a
// finding is reproduced without the fuzzing toolchain.

FeedParser.initializeLibrary()
var arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: feedwatch-fuzz TARGET [options] [corpus…]; targets: \(names)\n".utf8))
    exit(64)
}
arguments.remove(at: 1)

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// One C callback per target: a C function pointer cannot capture which target was chosen.
func callback(for target: FuzzTarget) -> @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 {
    switch target {
    case .parse: { data, size in FuzzTarget.parse.run(UnsafeRawBufferPointer(start: data, count: size)); return 0 }
    case .httpHead: { data, size in FuzzTarget.httpHead.run(UnsafeRawBufferPointer(start: data, count: size)); return 0 }
    case .webhookAnswer: { data, size in FuzzTarget.webhookAnswer.run(UnsafeRawBufferPointer(start: data, count: size)); return 0 }
    case .config: { data, size in FuzzTarget.config.run(UnsafeRawBufferPointer(start: data, count: size)); return 0 }
    case .extract: { data, size in FuzzTarget.extract.run(UnsafeRawBufferPointer(start: data, count: size)); return 0 }
    case .webSubCallback: { data, size in FuzzTarget.webSubCallback.run(UnsafeRawBufferPointer(start: data, count: size)); return 0 }
    }
}

// libFuzzer keeps pointers into argv for the whole run: the copies are never freed.
var argc = Int32(arguments.count)
let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 1)
for (index, argument) in arguments.enumerated() { argv[index] = strdup(argument) }
argv[arguments.count] = nil
var argvPointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
exit(runDriver(&argc, &argvPointer, callback(for: target)))
#else
var files: [String] = []
for path in arguments.dropFirst() where !path.hasPrefix("-") {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
    if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        files += names.sorted().map { (path as NSString).appendingPathComponent($0) }
    } else {
        files.append(path)
    }
}
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else { continue }
    target.run(Array(data))
}
print("\(target.rawValue): \(files.count) inputs replayed, none trapped")
#endif
