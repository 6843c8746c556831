// Pages are drawn from the API's answers, which hold text that suppliers and staff typed. Every value goes into the
// markup escaped unless it is markup this console built itself (an Html), so no answer can inject markup.

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup the console built; html`` puts it in as it is. */
export class Html {
  constructor(markup) {
    this.markup = markup;
  }

  toString() {
    return this.markup;
  }
}

export function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => entities[c]);
}

function fragment(value) {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(fragment).join('');
  if (value === null || value === undefined || value === false) return '';
  return escape(value);
}

/** A tagged template: html`<p>${text}</p>` escapes text, and nests other html`` results and arrays of them. */
export function html(strings, ...values) {
  let markup = strings[0];
  values.forEach((value, i) => {
    markup += fragment(value) + strings[i + 1];
  });
  return new Html(markup);
}
