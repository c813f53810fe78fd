/// The contract's feed JSON: every key present, `null` when absent. Written
/// straight to bytes (a feed can be megabytes); `json` reads those back for
/// callers that want a value.
extension Feed {
    public func writeJSON(to out: inout JSONWriter) {
        out.object { out in
            out.key("format"); out.string(format.rawValue)
            out.key("title"); out.string(title)
            out.key("link"); out.string(link)
            out.key("description"); out.string(description)
            out.key("language"); out.string(language)
            out.key("updated"); out.date(updated)
            out.key("published"); out.date(published)
            out.key("id"); out.string(id)
            out.key("image"); out.string(image)
            out.key("authors"); out.array(authors) { $1.writeJSON(to: &$0) }
            out.key("categories"); out.strings(categories)
            out.key("entries"); out.array(entries) { $1.writeJSON(to: &$0) }
            out.key("bozo"); out.bool(bozo)
        }
    }

    public var json: JSONValue { JSONValue.reading(writeJSON) }
}

extension Entry {
    public func writeJSON(to out: inout JSONWriter) {
        out.object { out in
            out.key("id"); out.string(id)
            out.key("title"); out.string(title)
            out.key("link"); out.string(link)
            out.key("published"); out.date(published)
            out.key("updated"); out.date(updated)
            out.key("summary"); out.string(summary)
            out.key("content"); out.string(content)
            out.key("authors"); out.array(authors) { $1.writeJSON(to: &$0) }
            out.key("categories"); out.strings(categories)
            out.key("enclosures"); out.array(enclosures) { $1.writeJSON(to: &$0) }
        }
    }

    public var json: JSONValue { JSONValue.reading(writeJSON) }
}

extension Author {
    public func writeJSON(to out: inout JSONWriter) {
        out.object { out in
            out.key("name"); out.string(name)
            out.key("email"); out.string(email)
            out.key("uri"); out.string(uri)
        }
    }
}

extension Enclosure {
    public func writeJSON(to out: inout JSONWriter) {
        out.object { out in
            out.key("url"); out.string(url)
            out.key("type"); out.string(type)
            out.key("length"); out.int(length)
        }
    }
}

extension JSONValue {
    /// The value a writer produces (what it writes is JSON by construction).
    static func reading(_ write: (inout JSONWriter) -> Void) -> JSONValue {
        var writer = JSONWriter()
        write(&writer)
        return (try? JSONReader.parse(writer.bytes)) ?? .null
    }
}
