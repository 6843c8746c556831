import { api, Problem } from '../api.js';
import { clearErrors, onSubmit } from '../forms.js';
import { html } from '../html.js';
import { verifyReceipt } from '../receipts.js';
import { resultMarkup } from './receipt.js';

export const may = 'readLedger';

export async function render(main) {
  main.innerHTML = html`
    <a href="/ledger" class="govuk-back-link">Back to the ledger</a>
    <h1 class="govuk-heading-l">Check a receipt you were given</h1>
    <p class="govuk-body">Paste a receipt’s JSON, as <code>GET /api/ledger/{chain}/receipts/{eventId}</code> answers it. It is checked in this browser against the service’s published keys; nothing is sent anywhere.</p>
    <form id="receipt-check" novalidate>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="receipt">Receipt JSON</label>
        <textarea class="govuk-textarea hl-monospace" id="receipt" name="receipt" rows="12" spellcheck="false"></textarea>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Check the receipt</button>
    </form>
    <div id="result" aria-live="polite"></div>`;

  const result = main.querySelector('#result');
  const form = main.querySelector('#receipt-check');
  onSubmit(form, async (values) => {
    result.innerHTML = '';
    clearErrors(form);
    const text = String(values.get('receipt') ?? '').trim();
    let receipt;
    try {
      receipt = JSON.parse(text);
    } catch (error) {
      const why = text ? `This is not JSON: ${error.message}` : 'Paste the receipt’s JSON.';
      throw new Problem(400, { title: 'There is a problem', errors: { receipt: [why] } });
    }

    const jwks = await api('/.well-known/jwks.json');
    result.innerHTML = resultMarkup(await verifyReceipt(receipt, jwks));
    result.querySelector('#receipt-result').scrollIntoView();
  });
  return 'Check a receipt';
}
