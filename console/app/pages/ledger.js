import { api, Problem } from '../api.js';
import { onSubmit } from '../forms.js';
import { html } from '../html.js';

export const may = 'readLedger';

const row = (key, value) => html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`;

function verificationSection(result) {
  if (!result) return html`<p class="govuk-body">Check every block of the chain: heights, hashes, Merkle roots and signatures, as <code>hl verify</code> does offline.</p>`;
  const counts = `${result.blocks} ${result.blocks === 1 ? 'block' : 'blocks'} and ${result.transactions} ${result.transactions === 1 ? 'transaction' : 'transactions'} checked`;
  if (result.valid) {
    return html`<dl class="govuk-summary-list" id="verification">
        ${row('Result', html`<strong class="govuk-tag govuk-tag--green">Valid</strong>`)}
        ${row('Checked', counts)}
      </dl>`;
  }

  const failure = result.failure ?? {};
  return html`<dl class="govuk-summary-list" id="verification">
      ${row('Result', html`<strong class="govuk-tag govuk-tag--red">Failed</strong>`)}
      ${row('At block height', failure.height)}
      ${failure.transactionIndex === undefined ? '' : row('Transaction', failure.transactionIndex)}
      ${row('Reason', failure.reason)}
      ${row('Checked before the failure', counts)}
    </dl>`;
}

export async function render(main, { caller, query: search }) {
  const chain = encodeURIComponent(caller.associationId);
  const verifying = search.get('verify') === '1';
  const [head, checkpoint, verification] = await Promise.all([
    api(`/ledger/${chain}/head`),
    api(`/ledger/${chain}/checkpoint`, { accept: 'text/plain' }).then((response) => response.text()),
    verifying ? api(`/ledger/${chain}/verify`) : null,
  ]);

  main.innerHTML = html`
    <h1 class="govuk-heading-l">Ledger</h1>
    <p class="govuk-body">Every event of your association is a signed transaction on your own hash-chained ledger. These are its head, a check of the whole chain, and its latest signed checkpoint.</p>
    <h2 class="govuk-heading-m">Head of the chain</h2>
    <dl class="govuk-summary-list" id="head">
      ${row('Chain', html`<span class="hl-monospace">${head.chain}</span>`)}
      ${row('Blocks', head.height + 1)}
      ${row('Latest block height', head.height < 0 ? 'None yet' : head.height)}
      ${row('Transactions in the latest block', head.txCount)}
      ${row('Latest block hash', html`<span class="hl-monospace">${head.blockHash ?? 'None yet'}</span>`)}
    </dl>

    <h2 class="govuk-heading-m">Verify the chain</h2>
    ${verificationSection(verification)}
    <form method="get" action="/ledger">
      <input type="hidden" name="verify" value="1">
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">${verifying ? 'Verify the chain again' : 'Verify the chain'}</button>
    </form>

    <h2 class="govuk-heading-m" id="checkpoint-heading">Latest checkpoint</h2>
    <p class="govuk-body">A C2SP signed note of the chain’s size and Merkle root. Keep copies: a later checkpoint must extend this one.</p>
    <pre class="hl-note" tabindex="0" aria-labelledby="checkpoint-heading">${checkpoint}</pre>

    <h2 class="govuk-heading-m">Check a receipt</h2>
    <form id="receipt-form" novalidate>
      <div class="govuk-form-group">
        <label class="govuk-label" for="eventId">Event id</label>
        <div class="govuk-hint" id="eventId-hint">The id of an event on your chain, as a job’s timeline shows it</div>
        <input class="govuk-input govuk-input--width-30 hl-monospace" id="eventId" name="eventId" type="text" spellcheck="false" autocomplete="off" aria-describedby="eventId-hint">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Check the receipt</button>
    </form>
    <p class="govuk-body"><a class="govuk-link" href="/ledger/receipt-check">Check a receipt you were given</a></p>`;

  // The receipt's page has the event id in its path, so go there rather than to a query string.
  onSubmit(main.querySelector('#receipt-form'), async (form) => {
    const eventId = String(form.get('eventId') ?? '').trim();
    if (!eventId) throw new Problem(400, { title: 'There is a problem', errors: { eventId: ['Enter the id of an event on your chain.'] } });
    location.assign(`/ledger/receipts/${encodeURIComponent(eventId)}`);
  });
  return 'Ledger';
}
