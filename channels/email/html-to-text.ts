/**
 * A small HTML-to-text converter for replies that arrive with an HTML part only. It keeps what the
 * person wrote and drops what they quoted: <blockquote> elements, Gmail's gmail_quote containers and
 * Yahoo's and new Outlook's quoted blocks are removed with everything inside them, and the text ends
 * where classic Outlook's quoted history begins. Good enough for email bodies; not a general HTML renderer.
 */

/** Elements whose content is never text. */
const SKIPPED_ELEMENTS = new Set(["head", "style", "script", "title", "template", "svg", "noscript"]);
/** Elements that start and end a line. */
const BLOCK_ELEMENTS = new Set([
  "p", "div", "section", "article", "header", "footer", "table", "thead", "tbody", "tfoot", "tr", "ul", "ol",
  "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "center", "dl", "dt", "dd", "figure", "figcaption", "hr", "body",
]);
const VOID_ELEMENTS = new Set(["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", shy: "",
  aacute: "á", eacute: "é", iacute: "í", oacute: "ó", uacute: "ú", yacute: "ý",
  Aacute: "Á", Eacute: "É", Iacute: "Í", Oacute: "Ó", Uacute: "Ú",
  agrave: "à", egrave: "è", ograve: "ò", Agrave: "À",
  acirc: "â", ecirc: "ê", ocirc: "ô", Acirc: "Â", Ecirc: "Ê", Ocirc: "Ô",
  atilde: "ã", otilde: "õ", ntilde: "ñ", Atilde: "Ã", Otilde: "Õ", Ntilde: "Ñ",
  auml: "ä", euml: "ë", iuml: "ï", ouml: "ö", uuml: "ü", Uuml: "Ü",
  ccedil: "ç", Ccedil: "Ç", ordf: "ª", ordm: "º", iexcl: "¡", iquest: "¿",
  euro: "€", pound: "£", cent: "¢", yen: "¥", copy: "©", reg: "®", trade: "™", deg: "°",
  hellip: "…", mdash: "—", ndash: "–", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»",
  bull: "•", middot: "·", times: "×", divide: "÷", zwnj: "", zwj: "",
};

/** Tags, comments and text runs; a lone "<" that starts no tag is text. */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

/** Quoted history containers: dropped whole. */
function isQuoteContainer(name: string, attributes: string): boolean {
  if (name === "blockquote") return true;
  const classList = attributeValue(attributes, "class").split(/\s+/);
  if (classList.some((name) => name === "gmail_quote" || name === "gmail_quote_container" || name === "yahoo_quoted")) return true;
  return attributeValue(attributes, "id") === "mail-editor-reference-message-container";
}

/**
 * Where Outlook's quoted history begins: its "From: … Sent: …" header sits in div#divRplyFwdMsg
 * (after an empty div#appendonsend) and the quoted message follows outside any container, so
 * nothing after these is the person's own text.
 */
function startsHistory(attributes: string): boolean {
  const id = attributeValue(attributes, "id");
  return id === "divRplyFwdMsg" || id === "appendonsend";
}

function attributeValue(attributes: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attributes);
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? "";
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

/** The readable text of an HTML email body, without quoted history, one paragraph per block. */
export function htmlToText(html: string): string {
  let out = "";
  /** While > 0 we are inside a dropped element: [tag name, depth of that tag]. */
  let dropping: { name: string; depth: number } | null = null;
  let preDepth = 0;
  /** Ends the current line (1) or paragraph (2) unless the text already does: nested blocks make one break, not several. */
  const breakAtLeast = (lines: 1 | 2) => {
    out = out.replace(/[ \t]+$/, "");
    if (out === "") return;
    const trailing = out.length - out.replace(/\n+$/, "").length;
    if (trailing < lines) out += "\n".repeat(lines - trailing);
  };

  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, rawName, attributes = ""] = match;
    if (rawName === undefined) {
      if (token.startsWith("<!") || token.startsWith("<?")) continue;
      if (dropping) continue;
      const text = decodeEntities(token);
      out += preDepth > 0 ? text : text.replace(/\s+/g, " ");
      continue;
    }
    const name = rawName.toLowerCase();
    const selfClosing = attributes.trimEnd().endsWith("/") || VOID_ELEMENTS.has(name);

    if (dropping) {
      if (name !== dropping.name || selfClosing) continue;
      dropping.depth += closing ? -1 : 1;
      if (dropping.depth === 0) dropping = null;
      continue;
    }
    if (!closing && startsHistory(attributes)) break;
    if (!closing && !selfClosing && (SKIPPED_ELEMENTS.has(name) || isQuoteContainer(name, attributes))) {
      dropping = { name, depth: 1 };
      if (BLOCK_ELEMENTS.has(name) || name === "blockquote") breakAtLeast(1);
      continue;
    }

    if (name === "br") {
      out = `${out.replace(/[ \t]+$/, "")}\n`;
    } else if (name === "li") {
      breakAtLeast(1);
      if (!closing) out += "- ";
    } else if (name === "td" || name === "th") {
      if (closing) out += " ";
    } else if (BLOCK_ELEMENTS.has(name)) {
      breakAtLeast(name === "p" || name === "hr" || /^h[1-6]$/.test(name) ? 2 : 1);
      if (name === "pre") preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    }
  }
  return tidyLines(out);
}

/** Trims each line, drops spaces a block boundary left at line starts, and keeps at most one blank line in a row. */
function tidyLines(text: string): string {
  return text
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, "").replace(/^ +(?=\S)/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
