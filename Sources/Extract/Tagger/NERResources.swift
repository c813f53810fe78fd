import Foundation

/// The trained model and gazetteer shipped with feedwatch (Resources/, built by
/// `feedwatch-train`). Found beside the executable's resource bundle, in
/// $FEEDWATCH_MODEL_DIR, or under share/feedwatch of the install prefix; when
/// none is found the extractor still matches watched names, without the tagger.
public enum NERResources {
    public static let modelFile = "ner-model.bin"
    public static let gazetteerFile = "gazetteer.bin"

    /// Loaded once per process.
    public static let defaultTagger: any EntityTagger = load() ?? NoTagger()

    public static var isLoaded: Bool { defaultTagger is StatisticalTagger }

    public static func load(from directory: String? = nil) -> StatisticalTagger? {
        for candidate in directory.map({ [$0] }) ?? searchPath() {
            guard let model = FileManager.default.contents(atPath: candidate + "/" + modelFile).flatMap({ NERModel(serialized: Array($0)) }),
                  let gazetteer = FileManager.default.contents(atPath: candidate + "/" + gazetteerFile).flatMap({ Gazetteer(serialized: Array($0)) })
            else { continue }
            return StatisticalTagger(model: model, gazetteer: gazetteer)
        }
        return nil
    }

    static func searchPath() -> [String] {
        var paths: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["FEEDWATCH_MODEL_DIR"] { paths.append(explicit) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        paths.append(executable.appendingPathComponent("feedwatch_Extract.resources/Resources").path)
        paths.append(executable.deletingLastPathComponent().appendingPathComponent("share/feedwatch").path)
        // Tests and tools run from the build folder or the source tree.
        paths.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").path)
        return paths
    }
}
