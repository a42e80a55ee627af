import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.ts";
import { replyText, stripQuotedText } from "./quote-strip.ts";

const crlf = (text: string) => text.replace(/\n/g, "\r\n");

describe("stripQuotedText: plain-text replies", () => {
  it("Gmail (en): the answer above the attribution and the > history", () => {
    const reply = crlf(`And how did last month compare?

On Mon, Nov 21, 2026 at 10:00 AM Bizos <bot@tienda.mx> wrote:

> *Net sales* this week: MX$1,193,346 (▲ 85.1%)
>
> Data as of Nov 21, 10:00.
`);
    expect(stripQuotedText(reply)).toBe("And how did last month compare?");
  });

  it("Gmail (en): an attribution wrapped over two lines", () => {
    const reply = `Thanks! Send me the top products too.

On Mon, Nov 21, 2026 at 10:00 AM Business OS Assistant for Tienda Ana <
bot+1a2b3c@tienda.mx> wrote:

> Net sales this week: MX$1,193,346
`;
    expect(stripQuotedText(reply)).toBe("Thanks! Send me the top products too.");
  });

  it("Gmail (es): 'El … escribió:' with the address in parentheses", () => {
    const reply = `¿Y cuánto vendimos en octubre?

El lun, 21 nov 2026 a las 10:00, Bizos (<bot@tienda.mx>) escribió:

> Ventas netas esta semana: MX$1,193,346
> Datos al 21 de nov.
`;
    expect(stripQuotedText(reply)).toBe("¿Y cuánto vendimos en octubre?");
  });

  it("Gmail (pt): 'Em … escreveu:' split by Gmail over two lines", () => {
    const reply = `Quais produtos estão acabando?

Em seg., 21 de nov. de 2026 às 10:00, Assistente Bizos da Loja <
bot@loja.com.br> escreveu:

> Vendas líquidas nesta semana: R$ 45.210,00
`;
    expect(stripQuotedText(reply)).toBe("Quais produtos estão acabando?");
  });

  it("Apple Mail (en, es, pt) with the phone's 'Sent from my iPhone' line", () => {
    const en = `Yes, pause the campaign.

Sent from my iPhone

> On 21 Nov 2026, at 10:00, Bizos <bot@tienda.mx> wrote:
>
> Should I pause "Black Friday MX"?
`;
    expect(stripQuotedText(en)).toBe("Yes, pause the campaign.");
    const es = `Sí, páusala.

Enviado desde mi iPhone

El 21 nov 2026, a las 10:00, Bizos <bot@tienda.mx> escribió:

¿Pauso la campaña "Buen Fin"?
`;
    expect(stripQuotedText(es)).toBe("Sí, páusala.");
    const pt = `Pode pausar.

Enviado do meu iPhone

Em 21 de nov. de 2026, à(s) 10:00, Bizos <bot@loja.com.br> escreveu:

Pauso a campanha?
`;
    expect(stripQuotedText(pt)).toBe("Pode pausar.");
  });

  it("Outlook (en): '-----Original Message-----' and everything after it", () => {
    const reply = crlf(`Please send this to my partner as well.

-----Original Message-----
From: Bizos <bot@tienda.mx>
Sent: Monday, November 21, 2026 10:00 AM
To: Ana Pérez <ana@tienda.mx>
Subject: Weekly digest

Net sales this week: MX$1,193,346
`);
    expect(stripQuotedText(reply)).toBe("Please send this to my partner as well.");
  });

  it("Outlook (es, pt): the localised separators", () => {
    expect(stripQuotedText("¿Y el margen?\n\n-----Mensaje original-----\nDe: Bizos <bot@tienda.mx>\nEnviado el: lunes\n\nVentas")).toBe("¿Y el margen?");
    expect(stripQuotedText("E a margem?\n\n-----Mensagem original-----\nDe: Bizos <bot@loja.com.br>\nEnviada em: segunda-feira\n\nVendas")).toBe("E a margem?");
  });

  it("Outlook desktop (en, es, pt): the 'From: … Sent: …' header block under a rule", () => {
    const en = crlf(`What about returns?

________________________________
From: Bizos <bot@tienda.mx>
Sent: Monday, November 21, 2026 10:00 AM
To: Ana Pérez <ana@tienda.mx>
Subject: Weekly digest

Net sales this week: MX$1,193,346
`);
    expect(stripQuotedText(en)).toBe("What about returns?");
    const es = `¿Y las devoluciones?

De: Bizos <bot@tienda.mx>
Enviado: lunes, 21 de noviembre de 2026 10:00
Para: Ana Pérez <ana@tienda.mx>
Asunto: Resumen semanal

Ventas netas: MX$1,193,346
`;
    expect(stripQuotedText(es)).toBe("¿Y las devoluciones?");
    const pt = `E as devoluções?

*De:* Bizos <bot@loja.com.br>
*Enviado:* segunda-feira, 21 de novembro de 2026 10:00
*Para:* Ana <ana@loja.com.br>
*Assunto:* Resumo semanal

Vendas líquidas: R$ 45.210,00
`;
    expect(stripQuotedText(pt)).toBe("E as devoluções?");
    expect(stripQuotedText("¿Y hoy?\n\nDe: Bizos <bot@tienda.mx>\nEnviado el: lunes, 21 de noviembre de 2026 10:00\nPara: Ana\n\nVentas")).toBe("¿Y hoy?");
    expect(stripQuotedText("E hoje?\n\nDe: Bizos <bot@loja.com.br>\nEnviada em: segunda-feira, 21 de novembro de 2026 10:00\n\nVendas")).toBe("E hoje?");
  });

  it("drops the signature after '-- ' and the 'Get Outlook for iOS' footer", () => {
    expect(stripQuotedText("Show me the top 5 products.\n\n-- \nAna Pérez\nTienda Ana · +52 55 1234 5678\n")).toBe("Show me the top 5 products.");
    expect(stripQuotedText("Show me stock.\n\nGet Outlook for iOS\n")).toBe("Show me stock.");
    expect(stripQuotedText("Muéstrame el inventario.\n\nObtener Outlook para iOS")).toBe("Muéstrame el inventario.");
  });

  it("keeps the person's own lines between interleaved quotes", () => {
    const reply = `> Net sales this week: MX$1,193,346
Why so high?
> Orders: 812
And how many were returned?

On Mon, Nov 21, 2026 at 10:00 AM Bizos <bot@tienda.mx> wrote:
> …
`;
    expect(stripQuotedText(reply)).toBe("Why so high?\nAnd how many were returned?");
  });

  it("keeps text that only looks like a header or an attribution", () => {
    const text = `On Monday we sold 40 units.
From: the warehouse team, a question about stock.
El martes vendimos más.
Ventas: 20`;
    expect(stripQuotedText(text)).toBe(text);
    expect(stripQuotedText("On second thought, the answer she wrote:\nkeep it")).toBe("On second thought, the answer she wrote:\nkeep it");
  });

  it("keeps a reply with nothing quoted as it is, trimmed, with paragraphs intact", () => {
    expect(stripQuotedText("  Sales by channel for October?\n\n\n\nThanks  \n")).toBe("Sales by channel for October?\n\nThanks");
  });

  it("returns nothing for a reply that is only quoted history", () => {
    expect(stripQuotedText("On Mon, Nov 21, 2026 at 10:00 AM Bizos <bot@tienda.mx> wrote:\n> hello\n")).toBe("");
  });
});

describe("htmlToText", () => {
  it("converts blocks, breaks and entities and drops head, style and script", () => {
    const html = `<html><head><title>x</title><style>p{color:red}</style></head><body>
<p>Hola&nbsp;equipo,</p><div>¿Cu&aacute;nto vendimos <b>ayer</b>?<br>Y &#191;hoy&#x3f;</div>
<script>alert(1)</script><ul><li>uno</li><li>dos &amp; tres</li></ul></body></html>`;
    expect(htmlToText(html)).toBe("Hola equipo,\n\n¿Cuánto vendimos ayer?\nY ¿hoy?\n- uno\n- dos & tres");
  });

  it("drops blockquotes, nested ones included, and keeps what follows", () => {
    const html = `<div>Top answer</div><blockquote type="cite"><div>quoted<blockquote>deeper</blockquote> still quoted</div></blockquote><div>After the quote</div>`;
    expect(htmlToText(html)).toBe("Top answer\nAfter the quote");
  });

  it("drops Gmail's gmail_quote container with its attribution", () => {
    const html = `<div dir="ltr">What about last month?</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Mon, Nov 21, 2026 at 10:00 AM Bizos &lt;<a href="mailto:bot@tienda.mx">bot@tienda.mx</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><div><div>Net sales: MX$1,193,346</div></div></blockquote></div>`;
    expect(htmlToText(html)).toBe("What about last month?");
  });

  it("leaves unknown entities and stray '<' alone", () => {
    expect(htmlToText("<p>5 &lt; 6 and 7 < 8 &madeup; &#0;</p>")).toBe("5 < 6 and 7 < 8 &madeup; &#0;");
  });
});

describe("replyText", () => {
  it("prefers the text part", () => {
    expect(replyText({ text: "From text\n\n> quoted", html: "<p>From html</p>" })).toBe("From text");
  });

  it("converts HTML-only Gmail replies (es) and strips them", () => {
    const html = `<div dir="ltr">¿Y el ticket promedio?</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">El lun, 21 nov 2026 a las 10:00, Bizos (&lt;bot@tienda.mx&gt;) escribió:<br></div><blockquote class="gmail_quote">Ventas netas</blockquote></div>`;
    expect(replyText({ text: null, html })).toBe("¿Y el ticket promedio?");
  });

  it("converts HTML-only Outlook replies (pt), whose history is not in a container, and strips the header block", () => {
    const html = `<html><body><div style="font-family:Calibri">Quero o relat&oacute;rio de estoque.</div>
<div><br></div>
<hr style="display:inline-block;width:98%">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>De:</b> Bizos &lt;bot@loja.com.br&gt;<br><b>Enviado:</b> segunda-feira, 21 de novembro de 2026 10:00<br><b>Para:</b> Ana<br><b>Assunto:</b> Resumo</font></div>
<div>Vendas l&iacute;quidas: R$ 45.210,00</div></body></html>`;
    expect(replyText({ text: null, html })).toBe("Quero o relatório de estoque.");
  });

  it("converts HTML-only Outlook replies (en) without Outlook's markers and cuts at the header block", () => {
    const html = `<p>Can you add the ad spend?</p><p>Ana</p><hr><p><b>From:</b> Bizos &lt;bot@tienda.mx&gt;<br><b>Sent:</b> Monday, November 21, 2026 10:00 AM<br><b>To:</b> Ana</p><p>Net sales: MX$1,193,346</p>`;
    expect(replyText({ text: null, html })).toBe("Can you add the ad spend?\n\nAna");
  });

  it("is empty when there is no body at all", () => {
    expect(replyText({ text: null, html: null })).toBe("");
    expect(replyText({ text: "  \n ", html: "<p>html</p>" })).toBe("html");
  });
});
