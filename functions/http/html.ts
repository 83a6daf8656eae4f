const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Markup built by `html`: the only value `html` inserts without escaping. */
export class SafeHtml {
  constructor(readonly markup: string) {}
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value ?? ""));
}

/**
 * A page template in which every interpolated value is escaped (text and attribute values alike),
 * unless it is itself the output of `html`: data can never become markup by forgetting a call.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((markup, part, index) => markup + render(values[index - 1]) + part));
}
