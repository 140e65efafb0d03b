// Reads the embedding <script> tag: where the widget is served from and its data- attributes.
const GM_CODE = /^GM\d{4}$/;
const CLASS_NAME = /^[a-z][a-z0-9-]{0,60}$/;

function httpUrl(value, base) {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch (e) {
    return null;
  }
}

export function readConfig(script, pageUrl) {
  const data = (script && script.dataset) || {};
  const src = new URL((script && script.src) || pageUrl, pageUrl);
  const base = src.origin + src.pathname.replace(/\/[^/]*$/, "");
  const regio = (data.regio || "").trim().toUpperCase();
  const klasse = (data.huisstijlKlasse || "").trim();
  return {
    base,
    thema: data.thema === "jongeren" ? "jongeren" : "gemeente",
    positie: data.positie === "links" ? "links" : "rechts",
    regio: GM_CODE.test(regio) ? regio : null,
    huisstijlCss: httpUrl(data.huisstijlCss, pageUrl),
    huisstijlKlasse: CLASS_NAME.test(klasse) ? klasse : null,
  };
}

// What the assistant may know about the page: audience (youth theme) and municipality.
export function pageMetadata(config) {
  const metadata = {};
  if (config.thema === "jongeren") metadata.doelgroep = "jongere";
  if (config.regio) metadata.gemeente = config.regio;
  return metadata;
}
