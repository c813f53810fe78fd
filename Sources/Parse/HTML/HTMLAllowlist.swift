/// What survives sanitising: elements and attributes of HTML 4 and 5 that
/// carry content or presentation, never behaviour (names from the HTML specs).
enum HTMLAllowlist {
    /// Removed together with everything inside them. Other elements outside the
    /// allowlist (embed, object, frame …) are removed but their text kept: the
    /// HTML parser may have nested what follows a void element inside it.
    static let droppedWithContent: Set<String> = [
        "script", "style", "applet", "noembed", "noframes", "template", "head", "title",
        // SVG and MathML parts that run or fetch something, or embed HTML.
        "foreignobject", "animate", "animatemotion", "animatetransform", "animatecolor", "set", "use", "annotation-xml",
    ]

    static let elements: Set<String> = Set(htmlElements).union(svgElements).union(mathElements)

    private static let htmlElements: [String] = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "blockquote", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command",
        "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
        "event-source", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "i", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m", "main",
        "map", "mark", "menu", "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option",
        "output", "p", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select",
        "small", "sound", "source", "spacer", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "track", "tt", "u", "ul", "var", "video",
        "wbr",
    ]

    /// Inline SVG and MathML, as feedparser keeps them, but only what draws or typesets:
    /// no animation (it can set an href to a script), no `use` (it fetches), no foreignObject.
    /// Names are written folded; an HTML page's parser restores SVG's camel case ("viewBox").
    static let svgElements: Set<String> = [
        "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "defs",
        "lineargradient", "radialgradient", "stop", "desc", "marker", "clippath",
    ]
    static let mathElements: Set<String> = [
        "math", "maction", "annotation", "menclose", "merror", "mfenced", "mfrac", "mi", "mmultiscripts", "mn", "mo",
        "mover", "mpadded", "mphantom", "mprescripts", "mroot", "mrow", "mspace", "msqrt", "mstyle", "msub", "msubsup",
        "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "none", "semantics",
    ]

    static let void: Set<String> = ["area", "br", "col", "command", "hr", "img", "input", "keygen", "source", "track", "wbr"]

    static let attributes: Set<String> = [
        "abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt", "autocomplete", "autofocus", "axis",
        "background", "balance", "bgcolor", "bgproperties", "border", "bordercolor", "bordercolordark",
        "bordercolorlight", "bottompadding", "cellpadding", "cellspacing", "ch", "challenge", "char", "charoff",
        "charset", "checked", "choff", "cite", "class", "clear", "color", "cols", "colspan", "compact",
        "contenteditable", "controls", "coords", "data", "datafld", "datapagesize", "datasrc", "datetime", "default",
        "delay", "dir", "disabled", "draggable", "dynsrc", "enctype", "end", "face", "for", "form", "frame",
        "galleryimg", "gutter", "headers", "height", "hidden", "hidefocus", "high", "href", "hreflang", "hspace",
        "icon", "id", "inputmode", "ismap", "keytype", "label", "lang", "leftspacing", "list", "longdesc", "loop",
        "loopcount", "loopend", "loopstart", "low", "lowsrc", "max", "maxlength", "media", "method", "min",
        "multiple", "name", "nohref", "noshade", "nowrap", "open", "optimum", "pattern", "ping", "point-size",
        "poster", "pqg", "preload", "prompt", "radiogroup", "readonly", "rel", "repeat-max", "repeat-min",
        "replace", "required", "rev", "rightspacing", "rows", "rowspan", "rules", "scope", "selected", "shape",
        "size", "span", "src", "srcset", "start", "step", "style", "summary", "suppress", "tabindex", "target",
        "template", "title", "toppadding", "type", "unselectable", "urn", "usemap", "valign", "value", "variable",
        "volume", "vrml", "vspace", "width", "wrap", "xml:lang",
        // SVG geometry and paint; MathML layout.
        "viewbox", "d", "points", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy", "fill",
        "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "stroke-dasharray", "opacity", "transform", "offset", "stop-color", "stop-opacity", "gradientunits", "font-size",
        "font-family", "font-weight", "text-anchor", "xmlns", "version", "baseprofile",
        "mathvariant", "mathcolor", "mathbackground", "mathsize", "display", "displaystyle", "scriptlevel",
        "linethickness", "stretchy", "fence", "separator", "separators", "lspace", "rspace", "columnalign", "rowalign",
        "columnspacing", "rowspacing", "columnlines", "rowlines", "notation", "close", "accent", "accentunder",
        "movablelimits", "largeop", "symmetric", "maxsize", "minsize", "depth", "voffset",
    ]

    /// What sanitising does with an element: kept (a void one closes itself) or
    /// dropped with its content (raw text up to its end tag, for script and
    /// style); not in this table, it is unwrapped. One lookup per tag.
    enum ElementRule { case keep(void: Bool), dropWithContent(rawText: Bool) }

    static let elementRules: PackedNameTable<ElementRule> = {
        var rules: [PackedName: ElementRule] = [:]
        for name in elements { rules[packed(name)] = .keep(void: void.contains(name)) }
        for name in droppedWithContent { rules[packed(name)] = .dropWithContent(rawText: HTMLSanitizer.rawText.contains(name)) }
        return PackedNameTable(rules)
    }()

    /// A kept attribute's value: as written, a URL to check and resolve, or CSS to reduce.
    enum AttributeRule { case keep, url, style }

    static let attributeRules: PackedNameTable<AttributeRule> = {
        var rules: [PackedName: AttributeRule] = [:]
        for name in attributes { rules[packed(name)] = name == "style" ? .style : urlAttributes.contains(name) ? .url : .keep }
        return PackedNameTable(rules)
    }()

    /// Every name in these lists fits a `PackedName` (the longest has 16 bytes).
    private static func packed(_ name: String) -> PackedName {
        guard let packed = PackedName(name) else { preconditionFailure("\(name) is longer than a PackedName holds") }
        return packed
    }

    /// Attributes holding a URL, checked for scheme and resolved against the base.
    static let urlAttributes: Set<String> = [
        "href", "src", "cite", "poster", "action", "background", "longdesc", "dynsrc", "lowsrc", "usemap", "icon", "data",
    ]

    /// CSS properties kept in `style` (presentation only; no url(), no expression()).
    static let cssProperties: Set<String> = [
        "azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color", "border-left-color",
        "border-right-color", "border-top-color", "clear", "color", "cursor", "direction", "display", "elevation",
        "float", "font", "font-family", "font-size", "font-style", "font-variant", "font-weight", "height",
        "letter-spacing", "line-height", "overflow", "pause", "pause-after", "pause-before", "pitch", "pitch-range",
        "richness", "speak", "speak-header", "speak-numeral", "speak-punctuation", "speech-rate", "stress",
        "text-align", "text-decoration", "text-indent", "unicode-bidi", "vertical-align", "voice-family", "volume",
        "white-space", "width",
    ]
}
